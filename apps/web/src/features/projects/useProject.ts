import { useSuspenseQuery } from "@tanstack/react-query";
import { useTRPC } from "../../lib/trpc.ts";

/** The project of the current page; its route's loader has already fetched it. */
export function useProject(projectId: string) {
  const trpc = useTRPC();
  return useSuspenseQuery(trpc.project.get.queryOptions({ projectId }));
}

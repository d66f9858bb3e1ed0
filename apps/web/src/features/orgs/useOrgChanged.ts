import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "@tanstack/react-router";
import { useState } from "react";
import { useTRPC } from "../../lib/trpc.ts";

type Target = { to: "/projects" } | { to: "/projects/$projectId"; params: { projectId: string } };

/**
 * After the session's active organisation changed (switch, create, accept an invitation):
 * refresh the session first so the route guards see the new organisation, go to `target`,
 * then reset every cached answer (they belong to the old organisation) and refetch what is on
 * screen. `settling` covers the page meanwhile, so nothing from the old organisation flashes.
 */
export function useOrgChanged() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const [settling, setSettling] = useState(false);
  async function run(target: Target) {
    setSettling(true);
    try {
      await queryClient.invalidateQueries(trpc.session.pathFilter());
      await router.navigate(target);
      await queryClient.resetQueries();
    } finally {
      setSettling(false);
    }
  }
  return { run, settling };
}

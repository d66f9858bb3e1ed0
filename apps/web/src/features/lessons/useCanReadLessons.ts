import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "../../lib/trpc.ts";

/**
 * Whether the lessons library is open to the signed-in person (the API's `teamOnly` rule):
 * organisation owners and admins, and members on some project's team (PM, IPM, contributor) —
 * not people who are only ever stakeholders. Read from the session and the project list.
 */
export function useCanReadLessons(): boolean {
  const trpc = useTRPC();
  const session = useQuery(trpc.session.get.queryOptions());
  const role = session.data?.activeOrg?.role;
  const admin = role === "owner" || role === "admin";
  const projects = useQuery({
    ...trpc.project.list.queryOptions({ includeArchived: true }),
    enabled: role === "member",
  });
  if (admin) return true;
  return (projects.data ?? []).some(
    (p) => p.projectRole !== null && p.projectRole !== "stakeholder",
  );
}

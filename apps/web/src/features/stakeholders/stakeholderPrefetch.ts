import { projectAllows } from "@rollout/domain";
import type { RouterContext } from "../../router.tsx";
import type { StakeholdersSearch } from "./stakeholderSearch.ts";

/**
 * The route's loader: starts loading the register and the communication plan with the page's
 * chunk (the RAID log too on the engagement section). Not for stakeholders: the API refuses
 * them, and the page tells them so without asking.
 */
export async function prefetchStakeholders(
  { queryClient, trpc }: RouterContext,
  projectId: string,
  section: StakeholdersSearch["section"],
) {
  const project = await queryClient.ensureQueryData(trpc.project.get.queryOptions({ projectId }));
  if (!projectAllows("stakeholder.read", project.myRole)) return;
  void queryClient.prefetchQuery(trpc.stakeholder.list.queryOptions({ projectId }));
  void queryClient.prefetchQuery(trpc.comms.list.queryOptions({ projectId }));
  if (section === "engagement") {
    void queryClient.prefetchQuery(trpc.raid.list.queryOptions({ projectId }));
  }
}

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "../../lib/trpc.ts";

/**
 * Project membership changes. The member list, the project (its PM/IPM names) and the
 * portfolio row show who is on the project, and the history records the change.
 */
function useMembersChanged(projectId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries(trpc.project.members.list.queryFilter({ projectId })),
      queryClient.invalidateQueries(trpc.project.list.pathFilter()),
      queryClient.invalidateQueries(trpc.project.history.queryFilter({ projectId })),
    ]);
}

export function useAddProjectMember(projectId: string) {
  const trpc = useTRPC();
  const changed = useMembersChanged(projectId);
  return useMutation(trpc.project.members.add.mutationOptions({ onSuccess: changed }));
}

export function useUpdateProjectMember(projectId: string) {
  const trpc = useTRPC();
  const changed = useMembersChanged(projectId);
  return useMutation(trpc.project.members.update.mutationOptions({ onSettled: changed }));
}

export function useRemoveProjectMember(projectId: string) {
  const trpc = useTRPC();
  const changed = useMembersChanged(projectId);
  return useMutation(trpc.project.members.remove.mutationOptions({ onSuccess: changed }));
}

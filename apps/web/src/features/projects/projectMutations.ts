import type { Project } from "@rollout/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "../../lib/trpc.ts";

/**
 * Project writes and what each one makes stale. A saved project comes back whole, so its own
 * query is replaced in place; the list, the dashboards (health, budget, dates) and the history
 * are refetched.
 */
function useProjectSaved() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return (project: Project) => {
    queryClient.setQueryData(trpc.project.get.queryKey({ projectId: project.id }), project);
    void queryClient.invalidateQueries(trpc.project.list.pathFilter());
    void queryClient.invalidateQueries(trpc.dashboard.pathFilter());
    void queryClient.invalidateQueries(trpc.project.history.queryFilter({ projectId: project.id }));
  };
}

export function useCreateProject() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation(
    trpc.project.create.mutationOptions({
      onSuccess: () => {
        void queryClient.invalidateQueries(trpc.project.list.pathFilter());
        void queryClient.invalidateQueries(trpc.dashboard.portfolio.pathFilter());
      },
    }),
  );
}

export function useUpdateProject() {
  const trpc = useTRPC();
  const saved = useProjectSaved();
  return useMutation(trpc.project.update.mutationOptions({ onSuccess: saved }));
}

export function useArchiveProject() {
  const trpc = useTRPC();
  const saved = useProjectSaved();
  return useMutation(trpc.project.archive.mutationOptions({ onSuccess: saved }));
}

export function useOverrideHealth() {
  const trpc = useTRPC();
  const saved = useProjectSaved();
  return useMutation(trpc.project.overrideHealth.mutationOptions({ onSuccess: saved }));
}

import { type Milestone, type Project, projectAllows } from "@rollout/domain";
import { skipToken, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useState } from "react";
import { useTRPC } from "../../lib/trpc.ts";

/**
 * The schedule's reads and writes, and what each write makes stale.
 * - Milestone, gate and signer writes change only `schedule.get` (forecasts, status, readiness).
 * - A task's dates or milestone change the plan, the computed schedule, every baseline
 *   comparison (current dates) and people's work lists.
 * - A new baseline adds to the list; baselines never change, so comparisons stay valid.
 */

export function useSchedule(projectId: string) {
  const trpc = useTRPC();
  return useQuery(trpc.schedule.get.queryOptions({ projectId }));
}

/** The plan (tasks, phases, links, people) the schedule is drawn on. */
export function useSchedulePlan(projectId: string) {
  const trpc = useTRPC();
  return useQuery(trpc.plan.get.queryOptions({ projectId }));
}

export function useBaselines(projectId: string) {
  const trpc = useTRPC();
  return useQuery(trpc.schedule.baseline.list.queryOptions({ projectId }));
}

export function useBaselineCompare(projectId: string, baselineId: string | undefined) {
  const trpc = useTRPC();
  return useQuery(
    trpc.schedule.baseline.compare.queryOptions(
      baselineId ? { projectId, baselineId } : skipToken,
      // Someone may have moved tasks meanwhile: the current side of the comparison is live.
      { staleTime: 5_000 },
    ),
  );
}

export function useSignedInUserId(): string | null {
  const trpc = useTRPC();
  return useQuery(trpc.session.get.queryOptions()).data?.user.id ?? null;
}

/** What the signed-in person may do on this project's schedule (the API checks it again). */
export interface ScheduleRights {
  edit: boolean;
  decide: boolean;
  userId: string | null;
}

export function useScheduleRights(project: Project): ScheduleRights {
  const userId = useSignedInUserId();
  const writable = project.canEdit && !project.archivedAt;
  return {
    edit: writable && projectAllows("schedule.edit", project.myRole),
    decide: writable && projectAllows("gate.decide", project.myRole),
    userId,
  };
}

/** Refetches the computed schedule (and waits for it, so callers can keep a spinner up). */
function useScheduleStale(projectId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(
    () => queryClient.invalidateQueries(trpc.schedule.get.queryFilter({ projectId })),
    [trpc, queryClient, projectId],
  );
}

/** After a task's dates or milestone changed: everything drawn from them. */
export function usePlanChanged(projectId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(async () => {
    void queryClient.invalidateQueries(trpc.myWork.list.pathFilter());
    void queryClient.invalidateQueries(trpc.plan.task.history.pathFilter());
    await Promise.all([
      queryClient.invalidateQueries(trpc.plan.get.queryFilter({ projectId })),
      // Not the previews: one still open would recompute against the saved change.
      queryClient.invalidateQueries(trpc.schedule.get.pathFilter()),
      queryClient.invalidateQueries(trpc.schedule.baseline.pathFilter()),
    ]);
  }, [trpc, queryClient, projectId]);
}

export function useMilestoneWrites(projectId: string) {
  const trpc = useTRPC();
  const stale = useScheduleStale(projectId);
  const planChanged = usePlanChanged(projectId);
  return {
    create: useMutation(trpc.schedule.milestone.create.mutationOptions({ onSuccess: stale })),
    update: useMutation(trpc.schedule.milestone.update.mutationOptions({ onSuccess: stale })),
    // Deleting unlinks its tasks (their version moves on): the plan is stale too.
    remove: useMutation(trpc.schedule.milestone.delete.mutationOptions({ onSuccess: planChanged })),
  };
}

export function useGateWrites(projectId: string) {
  const trpc = useTRPC();
  const stale = useScheduleStale(projectId);
  const gate = trpc.schedule.gate;
  return {
    addCriterion: useMutation(gate.addCriterion.mutationOptions({ onSuccess: stale })),
    updateCriterion: useMutation(gate.updateCriterion.mutationOptions({ onSuccess: stale })),
    removeCriterion: useMutation(gate.removeCriterion.mutationOptions({ onSuccess: stale })),
    decide: useMutation(gate.decide.mutationOptions({ onSuccess: stale })),
    addSigner: useMutation(gate.addSigner.mutationOptions({ onSuccess: stale })),
    removeSigner: useMutation(gate.removeSigner.mutationOptions({ onSuccess: stale })),
    signOff: useMutation(gate.signOff.mutationOptions({ onSuccess: stale })),
  };
}

export function useCreateBaseline() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation(
    trpc.schedule.baseline.create.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(trpc.schedule.baseline.list.pathFilter()),
    }),
  );
}

/**
 * One task's dates or milestone. Resolves once the plan and the schedule have been fetched
 * again, so the caller can keep its preview up until the new bars are there to replace it.
 */
export function useTaskScheduleWrite(projectId: string) {
  const trpc = useTRPC();
  const planChanged = usePlanChanged(projectId);
  return useMutation(trpc.plan.task.update.mutationOptions({ onSuccess: planChanged }));
}

/** Fetches the schedule again and hands back one milestone as it is now (after a CONFLICT). */
export function useFreshMilestone(projectId: string, milestoneId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [loading, setLoading] = useState(false);
  const load = useCallback(async (): Promise<Milestone | null> => {
    setLoading(true);
    try {
      const schedule = await queryClient.fetchQuery({
        ...trpc.schedule.get.queryOptions({ projectId }),
        staleTime: 0,
      });
      return schedule.milestones.find((m) => m.id === milestoneId) ?? null;
    } catch {
      return null;
    } finally {
      setLoading(false);
    }
  }, [trpc, queryClient, projectId, milestoneId]);
  return { loading, load };
}

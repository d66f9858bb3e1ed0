import { notifications } from "@mantine/notifications";
import type { bulkChanges, Phase, Plan, Task, TaskChanges } from "@rollout/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useMemo } from "react";
import type * as z from "zod";
import { errorInfo, useTRPC } from "../../lib/trpc.ts";
import { showUndo } from "../../ui/undo.tsx";
import { applyPatch, patchFor, replaceTasks, type TaskPatch } from "./taskPatch.ts";
import { type PlanStore, writesSettled, writeTask } from "./taskWrites.ts";

/**
 * Plan writes and what each one makes stale. One task's edit comes back whole and replaces that
 * task in the cached plan (no refetch of thousands of rows); writes that touch many rows
 * (moves with subtasks, bulk edits, deletes, suggestions) refetch the plan.
 */

export function usePlan(projectId: string) {
  const trpc = useTRPC();
  return useQuery(trpc.plan.get.queryOptions({ projectId }));
}

export function usePlanStore(projectId: string): PlanStore & {
  invalidate: () => Promise<void>;
  reload: () => Promise<Plan | undefined>;
} {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMemo(() => {
    const options = trpc.plan.get.queryOptions({ projectId });
    const key = options.queryKey;
    return {
      get: () => queryClient.getQueryData(key),
      set: (update) => queryClient.setQueryData(key, (old) => (old ? update(old) : old)),
      cancel: () => queryClient.cancelQueries({ queryKey: key }),
      invalidate: () => queryClient.invalidateQueries({ queryKey: key }),
      reload: async () => {
        try {
          return await queryClient.fetchQuery({ ...options, staleTime: 0 });
        } catch {
          return queryClient.getQueryData(key);
        }
      },
    };
  }, [trpc, queryClient, projectId]);
}

/** After a task changed: its history, and everyone's work lists. */
function useTaskSideEffects() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(() => {
    void queryClient.invalidateQueries(trpc.plan.task.history.pathFilter());
    void queryClient.invalidateQueries(trpc.myWork.list.pathFilter());
  }, [trpc, queryClient]);
}

export type WriteResult =
  | { ok: true; task: Task }
  | { ok: false; conflict: boolean; message: string; fieldErrors: Record<string, string> };

/** Edits one task (serially per task, shown at once). Never throws: the caller shows the result. */
export function useTaskWriter(projectId: string) {
  const trpc = useTRPC();
  const store = usePlanStore(projectId);
  const after = useTaskSideEffects();
  const { mutateAsync } = useMutation(trpc.plan.task.update.mutationOptions());
  return useCallback(
    async (task: Task, changes: TaskChanges, people?: Plan["people"]): Promise<WriteResult> => {
      const check = patchFor(task, changes, people ?? store.get()?.people);
      if (!check.ok) {
        return {
          ok: false,
          conflict: false,
          message: check.message,
          fieldErrors: { [check.field]: check.message },
        };
      }
      try {
        const saved = await writeTask(
          store,
          (input) => mutateAsync({ projectId, ...input }),
          task.id,
          changes,
          check.patch,
        );
        after();
        return { ok: true, task: saved };
      } catch (error) {
        const info = errorInfo(error);
        const hasFields = Object.keys(info.fieldErrors).length > 0;
        return {
          ok: false,
          conflict: info.code === "CONFLICT" && !hasFields,
          message: info.message,
          fieldErrors: info.fieldErrors,
        };
      }
    },
    [store, mutateAsync, projectId, after],
  );
}

const createChains = new Map<string, Promise<unknown>>();

/** New tasks, one after another (so quick typing keeps its order), added to the cached plan. */
export function useCreateTask(projectId: string) {
  const trpc = useTRPC();
  const store = usePlanStore(projectId);
  const after = useTaskSideEffects();
  const { mutateAsync } = useMutation(trpc.plan.task.create.mutationOptions());
  return useCallback(
    (input: Omit<Parameters<typeof mutateAsync>[0], "projectId">): Promise<Task> => {
      const run = async () => {
        const task = await mutateAsync({ projectId, ...input });
        store.set((plan) =>
          plan.tasks.some((t) => t.id === task.id)
            ? plan
            : { ...plan, tasks: [...plan.tasks, task] },
        );
        after();
        return task;
      };
      const previous = createChains.get(projectId) ?? Promise.resolve();
      const result = previous.then(run, run);
      createChains.set(
        projectId,
        result.catch(() => undefined),
      );
      return result;
    },
    [mutateAsync, projectId, store, after],
  );
}

/** Moves a task (its subtasks follow): shown at once, then the plan is refetched. */
export function useMoveTask(projectId: string) {
  const trpc = useTRPC();
  const store = usePlanStore(projectId);
  const after = useTaskSideEffects();
  const { mutateAsync } = useMutation(trpc.plan.task.move.mutationOptions());
  return useCallback(
    async (
      task: Task,
      target: { phaseId: string; beforeTaskId: string | null },
      sortOrder: number,
    ): Promise<WriteResult> => {
      const patch: TaskPatch = { phaseId: target.phaseId, sortOrder };
      const moveChildren = (plan: Plan, phaseId: string) =>
        replaceTasks(plan, (t) => (t.parentId === task.id ? { ...t, phaseId } : t));
      try {
        const saved = await writeTask(
          store,
          (input) =>
            mutateAsync({ projectId, taskId: input.taskId, version: input.version, ...target }),
          task.id,
          {},
          patch,
        );
        store.set((plan) => moveChildren(plan, saved.phaseId));
        after();
        void store.invalidate();
        return { ok: true, task: saved };
      } catch (error) {
        const info = errorInfo(error);
        void store.invalidate();
        return {
          ok: false,
          conflict: info.code === "CONFLICT",
          message: info.message,
          fieldErrors: info.fieldErrors,
        };
      }
    },
    [store, mutateAsync, projectId, after],
  );
}

export type BulkChanges = z.infer<typeof bulkChanges>;

/** One change to many tasks, all or nothing. Shown at once; refetched after. */
export function useBulkUpdate(projectId: string) {
  const trpc = useTRPC();
  const store = usePlanStore(projectId);
  const after = useTaskSideEffects();
  const mutation = useMutation(trpc.plan.task.bulkUpdate.mutationOptions());
  const { mutateAsync } = mutation;
  const run = useCallback(
    async (
      taskIds: readonly string[],
      changes: BulkChanges,
    ): Promise<WriteResult | { ok: true }> => {
      await writesSettled(taskIds);
      await store.cancel();
      const plan = store.get();
      if (!plan)
        return { ok: false, conflict: false, message: "The plan is not loaded", fieldErrors: {} };
      const ids = new Set(taskIds);
      const refs = plan.tasks
        .filter((t) => ids.has(t.id))
        .map((t) => ({ id: t.id, version: t.version }));
      const { shiftWorkingDays: _shift, ...shown } = changes;
      const people = plan.people;
      store.set((p) =>
        replaceTasks(p, (t) => {
          if (!ids.has(t.id)) return t;
          const check = patchFor(t, shown, people);
          return check.ok ? applyPatch(t, check.patch) : t;
        }),
      );
      try {
        const result = await mutateAsync({ projectId, tasks: refs, changes });
        const versions = new Map(result.tasks.map((r) => [r.id, r.version]));
        store.set((p) =>
          replaceTasks(p, (t) => {
            const v = versions.get(t.id);
            return v === undefined ? t : { ...t, version: v };
          }),
        );
        after();
        void store.invalidate();
        return { ok: true };
      } catch (error) {
        const info = errorInfo(error);
        store.set(() => plan);
        void store.invalidate();
        return {
          ok: false,
          conflict: info.code === "CONFLICT",
          message: info.message,
          fieldErrors: info.fieldErrors,
        };
      }
    },
    [store, mutateAsync, projectId, after],
  );
  return { run, pending: mutation.isPending };
}

/** Brings back what a delete took away (tasks, or a phase with its tasks). */
export function useRestore(projectId: string) {
  const trpc = useTRPC();
  const store = usePlanStore(projectId);
  const after = useTaskSideEffects();
  const { mutateAsync } = useMutation(trpc.plan.task.restore.mutationOptions());
  return useCallback(
    async (batchId: string) => {
      try {
        const { count } = await mutateAsync({ projectId, batchId });
        await store.invalidate();
        after();
        notifications.show({
          color: "green",
          title: "Restored",
          message: `${count} ${count === 1 ? "task is" : "tasks are"} back in the plan.`,
        });
      } catch (error) {
        notifications.show({
          color: "red",
          title: "Could not undo",
          message: errorInfo(error).message,
        });
      }
    },
    [mutateAsync, projectId, store, after],
  );
}

/** Deletes tasks (soft; their subtasks go with them) and offers Undo in a notification. */
export function useDeleteTasks(projectId: string) {
  const trpc = useTRPC();
  const store = usePlanStore(projectId);
  const after = useTaskSideEffects();
  const restore = useRestore(projectId);
  const remove = useMutation(trpc.plan.task.delete.mutationOptions());
  const { mutateAsync } = remove;
  const run = useCallback(
    async (taskIds: readonly string[]) => {
      await writesSettled(taskIds);
      await store.cancel();
      const plan = store.get();
      if (!plan) return false;
      const ids = new Set(taskIds);
      for (const t of plan.tasks) if (t.parentId && ids.has(t.parentId)) ids.add(t.id);
      const refs = plan.tasks
        .filter((t) => ids.has(t.id))
        .map((t) => ({ id: t.id, version: t.version }));
      store.set((p) => replaceTasks(p, (t) => (ids.has(t.id) ? null : t)));
      try {
        const { batchId, count } = await mutateAsync({ projectId, tasks: refs });
        after();
        showUndo({
          title: "Deleted",
          message: `${count} ${count === 1 ? "task" : "tasks"} deleted.`,
          onUndo: () => void restore(batchId),
        });
        void store.invalidate();
        return true;
      } catch (error) {
        store.set(() => plan);
        notifications.show({
          color: "red",
          title: "Not deleted",
          message: errorInfo(error).message,
        });
        void store.invalidate();
        return false;
      }
    },
    [mutateAsync, projectId, store, after, restore],
  );
  return { run, pending: remove.isPending };
}

/** Fills blank responsibilities from the organisation's playbook. */
export function useSuggest(projectId: string) {
  const trpc = useTRPC();
  const store = usePlanStore(projectId);
  const after = useTaskSideEffects();
  const mutation = useMutation(trpc.plan.task.suggest.mutationOptions());
  const { mutateAsync } = mutation;
  const run = useCallback(
    async (scope: { taskIds?: string[] | null; phaseId?: string | null; overwrite?: boolean }) => {
      if (scope.taskIds) await writesSettled(scope.taskIds);
      try {
        const { count } = await mutateAsync({
          projectId,
          taskIds: scope.taskIds ?? null,
          phaseId: scope.phaseId ?? null,
          overwrite: scope.overwrite ?? false,
        });
        await store.invalidate();
        after();
        notifications.show({
          color: count > 0 ? "green" : "blue",
          title: "Suggested from the playbook",
          message:
            count === 0
              ? "Nothing to fill: every responsibility was already set."
              : `Filled the responsibilities of ${count} ${count === 1 ? "task" : "tasks"}.`,
        });
        return true;
      } catch (error) {
        notifications.show({
          color: "red",
          title: "Could not suggest",
          message: errorInfo(error).message,
        });
        return false;
      }
    },
    [mutateAsync, projectId, store, after],
  );
  return { run, pending: mutation.isPending };
}

const byOrder = (a: Phase, b: Phase) => a.sortOrder - b.sortOrder;

/** Phases: created and renamed in place; moves and deletes refetch. */
export function usePhaseWrites(projectId: string) {
  const trpc = useTRPC();
  const store = usePlanStore(projectId);
  const create = useMutation(
    trpc.plan.phase.create.mutationOptions({
      onSuccess: (phase) =>
        store.set((plan) =>
          plan.phases.some((p) => p.id === phase.id)
            ? plan
            : { ...plan, phases: [...plan.phases, phase].sort(byOrder) },
        ),
    }),
  );
  const rename = useMutation(
    trpc.plan.phase.update.mutationOptions({
      onSuccess: (phase) =>
        store.set((plan) => ({
          ...plan,
          phases: plan.phases.map((p) => (p.id === phase.id ? phase : p)),
        })),
    }),
  );
  const move = useMutation(
    trpc.plan.phase.move.mutationOptions({ onSettled: () => store.invalidate() }),
  );
  const remove = useMutation(
    trpc.plan.phase.delete.mutationOptions({ onSettled: () => store.invalidate() }),
  );
  return { create, rename, move, remove };
}

/** Dependencies live in the plan query: added, changed and removed in place. */
export function useDependencyWrites(projectId: string) {
  const trpc = useTRPC();
  const store = usePlanStore(projectId);
  const add = useMutation(
    trpc.plan.dependency.add.mutationOptions({
      onSuccess: (dep) =>
        store.set((plan) => ({ ...plan, dependencies: [...plan.dependencies, dep] })),
    }),
  );
  const update = useMutation(
    trpc.plan.dependency.update.mutationOptions({
      onSuccess: (dep) =>
        store.set((plan) => ({
          ...plan,
          dependencies: plan.dependencies.map((d) => (d.id === dep.id ? dep : d)),
        })),
    }),
  );
  const remove = useMutation(
    trpc.plan.dependency.remove.mutationOptions({
      onSuccess: (_result, input) =>
        store.set((plan) => ({
          ...plan,
          dependencies: plan.dependencies.filter((d) => d.id !== input.dependencyId),
        })),
    }),
  );
  return { add, update, remove };
}

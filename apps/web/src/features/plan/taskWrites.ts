import type { Plan, Task, TaskChanges } from "@rollout/domain";
import { applyPatch, replaceTasks, type TaskPatch } from "./taskPatch.ts";

/**
 * Edits of one task go to the server one after another, each carrying the version the previous
 * one returned: typing in two cells of a row quickly never meets CONFLICT against oneself.
 * The change shows at once (an optimistic patch over the cached plan); the server's answer
 * replaces it, and a refusal puts back what the server last said, with any edits still queued
 * on top. Kept per task id outside React, so the grid, the drawer and the matrix share it.
 */

interface Pending {
  id: number;
  patch: TaskPatch;
}

const chains = new Map<string, Promise<unknown>>();
const pending = new Map<string, Pending[]>();
/** The last task the server sent, while edits of it are pending. */
const confirmed = new Map<string, Task>();
let nextId = 1;

export interface PlanStore {
  get: () => Plan | undefined;
  set: (update: (plan: Plan) => Plan) => void;
  /** Stops a refetch in flight from landing over an optimistic change. */
  cancel: () => Promise<void>;
}

export type UpdateTask = (input: {
  taskId: string;
  version: number;
  changes: TaskChanges;
}) => Promise<Task>;

function show(store: PlanStore, taskId: string) {
  const base = confirmed.get(taskId);
  if (!base) return;
  let task = base;
  for (const p of pending.get(taskId) ?? []) task = applyPatch(task, p.patch);
  store.set((plan) => replaceTasks(plan, (t) => (t.id === taskId ? task : t)));
}

function settle(store: PlanStore, taskId: string, entry: Pending) {
  const list = (pending.get(taskId) ?? []).filter((p) => p !== entry);
  if (list.length > 0) pending.set(taskId, list);
  else pending.delete(taskId);
  show(store, taskId);
  if (list.length === 0) confirmed.delete(taskId);
}

/** The task as the server last confirmed it (the version to send). */
export function confirmedTask(store: PlanStore, taskId: string): Task | undefined {
  return confirmed.get(taskId) ?? store.get()?.tasks.find((t) => t.id === taskId);
}

/** Waits until every queued edit of these tasks has been answered. */
export async function writesSettled(taskIds: Iterable<string>): Promise<void> {
  const waits: Promise<unknown>[] = [];
  for (const id of taskIds) {
    const chain = chains.get(id);
    if (chain) waits.push(chain.catch(() => undefined));
  }
  await Promise.all(waits);
}

export async function writeTask(
  store: PlanStore,
  update: UpdateTask,
  taskId: string,
  changes: TaskChanges,
  patch: TaskPatch,
): Promise<Task> {
  await store.cancel();
  const current = store.get()?.tasks.find((t) => t.id === taskId);
  if (!current) throw new Error("This task is no longer in the plan.");
  if (!confirmed.has(taskId)) confirmed.set(taskId, current);
  const entry: Pending = { id: nextId++, patch };
  pending.set(taskId, [...(pending.get(taskId) ?? []), entry]);
  show(store, taskId);

  const run = async () => {
    const base = confirmedTask(store, taskId);
    if (!base) throw new Error("This task is no longer in the plan.");
    try {
      const saved = await update({ taskId, version: base.version, changes });
      confirmed.set(taskId, saved);
      return saved;
    } finally {
      settle(store, taskId, entry);
    }
  };
  const previous = chains.get(taskId) ?? Promise.resolve();
  const result = previous.then(run, run);
  const tail = result.catch(() => undefined);
  chains.set(taskId, tail);
  void tail.then(() => {
    if (chains.get(taskId) === tail) chains.delete(taskId);
  });
  return result;
}

import type { TaskStatus } from "./enums.ts";

export interface ProgressInput {
  percentComplete: number;
  estimateHours: number | null;
  status: TaskStatus;
}

/**
 * Roll-up percent complete, weighted by estimate (a task without an estimate weighs 1 hour).
 * Cancelled tasks do not count; done tasks count as 100%.
 */
export function rollupProgress(tasks: readonly ProgressInput[]): number {
  let weight = 0;
  let done = 0;
  for (const t of tasks) {
    if (t.status === "cancelled") continue;
    const w = t.estimateHours && t.estimateHours > 0 ? t.estimateHours : 1;
    weight += w;
    done += w * (t.status === "done" ? 100 : t.percentComplete);
  }
  return weight === 0 ? 0 : Math.round((done / weight) * 10) / 10;
}

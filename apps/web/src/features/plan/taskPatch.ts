import {
  type Party,
  type Plan,
  type RaciValue,
  raciViolations,
  reconcileDates,
  type Task,
  type TaskChanges,
  type TaskDates,
} from "@rollout/domain";

/** What a change looks like before the server answers; the server's answer replaces it. */
export type TaskPatch = Partial<Omit<Task, "responsibilities">> & {
  responsibilities?: Partial<Record<Party, RaciValue | null>>;
};

/** A task with a patch applied, keeping the derived bits (violations) consistent. */
export function applyPatch(task: Task, patch: TaskPatch): Task {
  const { responsibilities, ...rest } = patch;
  const next: Task = { ...task, ...rest };
  if (responsibilities) {
    next.responsibilities = { ...task.responsibilities, ...responsibilities };
    next.violations = raciViolations(next.responsibilities);
  }
  return next;
}

const dateFields = ["startDate", "dueDate", "duration"] as const;

export type ChangeCheck =
  | { ok: true; patch: TaskPatch }
  | { ok: false; field: string; message: string };

/**
 * The local view of a change: dates reconciled with the domain's one rule (so the derived third
 * value shows at once), the assignee's name filled in from the people list.
 */
export function patchFor(
  task: Task,
  changes: TaskChanges,
  people: Plan["people"] = [],
): ChangeCheck {
  const patch: TaskPatch = { ...changes };
  const changed = dateFields.filter((f) => f in changes);
  if (changed.length > 0) {
    const next: TaskDates = {
      startDate: changes.startDate !== undefined ? changes.startDate : task.startDate,
      dueDate: changes.dueDate !== undefined ? changes.dueDate : task.dueDate,
      duration: changes.duration !== undefined ? changes.duration : task.duration,
    };
    const result = reconcileDates(next, changed);
    if (!result.ok) return { ok: false, field: result.field, message: result.message };
    Object.assign(patch, result.dates);
  }
  if (changes.assigneeId !== undefined) {
    patch.assigneeName =
      changes.assigneeId === null
        ? null
        : (people.find((p) => p.userId === changes.assigneeId)?.name ?? task.assigneeName);
  }
  // As the server does: marking a task done completes it.
  if (changes.status === "done" && changes.percentComplete === undefined) {
    patch.percentComplete = 100;
  }
  return { ok: true, patch };
}

/** The plan with some tasks replaced (same order), keeping every untouched task object. */
export function replaceTasks(plan: Plan, replace: (task: Task) => Task | null): Plan {
  let changed = false;
  const tasks: Task[] = [];
  for (const t of plan.tasks) {
    const next = replace(t);
    if (next !== t) changed = true;
    if (next) tasks.push(next);
  }
  return changed ? { ...plan, tasks } : plan;
}

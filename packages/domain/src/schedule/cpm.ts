import type { DependencyType } from "../plan/enums.ts";
import { WorkingCalendar } from "./calendar.ts";

export interface ScheduleTask {
  id: string;
  /** Working days; at least 1 (a missing or smaller duration counts as 1). */
  duration: number | null;
  /** A planned start acts as "start no earlier than". */
  startDate: string | null;
  dueDate: string | null;
  /** Started or done tasks keep their dates: the schedule flows around them. */
  pinned: boolean;
}

export interface ScheduleLink {
  predecessorId: string;
  successorId: string;
  type: DependencyType;
  /** Working days; negative is a lead. */
  lag: number;
}

export interface ScheduledTask {
  id: string;
  earlyStart: string;
  earlyFinish: string;
  lateStart: string;
  lateFinish: string;
  /** Working days the task can slip without moving the project finish (negative: already late). */
  totalFloat: number;
  critical: boolean;
}

export interface Schedule {
  tasks: Map<string, ScheduledTask>;
  /** The last early finish of the project. */
  finish: string | null;
  /** For each task, the predecessor whose link set its early start (null: nothing drives it). */
  drivers: Map<string, string | null>;
}

export class ScheduleCycleError extends Error {
  constructor(readonly taskIds: string[]) {
    super("the dependencies form a loop");
    this.name = "ScheduleCycleError";
  }
}

/**
 * Critical path method on a working calendar. Time is counted in working days: a task occupies
 * [start, start + duration); the four link types constrain, with lag L:
 *   FS  succ.start  ≥ pred.finish + L      SS  succ.start  ≥ pred.start + L
 *   FF  succ.finish ≥ pred.finish + L      SF  succ.finish ≥ pred.start + L
 * Forward pass → early dates; backward pass from the project finish → late dates; float = late −
 * early start; critical when float ≤ 0. O(tasks + links).
 */
export function computeSchedule(
  tasks: readonly ScheduleTask[],
  links: readonly ScheduleLink[],
  options: { projectStart: string; holidays?: Iterable<string> },
): Schedule {
  const calendar = new WorkingCalendar(options.projectStart, options.holidays);
  const n = tasks.length;
  const position = new Map<string, number>();
  tasks.forEach((t, i) => {
    position.set(t.id, i);
  });
  const duration = new Int32Array(n);
  const floor = new Float64Array(n); // earliest allowed start (start-no-earlier-than)
  const pinnedStart = new Array<number | null>(n).fill(null);
  tasks.forEach((t, i) => {
    let d = Math.max(1, t.duration ?? 1);
    if (t.pinned && t.startDate && t.dueDate) {
      d = Math.max(1, calendar.dayOf(t.dueDate, -1) - calendar.dayOf(t.startDate, 1) + 1);
    }
    duration[i] = d;
    floor[i] = t.startDate ? calendar.dayOf(t.startDate, 1) : 0;
    if (t.pinned && t.startDate) pinnedStart[i] = calendar.dayOf(t.startDate, 1);
  });

  // Adjacency, kept as index lists; links to unknown tasks are ignored.
  const outgoing: number[][] = Array.from({ length: n }, () => []);
  const incoming: number[][] = Array.from({ length: n }, () => []);
  const valid: Array<{ p: number; s: number; type: DependencyType; lag: number }> = [];
  for (const l of links) {
    const p = position.get(l.predecessorId);
    const s = position.get(l.successorId);
    if (p === undefined || s === undefined) continue;
    const k = valid.length;
    valid.push({ p, s, type: l.type, lag: l.lag });
    outgoing[p]?.push(k);
    incoming[s]?.push(k);
  }

  // Topological order (Kahn).
  const indegree = new Int32Array(n);
  for (const l of valid) indegree[l.s] = (indegree[l.s] ?? 0) + 1;
  const order: number[] = [];
  const queue: number[] = [];
  for (let i = 0; i < n; i++) if (indegree[i] === 0) queue.push(i);
  for (let head = 0; head < queue.length; head++) {
    const i = queue[head] as number;
    order.push(i);
    for (const k of outgoing[i] ?? []) {
      const s = (valid[k] as { s: number }).s;
      indegree[s] = (indegree[s] ?? 0) - 1;
      if (indegree[s] === 0) queue.push(s);
    }
  }
  if (order.length < n) {
    const stuck = tasks.filter((_, i) => (indegree[i] ?? 0) > 0).map((t) => t.id);
    throw new ScheduleCycleError(stuck);
  }

  // Forward pass.
  const es = new Float64Array(n);
  const driver = new Array<number | null>(n).fill(null);
  for (const i of order) {
    const d = duration[i] as number;
    let start = floor[i] as number;
    let by: number | null = null;
    for (const k of incoming[i] ?? []) {
      const l = valid[k] as { p: number; type: DependencyType; lag: number };
      const ps = es[l.p] as number;
      const pf = ps + (duration[l.p] as number);
      let bound: number;
      switch (l.type) {
        case "FS":
          bound = pf + l.lag;
          break;
        case "SS":
          bound = ps + l.lag;
          break;
        case "FF":
          bound = pf + l.lag - d;
          break;
        case "SF":
          bound = ps + l.lag - d;
          break;
      }
      // A link that sets the start (or ties the planned start) is what drives the task.
      if (bound > start || (bound === start && by === null)) {
        start = bound;
        by = l.p;
      }
    }
    const pinned = pinnedStart[i];
    if (pinned !== null && pinned !== undefined) {
      start = pinned;
      by = null;
    }
    es[i] = start;
    driver[i] = by;
  }
  let projectFinish = 0;
  for (let i = 0; i < n; i++)
    projectFinish = Math.max(projectFinish, (es[i] as number) + (duration[i] as number));

  // Backward pass.
  const lf = new Float64Array(n).fill(projectFinish);
  for (let o = order.length - 1; o >= 0; o--) {
    const i = order[o] as number;
    const d = duration[i] as number;
    let finish = projectFinish;
    for (const k of outgoing[i] ?? []) {
      const l = valid[k] as { s: number; type: DependencyType; lag: number };
      const sf = lf[l.s] as number;
      const ss = sf - (duration[l.s] as number);
      let bound: number;
      switch (l.type) {
        case "FS":
          bound = ss - l.lag;
          break;
        case "SS":
          bound = ss - l.lag + d;
          break;
        case "FF":
          bound = sf - l.lag;
          break;
        case "SF":
          bound = sf - l.lag + d;
          break;
      }
      finish = Math.min(finish, bound);
    }
    lf[i] = finish;
  }

  const out = new Map<string, ScheduledTask>();
  const drivers = new Map<string, string | null>();
  tasks.forEach((t, i) => {
    const d = duration[i] as number;
    const start = es[i] as number;
    const lateFinish = lf[i] as number;
    const lateStart = lateFinish - d;
    const float = lateStart - start;
    out.set(t.id, {
      id: t.id,
      earlyStart: calendar.dateOf(start),
      earlyFinish: calendar.dateOf(start + d - 1),
      lateStart: calendar.dateOf(lateStart),
      lateFinish: calendar.dateOf(lateFinish - 1),
      totalFloat: float,
      critical: float <= 0,
    });
    const by = driver[i];
    drivers.set(t.id, by === null || by === undefined ? null : (tasks[by] as ScheduleTask).id);
  });
  return { tasks: out, finish: n === 0 ? null : calendar.dateOf(projectFinish - 1), drivers };
}

/** The chain of tasks that drives `taskId`'s early start, first task first. */
export function drivingChain(schedule: Schedule, taskId: string): string[] {
  const chain = [taskId];
  const seen = new Set(chain);
  let cursor = schedule.drivers.get(taskId) ?? null;
  while (cursor !== null && !seen.has(cursor)) {
    chain.push(cursor);
    seen.add(cursor);
    cursor = schedule.drivers.get(cursor) ?? null;
  }
  return chain.reverse();
}

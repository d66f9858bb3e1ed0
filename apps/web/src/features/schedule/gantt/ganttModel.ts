import type { DependencyType, Milestone, Plan, ScheduleView, Task } from "@rollout/domain";
import { dayNumber } from "../calendarDays.ts";

/**
 * The Gantt as data: the rows in display order (milestones, then each phase with its tasks,
 * subtasks under their parent), each with its span in day numbers, and the dependency links as
 * pairs of row indices. Pure, so it is built once per change of plan, schedule or folding and
 * the chart only draws the rows in view.
 */

export const ROW_HEIGHT = 30;

/** Calendar days, `end` exclusive (a one-day task on day d spans [d, d + 1)). */
export interface Span {
  start: number;
  end: number;
}

export type ScheduledTask = ScheduleView["tasks"][number];

export type GanttRow =
  | {
      kind: "group";
      key: string;
      /** Phase id, or "milestones" for the milestone group. */
      id: string;
      name: string;
      span: Span | null;
      critical: boolean;
      collapsed: boolean;
      count: number;
    }
  | {
      kind: "task";
      key: string;
      task: Task;
      sched: ScheduledTask | null;
      span: Span | null;
      baseline: Span | null;
      depth: number;
    }
  | {
      kind: "milestone";
      key: string;
      milestone: Milestone;
      /** Forecast (or actual) day. */
      day: number | null;
      baselineDay: number | null;
    };

export interface GanttLink {
  id: string;
  from: number;
  to: number;
  type: DependencyType;
  critical: boolean;
}

export interface GanttModel {
  rows: GanttRow[];
  links: GanttLink[];
  /** First and last day anything is drawn on (today included). */
  range: Span;
  rowOfTask: Map<string, number>;
}

/** What a chosen baseline says, per task and milestone. */
export interface BaselineDates {
  tasks: Map<string, { start: string | null; due: string | null }>;
  milestones: Map<string, string | null>;
}

export const MILESTONES_GROUP = "milestones";

function spanOf(start: string | null | undefined, finish: string | null | undefined): Span | null {
  if (!start && !finish) return null;
  const s = dayNumber((start ?? finish) as string);
  const f = dayNumber((finish ?? start) as string);
  return { start: Math.min(s, f), end: Math.max(s, f) + 1 };
}

function widen(span: Span | null, other: Span | null): Span | null {
  if (!other) return span;
  if (!span) return { ...other };
  return { start: Math.min(span.start, other.start), end: Math.max(span.end, other.end) };
}

/** Tasks of one phase in plan order, each followed by its subtasks (depth-first). */
function orderPhase(tasks: Task[]): Array<{ task: Task; depth: number }> {
  const ids = new Set(tasks.map((t) => t.id));
  const children = new Map<string | null, Task[]>();
  for (const t of tasks) {
    const parent = t.parentId && ids.has(t.parentId) ? t.parentId : null;
    const list = children.get(parent);
    if (list) list.push(t);
    else children.set(parent, [t]);
  }
  for (const list of children.values()) list.sort((a, b) => a.sortOrder - b.sortOrder);
  const out: Array<{ task: Task; depth: number }> = [];
  const seen = new Set<string>();
  const visit = (parent: string | null, depth: number) => {
    for (const t of children.get(parent) ?? []) {
      if (seen.has(t.id)) continue;
      seen.add(t.id);
      out.push({ task: t, depth });
      visit(t.id, depth + 1);
    }
  };
  visit(null, 0);
  return out;
}

export function buildGantt({
  plan,
  schedule,
  baseline,
  collapsed,
  today,
}: {
  plan: Pick<Plan, "phases" | "tasks" | "dependencies">;
  schedule: Pick<ScheduleView, "tasks" | "milestones">;
  baseline: BaselineDates | null;
  collapsed: ReadonlySet<string>;
  today: string;
}): GanttModel {
  const sched = new Map(schedule.tasks.map((t) => [t.id, t]));
  const byPhase = new Map<string, Task[]>();
  for (const t of plan.tasks) {
    const list = byPhase.get(t.phaseId);
    if (list) list.push(t);
    else byPhase.set(t.phaseId, [t]);
  }
  const rows: GanttRow[] = [];
  const rowOfTask = new Map<string, number>();
  const todayDay = dayNumber(today);
  let range: Span = { start: todayDay, end: todayDay + 1 };
  const cover = (span: Span | null) => {
    if (span) range = widen(range, span) as Span;
  };

  if (schedule.milestones.length > 0) {
    const folded = collapsed.has(MILESTONES_GROUP);
    const milestoneRows: GanttRow[] = [];
    let span: Span | null = null;
    for (const m of schedule.milestones) {
      const shown = m.actualDate ?? m.forecastDate;
      const baselineDate = baseline ? (baseline.milestones.get(m.id) ?? null) : m.baselineDate;
      const day = shown ? dayNumber(shown) : null;
      const baselineDay = baselineDate ? dayNumber(baselineDate) : null;
      const own = spanOf(shown, shown);
      span = widen(span, own);
      cover(own);
      cover(spanOf(baselineDate, baselineDate));
      if (!folded)
        milestoneRows.push({ kind: "milestone", key: `m:${m.id}`, milestone: m, day, baselineDay });
    }
    rows.push({
      kind: "group",
      key: `g:${MILESTONES_GROUP}`,
      id: MILESTONES_GROUP,
      name: "Milestones",
      span,
      critical: false,
      collapsed: folded,
      count: schedule.milestones.length,
    });
    rows.push(...milestoneRows);
  }

  const phases = [...plan.phases].sort((a, b) => a.sortOrder - b.sortOrder);
  for (const phase of phases) {
    const ordered = orderPhase(byPhase.get(phase.id) ?? []);
    const folded = collapsed.has(phase.id);
    const groupIndex = rows.length;
    let span: Span | null = null;
    let critical = false;
    rows.push({
      kind: "group",
      key: `g:${phase.id}`,
      id: phase.id,
      name: phase.name,
      span: null,
      critical: false,
      collapsed: folded,
      count: ordered.length,
    });
    for (const { task, depth } of ordered) {
      const s = sched.get(task.id) ?? null;
      const taskSpan = s
        ? spanOf(s.earlyStart, s.earlyFinish)
        : spanOf(task.startDate, task.dueDate);
      const b = baseline?.tasks.get(task.id);
      const baselineSpan = b ? spanOf(b.start, b.due) : null;
      span = widen(span, taskSpan);
      if (s?.critical && task.status !== "cancelled") critical = true;
      cover(taskSpan);
      cover(baselineSpan);
      if (folded) continue;
      rowOfTask.set(task.id, rows.length);
      rows.push({
        kind: "task",
        key: `t:${task.id}`,
        task,
        sched: s,
        span: taskSpan,
        baseline: baselineSpan,
        depth,
      });
    }
    const group = rows[groupIndex];
    if (group?.kind === "group") {
      group.span = span;
      group.critical = critical;
    }
  }

  const links: GanttLink[] = [];
  for (const d of plan.dependencies) {
    const from = rowOfTask.get(d.predecessorId);
    const to = rowOfTask.get(d.successorId);
    if (from === undefined || to === undefined) continue;
    const a = rows[from];
    const b = rows[to];
    // Red only where the link drives a critical task: the successor's start is set by it.
    const critical =
      a?.kind === "task" &&
      b?.kind === "task" &&
      Boolean(a.sched?.critical && b.sched?.critical) &&
      b.sched?.drivenBy === d.predecessorId;
    links.push({ id: d.id, from, to, type: d.type, critical });
  }
  return { rows, links, range, rowOfTask };
}

/** The rows between two indices that hold at least part of a link (for drawing only those). */
export function linksInView(links: GanttLink[], first: number, last: number): GanttLink[] {
  return links.filter((l) => Math.max(l.from, l.to) >= first && Math.min(l.from, l.to) <= last);
}

/**
 * The elbow path of a link, in chart coordinates. Finish-to-start goes from the end of the
 * predecessor to the start of the successor (down a gap between rows when the successor starts
 * earlier); the other three types connect the ends they name.
 */
export function linkPath(
  type: DependencyType,
  pred: { x0: number; x1: number; y: number },
  succ: { x0: number; x1: number; y: number },
): string {
  const gap = 8;
  const fromEnd = type === "FS" || type === "FF";
  const toStart = type === "FS" || type === "SS";
  const sx = fromEnd ? pred.x1 : pred.x0;
  const tx = toStart ? succ.x0 : succ.x1;
  const down = succ.y >= pred.y ? 1 : -1;
  if (type === "FS") {
    if (tx - sx >= gap * 2) return `M${sx} ${pred.y}H${sx + gap}V${succ.y}H${tx}`;
    const between = succ.y - (down * ROW_HEIGHT) / 2;
    return `M${sx} ${pred.y}H${sx + gap}V${between}H${tx - gap}V${succ.y}H${tx}`;
  }
  if (type === "SS") {
    const x = Math.min(sx, tx) - gap;
    return `M${sx} ${pred.y}H${x}V${succ.y}H${tx}`;
  }
  if (type === "FF") {
    const x = Math.max(sx, tx) + gap;
    return `M${sx} ${pred.y}H${x}V${succ.y}H${tx}`;
  }
  // SF: from the predecessor's start round to the successor's end.
  return `M${sx} ${pred.y}H${sx - gap}V${succ.y - (down * ROW_HEIGHT) / 2}H${tx + gap}V${succ.y}H${tx}`;
}

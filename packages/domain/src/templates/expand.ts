import type { DependencyType, Party, RaciValue } from "../plan/enums.ts";
import { parties } from "../plan/enums.ts";
import { WorkingCalendar } from "../schedule/calendar.ts";
import type {
  TemplateBody,
  TemplateDependency,
  TemplateMilestone,
  TemplatePhase,
  TemplateTask,
} from "./model.ts";

export interface CalendarOptions {
  /** The project's start date; day 0 is the first working day on or after it. */
  startDate: string;
  /** The organisation's holidays (non-working days on top of weekends). */
  holidays?: Iterable<string>;
}

export interface ExpandedTask extends Omit<TemplateTask, "startOffset"> {
  startDate: string;
  dueDate: string;
}

export interface ExpandedMilestone extends Omit<TemplateMilestone, "offset"> {
  baselineDate: string;
}

/** A template laid on a calendar: the same rows, with dates instead of offsets. */
export interface ExpandedPlan {
  /** Day 0: the first working day on or after the start date. */
  dayZero: string;
  phases: TemplatePhase[];
  milestones: ExpandedMilestone[];
  tasks: ExpandedTask[];
  dependencies: TemplateDependency[];
  /** The go-live milestone's date (the latest, if several); else null. */
  goLive: string | null;
  /** The last due date of any task; null without tasks. */
  finish: string | null;
}

/**
 * Concrete dates for a template (pure): a task starts on working day `startOffset` and is due
 * `duration − 1` working days later; a milestone falls on working day `offset`. Weekends and
 * the organisation's holidays are skipped.
 */
export function expandTemplate(body: TemplateBody, options: CalendarOptions): ExpandedPlan {
  const calendar = new WorkingCalendar(options.startDate, options.holidays ?? []);
  const tasks = body.tasks.map(({ startOffset, ...rest }) => ({
    ...rest,
    raci: { ...rest.raci },
    startDate: calendar.dateOf(startOffset),
    dueDate: calendar.dateOf(startOffset + Math.max(1, rest.duration) - 1),
  }));
  const milestones = body.milestones.map(({ offset, ...rest }) => ({
    ...rest,
    criteria: [...rest.criteria],
    baselineDate: calendar.dateOf(offset),
  }));
  let goLive: string | null = null;
  for (const m of milestones) {
    if (m.isGoLive && (goLive === null || m.baselineDate > goLive)) goLive = m.baselineDate;
  }
  let finish: string | null = null;
  for (const t of tasks) if (finish === null || t.dueDate > finish) finish = t.dueDate;
  return {
    dayZero: calendar.dateOf(0),
    phases: body.phases.map((p) => ({ ...p })),
    milestones,
    tasks,
    dependencies: body.dependencies.map((d) => ({ ...d })),
    goLive,
    finish,
  };
}

/** The first start and last due date of each phase's tasks (null for a phase with none). */
export function phaseSpans(
  plan: Pick<ExpandedPlan, "phases" | "tasks">,
): { key: string; name: string; tasks: number; start: string | null; end: string | null }[] {
  const spans = new Map(
    plan.phases.map((p) => [
      p.key,
      {
        key: p.key,
        name: p.name,
        tasks: 0,
        start: null as string | null,
        end: null as string | null,
      },
    ]),
  );
  for (const t of plan.tasks) {
    const span = spans.get(t.phaseKey);
    if (!span) continue;
    span.tasks += 1;
    if (span.start === null || t.startDate < span.start) span.start = t.startDate;
    if (span.end === null || t.dueDate > span.end) span.end = t.dueDate;
  }
  return [...spans.values()];
}

/** A project's plan as `templateFromPlan` reads it: rows named by key, dates possibly missing. */
export interface PlanSource {
  phases: TemplatePhase[];
  milestones: Array<
    Omit<TemplateMilestone, "offset"> & {
      baselineDate: string | null;
    }
  >;
  tasks: Array<
    Omit<TemplateTask, "startOffset" | "duration" | "raci"> & {
      startDate: string | null;
      dueDate: string | null;
      duration: number | null;
      raci: Partial<Record<Party, RaciValue | null>>;
    }
  >;
  dependencies: TemplateDependency[];
}

/**
 * The template of a plan (pure, the inverse of `expandTemplate`): offsets in working days from
 * day 0 of `startDate` on the same calendar.
 * - A task with a start date starts at that working day (a start on a weekend or holiday counts
 *   as the next working day); with only a due date, `duration` working days before it.
 * - A task without dates gets the earliest start its predecessors allow (the same FS/SS/FF/SF +
 *   lag rules as the schedule, predecessors first), or day 0 when nothing precedes it. That keeps
 *   an undated task after the work it waits for, which is where a planner would put it.
 * - A duration missing from the plan comes from start and due, else 1 working day.
 * - Anything dated before the project start is moved to day 0 (a template starts at its start).
 * - A milestone without a baseline date falls on the last due day of its tasks, else day 0.
 * Gate criteria are kept on gates only; a go-live milestone is always a gate.
 */
export function templateFromPlan(plan: PlanSource, options: CalendarOptions): TemplateBody {
  const calendar = new WorkingCalendar(options.startDate, options.holidays ?? []);
  const duration = new Map<string, number>();
  const start = new Map<string, number>();
  for (const t of plan.tasks) {
    let d = t.duration;
    if (d === null || !Number.isInteger(d) || d < 1) {
      d =
        t.startDate && t.dueDate
          ? Math.max(1, calendar.dayOf(t.dueDate, -1) - calendar.dayOf(t.startDate, 1) + 1)
          : 1;
    }
    duration.set(t.key, d);
    if (t.startDate) start.set(t.key, Math.max(0, calendar.dayOf(t.startDate, 1)));
    else if (t.dueDate) start.set(t.key, Math.max(0, calendar.dayOf(t.dueDate, -1) - d + 1));
  }

  // Undated tasks, predecessors first.
  const incoming = new Map<string, TemplateDependency[]>();
  for (const d of plan.dependencies) {
    const list = incoming.get(d.successorKey);
    if (list) list.push(d);
    else incoming.set(d.successorKey, [d]);
  }
  for (const key of topologicalOrder(
    plan.tasks.map((t) => t.key),
    plan.dependencies,
  )) {
    if (start.has(key)) continue;
    const own = duration.get(key) ?? 1;
    let earliest = 0;
    for (const link of incoming.get(key) ?? []) {
      const ps = start.get(link.predecessorKey);
      const pd = duration.get(link.predecessorKey);
      if (ps === undefined || pd === undefined) continue;
      earliest = Math.max(earliest, earliestStart(link.type, ps, pd, own, link.lag));
    }
    start.set(key, earliest);
  }

  const lastDue = new Map<string, number>();
  for (const t of plan.tasks) {
    if (!t.milestoneKey) continue;
    const end = (start.get(t.key) ?? 0) + (duration.get(t.key) ?? 1) - 1;
    lastDue.set(t.milestoneKey, Math.max(lastDue.get(t.milestoneKey) ?? 0, end));
  }

  return {
    phases: plan.phases.map((p) => ({ key: p.key, name: p.name })),
    milestones: plan.milestones.map((m) => {
      const isGate = m.isGate || m.isGoLive;
      return {
        key: m.key,
        name: m.name,
        offset: m.baselineDate
          ? Math.max(0, calendar.dayOf(m.baselineDate, 1))
          : (lastDue.get(m.key) ?? 0),
        isGate,
        isGoLive: m.isGoLive,
        criteria: isGate ? [...m.criteria] : [],
      };
    }),
    tasks: plan.tasks.map((t) => {
      const raci: TemplateTask["raci"] = {};
      for (const p of parties) {
        const letter = t.raci[p];
        if (letter) raci[p] = letter;
      }
      return {
        key: t.key,
        phaseKey: t.phaseKey,
        parentKey: t.parentKey,
        title: t.title,
        description: t.description,
        category: t.category,
        startOffset: start.get(t.key) ?? 0,
        duration: duration.get(t.key) ?? 1,
        estimateHours: t.estimateHours,
        internalOnly: t.internalOnly,
        milestoneKey: t.milestoneKey,
        raci,
      };
    }),
    dependencies: plan.dependencies.map((d) => ({
      predecessorKey: d.predecessorKey,
      successorKey: d.successorKey,
      type: d.type,
      lag: d.lag,
    })),
  };
}

/**
 * The earliest start a link allows its successor (days are numbered; a task occupies
 * [start, start + duration), as in the schedule's critical path).
 */
export function earliestStart(
  type: DependencyType,
  predStart: number,
  predDuration: number,
  duration: number,
  lag: number,
): number {
  switch (type) {
    case "FS":
      return predStart + predDuration + lag;
    case "SS":
      return predStart + lag;
    case "FF":
      return predStart + predDuration + lag - duration;
    case "SF":
      return predStart + lag - duration;
  }
}

/** Keys with every predecessor before its successors; keys caught in a loop come last. */
function topologicalOrder(
  keys: readonly string[],
  links: readonly { predecessorKey: string; successorKey: string }[],
): string[] {
  const indegree = new Map(keys.map((k) => [k, 0]));
  const next = new Map<string, string[]>();
  for (const l of links) {
    if (!indegree.has(l.predecessorKey) || !indegree.has(l.successorKey)) continue;
    indegree.set(l.successorKey, (indegree.get(l.successorKey) ?? 0) + 1);
    const list = next.get(l.predecessorKey);
    if (list) list.push(l.successorKey);
    else next.set(l.predecessorKey, [l.successorKey]);
  }
  const ready = keys.filter((k) => indegree.get(k) === 0).reverse();
  const out: string[] = [];
  const placed = new Set<string>();
  while (ready.length > 0) {
    const key = ready.pop() as string;
    out.push(key);
    placed.add(key);
    for (const to of next.get(key) ?? []) {
      const left = (indegree.get(to) ?? 0) - 1;
      indegree.set(to, left);
      if (left === 0) ready.push(to);
    }
  }
  for (const k of keys) if (!placed.has(k)) out.push(k);
  return out;
}

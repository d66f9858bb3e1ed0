import type { DependencyType, Party, RaciValue, TaskCategory } from "../../plan/enums.ts";
import { defaultPlaybook } from "../../plan/playbook.ts";
import { earliestStart } from "../expand.ts";
import type {
  TemplateBody,
  TemplateDependency,
  TemplateMilestone,
  TemplateTask,
} from "../model.ts";

/** A link to an earlier task: its key (finish-to-start, no lag) or the full form. */
export type After = string | { key: string; type?: DependencyType; lag?: number };

export interface TaskSpec {
  key: string;
  title: string;
  category: TaskCategory;
  /** Working days. Ignored for a summary task (it spans its subtasks). */
  days: number;
  /** Effort in hours, for earned value. */
  hours?: number;
  /** What the task is for, in a sentence or two. */
  about?: string;
  after?: After[];
  /** Start no earlier than this working day. */
  notBefore?: number;
  /** Letters over the playbook's default for the category (null removes one). */
  raci?: Partial<Record<Party, RaciValue | null>>;
  milestone?: string;
  internal?: boolean;
  /** Subtasks of a summary task. */
  subtasks?: TaskSpec[];
}

export interface PhaseSpec {
  key: string;
  name: string;
  tasks: TaskSpec[];
}

export interface MilestoneSpec {
  key: string;
  name: string;
  gate?: boolean;
  goLive?: boolean;
  criteria?: string[];
}

/**
 * Writes a built-in template the way a planner thinks: tasks in order with what they wait for.
 * Start offsets come from the links (the earliest each allows), so dates and dependencies can
 * never disagree; a summary task spans its subtasks; a milestone falls on the last due day of
 * its tasks; letters start from the default playbook for the task's category. A loop among the
 * links, or a link to a task that does not exist, fails loudly when the module loads.
 */
export function defineTemplate(spec: {
  phases: PhaseSpec[];
  milestones: MilestoneSpec[];
}): TemplateBody {
  const tasks: TemplateTask[] = [];
  const dependencies: TemplateDependency[] = [];
  const byKey = new Map<string, { row: TemplateTask; spec: TaskSpec; children: TemplateTask[] }>();

  // First every row and link as written; the dates follow once all of them are known.
  const collect = (phaseKey: string, t: TaskSpec, parentKey: string | null): TemplateTask => {
    if (byKey.has(t.key)) throw new Error(`built-in template: key ${t.key} used twice`);
    const raci: TemplateTask["raci"] = {};
    const letters = { ...defaultPlaybook[t.category], ...t.raci };
    for (const [party, letter] of Object.entries(letters) as [Party, RaciValue | null][]) {
      if (letter) raci[party] = letter;
    }
    const row: TemplateTask = {
      key: t.key,
      phaseKey,
      parentKey,
      title: t.title,
      description: t.about ?? "",
      category: t.category,
      startOffset: t.notBefore ?? 0,
      duration: t.days,
      estimateHours: t.hours ?? null,
      internalOnly: t.internal ?? false,
      milestoneKey: t.milestone ?? null,
      raci,
    };
    const entry = { row, spec: t, children: [] as TemplateTask[] };
    byKey.set(t.key, entry);
    tasks.push(row);
    if (t.subtasks?.length) {
      if (t.after?.length) throw new Error(`built-in template: summary ${t.key} has links`);
      entry.children = t.subtasks.map((s) => collect(phaseKey, s, t.key));
    }
    for (const a of t.after ?? []) {
      const link = typeof a === "string" ? { key: a } : a;
      dependencies.push({
        predecessorKey: link.key,
        successorKey: t.key,
        type: link.type ?? "FS",
        lag: link.lag ?? 0,
      });
    }
    return row;
  };
  for (const phase of spec.phases) for (const t of phase.tasks) collect(phase.key, t, null);

  // Then each start: the earliest its links allow, predecessors first.
  const incoming = new Map<string, TemplateDependency[]>();
  const indegree = new Map(tasks.map((t) => [t.key, 0]));
  for (const d of dependencies) {
    if (!byKey.has(d.predecessorKey)) {
      throw new Error(`built-in template: ${d.successorKey} waits for unknown ${d.predecessorKey}`);
    }
    incoming.set(d.successorKey, [...(incoming.get(d.successorKey) ?? []), d]);
    indegree.set(d.successorKey, (indegree.get(d.successorKey) ?? 0) + 1);
  }
  const ready = tasks.filter((t) => indegree.get(t.key) === 0).map((t) => t.key);
  let placed = 0;
  while (ready.length > 0) {
    const key = ready.shift() as string;
    placed += 1;
    const row = byKey.get(key)?.row as TemplateTask;
    for (const d of incoming.get(key) ?? []) {
      const pred = byKey.get(d.predecessorKey)?.row as TemplateTask;
      row.startOffset = Math.max(
        row.startOffset,
        earliestStart(d.type, pred.startOffset, pred.duration, row.duration, d.lag),
      );
    }
    for (const d of dependencies) {
      if (d.predecessorKey !== key) continue;
      const left = (indegree.get(d.successorKey) ?? 0) - 1;
      indegree.set(d.successorKey, left);
      if (left === 0) ready.push(d.successorKey);
    }
  }
  if (placed !== tasks.length) throw new Error("built-in template: the links form a loop");
  // A summary spans its subtasks.
  for (const { row, children } of byKey.values()) {
    if (children.length === 0) continue;
    const first = Math.min(...children.map((c) => c.startOffset));
    const last = Math.max(...children.map((c) => c.startOffset + c.duration));
    row.startOffset = first;
    row.duration = last - first;
  }

  const milestones: TemplateMilestone[] = spec.milestones.map((m) => {
    const own = tasks.filter((t) => t.milestoneKey === m.key);
    if (own.length === 0) throw new Error(`built-in template: milestone ${m.key} has no tasks`);
    return {
      key: m.key,
      name: m.name,
      offset: Math.max(...own.map((t) => t.startOffset + t.duration - 1)),
      isGate: m.gate === true || m.goLive === true,
      isGoLive: m.goLive === true,
      criteria: m.criteria ?? [],
    };
  });

  return {
    phases: spec.phases.map((p) => ({ key: p.key, name: p.name })),
    milestones,
    tasks,
    dependencies,
  };
}

/** The work is the vendor's; the IPM answers for it. */
export const vendorDoes = { ipm: "A", vendor: "R" } as const;
/** The customer's people do part of the work (data owners, testers, site managers). */
export const customerDoes = { customer: "R" } as const;
export const customerConsulted = { customer: "C" } as const;
export const customerInformed = { customer: "I" } as const;

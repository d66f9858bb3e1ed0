import { dependencyTypes, type Party, parties, raciValues, taskCategories } from "../plan/enums.ts";
import { type Edge, findCycle } from "../plan/graph.ts";
import { type Responsibilities, raciViolations } from "../plan/raci.ts";
import {
  MAX_TEMPLATE_DEPENDENCIES,
  MAX_TEMPLATE_MILESTONES,
  MAX_TEMPLATE_PHASES,
  MAX_TEMPLATE_TASKS,
  type TemplateBody,
  type TemplateTask,
} from "./model.ts";

/** Something wrong with a template, and where: `["tasks", 3, "duration"]`; `[]` for the whole. */
export interface TemplateProblem {
  path: (string | number)[];
  message: string;
}

const quote = (text: string) => `“${text}”`;
const count = (n: number) => n.toLocaleString("en-GB");

function taskLabel(t: TemplateTask | undefined, index: number): string {
  return t?.title.trim() ? `Task ${quote(t.title.trim())}` : `Task ${index + 1}`;
}

const isWholeAtLeast = (n: unknown, min: number) =>
  typeof n === "number" && Number.isInteger(n) && n >= min;

/**
 * Everything that makes a template unusable, each with a message a person can act on: keys
 * unique across the template, every reference resolving, durations of at least one working day,
 * offsets from day 0 on, at most 2,000 tasks, valid categories and RACI letters, and no loop
 * among the dependencies (named task by task). An empty list means the template can be used.
 * Responsibilities that break the RACI rule are not problems (a plan may hold such tasks; they are
 * flagged): see `templateWarnings`.
 */
export function templateProblems(body: TemplateBody): TemplateProblem[] {
  const out: TemplateProblem[] = [];
  const add = (path: TemplateProblem["path"], message: string) => out.push({ path, message });

  if (body.phases.length === 0) add(["phases"], "A template needs at least one phase");
  if (body.phases.length > MAX_TEMPLATE_PHASES) {
    add(["phases"], `A template holds at most ${MAX_TEMPLATE_PHASES} phases`);
  }
  if (body.milestones.length > MAX_TEMPLATE_MILESTONES) {
    add(["milestones"], `A template holds at most ${MAX_TEMPLATE_MILESTONES} milestones`);
  }
  if (body.tasks.length > MAX_TEMPLATE_TASKS) {
    add(
      ["tasks"],
      `A template holds at most ${count(MAX_TEMPLATE_TASKS)} tasks; this one has ${count(body.tasks.length)}`,
    );
  }
  if (body.dependencies.length > MAX_TEMPLATE_DEPENDENCIES) {
    add(
      ["dependencies"],
      `A template holds at most ${count(MAX_TEMPLATE_DEPENDENCIES)} dependencies`,
    );
  }

  // Keys: present and unique across phases, milestones and tasks (rows refer to them by key).
  const owners = new Map<string, string>();
  const claim = (section: string, index: number, key: string, what: string) => {
    if (!key.trim()) {
      add([section, index, "key"], `${what} has no key`);
      return;
    }
    const taken = owners.get(key);
    if (taken) add([section, index, "key"], `${what} uses the key ${quote(key)}, as does ${taken}`);
    else owners.set(key, what.charAt(0).toLowerCase() + what.slice(1));
  };
  body.phases.forEach((p, i) => {
    const what = p.name.trim() ? `Phase ${quote(p.name.trim())}` : `Phase ${i + 1}`;
    if (!p.name.trim()) add(["phases", i, "name"], `${what} has no name`);
    claim("phases", i, p.key, what);
  });
  body.milestones.forEach((m, i) => {
    const what = m.name.trim() ? `Milestone ${quote(m.name.trim())}` : `Milestone ${i + 1}`;
    if (!m.name.trim()) add(["milestones", i, "name"], `${what} has no name`);
    claim("milestones", i, m.key, what);
    if (!isWholeAtLeast(m.offset, 0)) {
      add(
        ["milestones", i, "offset"],
        `${what}: its date is a whole number of working days from the start, 0 or more`,
      );
    }
    if (m.isGoLive && !m.isGate) {
      add(["milestones", i, "isGate"], `${what} is the go-live, so it must be a gate`);
    }
    if (!m.isGate && m.criteria.length > 0) {
      add(["milestones", i, "criteria"], `${what} has criteria but is not a gate`);
    }
    m.criteria.forEach((c, j) => {
      if (!c.trim()) add(["milestones", i, "criteria", j], `${what} has a blank criterion`);
    });
  });
  for (const [i, t] of body.tasks.entries()) claim("tasks", i, t.key, taskLabel(t, i));

  const phaseKeys = new Set(body.phases.map((p) => p.key));
  const milestoneKeys = new Set(body.milestones.map((m) => m.key));
  const tasksByKey = new Map<string, TemplateTask>();
  for (const t of body.tasks) if (!tasksByKey.has(t.key)) tasksByKey.set(t.key, t);

  body.tasks.forEach((t, i) => {
    const what = taskLabel(t, i);
    const at = (field: string) => ["tasks", i, field];
    if (!t.title.trim()) add(at("title"), `${what} has no title`);
    if (!phaseKeys.has(t.phaseKey)) {
      add(at("phaseKey"), `${what} is in phase ${quote(t.phaseKey)}, which is not in the template`);
    }
    if (t.parentKey !== null) {
      const parent = tasksByKey.get(t.parentKey);
      if (!parent) {
        add(
          at("parentKey"),
          `${what} sits under task ${quote(t.parentKey)}, which is not in the template`,
        );
      } else if (parent === t) {
        add(at("parentKey"), `${what} cannot sit under itself`);
      } else if (parent.parentKey !== null) {
        add(
          at("parentKey"),
          `${what} sits under ${quote(parent.title)}, which is itself a subtask (one level only)`,
        );
      } else if (parent.phaseKey !== t.phaseKey) {
        add(at("parentKey"), `${what} must be in the same phase as ${quote(parent.title)}`);
      }
    }
    if (t.milestoneKey !== null && !milestoneKeys.has(t.milestoneKey)) {
      add(
        at("milestoneKey"),
        `${what} counts towards milestone ${quote(t.milestoneKey)}, which is not in the template`,
      );
    }
    if (!(taskCategories as readonly string[]).includes(t.category)) {
      add(at("category"), `${what} has an unknown category ${quote(String(t.category))}`);
    }
    if (!isWholeAtLeast(t.startOffset, 0)) {
      add(
        at("startOffset"),
        `${what}: the start is a whole number of working days from the project start, 0 or more`,
      );
    }
    if (!isWholeAtLeast(t.duration, 1)) {
      add(at("duration"), `${what}: the duration is a whole number of working days, at least 1`);
    }
    if (t.estimateHours !== null && !(t.estimateHours >= 0)) {
      add(at("estimateHours"), `${what}: the estimate cannot be negative`);
    }
    for (const [party, letter] of Object.entries(t.raci)) {
      if (!(parties as readonly string[]).includes(party)) {
        add(at("raci"), `${what} gives a letter to ${quote(party)}, which is not a party`);
      } else if (letter != null && !(raciValues as readonly string[]).includes(letter)) {
        add(
          at("raci"),
          `${what}: ${quote(String(letter))} is not a RACI letter (R, A, A/R, C or I) for ${party.toUpperCase()}`,
        );
      }
    }
  });

  // Dependencies: both ends resolve, no task on itself, one link per pair, no loops.
  const seenPairs = new Set<string>();
  const edges: Edge[] = [];
  body.dependencies.forEach((d, i) => {
    const pred = tasksByKey.get(d.predecessorKey);
    const succ = tasksByKey.get(d.successorKey);
    const name = (key: string, t: TemplateTask | undefined) => (t ? quote(t.title) : quote(key));
    const what = `The dependency ${name(d.predecessorKey, pred)} → ${name(d.successorKey, succ)}`;
    let usable = true;
    if (!pred) {
      add(
        ["dependencies", i, "predecessorKey"],
        `${what} starts from task ${quote(d.predecessorKey)}, which is not in the template`,
      );
      usable = false;
    }
    if (!succ) {
      add(
        ["dependencies", i, "successorKey"],
        `${what} leads to task ${quote(d.successorKey)}, which is not in the template`,
      );
      usable = false;
    }
    if (!(dependencyTypes as readonly string[]).includes(d.type)) {
      add(["dependencies", i, "type"], `${what} has an unknown type ${quote(String(d.type))}`);
    }
    if (!Number.isInteger(d.lag)) {
      add(["dependencies", i, "lag"], `${what}: the lag is a whole number of working days`);
    }
    if (!usable) return;
    if (d.predecessorKey === d.successorKey) {
      add(["dependencies", i], `${what}: a task cannot depend on itself`);
      return;
    }
    const pair = `${d.predecessorKey}\u0000${d.successorKey}`;
    if (seenPairs.has(pair)) {
      add(["dependencies", i], `${what} is listed twice`);
      return;
    }
    seenPairs.add(pair);
    edges.push({ from: d.predecessorKey, to: d.successorKey });
  });
  for (const loop of loops(edges)) {
    const titles = loop.cycle.map((key) => quote(tasksByKey.get(key)?.title ?? key));
    add(
      ["dependencies", loop.index],
      `These dependencies go round in a loop: ${titles.join(" → ")}`,
    );
  }
  return out;
}

/**
 * Each loop among `edges`, named once: the cycle it closes and the index of the edge that
 * closes it. A topological sort first (linear), so the usual loop-free template costs nothing
 * more; only when a loop exists are edges re-added one by one to name it.
 */
function loops(edges: readonly Edge[]): { index: number; cycle: string[] }[] {
  const indegree = new Map<string, number>();
  const next = new Map<string, string[]>();
  for (const e of edges) {
    indegree.set(e.to, (indegree.get(e.to) ?? 0) + 1);
    if (!indegree.has(e.from)) indegree.set(e.from, 0);
    const list = next.get(e.from);
    if (list) list.push(e.to);
    else next.set(e.from, [e.to]);
  }
  const ready = [...indegree].filter(([, n]) => n === 0).map(([k]) => k);
  const sorted = new Set<string>();
  while (ready.length > 0) {
    const node = ready.pop() as string;
    sorted.add(node);
    for (const to of next.get(node) ?? []) {
      const left = (indegree.get(to) ?? 0) - 1;
      indegree.set(to, left);
      if (left === 0) ready.push(to);
    }
  }
  if (sorted.size === indegree.size) return [];
  // Only links between tasks the sort could not place can be part of a loop.
  const out: { index: number; cycle: string[] }[] = [];
  const kept: Edge[] = [];
  edges.forEach((edge, index) => {
    if (sorted.has(edge.from) || sorted.has(edge.to)) return;
    const cycle = findCycle(kept, edge);
    if (cycle) out.push({ index, cycle });
    else kept.push(edge);
  });
  return out;
}

/** A task's letters with every party present (blanks as null), as the RACI rule reads them. */
export function templateResponsibilities(raci: TemplateTask["raci"]): Responsibilities {
  const out = { ipm: null, pm: null, customer: null, vendor: null } as Responsibilities;
  for (const p of parties as readonly Party[]) out[p] = raci[p] ?? null;
  return out;
}

/**
 * What is allowed but worth a look: tasks whose letters break the RACI rule (exactly one
 * accountable, at least one responsible). A project made from the template flags them too.
 */
export function templateWarnings(body: TemplateBody): TemplateProblem[] {
  const out: TemplateProblem[] = [];
  body.tasks.forEach((t, i) => {
    const violations = raciViolations(templateResponsibilities(t.raci));
    if (violations.length > 0) {
      out.push({
        path: ["tasks", i, "raci"],
        message: `${taskLabel(t, i)}: ${violations.map((v) => v.message).join("; ")}`,
      });
    }
  });
  return out;
}

import {
  type RaciValue,
  type TaskCategory,
  type TemplateBody,
  type TemplateProblem,
  type TemplateTask,
  templateProblems,
  templateWarnings,
} from "@rollout/domain";

/**
 * The template editor's draft: the body as being edited, changed only through these pure steps
 * so every change keeps the rows referring to each other (a removed task takes its links along).
 */

/** A key no row uses yet (`t-12`), so new rows never collide with existing ones. */
export function freshKey(body: TemplateBody, prefix: "t" | "p"): string {
  const used = new Set([
    ...body.phases.map((p) => p.key),
    ...body.tasks.map((t) => t.key),
    ...body.milestones.map((m) => m.key),
  ]);
  let n = body.tasks.length + body.phases.length + 1;
  while (used.has(`${prefix}-${n}`)) n += 1;
  return `${prefix}-${n}`;
}

/** A new task at the end of `phaseKey`, starting where the phase's last task ends. */
export function addTask(body: TemplateBody, phaseKey: string): TemplateBody {
  const inPhase = body.tasks.filter((t) => t.phaseKey === phaseKey);
  const last = inPhase.at(-1);
  const task: TemplateTask = {
    key: freshKey(body, "t"),
    phaseKey,
    parentKey: null,
    title: "",
    description: "",
    category: last?.category ?? "planning",
    startOffset: last ? last.startOffset + last.duration : 0,
    duration: 1,
    estimateHours: null,
    internalOnly: false,
    milestoneKey: null,
    raci: last ? { ...last.raci } : { ipm: "R", pm: "A" },
  };
  // Inserted after the phase's last task, so the table keeps phases together.
  const at = last ? body.tasks.indexOf(last) + 1 : body.tasks.length;
  return { ...body, tasks: [...body.tasks.slice(0, at), task, ...body.tasks.slice(at)] };
}

/** Removes a task, its links, and makes its subtasks tasks of their own. */
export function removeTask(body: TemplateBody, key: string): TemplateBody {
  return {
    ...body,
    tasks: body.tasks
      .filter((t) => t.key !== key)
      .map((t) => (t.parentKey === key ? { ...t, parentKey: null } : t)),
    dependencies: body.dependencies.filter(
      (d) => d.predecessorKey !== key && d.successorKey !== key,
    ),
  };
}

export type TaskEdit =
  | { field: "title"; value: string }
  | { field: "phaseKey"; value: string }
  | { field: "category"; value: TaskCategory }
  | { field: "startOffset" | "duration"; value: number }
  | { field: "ipm" | "pm"; value: RaciValue | null };

export function updateTask(body: TemplateBody, key: string, edit: TaskEdit): TemplateBody {
  return {
    ...body,
    tasks: body.tasks.map((t) => {
      if (t.key !== key) {
        // A subtask follows its parent into another phase.
        return edit.field === "phaseKey" && t.parentKey === key
          ? { ...t, phaseKey: edit.value }
          : t;
      }
      if (edit.field === "ipm" || edit.field === "pm") {
        const raci = { ...t.raci };
        if (edit.value) raci[edit.field] = edit.value;
        else delete raci[edit.field];
        return { ...t, raci };
      }
      return { ...t, [edit.field]: edit.value };
    }),
  };
}

export function addPhase(body: TemplateBody, name: string): TemplateBody {
  return { ...body, phases: [...body.phases, { key: freshKey(body, "p"), name }] };
}

export function renamePhase(body: TemplateBody, key: string, name: string): TemplateBody {
  return { ...body, phases: body.phases.map((p) => (p.key === key ? { ...p, name } : p)) };
}

/** A phase can go only once it holds no task (the editor says so next to it). */
export function removePhase(body: TemplateBody, key: string): TemplateBody {
  if (body.tasks.some((t) => t.phaseKey === key)) return body;
  return { ...body, phases: body.phases.filter((p) => p.key !== key) };
}

export function removeDependency(body: TemplateBody, index: number): TemplateBody {
  return { ...body, dependencies: body.dependencies.filter((_, i) => i !== index) };
}

/** Problems and warnings sorted to where they show: a row of a section, or the whole. */
export interface DraftIssues {
  /** Problems that block saving, by section and row index. */
  rows: Record<"phases" | "tasks" | "milestones" | "dependencies", Map<number, string[]>>;
  /** Problems about the template as a whole (no phase, too many tasks). */
  general: string[];
  /** RACI-rule warnings by task index: saved, but flagged. */
  warnings: Map<number, string[]>;
  count: number;
}

function place(problems: readonly TemplateProblem[], into: DraftIssues) {
  for (const p of problems) {
    const [section, index] = p.path;
    if (
      (section === "phases" ||
        section === "tasks" ||
        section === "milestones" ||
        section === "dependencies") &&
      typeof index === "number"
    ) {
      const map = into.rows[section];
      map.set(index, [...(map.get(index) ?? []), p.message]);
    } else {
      into.general.push(p.message);
    }
  }
}

export function draftIssues(body: TemplateBody): DraftIssues {
  const issues: DraftIssues = {
    rows: { phases: new Map(), tasks: new Map(), milestones: new Map(), dependencies: new Map() },
    general: [],
    warnings: new Map(),
    count: 0,
  };
  const problems = templateProblems(body);
  place(problems, issues);
  issues.count = problems.length;
  for (const w of templateWarnings(body)) {
    const index = w.path[1];
    if (typeof index === "number") {
      issues.warnings.set(index, [...(issues.warnings.get(index) ?? []), w.message]);
    }
  }
  return issues;
}

/**
 * Server field errors (`body.tasks.3.duration`, or `changes.body.…`) as template problems, so
 * they show on their rows like the editor's own.
 */
export function serverProblems(fieldErrors: Record<string, string>): TemplateProblem[] {
  return Object.entries(fieldErrors).map(([field, message]) => {
    const parts = field.split(".");
    const start = parts.indexOf("body");
    const path = (start >= 0 ? parts.slice(start + 1) : parts).map((s) =>
      /^\d+$/.test(s) ? Number(s) : s,
    );
    return { path, message };
  });
}

export function issuesFrom(problems: readonly TemplateProblem[]): DraftIssues {
  const issues: DraftIssues = {
    rows: { phases: new Map(), tasks: new Map(), milestones: new Map(), dependencies: new Map() },
    general: [],
    warnings: new Map(),
    count: problems.length,
  };
  place(problems, issues);
  return issues;
}

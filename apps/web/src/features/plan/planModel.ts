import {
  type Party,
  type Phase,
  type Plan,
  parties,
  rollupProgress,
  type Task,
  type TaskStatus,
} from "@rollout/domain";

/** What the grid shows of one phase, whatever the filters: the phase's own facts. */
export interface PhaseStats {
  taskCount: number;
  /** Estimate-weighted percent complete of the phase's leaf tasks (subtasks stand for their parent). */
  progress: number;
  violationCount: number;
}

export type PlanRow =
  | { kind: "phase"; key: string; phase: Phase; stats: PhaseStats; collapsed: boolean }
  | { kind: "task"; key: string; task: Task; depth: 0 | 1; hasChildren: boolean }
  | { kind: "add"; key: string; phaseId: string }
  | { kind: "addPhase"; key: string };

export interface PlanFilters {
  q: string;
  status?: TaskStatus | undefined;
  category?: string | undefined;
  assignee?: string | undefined;
  overdue: boolean;
  violations: boolean;
}

export const noFilters: PlanFilters = { q: "", overdue: false, violations: false };

export function hasFilters(f: PlanFilters): boolean {
  return Boolean(f.q.trim() || f.status || f.category || f.assignee || f.overdue || f.violations);
}

export const phaseKey = (id: string) => `phase:${id}`;
export const taskKey = (id: string) => `task:${id}`;
export const addKey = (phaseId: string) => `add:${phaseId}`;
export const addPhaseKey = "add-phase";

export function isOpen(status: TaskStatus): boolean {
  return status !== "done" && status !== "cancelled";
}

export function isOverdue(task: Pick<Task, "dueDate" | "status">, today: string): boolean {
  return task.dueDate !== null && task.dueDate < today && isOpen(task.status);
}

export function matchesFilters(task: Task, f: PlanFilters, today: string): boolean {
  if (f.status && task.status !== f.status) return false;
  if (f.category && task.category !== f.category) return false;
  if (f.assignee) {
    if (f.assignee === "none" ? task.assigneeId !== null : task.assigneeId !== f.assignee) {
      return false;
    }
  }
  if (f.overdue && !isOverdue(task, today)) return false;
  if (f.violations && task.violations.length === 0) return false;
  const q = f.q.trim().toLowerCase();
  if (q && !task.title.toLowerCase().includes(q)) {
    const who = task.assigneeName?.toLowerCase() ?? "";
    if (!who.includes(q)) return false;
  }
  return true;
}

/** Tasks of the plan in the order the grid shows them: per phase, parents then their subtasks. */
export interface PlanIndex {
  phases: Phase[];
  /** Top-level tasks per phase, by sort order. */
  topLevel: Map<string, Task[]>;
  /** Subtasks per parent, by sort order. */
  children: Map<string, Task[]>;
  byId: Map<string, Task>;
}

const bySortOrder = (a: { sortOrder: number }, b: { sortOrder: number }) =>
  a.sortOrder - b.sortOrder;

export function indexPlan(plan: Pick<Plan, "phases" | "tasks">): PlanIndex {
  const phases = [...plan.phases].sort(bySortOrder);
  const topLevel = new Map<string, Task[]>();
  const children = new Map<string, Task[]>();
  const byId = new Map<string, Task>();
  for (const p of phases) topLevel.set(p.id, []);
  for (const t of plan.tasks) byId.set(t.id, t);
  for (const t of plan.tasks) {
    // A subtask whose parent is gone (or hidden from this reader) shows at the top level.
    if (t.parentId && byId.has(t.parentId)) {
      const list = children.get(t.parentId);
      if (list) list.push(t);
      else children.set(t.parentId, [t]);
    } else {
      topLevel.get(t.phaseId)?.push(t);
    }
  }
  for (const list of topLevel.values()) list.sort(bySortOrder);
  for (const list of children.values()) list.sort(bySortOrder);
  return { phases, topLevel, children, byId };
}

/** The tasks of a phase in grid order (parents followed by their subtasks). */
export function phaseTasks(index: PlanIndex, phaseId: string): Task[] {
  const out: Task[] = [];
  for (const t of index.topLevel.get(phaseId) ?? []) {
    out.push(t);
    for (const c of index.children.get(t.id) ?? []) out.push(c);
  }
  return out;
}

export function phaseStats(index: PlanIndex, phaseId: string): PhaseStats {
  const tasks = phaseTasks(index, phaseId);
  const leaves = tasks.filter((t) => !index.children.has(t.id));
  return {
    taskCount: tasks.length,
    progress: rollupProgress(leaves),
    violationCount: tasks.reduce((n, t) => n + (t.violations.length > 0 ? 1 : 0), 0),
  };
}

export interface FlattenOptions {
  collapsed: ReadonlySet<string>;
  filters: PlanFilters;
  today: string;
  /** Add-task rows after each phase and the add-phase row at the end (editors, unfiltered). */
  withAddRows: boolean;
}

/**
 * Phases and tasks as one list of rows, which is what the virtualizer scrolls. A parent shows
 * when it or one of its subtasks matches the filters; phases with nothing matching are left out
 * while filtering.
 */
export function flattenPlan(index: PlanIndex, options: FlattenOptions): PlanRow[] {
  const { collapsed, filters, today, withAddRows } = options;
  const filtering = hasFilters(filters);
  const rows: PlanRow[] = [];
  for (const phase of index.phases) {
    const top = index.topLevel.get(phase.id) ?? [];
    const taskRows: PlanRow[] = [];
    for (const t of top) {
      const kids = index.children.get(t.id) ?? [];
      const matchingKids = filtering ? kids.filter((c) => matchesFilters(c, filters, today)) : kids;
      if (filtering && matchingKids.length === 0 && !matchesFilters(t, filters, today)) continue;
      taskRows.push({
        kind: "task",
        key: taskKey(t.id),
        task: t,
        depth: 0,
        hasChildren: kids.length > 0,
      });
      for (const c of matchingKids) {
        taskRows.push({ kind: "task", key: taskKey(c.id), task: c, depth: 1, hasChildren: false });
      }
    }
    if (filtering && taskRows.length === 0) continue;
    const isCollapsed = collapsed.has(phase.id);
    rows.push({
      kind: "phase",
      key: phaseKey(phase.id),
      phase,
      stats: phaseStats(index, phase.id),
      collapsed: isCollapsed,
    });
    if (isCollapsed) continue;
    rows.push(...taskRows);
    if (withAddRows && !filtering)
      rows.push({ kind: "add", key: addKey(phase.id), phaseId: phase.id });
  }
  if (withAddRows && !filtering) rows.push({ kind: "addPhase", key: addPhaseKey });
  return rows;
}

/** The parties that get a column: IPM and PM always, customer and vendor when any task uses them. */
export function usedParties(tasks: readonly Task[]): Party[] {
  let customer = false;
  let vendor = false;
  for (const t of tasks) {
    if (t.responsibilities.customer) customer = true;
    if (t.responsibilities.vendor) vendor = true;
    if (customer && vendor) break;
  }
  return parties.filter((p) => p === "ipm" || p === "pm" || (p === "customer" ? customer : vendor));
}

/**
 * Where a task lands when moved one step up or down among its siblings (Alt+↑/↓): the phase and
 * the task to place it before (null: the end). Past the first or last task of a phase, a
 * top-level task crosses into the neighbouring phase. Null when it cannot move further.
 */
export function stepTarget(
  index: PlanIndex,
  task: Task,
  direction: -1 | 1,
): { phaseId: string; beforeTaskId: string | null } | null {
  const siblings = task.parentId
    ? (index.children.get(task.parentId) ?? [])
    : (index.topLevel.get(task.phaseId) ?? []);
  const at = siblings.findIndex((t) => t.id === task.id);
  if (at < 0) return null;
  if (direction === -1 && at > 0) {
    return { phaseId: task.phaseId, beforeTaskId: siblings[at - 1]?.id ?? null };
  }
  if (direction === 1 && at < siblings.length - 1) {
    return { phaseId: task.phaseId, beforeTaskId: siblings[at + 2]?.id ?? null };
  }
  if (task.parentId) return null;
  const p = index.phases.findIndex((ph) => ph.id === task.phaseId);
  const next = index.phases[p + direction];
  if (!next) return null;
  // Into the previous phase at its end, or into the next phase at its start.
  const first = direction === 1 ? (index.topLevel.get(next.id)?.[0]?.id ?? null) : null;
  return { phaseId: next.id, beforeTaskId: first };
}

/**
 * A sort order that puts a task before `beforeTaskId` in `list` (or at its end), for showing a
 * move before the server answers.
 */
export function sortOrderBefore(
  list: readonly Task[],
  beforeTaskId: string | null,
  movingId: string,
) {
  const others = list.filter((t) => t.id !== movingId);
  if (beforeTaskId === null) return (others.at(-1)?.sortOrder ?? 0) + 1;
  const at = others.findIndex((t) => t.id === beforeTaskId);
  const next = others[at];
  if (!next) return (others.at(-1)?.sortOrder ?? 0) + 1;
  const prev = others[at - 1];
  return prev ? (prev.sortOrder + next.sortOrder) / 2 : next.sortOrder - 1;
}

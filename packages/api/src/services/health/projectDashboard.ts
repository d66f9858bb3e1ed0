import {
  and,
  asc,
  type Db,
  eq,
  isNull,
  phase,
  progressSnapshot,
  sql,
  stakeholder,
} from "@rollout/db";
import {
  addDays,
  earnedValue,
  isAccountable,
  isResponsible,
  type ProjectAccessRole,
  type ProjectDashboard,
  projectAllows,
  type RaciValue,
  rollupProgress,
  type TaskStatus,
  todayUtc,
} from "@rollout/domain";
import { changes } from "../../events.ts";
import type { ProjectRow } from "../../trpc.ts";
import { seesInternal } from "../plan/model.ts";
import {
  metricsFor,
  type PlanTaskRow,
  type ProjectMetrics,
  planRevisionOf,
  TASK_COLUMN_COUNT,
  TASK_COLUMNS,
} from "./metrics.ts";

const UPCOMING_DAYS = 14;
const LIST = 8;

interface DetailedTaskRow extends PlanTaskRow {
  title: string;
  phaseId: string | null;
  sortOrder: number;
  internalOnly: boolean;
  raciIpm: RaciValue | null;
  raciPm: RaciValue | null;
  assigneeName: string | null;
}

/** What the plan decides on the overview: the same until the plan changes (or the day turns). */
type PlanPart = Pick<ProjectDashboard, "phases" | "burnUp" | "tasksByRole">;

/** One project's overview: health with reasons, progress over time, milestones, budget, work by role. */
export function projectDashboard(
  db: Db,
  orgId: string,
  p: ProjectRow,
  role: ProjectAccessRole,
  today = todayUtc(),
): ProjectDashboard {
  const outside = !seesInternal(role);
  const seesRegister = projectAllows("stakeholder.read", role);
  // Cached like the figures: until the project or its organisation changes, or the day turns.
  const key = `${p.id}:${outside}:${seesRegister}`;
  const revision = `${changes.revisionOf(orgId, p.id)}:${p.version}:${today}`;
  const hit = cache.get(key);
  if (hit && hit.revision === revision) return hit.dashboard;

  // The plan part survives changes off the plan (a risk, a stakeholder, a report); when it is
  // stale, the tasks are read once for it and for the figures.
  const planKey = `${p.id}:${outside}`;
  const planRevision = planRevisionOf(orgId, p, today);
  let plan = planCache.get(planKey);
  let tasks: DetailedTaskRow[] | null = null;
  if (!plan || plan.revision !== planRevision) {
    const n = TASK_COLUMN_COUNT;
    tasks = db
      .values<unknown[]>(
        sql`select ${TASK_COLUMNS}, task.title, task.phase_id, task.sort_order, task.internal_only,
              task.raci_ipm, task.raci_pm, user.name
            from task left join user on user.id = task.assignee_id
            where task.project_id = ${p.id} and task.deleted_at is null`,
      )
      .map((r) => ({
        id: r[0] as string,
        projectId: r[1] as string,
        parentId: r[2] as string | null,
        status: r[3] as TaskStatus,
        percentComplete: r[4] as number,
        estimateHours: r[5] as number | null,
        actualHours: r[6] as number | null,
        startDate: r[7] as string | null,
        dueDate: r[8] as string | null,
        duration: r[9] as number | null,
        milestoneId: r[10] as string | null,
        title: r[n] as string,
        phaseId: r[n + 1] as string | null,
        sortOrder: r[n + 2] as number,
        internalOnly: r[n + 3] === 1,
        raciIpm: r[n + 4] as RaciValue | null,
        raciPm: r[n + 5] as RaciValue | null,
        assigneeName: r[n + 6] as string | null,
      }));
  }
  const m = metricsFor(
    db,
    orgId,
    [p],
    outside ? "outside" : "team",
    today,
    tasks ? { projectId: p.id, tasks } : undefined,
  ).get(p.id);
  if (!m) throw new Error("no figures");
  if (tasks) {
    plan = { revision: planRevision, part: planPart(db, p, tasks, m, outside, today) };
    if (planCache.size >= 5000) planCache.clear();
    planCache.set(planKey, plan);
  }
  const { part } = plan as { part: PlanPart };

  const stakeholders = seesRegister
    ? db
        .select({
          id: stakeholder.id,
          name: stakeholder.name,
          power: stakeholder.power,
          interest: stakeholder.interest,
        })
        .from(stakeholder)
        .where(and(eq(stakeholder.projectId, p.id), isNull(stakeholder.deletedAt)))
        .orderBy(sql`${stakeholder.power} * ${stakeholder.interest} desc`, asc(stakeholder.name))
        .all()
    : null;

  const dashboard: ProjectDashboard = {
    health: m.health,
    progress: m.progress,
    plannedProgress: m.plannedProgress,
    ev: m.ev,
    phases: part.phases,
    budget: {
      planned: p.plannedBudget,
      actual: p.actualCost,
      forecast: m.forecastCost,
      currency: p.currency,
    },
    milestones: m.milestones,
    goLive: m.goLive,
    daysToGoLive: m.daysToGoLive,
    burnUp: part.burnUp,
    tasksByRole: part.tasksByRole,
    openTasks: m.openTasks,
    overdueTasks: m.overdueTasks,
    openHighRisks: m.openHighRisks,
    stakeholders,
    today,
  };
  if (cache.size >= 5000) cache.clear();
  cache.set(key, { revision, dashboard });
  return dashboard;
}

const planCache = new Map<string, { revision: string; part: PlanPart }>();

/** Phases with their progress and earned value, the burn-up, and each party's work in hand. */
function planPart(
  db: Db,
  p: ProjectRow,
  rows: DetailedTaskRow[],
  m: ProjectMetrics,
  outside: boolean,
  today: string,
): PlanPart {
  const parents = new Set<string>();
  for (const t of rows) if (t.parentId) parents.add(t.parentId);
  const leaves = rows.filter((t) => !parents.has(t.id));

  const byPhase = new Map<string | null, DetailedTaskRow[]>();
  for (const t of leaves) {
    const list = byPhase.get(t.phaseId);
    if (list) list.push(t);
    else byPhase.set(t.phaseId, [t]);
  }
  const phases = db
    .select({ id: phase.id, name: phase.name })
    .from(phase)
    .where(and(eq(phase.projectId, p.id), isNull(phase.deletedAt)))
    .orderBy(asc(phase.sortOrder))
    .all()
    .map((ph) => {
      const own = byPhase.get(ph.id) ?? [];
      return { ...ph, progress: rollupProgress(own), ev: earnedValue(own, today) };
    });

  const horizon = addDays(today, UPCOMING_DAYS);
  const byDue = (a: DetailedTaskRow, b: DetailedTaskRow) =>
    (a.dueDate ?? "").localeCompare(b.dueDate ?? "") || a.sortOrder - b.sortOrder;
  const visible = leaves.filter(
    (t) =>
      t.status !== "done" &&
      t.status !== "cancelled" &&
      t.dueDate !== null &&
      !(outside && t.internalOnly),
  );
  const brief = (t: DetailedTaskRow) => ({
    id: t.id,
    title: t.title,
    dueDate: t.dueDate,
    status: t.status,
    assigneeName: t.assigneeName,
  });
  const forParty = (letter: (t: DetailedTaskRow) => RaciValue | null) => {
    const mine = visible.filter((t) => isResponsible(letter(t)) || isAccountable(letter(t)));
    const overdue = mine.filter((t) => (t.dueDate as string) < today).sort(byDue);
    const upcoming = mine
      .filter((t) => (t.dueDate as string) >= today && (t.dueDate as string) <= horizon)
      .sort(byDue);
    return {
      overdue: overdue.slice(0, LIST).map(brief),
      upcoming: upcoming.slice(0, LIST).map(brief),
      overdueCount: overdue.length,
      upcomingCount: upcoming.length,
    };
  };

  const recorded = new Map(
    db
      .select({ date: progressSnapshot.date, actual: progressSnapshot.actual })
      .from(progressSnapshot)
      .where(eq(progressSnapshot.projectId, p.id))
      .all()
      .map((s) => [s.date, s.actual]),
  );
  // Today's figure is recorded (when it moved), so tomorrow's chart has it.
  if (recorded.get(today) !== m.progress) {
    db.insert(progressSnapshot)
      .values({ projectId: p.id, date: today, actual: m.progress, planned: m.plannedProgress })
      .onConflictDoUpdate({
        target: [progressSnapshot.projectId, progressSnapshot.date],
        set: { actual: m.progress, planned: m.plannedProgress },
      })
      .run();
    recorded.set(today, m.progress);
  }
  const points = weeklyPoints(p.startDate, m.goLive?.date ?? p.targetGoLive, today);
  const planned = plannedShares(leaves, points);
  const burnUp = points.map((date, i) => ({
    date,
    planned: planned[i] ?? 0,
    actual: date <= today ? latestOnOrBefore(recorded, date) : null,
  }));
  return {
    phases,
    burnUp,
    tasksByRole: { ipm: forParty((t) => t.raciIpm), pm: forParty((t) => t.raciPm) },
  };
}

const cache = new Map<string, { revision: string; dashboard: ProjectDashboard }>();

/** Weekly dates from `start` to `end` (and today, so the line ends where we are). */
function weeklyPoints(start: string, end: string, today: string): string[] {
  const last = end > today ? end : today;
  const points: string[] = [];
  for (let d = start; d <= last && points.length < 260; d = addDays(d, 7)) points.push(d);
  if (!points.includes(today) && today >= start) points.push(today);
  if (points.at(-1) !== last) points.push(last);
  return [...new Set(points)].sort();
}

const DAY = 86_400_000;

/**
 * The planned percent complete on each of `dates` (sorted): each task's estimate spread evenly
 * over its calendar days, start and due counted (as `plannedFraction` does). Dates are turned
 * into day numbers once, so thousands of tasks over a year of weeks stay cheap.
 */
function plannedShares(
  leaves: ReadonlyArray<{
    estimateHours: number | null;
    status: string;
    startDate: string | null;
    dueDate: string | null;
  }>,
  dates: readonly string[],
): number[] {
  const day = (iso: string) => Math.round(Date.parse(iso) / DAY);
  const spans: Array<{ from: number; to: number; weight: number }> = [];
  let total = 0;
  for (const t of leaves) {
    if (t.status === "cancelled") continue;
    const weight = t.estimateHours && t.estimateHours > 0 ? t.estimateHours : 1;
    total += weight;
    if (!t.dueDate) continue;
    spans.push({ from: day(t.startDate ?? t.dueDate), to: day(t.dueDate), weight });
  }
  return dates.map((date) => {
    if (total === 0) return 0;
    const d = day(date);
    let planned = 0;
    for (const s of spans) {
      if (d < s.from) continue;
      if (d >= s.to) planned += s.weight;
      else planned += (s.weight * (d - s.from + 1)) / (s.to - s.from + 1);
    }
    return Math.round((planned / total) * 1000) / 10;
  });
}

function latestOnOrBefore(recorded: Map<string, number>, date: string): number | null {
  let best: string | null = null;
  for (const d of recorded.keys()) if (d <= date && (best === null || d > best)) best = d;
  return best === null ? null : (recorded.get(best) ?? null);
}

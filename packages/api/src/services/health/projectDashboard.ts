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
  task,
  user,
} from "@rollout/db";
import {
  addDays,
  earnedValue,
  isAccountable,
  isResponsible,
  type ProjectAccessRole,
  type ProjectDashboard,
  projectAllows,
  rollupProgress,
  todayUtc,
} from "@rollout/domain";
import { changes } from "../../events.ts";
import type { ProjectRow } from "../../trpc.ts";
import { seesInternal } from "../plan/model.ts";
import { metricsFor } from "./metrics.ts";

const UPCOMING_DAYS = 14;
const LIST = 8;

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
  const m = metricsFor(db, orgId, [p], outside ? "outside" : "team", today).get(p.id);
  if (!m) throw new Error("no figures");

  const rows = db
    .select({
      id: task.id,
      title: task.title,
      phaseId: task.phaseId,
      parentId: task.parentId,
      status: task.status,
      percentComplete: task.percentComplete,
      estimateHours: task.estimateHours,
      actualHours: task.actualHours,
      startDate: task.startDate,
      dueDate: task.dueDate,
      internalOnly: task.internalOnly,
      raciIpm: task.raciIpm,
      raciPm: task.raciPm,
      assigneeName: user.name,
    })
    .from(task)
    .leftJoin(user, eq(user.id, task.assigneeId))
    .where(and(eq(task.projectId, p.id), isNull(task.deletedAt)))
    .orderBy(asc(task.dueDate), asc(task.sortOrder))
    .all();
  const parents = new Set(rows.map((t) => t.parentId).filter(Boolean));
  const leaves = rows.filter((t) => !parents.has(t.id));

  const phases = db
    .select({ id: phase.id, name: phase.name })
    .from(phase)
    .where(and(eq(phase.projectId, p.id), isNull(phase.deletedAt)))
    .orderBy(asc(phase.sortOrder))
    .all()
    .map((ph) => {
      const own = leaves.filter((t) => t.phaseId === ph.id);
      return { ...ph, progress: rollupProgress(own), ev: earnedValue(own, today) };
    });

  const horizon = addDays(today, UPCOMING_DAYS);
  const visible = leaves.filter(
    (t) => t.status !== "done" && t.status !== "cancelled" && !(outside && t.internalOnly),
  );
  const brief = (t: (typeof rows)[number]) => ({
    id: t.id,
    title: t.title,
    dueDate: t.dueDate,
    status: t.status,
    assigneeName: t.assigneeName,
  });
  const forParty = (letter: (t: (typeof rows)[number]) => (typeof rows)[number]["raciIpm"]) => {
    const mine = visible.filter((t) => isResponsible(letter(t)) || isAccountable(letter(t)));
    const overdue = mine.filter((t) => t.dueDate !== null && t.dueDate < today);
    const upcoming = mine.filter(
      (t) => t.dueDate !== null && t.dueDate >= today && t.dueDate <= horizon,
    );
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
    phases,
    budget: {
      planned: p.plannedBudget,
      actual: p.actualCost,
      forecast: m.forecastCost,
      currency: p.currency,
    },
    milestones: m.milestones,
    goLive: m.goLive,
    daysToGoLive: m.daysToGoLive,
    burnUp,
    tasksByRole: { ipm: forParty((t) => t.raciIpm), pm: forParty((t) => t.raciPm) },
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

import {
  and,
  dependency,
  eq,
  holiday,
  inArray,
  isNull,
  milestone,
  organization,
  type project,
  type Queryable,
  raidItem,
  task,
} from "@rollout/db";
import {
  budgetHealth,
  computeSchedule,
  defaultHealthThresholds,
  type EarnedValue,
  earnedValue,
  forecastCost,
  type HealthThresholds,
  type ProjectHealth,
  projectHealth,
  type RiskThresholds,
  raidRef,
  riskBand,
  riskHealth,
  riskScore,
  rollupProgress,
  scheduleHealth,
  slip,
  todayUtc,
} from "@rollout/domain";
import { changes } from "../../events.ts";

type ProjectRow = typeof project.$inferSelect;

/** Who reads the figures: the team sees every reason; outsiders do not see internal names. */
export type Audience = "team" | "outside";

export interface MilestoneFigure {
  id: string;
  name: string;
  baselineDate: string | null;
  forecastDate: string | null;
  actualDate: string | null;
  slip: number | null;
  isGate: boolean;
  isGoLive: boolean;
}

export interface ProjectMetrics {
  projectId: string;
  today: string;
  health: ProjectHealth;
  /** Percent complete, estimate-weighted over leaf tasks. */
  progress: number;
  /** Percent of the estimate planned to be done by today (PV / BAC). */
  plannedProgress: number;
  ev: EarnedValue;
  /** Forecast cost at completion, minor units of the project's currency. */
  forecastCost: number;
  milestones: MilestoneFigure[];
  nextMilestone: MilestoneFigure | null;
  goLive: { date: string; baselineDate: string | null; slip: number | null } | null;
  /** Calendar days from today to the go-live forecast (negative: past); null once live. */
  daysToGoLive: number | null;
  openTasks: number;
  overdueTasks: number;
  /** Open threats in the high or critical band. */
  openHighRisks: number;
}

export interface OrgSettings {
  health: HealthThresholds;
  bands: RiskThresholds;
  holidays: string[];
}

export function orgSettings(tx: Queryable, orgId: string): OrgSettings {
  const row = tx
    .select({
      health: organization.healthThresholds,
      medium: organization.riskMedium,
      high: organization.riskHigh,
      critical: organization.riskCritical,
    })
    .from(organization)
    .where(eq(organization.id, orgId))
    .get();
  const holidays = tx
    .select({ date: holiday.date })
    .from(holiday)
    .where(eq(holiday.organizationId, orgId))
    .all()
    .map((h) => h.date);
  return {
    health: { ...defaultHealthThresholds, ...(row?.health ?? {}) },
    bands: { medium: row?.medium ?? 5, high: row?.high ?? 10, critical: row?.critical ?? 20 },
    holidays,
  };
}

const DAY = 86_400_000;

/** Rows of many projects, loaded in a fixed number of queries (no query per project). */
function loadRows(tx: Queryable, projectIds: string[]) {
  const tasks = tx
    .select({
      id: task.id,
      projectId: task.projectId,
      parentId: task.parentId,
      status: task.status,
      percentComplete: task.percentComplete,
      estimateHours: task.estimateHours,
      actualHours: task.actualHours,
      startDate: task.startDate,
      dueDate: task.dueDate,
      duration: task.duration,
      milestoneId: task.milestoneId,
    })
    .from(task)
    .where(and(inArray(task.projectId, projectIds), isNull(task.deletedAt)))
    .all();
  const links = tx
    .select({
      projectId: dependency.projectId,
      predecessorId: dependency.predecessorId,
      successorId: dependency.successorId,
      type: dependency.type,
      lag: dependency.lag,
    })
    .from(dependency)
    .where(inArray(dependency.projectId, projectIds))
    .all();
  const milestones = tx
    .select({
      id: milestone.id,
      projectId: milestone.projectId,
      name: milestone.name,
      baselineDate: milestone.baselineDate,
      forecastOverride: milestone.forecastOverride,
      actualDate: milestone.actualDate,
      isGate: milestone.isGate,
      isGoLive: milestone.isGoLive,
      sortOrder: milestone.sortOrder,
    })
    .from(milestone)
    .where(and(inArray(milestone.projectId, projectIds), isNull(milestone.deletedAt)))
    .all();
  const raid = tx
    .select({
      projectId: raidItem.projectId,
      kind: raidItem.kind,
      number: raidItem.number,
      title: raidItem.title,
      probability: raidItem.probability,
      impact: raidItem.impact,
      polarity: raidItem.polarity,
      mitigation: raidItem.mitigation,
      severity: raidItem.severity,
      internalOnly: raidItem.internalOnly,
    })
    .from(raidItem)
    .where(
      and(
        inArray(raidItem.projectId, projectIds),
        isNull(raidItem.deletedAt),
        inArray(raidItem.status, ["open", "mitigating", "in_progress"]),
        inArray(raidItem.kind, ["risk", "issue"]),
      ),
    )
    .all();
  const group = <T extends { projectId: string }>(rows: T[]) => {
    const map = new Map<string, T[]>();
    for (const r of rows) {
      const list = map.get(r.projectId);
      if (list) list.push(r);
      else map.set(r.projectId, [r]);
    }
    return (id: string) => map.get(id) ?? [];
  };
  return {
    tasks: group(tasks),
    links: group(links),
    milestones: group(milestones),
    raid: group(raid),
  };
}
type Rows = ReturnType<typeof loadRows>;

function compute(
  p: ProjectRow,
  rows: Rows,
  settings: OrgSettings,
  today: string,
  audience: Audience,
): ProjectMetrics {
  const tasks = rows.tasks(p.id);
  const live = new Set(tasks.map((t) => t.id));
  const schedule = computeSchedule(
    tasks.map((t) => ({
      id: t.id,
      duration: t.duration,
      startDate: t.startDate,
      dueDate: t.dueDate,
      pinned: (t.status === "in_progress" || t.status === "done") && t.startDate !== null,
    })),
    rows.links(p.id).filter((l) => live.has(l.predecessorId) && live.has(l.successorId)),
    { projectStart: p.startDate, holidays: settings.holidays },
  );
  const finishOf = new Map<string, string>();
  for (const t of tasks) {
    if (!t.milestoneId) continue;
    const finish = schedule.tasks.get(t.id)?.earlyFinish;
    if (finish && (finishOf.get(t.milestoneId) ?? "") < finish) finishOf.set(t.milestoneId, finish);
  }
  const milestones: MilestoneFigure[] = rows
    .milestones(p.id)
    .sort(
      (a, b) =>
        (a.baselineDate ?? "9").localeCompare(b.baselineDate ?? "9") || a.sortOrder - b.sortOrder,
    )
    .map((m) => {
      const forecastDate = m.forecastOverride ?? finishOf.get(m.id) ?? null;
      return {
        id: m.id,
        name: m.name,
        baselineDate: m.baselineDate,
        forecastDate,
        actualDate: m.actualDate,
        slip: slip(m.baselineDate, m.actualDate ?? forecastDate),
        isGate: m.isGate,
        isGoLive: m.isGoLive,
      };
    });
  const open = milestones.filter((m) => !m.actualDate);

  const parents = new Set(tasks.map((t) => t.parentId).filter((id): id is string => id !== null));
  const leaves = tasks.filter((t) => !parents.has(t.id));
  const openLeaves = leaves.filter((t) => t.status !== "done" && t.status !== "cancelled");
  const overdue = openLeaves.filter((t) => t.dueDate !== null && t.dueDate < today).length;
  const ev = earnedValue(leaves, today);

  const earnedShare = ev.bac > 0 ? ev.ev / ev.bac : rollupProgress(leaves) / 100;
  const forecast = forecastCost({
    plannedBudget: p.plannedBudget,
    actualCost: p.actualCost,
    earnedShare,
  });

  const raid = rows.raid(p.id);
  const risks = raid
    .filter((r) => r.kind === "risk" && r.polarity === "threat" && r.probability && r.impact)
    .map((r) => ({
      ref: raidRef(r.kind, r.number),
      title: r.title,
      score: riskScore(r.probability ?? 0, r.impact ?? 0),
      mitigation: r.mitigation,
      internalOnly: r.internalOnly,
    }));
  const issues = raid
    .filter((r) => r.kind === "issue")
    .map((r) => ({
      ref: raidRef(r.kind, r.number),
      title: r.title,
      severity: r.severity,
      internalOnly: r.internalOnly,
    }));

  const t = settings.health;
  const dimensions = {
    schedule: scheduleHealth(
      {
        openMilestones: open.map((m) => ({ name: m.name, slip: m.slip, isGoLive: m.isGoLive })),
        openTasks: openLeaves.length,
        overdueTasks: overdue,
      },
      t,
    ),
    budget: budgetHealth({ planned: p.plannedBudget, forecast, currency: p.currency }, t),
    risk: riskHealth({ openRisks: risks, openIssues: issues }, t, {
      hideInternal: audience === "outside",
    }),
  };
  const override =
    p.healthOverrideRag && p.healthOverrideReason !== null
      ? {
          rag: p.healthOverrideRag,
          reason: p.healthOverrideReason,
          expiresOn: p.healthOverrideExpiresOn,
        }
      : null;

  const goLiveMilestone = milestones.find((m) => m.isGoLive);
  const goLiveDate = goLiveMilestone
    ? (goLiveMilestone.actualDate ?? goLiveMilestone.forecastDate ?? goLiveMilestone.baselineDate)
    : p.targetGoLive;
  const next =
    open
      .filter((m) => (m.forecastDate ?? m.baselineDate) !== null)
      .sort((a, b) =>
        (a.forecastDate ?? a.baselineDate ?? "").localeCompare(
          b.forecastDate ?? b.baselineDate ?? "",
        ),
      )[0] ?? null;
  return {
    projectId: p.id,
    today,
    health: projectHealth(dimensions, override, today),
    progress: rollupProgress(leaves),
    plannedProgress: ev.bac > 0 ? Math.round((ev.pv / ev.bac) * 1000) / 10 : 0,
    ev,
    forecastCost: forecast,
    milestones,
    nextMilestone: next,
    goLive: goLiveDate
      ? {
          date: goLiveDate,
          baselineDate: goLiveMilestone?.baselineDate ?? p.targetGoLive,
          slip: goLiveMilestone ? goLiveMilestone.slip : null,
        }
      : null,
    daysToGoLive:
      p.actualGoLive || goLiveMilestone?.actualDate || !goLiveDate
        ? null
        : Math.round((Date.parse(goLiveDate) - Date.parse(today)) / DAY),
    openTasks: openLeaves.length,
    overdueTasks: overdue,
    openHighRisks: risks.filter((r) => {
      const band = riskBand(r.score, settings.bands);
      return band === "high" || band === "critical";
    }).length,
  };
}

/**
 * Figures are cached per project until it (or its organisation) changes, or the day turns:
 * a portfolio of a thousand projects recomputes only what changed since it was last read.
 */
const cache = new Map<string, { revision: string; metrics: ProjectMetrics }>();
const MAX_CACHED = 20_000;

/** The figures of each project, computed for those not cached, in a fixed number of queries. */
export function metricsFor(
  tx: Queryable,
  orgId: string,
  projects: readonly ProjectRow[],
  audience: Audience,
  today = todayUtc(),
): Map<string, ProjectMetrics> {
  const out = new Map<string, ProjectMetrics>();
  const missing: ProjectRow[] = [];
  const keyOf = (p: ProjectRow) => `${p.id}:${audience}`;
  const revisionOf = (p: ProjectRow) => `${changes.revisionOf(orgId, p.id)}:${p.version}:${today}`;
  for (const p of projects) {
    const hit = cache.get(keyOf(p));
    if (hit && hit.revision === revisionOf(p)) out.set(p.id, hit.metrics);
    else missing.push(p);
  }
  if (missing.length === 0) return out;
  const settings = orgSettings(tx, orgId);
  // SQLite caps the number of bound parameters: load in slices.
  for (let i = 0; i < missing.length; i += 500) {
    const slice = missing.slice(i, i + 500);
    const rows = loadRows(
      tx,
      slice.map((p) => p.id),
    );
    for (const p of slice) {
      const metrics = compute(p, rows, settings, today, audience);
      out.set(p.id, metrics);
      if (cache.size >= MAX_CACHED) cache.clear();
      cache.set(keyOf(p), { revision: revisionOf(p), metrics });
    }
  }
  return out;
}

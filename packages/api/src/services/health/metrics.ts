import {
  and,
  eq,
  holiday,
  inArray,
  isNull,
  milestone,
  organization,
  type project,
  type Queryable,
  raidItem,
  sql,
} from "@rollout/db";
import {
  budgetHealth,
  computeSchedule,
  type DimensionHealth,
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
  type TaskStatus,
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

/** The task columns the figures need (the project dashboard reads more: `DetailedTaskRow`). */
export interface PlanTaskRow {
  id: string;
  projectId: string;
  parentId: string | null;
  status: TaskStatus;
  percentComplete: number;
  estimateHours: number | null;
  actualHours: number | null;
  startDate: string | null;
  dueDate: string | null;
  duration: number | null;
  milestoneId: string | null;
}

interface LinkRow {
  projectId: string;
  predecessorId: string;
  successorId: string;
  type: "FS" | "SS" | "FF" | "SF";
  lag: number;
}

// Hot reads over thousands of rows are written in SQL and read as arrays (the driver's fastest
// form), then shaped here: a fixed object shape costs far less than the driver's named rows.
export const TASK_COLUMNS = sql.raw(`task.id, task.project_id, task.parent_id, task.status,
  task.percent_complete, task.estimate_hours, task.actual_hours, task.start_date, task.due_date,
  task.duration, task.milestone_id`);
/** How many columns `TASK_COLUMNS` selects: a query may select more after them. */
export const TASK_COLUMN_COUNT = 11;

/** A row selected with `TASK_COLUMNS` first, as a `PlanTaskRow`. */
export function toPlanTask(r: unknown[]): PlanTaskRow {
  return {
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
  };
}

function group<T extends { projectId: string }>(rows: T[]) {
  const map = new Map<string, T[]>();
  for (const r of rows) {
    const list = map.get(r.projectId);
    if (list) list.push(r);
    else map.set(r.projectId, [r]);
  }
  return (id: string) => map.get(id) ?? [];
}

/** The plan rows of many projects in a fixed number of queries (no query per project). */
function loadPlanRows(
  tx: Queryable,
  projectIds: string[],
  preloaded?: { projectId: string; tasks: PlanTaskRow[] },
) {
  const toRead = preloaded ? projectIds.filter((id) => id !== preloaded.projectId) : projectIds;
  const ids = sql.join(
    toRead.map((id) => sql`${id}`),
    sql`, `,
  );
  const tasks =
    toRead.length === 0
      ? []
      : tx
          .values<unknown[]>(
            sql`select ${TASK_COLUMNS} from task where project_id in (${ids}) and deleted_at is null`,
          )
          .map(toPlanTask);
  if (preloaded) tasks.push(...preloaded.tasks);
  const links = tx
    .values<[string, string, string, LinkRow["type"], number]>(
      sql`select project_id, predecessor_id, successor_id, type, lag from dependency
          where project_id in (${sql.join(
            projectIds.map((id) => sql`${id}`),
            sql`, `,
          )})`,
    )
    .map(
      ([projectId, predecessorId, successorId, type, lag]): LinkRow => ({
        projectId,
        predecessorId,
        successorId,
        type,
        lag,
      }),
    );
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
  return { tasks: group(tasks), links: group(links), milestones: group(milestones) };
}
type PlanRows = ReturnType<typeof loadPlanRows>;

/** The open risks and issues of many projects, in one query. */
function loadRaidRows(tx: Queryable, projectIds: string[]) {
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
  return group(raid);
}
type RaidRows = ReturnType<typeof loadRaidRows>;

/** What the plan alone decides (no RAID): the same for every audience. */
type PlanFigures = Omit<ProjectMetrics, "health" | "openHighRisks"> & {
  schedule: DimensionHealth;
  budget: DimensionHealth;
};

function computePlan(
  p: ProjectRow,
  rows: PlanRows,
  settings: OrgSettings,
  today: string,
): PlanFigures {
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

  const t = settings.health;
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
    schedule: scheduleHealth(
      {
        openMilestones: open.map((m) => ({ name: m.name, slip: m.slip, isGoLive: m.isGoLive })),
        openTasks: openLeaves.length,
        overdueTasks: overdue,
      },
      t,
    ),
    budget: budgetHealth({ planned: p.plannedBudget, forecast, currency: p.currency }, t),
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
  };
}

/** The plan's figures joined with the open risks and issues the audience may see. */
function compute(
  p: ProjectRow,
  plan: PlanFigures,
  raid: RaidRows,
  settings: OrgSettings,
  today: string,
  audience: Audience,
): ProjectMetrics {
  const open = raid(p.id);
  const risks = open
    .filter((r) => r.kind === "risk" && r.polarity === "threat" && r.probability && r.impact)
    .map((r) => ({
      ref: raidRef(r.kind, r.number),
      title: r.title,
      score: riskScore(r.probability ?? 0, r.impact ?? 0),
      mitigation: r.mitigation,
      internalOnly: r.internalOnly,
    }));
  const issues = open
    .filter((r) => r.kind === "issue")
    .map((r) => ({
      ref: raidRef(r.kind, r.number),
      title: r.title,
      severity: r.severity,
      internalOnly: r.internalOnly,
    }));
  const override =
    p.healthOverrideRag && p.healthOverrideReason !== null
      ? {
          rag: p.healthOverrideRag,
          reason: p.healthOverrideReason,
          expiresOn: p.healthOverrideExpiresOn,
        }
      : null;
  const { schedule, budget, ...figures } = plan;
  const dimensions = {
    schedule,
    budget,
    risk: riskHealth({ openRisks: risks, openIssues: issues }, settings.health, {
      hideInternal: audience === "outside",
    }),
  };
  return {
    ...figures,
    health: projectHealth(dimensions, override, today),
    openHighRisks: risks.filter((r) => {
      const band = riskBand(r.score, settings.bands);
      return band === "high" || band === "critical";
    }).length,
  };
}
/**
 * Figures are cached per project until it (or its organisation) changes, or the day turns: a
 * portfolio of a thousand projects recomputes only what changed since it was last read. The plan
 * part (the costly one: every task and the critical path) is cached on its own and survives
 * changes that cannot move it (a risk rated, a stakeholder edited, a report published).
 */
const cache = new Map<string, { revision: string; metrics: ProjectMetrics }>();
const planCache = new Map<string, { revision: string; plan: PlanFigures }>();
const MAX_CACHED = 20_000;
/** Projects whose plan rows are read at once when figures are computed. */
const PLAN_SLICE = 100;

function remember<T>(map: Map<string, T>, key: string, value: T) {
  if (map.size >= MAX_CACHED) map.clear();
  map.set(key, value);
}

/** The key under which a project's plan figures stay current. */
export function planRevisionOf(orgId: string, p: ProjectRow, today: string): string {
  return `${changes.planRevisionOf(orgId, p.id)}:${p.version}:${today}`;
}

/**
 * The figures of each project, computed for those not cached, in a fixed number of queries.
 * `preloaded` hands over one project's task rows already read (the project dashboard reads them
 * anyway), so they are not read twice.
 */
export function metricsFor(
  tx: Queryable,
  orgId: string,
  projects: readonly ProjectRow[],
  audience: Audience,
  today = todayUtc(),
  preloaded?: { projectId: string; tasks: PlanTaskRow[] },
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
  const plans = new Map<string, PlanFigures>();
  const unplanned: ProjectRow[] = [];
  for (const p of missing) {
    const hit = planCache.get(p.id);
    if (hit && hit.revision === planRevisionOf(orgId, p, today)) plans.set(p.id, hit.plan);
    else unplanned.push(p);
  }
  // In slices: SQLite caps the bound parameters, and a slice's rows are garbage once its figures
  // are out, so a cold portfolio of a thousand projects never holds every task at once (the
  // server's memory peak is one slice, not the organisation).
  for (let i = 0; i < unplanned.length; i += PLAN_SLICE) {
    const slice = unplanned.slice(i, i + PLAN_SLICE);
    const rows = loadPlanRows(
      tx,
      slice.map((p) => p.id),
      preloaded,
    );
    for (const p of slice) {
      const plan = computePlan(p, rows, settings, today);
      plans.set(p.id, plan);
      remember(planCache, p.id, { revision: planRevisionOf(orgId, p, today), plan });
    }
  }
  for (let i = 0; i < missing.length; i += 500) {
    const slice = missing.slice(i, i + 500);
    const raid = loadRaidRows(
      tx,
      slice.map((p) => p.id),
    );
    for (const p of slice) {
      const plan = plans.get(p.id) as PlanFigures;
      const metrics = compute(p, plan, raid, settings, today, audience);
      out.set(p.id, metrics);
      remember(cache, keyOf(p), { revision: revisionOf(p), metrics });
    }
  }
  return out;
}

import {
  alias,
  and,
  asc,
  auditLog,
  type Db,
  desc,
  eq,
  gte,
  inArray,
  isNull,
  lt,
  newId,
  nowIso,
  type Queryable,
  type ReportMetrics,
  type ReportRisk,
  raidItem,
  sql,
  statusReport,
  type Tx,
  task,
  user,
  writeTx,
} from "@rollout/db";
import {
  addDays,
  type ProjectAccessRole,
  raidRef,
  riskBand,
  riskScore,
  type StatusReport,
  todayUtc,
} from "@rollout/domain";
import { type Acting, audit, changedFields } from "../../audit.ts";
import { badRequest, notFound, staleVersion } from "../../errors.ts";
import type { ProjectRow } from "../../trpc.ts";
import { metricsFor, orgSettings, type ProjectMetrics } from "../health/metrics.ts";
import { seesInternal } from "../plan/model.ts";

type ReportRow = typeof statusReport.$inferSelect;

const DAY = 86_400_000;
const TOP_RISKS = 5;

/** What a report says about the numbers, taken from the outside view (nothing internal named). */
function snapshot(tx: Queryable, orgId: string, p: ProjectRow, today: string) {
  const m = metricsFor(tx, orgId, [p], "outside", today).get(p.id) as ProjectMetrics;
  const bands = orgSettings(tx, orgId).bands;
  const topRisks: ReportRisk[] = tx
    .select({
      id: raidItem.id,
      kind: raidItem.kind,
      number: raidItem.number,
      title: raidItem.title,
      probability: raidItem.probability,
      impact: raidItem.impact,
      response: raidItem.response,
      mitigation: raidItem.mitigation,
    })
    .from(raidItem)
    .where(
      and(
        eq(raidItem.projectId, p.id),
        isNull(raidItem.deletedAt),
        eq(raidItem.kind, "risk"),
        eq(raidItem.polarity, "threat"),
        eq(raidItem.internalOnly, false),
        inArray(raidItem.status, ["open", "mitigating"]),
      ),
    )
    .orderBy(desc(sql`${raidItem.probability} * ${raidItem.impact}`), asc(raidItem.number))
    .limit(TOP_RISKS)
    .all()
    .map((r) => {
      const score = riskScore(r.probability ?? 0, r.impact ?? 0);
      return {
        id: r.id,
        ref: raidRef(r.kind, r.number),
        title: r.title,
        score,
        band: riskBand(score, bands),
        response: r.response,
        mitigation: r.mitigation,
      };
    });
  const metrics: ReportMetrics = {
    progress: m.progress,
    plannedProgress: m.plannedProgress,
    spi: m.ev.spi,
    cpi: m.ev.cpi,
    forecastCost: m.forecastCost,
    plannedBudget: p.plannedBudget,
    actualCost: p.actualCost,
    currency: p.currency,
    openTasks: m.openTasks,
    overdueTasks: m.overdueTasks,
    openHighRisks: m.openHighRisks,
    computedHealth: m.health.computed,
    reasons: Object.fromEntries(
      Object.entries(m.health.dimensions).map(([d, h]) => [d, h.reasons]),
    ),
  };
  const milestones = m.milestones.map((ms) => ({
    id: ms.id,
    name: ms.name,
    baselineDate: ms.baselineDate,
    forecastDate: ms.forecastDate,
    actualDate: ms.actualDate,
    slip: ms.slip,
  }));
  return { m, topRisks, metrics, milestones };
}

const bullets = (titles: string[]) => titles.map((t) => `- ${t}`).join("\n");

/** Tasks finished within the period (from the audit trail) and open ones due in the next. */
function workOf(tx: Queryable, projectId: string, start: string, end: string) {
  const finished = tx
    .selectDistinct({ id: task.id, title: task.title, sortOrder: task.sortOrder })
    .from(auditLog)
    .innerJoin(task, eq(task.id, auditLog.entityId))
    .where(
      and(
        eq(auditLog.projectId, projectId),
        eq(auditLog.entityType, "task"),
        sql`json_extract(${auditLog.after}, '$.status') = 'done'`,
        gte(auditLog.createdAt, start),
        lt(auditLog.createdAt, addDays(end, 1)),
        eq(task.status, "done"),
        eq(task.internalOnly, false),
        isNull(task.deletedAt),
      ),
    )
    .orderBy(asc(task.sortOrder))
    .all();
  const length = Math.round((Date.parse(end) - Date.parse(start)) / DAY) + 1;
  const upcoming = tx
    .select({ title: task.title, dueDate: task.dueDate })
    .from(task)
    .where(
      and(
        eq(task.projectId, projectId),
        isNull(task.deletedAt),
        eq(task.internalOnly, false),
        inArray(task.status, ["not_started", "in_progress", "blocked"]),
        sql`${task.dueDate} > ${end}`,
        sql`${task.dueDate} <= ${addDays(end, length)}`,
      ),
    )
    .orderBy(asc(task.dueDate), asc(task.sortOrder))
    .all();
  return {
    accomplishments: bullets(finished.map((t) => t.title)),
    nextSteps: bullets(upcoming.map((t) => `${t.title} (due ${t.dueDate})`)),
  };
}

const createdBy = alias(user, "created_by");
const publishedBy = alias(user, "published_by");

function selectReports(tx: Queryable) {
  return tx
    .select({ row: statusReport, createdByName: createdBy.name, publishedByName: publishedBy.name })
    .from(statusReport)
    .leftJoin(createdBy, eq(createdBy.id, statusReport.createdBy))
    .leftJoin(publishedBy, eq(publishedBy.id, statusReport.publishedBy));
}

function toReport(r: {
  row: ReportRow;
  createdByName: string | null;
  publishedByName: string | null;
}): StatusReport {
  const { row } = r;
  return {
    id: row.id,
    number: row.number,
    periodStart: row.periodStart,
    periodEnd: row.periodEnd,
    status: row.status,
    overall: row.overall,
    schedule: row.schedule,
    budget: row.budget,
    scope: row.scope,
    risk: row.risk,
    summary: row.summary,
    accomplishments: row.accomplishments,
    nextSteps: row.nextSteps,
    asks: row.asks,
    topRisks: row.topRisks,
    milestones: row.milestones,
    metrics: row.metrics,
    createdByName: r.createdByName,
    publishedAt: row.publishedAt,
    publishedByName: r.publishedByName,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** Outsiders read published reports only. */
const visibleTo = (role: ProjectAccessRole) =>
  seesInternal(role) ? undefined : eq(statusReport.status, "published");

export function listReports(tx: Queryable, projectId: string, role: ProjectAccessRole) {
  return selectReports(tx)
    .where(
      and(eq(statusReport.projectId, projectId), isNull(statusReport.deletedAt), visibleTo(role)),
    )
    .orderBy(desc(statusReport.periodEnd), desc(statusReport.number))
    .all()
    .map(toReport);
}

export function getReport(
  tx: Queryable,
  projectId: string,
  role: ProjectAccessRole,
  reportId: string,
): StatusReport {
  const found = selectReports(tx)
    .where(
      and(
        eq(statusReport.id, reportId),
        eq(statusReport.projectId, projectId),
        isNull(statusReport.deletedAt),
        visibleTo(role),
      ),
    )
    .get();
  if (!found) throw notFound("Status report");
  return toReport(found);
}

function loadRow(tx: Queryable, projectId: string, reportId: string): ReportRow {
  const row = tx
    .select()
    .from(statusReport)
    .where(
      and(
        eq(statusReport.id, reportId),
        eq(statusReport.projectId, projectId),
        isNull(statusReport.deletedAt),
      ),
    )
    .get();
  if (!row) throw notFound("Status report");
  return row;
}

function mustBeDraft(row: ReportRow) {
  if (row.status === "published") {
    throw badRequest(
      `Report ${row.number} is published and cannot be changed; start a new report instead`,
    );
  }
}

/** A new draft for a period, pre-filled from live data: health, milestones, risks, work done and next. */
export function createReport(
  db: Db,
  acting: Acting,
  p: ProjectRow,
  input: { periodStart: string; periodEnd: string },
  today = todayUtc(),
) {
  return writeTx(db, (tx) => {
    const { m, topRisks, metrics, milestones } = snapshot(tx, acting.orgId, p, today);
    const work = workOf(tx, p.id, input.periodStart, input.periodEnd);
    const number =
      (tx
        .select({ n: sql<number>`max(${statusReport.number})` })
        .from(statusReport)
        .where(eq(statusReport.projectId, p.id))
        .get()?.n ?? 0) + 1;
    const now = nowIso();
    const row = {
      id: newId(),
      projectId: p.id,
      number,
      periodStart: input.periodStart,
      periodEnd: input.periodEnd,
      overall: m.health.overall,
      schedule: m.health.dimensions.schedule.rag,
      budget: m.health.dimensions.budget.rag,
      scope: "green" as const,
      risk: m.health.dimensions.risk.rag,
      summary: "",
      accomplishments: work.accomplishments,
      nextSteps: work.nextSteps,
      asks: "",
      topRisks,
      milestones,
      metrics,
      createdBy: acting.userId,
      createdAt: now,
      updatedAt: now,
    };
    tx.insert(statusReport).values(row).run();
    audit(tx, acting, {
      entityType: "status_report",
      entityId: row.id,
      projectId: p.id,
      action: "create",
      after: { number, periodStart: input.periodStart, periodEnd: input.periodEnd },
    });
    return { id: row.id, number };
  });
}

function writeReport(tx: Tx, row: ReportRow, expected: number, set: Partial<ReportRow>) {
  const updatedAt = nowIso();
  const result = tx
    .update(statusReport)
    .set({ ...set, version: expected + 1, updatedAt })
    .where(
      and(
        eq(statusReport.id, row.id),
        eq(statusReport.version, expected),
        eq(statusReport.status, "draft"),
        isNull(statusReport.deletedAt),
      ),
    )
    .run();
  if (result.changes === 0) throw staleVersion("report");
  return { ...row, ...set, version: expected + 1, updatedAt };
}

export function updateReport(
  db: Db,
  acting: Acting,
  projectId: string,
  input: { reportId: string; version: number; changes: Partial<ReportRow> },
) {
  writeTx(db, (tx) => {
    const row = loadRow(tx, projectId, input.reportId);
    mustBeDraft(row);
    const after = writeReport(tx, row, input.version, input.changes);
    const diff = changedFields(row as Record<string, unknown>, after as Record<string, unknown>);
    audit(tx, acting, {
      entityType: "status_report",
      entityId: row.id,
      projectId,
      action: "update",
      before: diff?.before ?? {},
      after: diff?.after ?? {},
    });
  });
}

export function deleteReport(
  db: Db,
  acting: Acting,
  projectId: string,
  input: { reportId: string; version: number },
) {
  writeTx(db, (tx) => {
    const row = loadRow(tx, projectId, input.reportId);
    mustBeDraft(row);
    writeReport(tx, row, input.version, { deletedAt: nowIso() });
    audit(tx, acting, {
      entityType: "status_report",
      entityId: row.id,
      projectId,
      action: "delete",
      before: { number: row.number },
    });
  });
}

/** Publishing freezes the report with the numbers as they stand now; it never changes again. */
export function publishReport(
  db: Db,
  acting: Acting,
  p: ProjectRow,
  input: { reportId: string; version: number },
  today = todayUtc(),
) {
  writeTx(db, (tx) => {
    const row = loadRow(tx, p.id, input.reportId);
    mustBeDraft(row);
    const { topRisks, metrics, milestones } = snapshot(tx, acting.orgId, p, today);
    const now = nowIso();
    const updated = tx
      .update(statusReport)
      .set({
        status: "published",
        topRisks,
        metrics,
        milestones,
        publishedAt: now,
        publishedBy: acting.userId,
        version: input.version + 1,
        updatedAt: now,
      })
      .where(
        and(
          eq(statusReport.id, row.id),
          eq(statusReport.version, input.version),
          eq(statusReport.status, "draft"),
        ),
      )
      .run();
    if (updated.changes === 0) throw staleVersion("report");
    audit(tx, acting, {
      entityType: "status_report",
      entityId: row.id,
      projectId: p.id,
      action: "publish",
      after: { number: row.number, overall: row.overall, metrics },
    });
  });
}

/** Each milestone's forecast in each published report, oldest first: flat is stable, rising slips. */
export function milestoneTrend(tx: Queryable, projectId: string) {
  const reports = tx
    .select({
      id: statusReport.id,
      number: statusReport.number,
      periodEnd: statusReport.periodEnd,
      milestones: statusReport.milestones,
    })
    .from(statusReport)
    .where(
      and(
        eq(statusReport.projectId, projectId),
        eq(statusReport.status, "published"),
        isNull(statusReport.deletedAt),
      ),
    )
    .orderBy(asc(statusReport.periodEnd), asc(statusReport.number))
    .all();
  const byId = new Map<
    string,
    { id: string; name: string; baselineDate: string | null; forecasts: (string | null)[] }
  >();
  reports.forEach((r, i) => {
    for (const ms of r.milestones) {
      let entry = byId.get(ms.id);
      if (!entry) {
        entry = {
          id: ms.id,
          name: ms.name,
          baselineDate: ms.baselineDate,
          forecasts: reports.map(() => null),
        };
        byId.set(ms.id, entry);
      }
      entry.name = ms.name;
      entry.baselineDate = ms.baselineDate;
      entry.forecasts[i] = ms.actualDate ?? ms.forecastDate;
    }
  });
  return {
    periods: reports.map((r) => ({ reportId: r.id, number: r.number, periodEnd: r.periodEnd })),
    milestones: [...byId.values()],
  };
}

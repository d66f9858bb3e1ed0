import {
  and,
  asc,
  type Db,
  eq,
  holiday,
  inArray,
  isNull,
  lesson,
  milestone,
  type PirVarianceSnapshot,
  pir,
  pirKpi,
  pirMeasurement,
  pirObjective,
  pirSigner,
  project,
  projectMember,
  type Queryable,
  user,
} from "@rollout/db";
import {
  budgetVariance,
  goLiveDates,
  type Pir,
  type PirGet,
  type PirVariance,
  reviewDue,
  scheduleVariance,
} from "@rollout/domain";
import { notFound } from "../../errors.ts";
import type { ProjectRow } from "../../trpc.ts";
import { latestPir, type PirRow } from "./load.ts";

/** The project's go-live milestone (the first marked as go-live), if it has one. */
export function goLiveMilestone(tx: Queryable, projectId: string) {
  return (
    tx
      .select({
        id: milestone.id,
        baselineDate: milestone.baselineDate,
        forecastOverride: milestone.forecastOverride,
        actualDate: milestone.actualDate,
      })
      .from(milestone)
      .where(
        and(
          eq(milestone.projectId, projectId),
          eq(milestone.isGoLive, true),
          isNull(milestone.deletedAt),
        ),
      )
      .orderBy(asc(milestone.sortOrder), asc(milestone.baselineDate))
      .limit(1)
      .get() ?? null
  );
}

/** Schedule and budget variance from the project as it is now (never typed by anyone). */
export function computeVariance(
  tx: Queryable,
  orgId: string,
  p: Pick<
    ProjectRow,
    "id" | "targetGoLive" | "actualGoLive" | "plannedBudget" | "actualCost" | "currency"
  >,
): PirVarianceSnapshot {
  const dates = goLiveDates(p, goLiveMilestone(tx, p.id));
  const holidays = dates.actualGoLive
    ? tx
        .select({ date: holiday.date })
        .from(holiday)
        .where(eq(holiday.organizationId, orgId))
        .all()
        .map((h) => h.date)
    : [];
  const budget = budgetVariance(p.plannedBudget, p.actualCost);
  return {
    ...dates,
    scheduleVarianceDays: scheduleVariance({ ...dates, holidays }),
    plannedBudget: p.plannedBudget,
    actualCost: p.actualCost,
    budgetVariance: budget.amount,
    budgetVariancePercent: budget.percent,
    currency: p.currency,
  };
}

function varianceOf(row: PirRow, live: () => PirVarianceSnapshot): PirVariance {
  // A signed review reads as it was signed: its figures were frozen then.
  if (row.status === "signed_off" && row.variance) return { ...row.variance, frozen: true };
  return { ...live(), frozen: false };
}

/** Everything a review holds, in a fixed number of queries. */
function reviewView(tx: Queryable, row: PirRow, latest: boolean, variance: PirVariance): Pir {
  const objectives = tx
    .select()
    .from(pirObjective)
    .where(eq(pirObjective.pirId, row.id))
    .orderBy(asc(pirObjective.sortOrder), asc(pirObjective.createdAt))
    .all();
  const kpis = tx
    .select({ row: pirKpi, ownerName: user.name })
    .from(pirKpi)
    .leftJoin(user, eq(user.id, pirKpi.ownerId))
    .where(eq(pirKpi.pirId, row.id))
    .orderBy(asc(pirKpi.sortOrder), asc(pirKpi.createdAt))
    .all();
  const measurements =
    kpis.length === 0
      ? []
      : tx
          .select()
          .from(pirMeasurement)
          .where(
            inArray(
              pirMeasurement.kpiId,
              kpis.map((k) => k.row.id),
            ),
          )
          .orderBy(asc(pirMeasurement.monthsAfterGoLive))
          .all();
  const lessons = tx
    .select()
    .from(lesson)
    .where(and(eq(lesson.pirId, row.id), isNull(lesson.deletedAt)))
    .orderBy(asc(lesson.seq))
    .all();
  const signers = tx
    .select({ signer: pirSigner, name: user.name, role: projectMember.role })
    .from(pirSigner)
    .innerJoin(user, eq(user.id, pirSigner.userId))
    .leftJoin(
      projectMember,
      and(eq(projectMember.userId, pirSigner.userId), eq(projectMember.projectId, row.projectId)),
    )
    .where(eq(pirSigner.pirId, row.id))
    .orderBy(asc(pirSigner.createdAt), asc(user.name))
    .all();
  const createdByName = row.createdBy
    ? (tx.select({ name: user.name }).from(user).where(eq(user.id, row.createdBy)).get()?.name ??
      null)
    : null;
  return {
    id: row.id,
    revision: row.revision,
    status: row.status,
    summary: row.summary,
    rating: row.rating,
    lockedAt: row.lockedAt,
    latest,
    createdByName,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    version: row.version,
    variance,
    objectives: objectives.map((o) => ({
      id: o.id,
      objective: o.objective,
      criterion: o.criterion,
      outcome: o.outcome,
      evidence: o.evidence,
      version: o.version,
    })),
    kpis: kpis.map(({ row: k, ownerName }) => ({
      id: k.id,
      name: k.name,
      unit: k.unit,
      baseline: k.baseline,
      target: k.target,
      actual: k.actual,
      measuredOn: k.measuredOn,
      owner: k.ownerId ? { userId: k.ownerId, name: ownerName ?? "Former member" } : null,
      version: k.version,
      measurements: measurements
        .filter((m) => m.kpiId === k.id)
        .map((m) => ({
          id: m.id,
          monthsAfterGoLive: m.monthsAfterGoLive,
          dueOn: m.dueOn,
          value: m.value,
          measuredOn: m.measuredOn,
          note: m.note,
          version: m.version,
        })),
    })),
    lessons: lessons.map((l) => ({
      id: l.id,
      kind: l.kind,
      category: l.category,
      summary: l.summary,
      recommendation: l.recommendation,
      tags: l.tags,
      version: l.version,
      createdAt: l.createdAt,
      updatedAt: l.updatedAt,
    })),
    signers: signers.map(({ signer, name, role }) => ({
      userId: signer.userId,
      name,
      role: role ?? null,
      signedAt: signer.signedAt,
      comment: signer.comment,
    })),
  };
}

/** The review of a project (a revision, or the latest), or null before one is opened. */
export function getPir(db: Db, orgId: string, p: ProjectRow, revision?: number): PirGet {
  const live = () => computeVariance(db, orgId, p);
  const newest = latestPir(db, p.id);
  let row = newest;
  if (revision !== undefined && newest && revision !== newest.revision) {
    row =
      db
        .select()
        .from(pir)
        .where(and(eq(pir.projectId, p.id), eq(pir.revision, revision)))
        .get() ?? null;
    if (!row) throw notFound(`Revision ${revision} of the review`);
  } else if (revision !== undefined && !newest) {
    throw notFound(`Revision ${revision} of the review`);
  }
  const variance: PirVariance = { ...live(), frozen: false };
  return {
    review: row
      ? reviewView(
          db,
          row,
          row.id === newest?.id,
          varianceOf(row, () => variance),
        )
      : null,
    stage: p.stage,
    due: reviewDue(p.stage),
    variance,
  };
}

export function listRevisions(db: Db, projectId: string) {
  return db
    .select({
      id: pir.id,
      revision: pir.revision,
      status: pir.status,
      lockedAt: pir.lockedAt,
      createdAt: pir.createdAt,
    })
    .from(pir)
    .where(eq(pir.projectId, projectId))
    .orderBy(asc(pir.revision))
    .all();
}

/** Whether `userId` is on the project (any role): signers and KPI owners must be. */
export function projectMemberIds(tx: Queryable, projectId: string, userIds: readonly string[]) {
  if (userIds.length === 0) return new Set<string>();
  return new Set(
    tx
      .select({ userId: projectMember.userId })
      .from(projectMember)
      .innerJoin(project, eq(project.id, projectMember.projectId))
      .where(
        and(eq(projectMember.projectId, projectId), inArray(projectMember.userId, [...userIds])),
      )
      .all()
      .map((r) => r.userId),
  );
}

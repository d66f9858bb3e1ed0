import {
  and,
  asc,
  type Db,
  eq,
  isNull,
  lte,
  nowIso,
  pir,
  pirKpi,
  pirMeasurement,
  project,
  projectMember,
  sql,
  writeTx,
} from "@rollout/db";
import {
  addDays,
  MEASUREMENT_LEAD_DAYS,
  type MyBenefit,
  type ProjectAccessRole,
  todayUtc,
} from "@rollout/domain";
import { type Acting, audit } from "../../audit.ts";
import { badRequest, forbidden, staleVersion } from "../../errors.ts";
import { latestPir, loadMeasurement } from "./load.ts";

const managers: readonly ProjectAccessRole[] = ["admin", "pm", "ipm"];

/**
 * Records a later measurement of a benefit: by the KPI's owner or a manager of the project.
 * Allowed even once the review is signed off and locked: re-measurements are follow-ups to the
 * review, not part of what its signers signed (the KPI's own figures stay as signed).
 */
export function recordMeasurement(
  db: Db,
  acting: Acting,
  projectId: string,
  role: ProjectAccessRole,
  input: {
    measurementId: string;
    version: number;
    value: number;
    measuredOn: string;
    note: string;
  },
) {
  writeTx(db, (tx) => {
    const { row, kpi, review } = loadMeasurement(tx, projectId, input.measurementId);
    if (kpi.ownerId !== acting.userId && !managers.includes(role)) {
      throw forbidden("Only the KPI's owner or a manager of the project records its measurements");
    }
    if (latestPir(tx, projectId)?.id !== review.id) {
      throw badRequest(
        "This measurement belongs to an earlier revision of the review; record it on the current one",
      );
    }
    const updatedAt = nowIso();
    const result = tx
      .update(pirMeasurement)
      .set({
        value: input.value,
        measuredOn: input.measuredOn,
        note: input.note,
        version: input.version + 1,
        updatedAt,
      })
      .where(and(eq(pirMeasurement.id, row.id), eq(pirMeasurement.version, input.version)))
      .run();
    if (result.changes === 0) throw staleVersion("measurement");
    audit(tx, acting, {
      entityType: "pir_measurement",
      entityId: row.id,
      projectId,
      action: "record",
      before: { value: row.value, measuredOn: row.measuredOn, note: row.note },
      after: {
        kpi: kpi.name,
        monthsAfterGoLive: row.monthsAfterGoLive,
        value: input.value,
        measuredOn: input.measuredOn,
        note: input.note,
      },
    });
  });
}

/**
 * Re-measurements due (from a week before their date) and not yet recorded, of KPIs the caller
 * owns, on live projects of the organisation they are still on; current revisions only.
 */
export function myBenefits(
  db: Db,
  orgId: string,
  userId: string,
  today: string = todayUtc(),
): MyBenefit[] {
  const newer = sql`exists (select 1 from ${pir} as newer where newer.project_id = ${pir.projectId} and newer.revision > ${pir.revision})`;
  return db
    .select({
      m: pirMeasurement,
      kpiName: pirKpi.name,
      unit: pirKpi.unit,
      baseline: pirKpi.baseline,
      target: pirKpi.target,
      projectId: project.id,
      projectKey: project.key,
      projectName: project.name,
    })
    .from(pirMeasurement)
    .innerJoin(pirKpi, eq(pirKpi.id, pirMeasurement.kpiId))
    .innerJoin(pir, eq(pir.id, pirKpi.pirId))
    .innerJoin(project, eq(project.id, pir.projectId))
    .innerJoin(
      projectMember,
      and(eq(projectMember.projectId, project.id), eq(projectMember.userId, userId)),
    )
    .where(
      and(
        eq(pirKpi.ownerId, userId),
        eq(project.organizationId, orgId),
        isNull(project.archivedAt),
        isNull(pirMeasurement.value),
        lte(pirMeasurement.dueOn, addDays(today, MEASUREMENT_LEAD_DAYS)),
        sql`not ${newer}`,
      ),
    )
    .orderBy(asc(pirMeasurement.dueOn), asc(project.key), asc(pirKpi.sortOrder))
    .all()
    .map((r) => ({
      measurementId: r.m.id,
      version: r.m.version,
      kpiId: r.m.kpiId,
      kpiName: r.kpiName,
      unit: r.unit,
      baseline: r.baseline,
      target: r.target,
      monthsAfterGoLive: r.m.monthsAfterGoLive,
      dueOn: r.m.dueOn,
      overdue: r.m.dueOn < today,
      projectId: r.projectId,
      projectKey: r.projectKey,
      projectName: r.projectName,
    }));
}

import {
  and,
  desc,
  eq,
  isNull,
  lesson,
  pir,
  pirKpi,
  pirMeasurement,
  pirObjective,
  type Queryable,
} from "@rollout/db";
import { badRequest, notFound } from "../../errors.ts";

export type PirRow = typeof pir.$inferSelect;
export type ObjectiveRow = typeof pirObjective.$inferSelect;
export type KpiRow = typeof pirKpi.$inferSelect;
export type MeasurementRow = typeof pirMeasurement.$inferSelect;
export type LessonRow = typeof lesson.$inferSelect;

/** The refusal every write to a signed-off review answers with; nothing is changed. */
export const LOCKED_MESSAGE =
  "This review is signed off and locked; start a new revision to change it";

export function loadPir(tx: Queryable, projectId: string, pirId: string): PirRow {
  const row = tx
    .select()
    .from(pir)
    .where(and(eq(pir.id, pirId), eq(pir.projectId, projectId)))
    .get();
  if (!row) throw notFound("Review");
  return row;
}

/** The project's newest revision, or null before a review was opened. */
export function latestPir(tx: Queryable, projectId: string): PirRow | null {
  return (
    tx
      .select()
      .from(pir)
      .where(eq(pir.projectId, projectId))
      .orderBy(desc(pir.revision))
      .limit(1)
      .get() ?? null
  );
}

/** Refuses any change to a signed-off (locked) review. */
export function assertNotLocked(row: PirRow) {
  if (row.status === "signed_off") throw badRequest(LOCKED_MESSAGE);
}

/**
 * Refuses changes to what the signers are asked to sign while they are signing it: the review
 * goes back to draft first (which clears the signatures given so far).
 */
export function assertDraft(row: PirRow) {
  assertNotLocked(row);
  if (row.status === "in_review") {
    throw badRequest(
      "This review is out for sign-off; return it to draft to change it (signatures given so far are cleared)",
    );
  }
}

/** Content rows are reached through their review, so another project's id is NOT_FOUND. */
export function loadObjective(tx: Queryable, projectId: string, objectiveId: string) {
  const found = tx
    .select({ row: pirObjective, review: pir })
    .from(pirObjective)
    .innerJoin(pir, eq(pir.id, pirObjective.pirId))
    .where(and(eq(pirObjective.id, objectiveId), eq(pir.projectId, projectId)))
    .get();
  if (!found) throw notFound("Objective");
  return found;
}

export function loadKpi(tx: Queryable, projectId: string, kpiId: string) {
  const found = tx
    .select({ row: pirKpi, review: pir })
    .from(pirKpi)
    .innerJoin(pir, eq(pir.id, pirKpi.pirId))
    .where(and(eq(pirKpi.id, kpiId), eq(pir.projectId, projectId)))
    .get();
  if (!found) throw notFound("KPI");
  return found;
}

export function loadLesson(tx: Queryable, projectId: string, lessonId: string) {
  const found = tx
    .select({ row: lesson, review: pir })
    .from(lesson)
    .innerJoin(pir, eq(pir.id, lesson.pirId))
    .where(and(eq(lesson.id, lessonId), eq(lesson.projectId, projectId), isNull(lesson.deletedAt)))
    .get();
  if (!found) throw notFound("Lesson");
  return found;
}

export function loadMeasurement(tx: Queryable, projectId: string, measurementId: string) {
  const found = tx
    .select({ row: pirMeasurement, kpi: pirKpi, review: pir })
    .from(pirMeasurement)
    .innerJoin(pirKpi, eq(pirKpi.id, pirMeasurement.kpiId))
    .innerJoin(pir, eq(pir.id, pirKpi.pirId))
    .where(and(eq(pirMeasurement.id, measurementId), eq(pir.projectId, projectId)))
    .get();
  if (!found) throw notFound("Measurement");
  return found;
}

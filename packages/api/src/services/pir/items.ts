import {
  and,
  asc,
  type Db,
  desc,
  eq,
  gt,
  lesson,
  lt,
  newId,
  nowIso,
  pirKpi,
  pirMeasurement,
  pirObjective,
  type Queryable,
  sql,
  type Tx,
  writeTx,
} from "@rollout/db";
import {
  type KpiFields,
  type LessonKind,
  type ObjectiveFields,
  type ObjectiveOutcome,
  remeasureSchedule,
  type TaskCategory,
} from "@rollout/domain";
import { type Acting, audit, changedFields } from "../../audit.ts";
import { badRequest, staleVersion } from "../../errors.ts";
import type { ProjectRow } from "../../trpc.ts";
import { computedForecasts, loadScheduleInputs, runCpm } from "../schedule/compute.ts";
import {
  assertDraft,
  type KpiRow,
  type LessonRow,
  loadKpi,
  loadLesson,
  loadObjective,
  loadPir,
  type ObjectiveRow,
} from "./load.ts";
import { goLiveMilestone, projectMemberIds } from "./read.ts";
import { nextLessonSeq } from "./write.ts";

/** Applies `set` to a row of `table` if it is still at `expected`; else nothing and CONFLICT. */
function writeRow<T extends { id: string; version: number; updatedAt: string }>(
  tx: Tx,
  table: typeof pirObjective | typeof pirKpi | typeof lesson | typeof pirMeasurement,
  current: T,
  expected: number,
  set: Partial<NoInfer<T>>,
  what: string,
): T {
  const updatedAt = nowIso();
  const result = tx
    .update(table)
    .set({ ...set, version: expected + 1, updatedAt } as never)
    .where(and(eq(table.id, current.id), eq(table.version, expected)))
    .run();
  if (result.changes === 0) throw staleVersion(what);
  return { ...current, ...set, version: expected + 1, updatedAt };
}

function deleteRow(
  tx: Tx,
  table: typeof pirObjective | typeof pirKpi,
  id: string,
  expected: number,
  what: string,
) {
  const result = tx
    .delete(table)
    .where(and(eq(table.id, id), eq(table.version, expected)))
    .run();
  if (result.changes === 0) throw staleVersion(what);
}

function nextSortOrder(tx: Queryable, table: typeof pirObjective | typeof pirKpi, pirId: string) {
  return (
    (tx
      .select({ max: sql<number | null>`max(${table.sortOrder})` })
      .from(table)
      .where(eq(table.pirId, pirId))
      .get()?.max ?? 0) + 1
  );
}

function checkOwner(tx: Queryable, projectId: string, ownerId: string | null | undefined) {
  if (!ownerId) return;
  if (!projectMemberIds(tx, projectId, [ownerId]).has(ownerId)) {
    throw badRequest("The owner must be a member of this project", {
      ownerId: "Not a member of this project",
    });
  }
}

const objectiveView = (o: ObjectiveRow) => ({
  objective: o.objective,
  criterion: o.criterion,
  outcome: o.outcome,
  evidence: o.evidence,
});

// ── Objectives ─────────────────────────────────────────────────────────────────────────────────

export function addObjective(
  db: Db,
  acting: Acting,
  projectId: string,
  input: {
    pirId: string;
    objective: string;
    criterion: string;
    outcome: ObjectiveOutcome | null;
    evidence: string;
  },
) {
  return writeTx(db, (tx) => {
    const review = loadPir(tx, projectId, input.pirId);
    assertDraft(review);
    const { pirId: _p, ...fields } = input;
    const now = nowIso();
    const id = newId();
    tx.insert(pirObjective)
      .values({
        id,
        pirId: review.id,
        sortOrder: nextSortOrder(tx, pirObjective, review.id),
        ...fields,
        createdAt: now,
        updatedAt: now,
      })
      .run();
    audit(tx, acting, {
      entityType: "pir_objective",
      entityId: id,
      projectId,
      action: "create",
      after: { pirId: review.id, ...fields },
    });
    return { id };
  });
}

export function updateObjective(
  db: Db,
  acting: Acting,
  projectId: string,
  input: { objectiveId: string; version: number; changes: Partial<ObjectiveFields> },
) {
  writeTx(db, (tx) => {
    const { row, review } = loadObjective(tx, projectId, input.objectiveId);
    assertDraft(review);
    const after = writeRow(tx, pirObjective, row, input.version, input.changes, "objective");
    const diff = changedFields(objectiveView(row), objectiveView(after));
    audit(tx, acting, {
      entityType: "pir_objective",
      entityId: row.id,
      projectId,
      action: "update",
      before: diff?.before ?? {},
      after: diff?.after ?? {},
    });
  });
}

export function deleteObjective(
  db: Db,
  acting: Acting,
  projectId: string,
  input: { objectiveId: string; version: number },
) {
  writeTx(db, (tx) => {
    const { row, review } = loadObjective(tx, projectId, input.objectiveId);
    assertDraft(review);
    deleteRow(tx, pirObjective, row.id, input.version, "objective");
    audit(tx, acting, {
      entityType: "pir_objective",
      entityId: row.id,
      projectId,
      action: "delete",
      before: objectiveView(row),
    });
  });
}

/** Swaps the objective with its neighbour above or below (both rows change, both bump). */
export function moveObjective(
  db: Db,
  acting: Acting,
  projectId: string,
  input: { objectiveId: string; version: number; direction: "up" | "down" },
) {
  writeTx(db, (tx) => {
    const { row, review } = loadObjective(tx, projectId, input.objectiveId);
    assertDraft(review);
    const up = input.direction === "up";
    const neighbour = tx
      .select()
      .from(pirObjective)
      .where(
        and(
          eq(pirObjective.pirId, review.id),
          up
            ? lt(pirObjective.sortOrder, row.sortOrder)
            : gt(pirObjective.sortOrder, row.sortOrder),
        ),
      )
      .orderBy(up ? desc(pirObjective.sortOrder) : asc(pirObjective.sortOrder))
      .limit(1)
      .get();
    if (!neighbour)
      throw badRequest(up ? "This objective is already first" : "This objective is already last");
    writeRow(tx, pirObjective, row, input.version, { sortOrder: neighbour.sortOrder }, "objective");
    writeRow(
      tx,
      pirObjective,
      neighbour,
      neighbour.version,
      { sortOrder: row.sortOrder },
      "objective",
    );
    audit(tx, acting, {
      entityType: "pir_objective",
      entityId: row.id,
      projectId,
      action: "move",
      before: { sortOrder: row.sortOrder },
      after: { sortOrder: neighbour.sortOrder, direction: input.direction },
    });
  });
}

// ── KPIs and benefits ──────────────────────────────────────────────────────────────────────────

const kpiView = (k: KpiRow) => ({
  name: k.name,
  unit: k.unit,
  baseline: k.baseline,
  target: k.target,
  actual: k.actual,
  measuredOn: k.measuredOn,
  ownerId: k.ownerId,
});

export function addKpi(
  db: Db,
  acting: Acting,
  projectId: string,
  input: KpiFields & { pirId: string },
) {
  return writeTx(db, (tx) => {
    const review = loadPir(tx, projectId, input.pirId);
    assertDraft(review);
    checkOwner(tx, projectId, input.ownerId);
    const { pirId: _p, ...fields } = input;
    const now = nowIso();
    const id = newId();
    tx.insert(pirKpi)
      .values({
        id,
        pirId: review.id,
        sortOrder: nextSortOrder(tx, pirKpi, review.id),
        ...fields,
        createdAt: now,
        updatedAt: now,
      })
      .run();
    audit(tx, acting, {
      entityType: "pir_kpi",
      entityId: id,
      projectId,
      action: "create",
      after: { pirId: review.id, ...fields },
    });
    return { id };
  });
}

export function updateKpi(
  db: Db,
  acting: Acting,
  projectId: string,
  input: { kpiId: string; version: number; changes: Partial<KpiFields> },
) {
  writeTx(db, (tx) => {
    const { row, review } = loadKpi(tx, projectId, input.kpiId);
    assertDraft(review);
    if (input.changes.ownerId !== undefined) checkOwner(tx, projectId, input.changes.ownerId);
    const after = writeRow(tx, pirKpi, row, input.version, input.changes, "KPI");
    const diff = changedFields(kpiView(row), kpiView(after));
    audit(tx, acting, {
      entityType: "pir_kpi",
      entityId: row.id,
      projectId,
      action: "update",
      before: diff?.before ?? {},
      after: diff?.after ?? {},
    });
  });
}

export function deleteKpi(
  db: Db,
  acting: Acting,
  projectId: string,
  input: { kpiId: string; version: number },
) {
  writeTx(db, (tx) => {
    const { row, review } = loadKpi(tx, projectId, input.kpiId);
    assertDraft(review);
    // Its re-measurements go with it (ON DELETE CASCADE).
    deleteRow(tx, pirKpi, row.id, input.version, "KPI");
    audit(tx, acting, {
      entityType: "pir_kpi",
      entityId: row.id,
      projectId,
      action: "delete",
      before: kpiView(row),
    });
  });
}

/**
 * The go-live date re-measurements count from: the project's actual go-live, else the go-live
 * milestone's actual date, else its forecast (set by hand, else from the schedule), else the
 * project's target.
 */
export function remeasureGoLive(tx: Queryable, orgId: string, p: ProjectRow): string {
  if (p.actualGoLive) return p.actualGoLive;
  const m = goLiveMilestone(tx, p.id);
  if (m?.actualDate) return m.actualDate;
  if (m?.forecastOverride) return m.forecastOverride;
  if (m) {
    const inputs = loadScheduleInputs(tx, orgId, p.id);
    const forecast = computedForecasts(inputs, runCpm(inputs)).get(m.id)?.date;
    if (forecast) return forecast;
  }
  return p.targetGoLive;
}

/** Schedules the benefit's measurements 3 and 6 months after go-live (due in its owner's My work). */
export function scheduleRemeasure(
  db: Db,
  acting: Acting,
  p: ProjectRow,
  input: { kpiId: string; version: number },
) {
  return writeTx(db, (tx) => {
    const { row, review } = loadKpi(tx, p.id, input.kpiId);
    assertDraft(review);
    const existing = new Set(
      tx
        .select({ months: pirMeasurement.monthsAfterGoLive })
        .from(pirMeasurement)
        .where(eq(pirMeasurement.kpiId, row.id))
        .all()
        .map((m) => m.months),
    );
    const goLive = remeasureGoLive(tx, acting.orgId, p);
    const missing = remeasureSchedule(goLive).filter((s) => !existing.has(s.months));
    if (missing.length === 0) {
      throw badRequest("The re-measurements of this KPI are already scheduled");
    }
    writeRow(tx, pirKpi, row, input.version, {}, "KPI");
    const now = nowIso();
    tx.insert(pirMeasurement)
      .values(
        missing.map((s) => ({
          id: newId(),
          kpiId: row.id,
          monthsAfterGoLive: s.months,
          dueOn: s.dueOn,
          createdAt: now,
          updatedAt: now,
        })),
      )
      .run();
    audit(tx, acting, {
      entityType: "pir_kpi",
      entityId: row.id,
      projectId: p.id,
      action: "schedule_remeasure",
      after: { goLive, measurements: missing },
    });
    return { goLive, scheduled: missing.map((s) => s.dueOn) };
  });
}

// ── Lessons ────────────────────────────────────────────────────────────────────────────────────

interface LessonInput {
  kind: LessonKind;
  category: TaskCategory;
  summary: string;
  recommendation: string;
  tags: string[];
}

const lessonView = (l: LessonRow) => ({
  kind: l.kind,
  category: l.category,
  summary: l.summary,
  recommendation: l.recommendation,
  tags: l.tags,
});

export function addLesson(
  db: Db,
  acting: Acting,
  projectId: string,
  input: LessonInput & { pirId: string },
) {
  return writeTx(db, (tx) => {
    const review = loadPir(tx, projectId, input.pirId);
    assertDraft(review);
    const { pirId: _p, ...fields } = input;
    const now = nowIso();
    const id = newId();
    tx.insert(lesson)
      .values({
        id,
        seq: nextLessonSeq(tx),
        organizationId: acting.orgId,
        projectId,
        pirId: review.id,
        ...fields,
        createdBy: acting.userId,
        createdAt: now,
        updatedAt: now,
      })
      .run();
    audit(tx, acting, {
      entityType: "lesson",
      entityId: id,
      projectId,
      action: "create",
      after: { pirId: review.id, ...fields },
    });
    return { id };
  });
}

export function updateLesson(
  db: Db,
  acting: Acting,
  projectId: string,
  input: { lessonId: string; version: number; changes: Partial<LessonInput> },
) {
  writeTx(db, (tx) => {
    const { row, review } = loadLesson(tx, projectId, input.lessonId);
    assertDraft(review);
    const after = writeRow(tx, lesson, row, input.version, input.changes, "lesson");
    const diff = changedFields(lessonView(row), lessonView(after));
    audit(tx, acting, {
      entityType: "lesson",
      entityId: row.id,
      projectId,
      action: "update",
      before: diff?.before ?? {},
      after: diff?.after ?? {},
    });
  });
}

export function deleteLesson(
  db: Db,
  acting: Acting,
  projectId: string,
  input: { lessonId: string; version: number },
) {
  writeTx(db, (tx) => {
    const { row, review } = loadLesson(tx, projectId, input.lessonId);
    assertDraft(review);
    writeRow(tx, lesson, row, input.version, { deletedAt: nowIso() }, "lesson");
    audit(tx, acting, {
      entityType: "lesson",
      entityId: row.id,
      projectId,
      action: "delete",
      before: lessonView(row),
    });
  });
}

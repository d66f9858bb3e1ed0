import {
  and,
  asc,
  type Db,
  eq,
  isNull,
  newId,
  nowIso,
  phase,
  type Queryable,
  task,
  writeTx,
} from "@rollout/db";
import type { Phase } from "@rollout/domain";
import { type Acting, audit } from "../../audit.ts";
import { notFound, staleVersion } from "../../errors.ts";
import { sortKeyBefore } from "./ordering.ts";

type PhaseRow = typeof phase.$inferSelect;

export function toPhase(row: PhaseRow): Phase {
  return { id: row.id, name: row.name, sortOrder: row.sortOrder, version: row.version };
}

export function livePhases(tx: Queryable, projectId: string): PhaseRow[] {
  return tx
    .select()
    .from(phase)
    .where(and(eq(phase.projectId, projectId), isNull(phase.deletedAt)))
    .orderBy(asc(phase.sortOrder))
    .all();
}

export function loadPhase(tx: Queryable, projectId: string, phaseId: string): PhaseRow {
  const row = tx
    .select()
    .from(phase)
    .where(and(eq(phase.id, phaseId), eq(phase.projectId, projectId), isNull(phase.deletedAt)))
    .get();
  if (!row) throw notFound("Phase");
  return row;
}

/** A sort key before `beforeId` (or at the end), renumbering the phases first when needed. */
function placePhase(tx: Queryable, projectId: string, beforeId: string | null, movingId?: string) {
  let siblings = livePhases(tx, projectId).filter((p) => p.id !== movingId);
  if (beforeId !== null && !siblings.some((p) => p.id === beforeId)) throw notFound("Phase");
  let place = sortKeyBefore(siblings, beforeId);
  if (place.renumber) {
    siblings.forEach((p, i) => {
      tx.update(phase)
        .set({ sortOrder: i + 1 })
        .where(eq(phase.id, p.id))
        .run();
    });
    siblings = livePhases(tx, projectId).filter((p) => p.id !== movingId);
    place = sortKeyBefore(siblings, beforeId);
  }
  return place.key;
}

export function createPhase(
  db: Db,
  acting: Acting,
  projectId: string,
  input: { name: string; beforePhaseId: string | null },
): Phase {
  return writeTx(db, (tx) => {
    const now = nowIso();
    const row: PhaseRow = {
      id: newId(),
      projectId,
      name: input.name,
      sortOrder: placePhase(tx, projectId, input.beforePhaseId),
      version: 1,
      createdAt: now,
      updatedAt: now,
      deletedAt: null,
      deletedBatch: null,
    };
    tx.insert(phase).values(row).run();
    audit(tx, acting, {
      entityType: "phase",
      entityId: row.id,
      projectId,
      action: "create",
      after: { name: row.name },
    });
    return toPhase(row);
  });
}

function versionedPhaseUpdate(
  tx: Queryable,
  current: PhaseRow,
  expected: number,
  set: Partial<PhaseRow>,
): PhaseRow {
  const updatedAt = nowIso();
  const result = tx
    .update(phase)
    .set({ ...set, version: expected + 1, updatedAt })
    .where(and(eq(phase.id, current.id), eq(phase.version, expected)))
    .run();
  if (result.changes === 0) throw staleVersion("phase");
  return { ...current, ...set, version: expected + 1, updatedAt };
}

export function renamePhase(
  db: Db,
  acting: Acting,
  projectId: string,
  input: { phaseId: string; version: number; name: string },
): Phase {
  return writeTx(db, (tx) => {
    const current = loadPhase(tx, projectId, input.phaseId);
    const after = versionedPhaseUpdate(tx, current, input.version, { name: input.name });
    audit(tx, acting, {
      entityType: "phase",
      entityId: current.id,
      projectId,
      action: "update",
      before: { name: current.name },
      after: { name: input.name },
    });
    return toPhase(after);
  });
}

export function movePhase(
  db: Db,
  acting: Acting,
  projectId: string,
  input: { phaseId: string; version: number; beforePhaseId: string | null },
): Phase {
  return writeTx(db, (tx) => {
    const current = loadPhase(tx, projectId, input.phaseId);
    const sortOrder = placePhase(tx, projectId, input.beforePhaseId, current.id);
    const after = versionedPhaseUpdate(tx, current, input.version, { sortOrder });
    audit(tx, acting, {
      entityType: "phase",
      entityId: current.id,
      projectId,
      action: "move",
      before: { sortOrder: current.sortOrder },
      after: { sortOrder },
    });
    return toPhase(after);
  });
}

/** Soft-deletes a phase with all its tasks, as one batch that one restore brings back. */
export function deletePhase(
  db: Db,
  acting: Acting,
  projectId: string,
  input: { phaseId: string; version: number },
) {
  return writeTx(db, (tx) => {
    const current = loadPhase(tx, projectId, input.phaseId);
    const batchId = newId();
    const deletedAt = nowIso();
    versionedPhaseUpdate(tx, current, input.version, { deletedAt, deletedBatch: batchId });
    const tasks = tx
      .update(task)
      .set({ deletedAt, deletedBatch: batchId })
      .where(
        and(eq(task.projectId, projectId), isNull(task.deletedAt), eq(task.phaseId, current.id)),
      )
      .returning({ id: task.id })
      .all();
    audit(tx, acting, {
      entityType: "phase",
      entityId: current.id,
      projectId,
      action: "delete",
      before: { name: current.name },
      after: { batchId, tasks: tasks.length },
    });
    return { batchId, count: tasks.length };
  });
}

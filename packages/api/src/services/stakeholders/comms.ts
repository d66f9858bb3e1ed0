import {
  and,
  asc,
  commAudience,
  commItem,
  type Db,
  eq,
  inArray,
  isNotNull,
  isNull,
  lte,
  newId,
  nowIso,
  project,
  projectMember,
  type Queryable,
  sql,
  stakeholder,
  type Tx,
  user,
  writeTx,
} from "@rollout/db";
import {
  type CommFrequency,
  type CommItem,
  type CommOwnerRole,
  nextCommDue,
  type Quadrant,
  todayUtc,
} from "@rollout/domain";
import { type Acting, audit, changedFields } from "../../audit.ts";
import { notFound, staleVersion } from "../../errors.ts";
import { getSchedule } from "../schedule/compute.ts";

type CommRow = typeof commItem.$inferSelect;

export interface CommFields {
  audience: { stakeholderIds: string[]; quadrant: Quadrant | null };
  purpose: string;
  channel: string;
  frequency: CommFrequency;
  ownerRole: CommOwnerRole;
  nextDue: string | null;
  notes: string;
}

const dayOf = (date: string | null) => (date ? Number(date.slice(8, 10)) : null);

export function listComms(tx: Queryable, projectId: string, today = todayUtc()) {
  const rows = tx
    .select({ row: commItem, doneByName: user.name })
    .from(commItem)
    .leftJoin(user, eq(user.id, commItem.lastDoneBy))
    .where(and(eq(commItem.projectId, projectId), isNull(commItem.deletedAt)))
    .orderBy(sql`${commItem.nextDue} is null`, asc(commItem.nextDue), asc(commItem.purpose))
    .all();
  const audience = tx
    .select({ commId: commAudience.commId, id: stakeholder.id, name: stakeholder.name })
    .from(commAudience)
    .innerJoin(commItem, eq(commItem.id, commAudience.commId))
    .innerJoin(stakeholder, eq(stakeholder.id, commAudience.stakeholderId))
    .where(
      and(
        eq(commItem.projectId, projectId),
        isNull(commItem.deletedAt),
        isNull(stakeholder.deletedAt),
      ),
    )
    .orderBy(asc(stakeholder.name))
    .all();
  const byComm = new Map<string, { id: string; name: string }[]>();
  for (const a of audience) {
    const list = byComm.get(a.commId) ?? [];
    list.push({ id: a.id, name: a.name });
    byComm.set(a.commId, list);
  }
  const items: CommItem[] = rows.map(({ row, doneByName }) => ({
    id: row.id,
    audience: { stakeholders: byComm.get(row.id) ?? [], quadrant: row.quadrant },
    purpose: row.purpose,
    channel: row.channel,
    frequency: row.frequency,
    ownerRole: row.ownerRole,
    nextDue: row.nextDue,
    overdue: row.nextDue !== null && row.nextDue < today,
    lastDoneOn: row.lastDoneOn,
    lastDoneBy: doneByName,
    notes: row.notes,
    version: row.version,
  }));
  return { items, today };
}

function loadComm(tx: Queryable, projectId: string, commId: string): CommRow {
  const row = tx
    .select()
    .from(commItem)
    .where(
      and(eq(commItem.id, commId), eq(commItem.projectId, projectId), isNull(commItem.deletedAt)),
    )
    .get();
  if (!row) throw notFound("Communication");
  return row;
}

function checkAudience(tx: Queryable, projectId: string, ids: readonly string[]) {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return unique;
  const n = tx
    .select({ n: sql<number>`count(*)` })
    .from(stakeholder)
    .where(
      and(
        inArray(stakeholder.id, unique),
        eq(stakeholder.projectId, projectId),
        isNull(stakeholder.deletedAt),
      ),
    )
    .get()?.n;
  if (n !== unique.length) throw notFound("One of the stakeholders");
  return unique;
}

function writeAudience(tx: Tx, commId: string, ids: readonly string[]) {
  tx.delete(commAudience).where(eq(commAudience.commId, commId)).run();
  if (ids.length === 0) return;
  const createdAt = nowIso();
  tx.insert(commAudience)
    .values(ids.map((stakeholderId) => ({ commId, stakeholderId, createdAt })))
    .run();
}

export function createComm(db: Db, acting: Acting, projectId: string, input: CommFields) {
  return writeTx(db, (tx) => {
    const ids = checkAudience(tx, projectId, input.audience.stakeholderIds);
    const { audience, ...fields } = input;
    const now = nowIso();
    const row = {
      id: newId(),
      projectId,
      ...fields,
      quadrant: audience.quadrant,
      anchorDay: dayOf(input.nextDue),
      createdAt: now,
      updatedAt: now,
    };
    tx.insert(commItem).values(row).run();
    writeAudience(tx, row.id, ids);
    audit(tx, acting, {
      entityType: "comm_item",
      entityId: row.id,
      projectId,
      action: "create",
      after: { ...fields, quadrant: audience.quadrant, stakeholderIds: ids },
    });
    return { id: row.id };
  });
}

function writeComm(tx: Tx, current: CommRow, expected: number, set: Partial<CommRow>): CommRow {
  const updatedAt = nowIso();
  const result = tx
    .update(commItem)
    .set({ ...set, version: expected + 1, updatedAt })
    .where(
      and(eq(commItem.id, current.id), eq(commItem.version, expected), isNull(commItem.deletedAt)),
    )
    .run();
  if (result.changes === 0) throw staleVersion("communication");
  return { ...current, ...set, version: expected + 1, updatedAt };
}

export function updateComm(
  db: Db,
  acting: Acting,
  projectId: string,
  input: { commId: string; version: number; changes: Partial<CommFields> },
) {
  writeTx(db, (tx) => {
    const current = loadComm(tx, projectId, input.commId);
    const { audience, ...fields } = input.changes;
    const set: Partial<CommRow> = { ...fields };
    if (fields.nextDue !== undefined) set.anchorDay = dayOf(fields.nextDue);
    let ids: string[] | null = null;
    if (audience) {
      ids = checkAudience(tx, projectId, audience.stakeholderIds);
      set.quadrant = audience.quadrant;
    }
    const after = writeComm(tx, current, input.version, set);
    if (ids) writeAudience(tx, current.id, ids);
    const diff = changedFields(
      current as Record<string, unknown>,
      after as Record<string, unknown>,
    );
    audit(tx, acting, {
      entityType: "comm_item",
      entityId: current.id,
      projectId,
      action: "update",
      before: diff?.before ?? {},
      after: { ...(diff?.after ?? {}), ...(ids ? { stakeholderIds: ids } : {}) },
    });
  });
}

export function deleteComm(
  db: Db,
  acting: Acting,
  projectId: string,
  input: { commId: string; version: number },
) {
  writeTx(db, (tx) => {
    const current = loadComm(tx, projectId, input.commId);
    writeComm(tx, current, input.version, { deletedAt: nowIso() });
    audit(tx, acting, {
      entityType: "comm_item",
      entityId: current.id,
      projectId,
      action: "delete",
      before: { purpose: current.purpose },
    });
  });
}

/**
 * Marks a communication done: the next due date follows its cadence (or the next milestone for
 * a per-milestone item, from the schedule's forecasts).
 */
export function markCommDone(
  db: Db,
  acting: Acting,
  projectId: string,
  input: { commId: string; version: number; doneOn?: string | undefined },
  today = todayUtc(),
) {
  const doneOn = input.doneOn ?? today;
  // Milestone forecasts come from the schedule, computed outside the write transaction.
  const peek = loadComm(db, projectId, input.commId);
  const milestoneDates =
    peek.frequency === "per_milestone"
      ? getSchedule(db, acting.orgId, projectId, "admin")
          .milestones.filter((m) => m.actualDate === null)
          .map((m) => m.forecastDate ?? m.baselineDate)
          .filter((d): d is string => d !== null)
      : [];
  return writeTx(db, (tx) => {
    const current = loadComm(tx, projectId, input.commId);
    const nextDue = nextCommDue({
      frequency: current.frequency,
      due: current.nextDue,
      doneOn,
      anchorDay: current.anchorDay,
      milestoneDates,
    });
    writeComm(tx, current, input.version, {
      nextDue,
      lastDoneOn: doneOn,
      lastDoneBy: acting.userId,
    });
    audit(tx, acting, {
      entityType: "comm_item",
      entityId: current.id,
      projectId,
      action: "done",
      before: { nextDue: current.nextDue, lastDoneOn: current.lastDoneOn },
      after: { nextDue, lastDoneOn: doneOn },
    });
    return { nextDue };
  });
}

/**
 * Communications due today or overdue on live projects where I hold the owner role (IPM or PM).
 * One query.
 */
export function myComms(db: Db, orgId: string, userId: string, today = todayUtc()) {
  return db
    .select({
      commId: commItem.id,
      projectId: project.id,
      projectKey: project.key,
      projectName: project.name,
      purpose: commItem.purpose,
      channel: commItem.channel,
      ownerRole: commItem.ownerRole,
      nextDue: commItem.nextDue,
      version: commItem.version,
    })
    .from(commItem)
    .innerJoin(project, eq(project.id, commItem.projectId))
    .innerJoin(
      projectMember,
      and(
        eq(projectMember.projectId, commItem.projectId),
        eq(projectMember.userId, userId),
        eq(projectMember.role, commItem.ownerRole),
      ),
    )
    .where(
      and(
        eq(project.organizationId, orgId),
        isNull(project.archivedAt),
        isNull(commItem.deletedAt),
        isNotNull(commItem.nextDue),
        lte(commItem.nextDue, today),
      ),
    )
    .orderBy(asc(commItem.nextDue), asc(project.key))
    .all()
    .map((r) => ({ ...r, nextDue: r.nextDue ?? today, overdue: (r.nextDue ?? today) < today }));
}

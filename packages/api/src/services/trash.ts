import {
  and,
  auditLog,
  comment,
  commItem,
  type Db,
  desc,
  eq,
  gte,
  inArray,
  isNotNull,
  isNull,
  lesson,
  lt,
  milestone,
  newId,
  nowIso,
  phase,
  type Queryable,
  raidItem,
  sql,
  stakeholder,
  statusReport,
  task,
  user,
  writeTx,
} from "@rollout/db";
import { addDays, raidRef, TRASH_DAYS, type TrashItem, type TrashKind } from "@rollout/domain";
import { type Acting, audit } from "../audit.ts";
import { notFound } from "../errors.ts";
import { restoreBatch } from "./plan/tasks.ts";

const DAY = 86_400_000;
const cutoffOf = (now: Date) => new Date(now.getTime() - TRASH_DAYS * DAY).toISOString();

/** Who deleted each thing, from the audit log (the newest delete of it). */
function deleters(tx: Queryable, ids: string[]): Map<string, string | null> {
  const out = new Map<string, string | null>();
  for (let i = 0; i < ids.length; i += 500) {
    for (const r of tx
      .select({ id: auditLog.entityId, name: user.name })
      .from(auditLog)
      .leftJoin(user, eq(user.id, auditLog.actorUserId))
      .where(and(inArray(auditLog.entityId, ids.slice(i, i + 500)), eq(auditLog.action, "delete")))
      .orderBy(desc(auditLog.createdAt))
      .all()) {
      if (!out.has(r.id)) out.set(r.id, r.name);
    }
  }
  return out;
}

/**
 * What the project's trash holds: everything deleted in the last 30 days, newest first. Tasks
 * deleted together (with or without their phase) come back together, as one batch.
 */
export function listTrash(db: Db, projectId: string, now = new Date()): TrashItem[] {
  const cutoff = cutoffOf(now);
  const recent = <T extends { deletedAt: unknown; projectId: unknown }>(table: T) =>
    and(
      eq(table.projectId as never, projectId),
      isNotNull(table.deletedAt as never),
      gte(table.deletedAt as never, cutoff),
    );
  const items: Array<Omit<TrashItem, "deletedBy" | "purgeOn"> & { lookup: string }> = [];

  const batches = new Map<
    string,
    { at: string; tasks: string[]; phase: string | null; first: string }
  >();
  for (const t of db
    .select({ id: task.id, title: task.title, batch: task.deletedBatch, at: task.deletedAt })
    .from(task)
    .where(and(recent(task), isNotNull(task.deletedBatch)))
    .all()) {
    const b = batches.get(t.batch as string) ?? {
      at: t.at as string,
      tasks: [],
      phase: null,
      first: t.id,
    };
    b.tasks.push(t.title);
    batches.set(t.batch as string, b);
  }
  for (const p of db
    .select({ name: phase.name, batch: phase.deletedBatch, at: phase.deletedAt })
    .from(phase)
    .where(and(recent(phase), isNotNull(phase.deletedBatch)))
    .all()) {
    const b = batches.get(p.batch as string) ?? {
      at: p.at as string,
      tasks: [],
      phase: null,
      first: "",
    };
    b.phase = p.name;
    batches.set(p.batch as string, b);
  }
  for (const [batch, b] of batches) {
    const tasks = b.tasks.length;
    const some = b.tasks
      .slice(0, 2)
      .map((t) => `“${t}”`)
      .join(", ");
    items.push({
      kind: "task_batch",
      id: batch,
      lookup: b.first || batch,
      deletedAt: b.at,
      label: b.phase
        ? `Phase “${b.phase}” and its ${tasks} task${tasks === 1 ? "" : "s"}`
        : `${tasks} task${tasks === 1 ? "" : "s"}: ${some}${tasks > 2 ? "…" : ""}`,
    });
  }
  const simple = (
    kind: TrashKind,
    rows: Array<{ id: string; label: string; at: string | null }>,
  ) => {
    for (const r of rows)
      items.push({ kind, id: r.id, lookup: r.id, label: r.label, deletedAt: r.at as string });
  };
  simple(
    "milestone",
    db
      .select({ id: milestone.id, label: milestone.name, at: milestone.deletedAt })
      .from(milestone)
      .where(recent(milestone))
      .all(),
  );
  simple(
    "raid_item",
    db
      .select({
        id: raidItem.id,
        kind: raidItem.kind,
        number: raidItem.number,
        title: raidItem.title,
        at: raidItem.deletedAt,
      })
      .from(raidItem)
      .where(recent(raidItem))
      .all()
      .map((r) => ({ id: r.id, at: r.at, label: `${raidRef(r.kind, r.number)} ${r.title}` })),
  );
  simple(
    "stakeholder",
    db
      .select({ id: stakeholder.id, label: stakeholder.name, at: stakeholder.deletedAt })
      .from(stakeholder)
      .where(recent(stakeholder))
      .all(),
  );
  simple(
    "comm_item",
    db
      .select({ id: commItem.id, label: commItem.purpose, at: commItem.deletedAt })
      .from(commItem)
      .where(recent(commItem))
      .all(),
  );
  simple(
    "status_report",
    db
      .select({ id: statusReport.id, number: statusReport.number, at: statusReport.deletedAt })
      .from(statusReport)
      .where(recent(statusReport))
      .all()
      .map((r) => ({ id: r.id, at: r.at, label: `Status report No. ${r.number} (draft)` })),
  );
  simple(
    "lesson",
    db
      .select({ id: lesson.id, label: lesson.summary, at: lesson.deletedAt })
      .from(lesson)
      .where(recent(lesson))
      .all(),
  );
  const who = deleters(
    db,
    items.map((i) => i.lookup),
  );
  return items
    .map(({ lookup, ...item }) => ({
      ...item,
      deletedBy: who.get(lookup) ?? null,
      purgeOn: addDays(item.deletedAt.slice(0, 10), TRASH_DAYS),
    }))
    .sort((a, b) => b.deletedAt.localeCompare(a.deletedAt));
}

const TABLES = {
  milestone,
  raid_item: raidItem,
  stakeholder,
  comm_item: commItem,
  status_report: statusReport,
  lesson,
} as const;

/**
 * Brings a deleted thing back as it was: its row (with a new version), its links (never
 * removed by a delete), and for a milestone the tasks its deletion unlinked. Refused once its
 * 30 days are over (it is purged then).
 */
export function restoreFromTrash(
  db: Db,
  acting: Acting,
  projectId: string,
  input: { kind: TrashKind; id: string },
  now = new Date(),
): { restored: number } {
  if (input.kind === "task_batch") {
    const at = db
      .select({ at: task.deletedAt })
      .from(task)
      .where(and(eq(task.projectId, projectId), eq(task.deletedBatch, input.id)))
      .get()?.at;
    if (at && at < cutoffOf(now)) throw notFound("Deleted items");
    return { restored: restoreBatch(db, acting, projectId, input.id).count };
  }
  const table = TABLES[input.kind];
  return writeTx(db, (tx) => {
    const row = tx
      .select({ deletedAt: table.deletedAt, version: table.version })
      .from(table)
      .where(and(eq(table.id, input.id), eq(table.projectId, projectId)))
      .get();
    if (!row?.deletedAt || row.deletedAt < cutoffOf(now)) throw notFound("Deleted item");
    const updatedAt = nowIso();
    tx.update(table)
      .set({ deletedAt: null, version: row.version + 1, updatedAt })
      .where(eq(table.id, input.id))
      .run();
    let relinked = 0;
    if (input.kind === "milestone") {
      const deletion = tx
        .select({ after: auditLog.after })
        .from(auditLog)
        .where(
          and(
            eq(auditLog.entityType, "milestone"),
            eq(auditLog.entityId, input.id),
            eq(auditLog.action, "delete"),
          ),
        )
        .orderBy(desc(auditLog.createdAt))
        .get();
      const ids = ((deletion?.after as { taskIds?: string[] } | null)?.taskIds ?? []).slice(
        0,
        5000,
      );
      for (let i = 0; i < ids.length; i += 500) {
        relinked += tx
          .update(task)
          .set({ milestoneId: input.id, version: sql`${task.version} + 1`, updatedAt })
          .where(
            and(
              inArray(task.id, ids.slice(i, i + 500)),
              eq(task.projectId, projectId),
              isNull(task.milestoneId),
              isNull(task.deletedAt),
            ),
          )
          .run().changes;
      }
    }
    audit(tx, acting, {
      entityType: input.kind,
      entityId: input.id,
      projectId,
      action: "restore",
      before: { deletedAt: row.deletedAt },
      after: { restored: true, ...(input.kind === "milestone" ? { relinkedTasks: relinked } : {}) },
    });
    return { restored: 1 };
  });
}

/**
 * Deletes for good what has been in a trash longer than 30 days (children go with their rows
 * by foreign key; comments on them too). Recorded per project in the audit log. Returns counts.
 */
export function purgeTrash(db: Db, now = new Date()): Record<string, number> {
  const cutoff = cutoffOf(now);
  return writeTx(db, (tx) => {
    const counts: Record<string, number> = {};
    const perProject = new Map<string, Record<string, number>>();
    const purged: string[] = [];
    const take = (
      kind: string,
      rows: Array<{ id: string; projectId: string; organizationId?: string }>,
    ) => {
      counts[kind] = rows.length;
      for (const r of rows) {
        purged.push(r.id);
        const c = perProject.get(r.projectId) ?? {};
        c[kind] = (c[kind] ?? 0) + 1;
        perProject.set(r.projectId, c);
      }
    };
    const old = <T extends { deletedAt: unknown }>(t: T) =>
      and(isNotNull(t.deletedAt as never), lt(t.deletedAt as never, cutoff));
    take(
      "task",
      tx.delete(task).where(old(task)).returning({ id: task.id, projectId: task.projectId }).all(),
    );
    take(
      "phase",
      tx
        .delete(phase)
        .where(old(phase))
        .returning({ id: phase.id, projectId: phase.projectId })
        .all(),
    );
    for (const [kind, table] of Object.entries(TABLES)) {
      take(
        kind,
        tx
          .delete(table)
          .where(old(table))
          .returning({ id: table.id, projectId: table.projectId })
          .all(),
      );
    }
    for (let i = 0; i < purged.length; i += 500) {
      tx.delete(comment)
        .where(inArray(comment.targetId, purged.slice(i, i + 500)))
        .run();
    }
    tx.delete(comment).where(old(comment)).run();
    // One audit row per project, by no one: the rule did it.
    for (const [projectId, c] of perProject) {
      const org = tx
        .select({ org: sql<string>`organization_id` })
        .from(sql`project`)
        .where(sql`id = ${projectId}`)
        .get();
      if (!org) continue;
      tx.insert(auditLog)
        .values({
          id: newId(),
          organizationId: org.org,
          projectId,
          actorUserId: null,
          entityType: "trash",
          entityId: projectId,
          action: "purge",
          before: null,
          after: { ...c, olderThanDays: TRASH_DAYS },
          requestId: null,
          createdAt: nowIso(),
        })
        .run();
    }
    return counts;
  });
}

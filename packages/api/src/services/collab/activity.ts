import {
  and,
  auditLog,
  type Db,
  dependency,
  desc,
  eq,
  gateCriterion,
  inArray,
  lt,
  milestone,
  notInArray,
  or,
  phase,
  project,
  type Queryable,
  raidItem,
  sql,
  stakeholder,
  statusReport,
  task,
  user,
} from "@rollout/db";
import { type ActivityEntry, type ActivityFeed, describeActivity, raidRef } from "@rollout/domain";

/** Audit rows that are nobody else's business (one's own bell and settings). */
const PRIVATE = ["notification", "notification_prefs", "session"];

const fields = (v: unknown) => (v && typeof v === "object" ? (v as Record<string, unknown>) : null);

/** A comment's audit row told as a change to what was commented on. */
function asTold(row: {
  entityType: string;
  entityId: string;
  action: string;
  before: unknown;
  after: unknown;
}): ActivityEntry {
  const before = fields(row.before);
  const after = fields(row.after);
  if (row.entityType === "comment") {
    const on = after ?? before ?? {};
    if (typeof on.targetType === "string" && typeof on.targetId === "string") {
      return {
        entityType: on.targetType,
        entityId: on.targetId,
        action:
          row.action === "create"
            ? "comment"
            : row.action === "update"
              ? "comment_edit"
              : "comment_delete",
        before: null,
        after: null,
      };
    }
  }
  if (row.entityType === "gate_signer") {
    // Signers are kept per gate: the sentence is about the gate.
    return {
      entityType: "milestone",
      entityId: row.entityId,
      action: row.action === "sign_off" ? "sign_off" : row.action,
      before,
      after,
    };
  }
  return { entityType: row.entityType, entityId: row.entityId, action: row.action, before, after };
}

/** Current names of the things in a page of the feed: one query per kind of thing. */
function namesOf(tx: Queryable, entries: readonly ActivityEntry[]) {
  const ids = (type: string) => [
    ...new Set(entries.filter((e) => e.entityType === type).map((e) => e.entityId)),
  ];
  const names = new Map<string, string>();
  const put = (rows: Array<{ id: string; name: string }>) => {
    for (const r of rows) names.set(r.id, r.name);
  };
  const of = (type: string) => ids(type);
  if (of("task").length)
    put(
      tx
        .select({ id: task.id, name: task.title })
        .from(task)
        .where(inArray(task.id, of("task")))
        .all(),
    );
  if (of("milestone").length)
    put(
      tx
        .select({ id: milestone.id, name: milestone.name })
        .from(milestone)
        .where(inArray(milestone.id, of("milestone")))
        .all(),
    );
  if (of("phase").length)
    put(
      tx
        .select({ id: phase.id, name: phase.name })
        .from(phase)
        .where(inArray(phase.id, of("phase")))
        .all(),
    );
  if (of("raid_item").length)
    put(
      tx
        .select({
          id: raidItem.id,
          kind: raidItem.kind,
          number: raidItem.number,
          title: raidItem.title,
        })
        .from(raidItem)
        .where(inArray(raidItem.id, of("raid_item")))
        .all()
        .map((r) => ({ id: r.id, name: `${raidRef(r.kind, r.number)} ${r.title}` })),
    );
  if (of("stakeholder").length)
    put(
      tx
        .select({ id: stakeholder.id, name: stakeholder.name })
        .from(stakeholder)
        .where(inArray(stakeholder.id, of("stakeholder")))
        .all(),
    );
  if (of("status_report").length)
    put(
      tx
        .select({ id: statusReport.id, number: statusReport.number })
        .from(statusReport)
        .where(inArray(statusReport.id, of("status_report")))
        .all()
        .map((r) => ({ id: r.id, name: `No. ${r.number}` })),
    );
  if (of("project").length)
    put(
      tx
        .select({ id: project.id, name: project.name })
        .from(project)
        .where(inArray(project.id, of("project")))
        .all(),
    );
  if (of("gate_criterion").length)
    put(
      tx
        .select({ id: gateCriterion.id, name: gateCriterion.item })
        .from(gateCriterion)
        .where(inArray(gateCriterion.id, of("gate_criterion")))
        .all(),
    );
  if (of("dependency").length) {
    const pred = task;
    const rows = tx
      .select({
        id: dependency.id,
        from: pred.title,
        to: sql<string>`(select title from task s where s.id = ${dependency.successorId})`,
      })
      .from(dependency)
      .innerJoin(pred, eq(pred.id, dependency.predecessorId))
      .where(inArray(dependency.id, of("dependency")))
      .all();
    put(rows.map((r) => ({ id: r.id, name: `${r.from} → ${r.to}` })));
  }
  if (of("pir").length) for (const id of of("pir")) names.set(id, "the post-implementation review");
  return names;
}

/**
 * The project's history in sentences, newest first, from the audit log: all of it, or one
 * thing's (a task, a milestone, …) with the comments on it. Paged by a cursor.
 */
export function activityFeed(
  db: Db,
  projectId: string,
  input: { entity: { type: string; id: string } | null; cursor: string | null; limit: number },
): ActivityFeed {
  const [atCursor, idCursor] = input.cursor?.split("|") ?? [];
  const entity = input.entity;
  const rows = db
    .select({
      id: auditLog.id,
      actorId: auditLog.actorUserId,
      entityType: auditLog.entityType,
      entityId: auditLog.entityId,
      action: auditLog.action,
      before: auditLog.before,
      after: auditLog.after,
      createdAt: auditLog.createdAt,
    })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.projectId, projectId),
        notInArray(auditLog.entityType, PRIVATE),
        entity
          ? or(
              and(eq(auditLog.entityType, entity.type), eq(auditLog.entityId, entity.id)),
              and(
                eq(auditLog.entityType, "comment"),
                sql`coalesce(json_extract(${auditLog.after}, '$.targetId'), json_extract(${auditLog.before}, '$.targetId')) = ${entity.id}`,
              ),
              entity.type === "milestone"
                ? and(eq(auditLog.entityType, "gate_signer"), eq(auditLog.entityId, entity.id))
                : undefined,
            )
          : undefined,
        atCursor && idCursor
          ? or(
              lt(auditLog.createdAt, atCursor),
              and(eq(auditLog.createdAt, atCursor), lt(auditLog.id, idCursor)),
            )
          : undefined,
      ),
    )
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(input.limit + 1)
    .all();
  const page = rows.slice(0, input.limit);
  const entries = page.map(asTold);
  const names = namesOf(db, entries);
  const people = new Set<string>();
  for (const r of page) if (r.actorId) people.add(r.actorId);
  for (const e of entries) {
    const a = e.after?.assigneeId;
    if (typeof a === "string") people.add(a);
  }
  const personNames = new Map(
    people.size === 0
      ? []
      : db
          .select({ id: user.id, name: user.name })
          .from(user)
          .where(inArray(user.id, [...people]))
          .all()
          .map((u) => [u.id, u.name] as const),
  );
  const items = page.map((r, i) => {
    const entry = entries[i] as ActivityEntry;
    return {
      id: r.id,
      at: r.createdAt,
      actorId: r.actorId,
      parts: describeActivity(entry, {
        actor: r.actorId ? (personNames.get(r.actorId) ?? null) : null,
        entity: names.get(entry.entityId) ?? null,
        people: personNames,
      }),
    };
  });
  const last = page.at(-1);
  return {
    items,
    nextCursor: rows.length > input.limit && last ? `${last.createdAt}|${last.id}` : null,
  };
}

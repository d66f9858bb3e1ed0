import {
  and,
  asc,
  comment,
  type Db,
  eq,
  inArray,
  isNull,
  member,
  milestone,
  newId,
  nowIso,
  pir,
  project,
  projectMember,
  type Queryable,
  raidItem,
  sql,
  task,
  user,
  writeTx,
} from "@rollout/db";
import {
  COMMENT_EDIT_MINUTES,
  type Comment,
  type CommentTarget,
  type ProjectAccessRole,
  parseMentions,
  plainText,
  raidRef,
} from "@rollout/domain";
import { type Acting, audit } from "../../audit.ts";
import { badRequest, forbidden, notFound, staleVersion } from "../../errors.ts";
import { seesInternal } from "../plan/model.ts";
import { notify } from "./notifications.ts";

/** Where stakeholders may write: what they sign (milestones and gates, the review). */
const STAKEHOLDER_TARGETS: readonly CommentTarget[] = ["milestone", "pir"];

interface Target {
  type: CommentTarget;
  id: string;
  /** How it is named in sentences: “Cut-over rehearsal”, R-3 “Vendor late”, the review. */
  label: string;
  internalOnly: boolean;
  locked: boolean;
}

/** The thing commented on, if the caller may see it; NOT_FOUND otherwise (as for a wrong id). */
export function loadTarget(
  tx: Queryable,
  projectId: string,
  role: ProjectAccessRole,
  type: CommentTarget,
  id: string,
): Target {
  let found: Omit<Target, "type" | "id"> | undefined;
  if (type === "task") {
    const t = tx
      .select({ title: task.title, internalOnly: task.internalOnly })
      .from(task)
      .where(and(eq(task.id, id), eq(task.projectId, projectId), isNull(task.deletedAt)))
      .get();
    if (t) found = { label: `“${t.title}”`, internalOnly: t.internalOnly, locked: false };
  } else if (type === "milestone") {
    const m = tx
      .select({ name: milestone.name })
      .from(milestone)
      .where(
        and(eq(milestone.id, id), eq(milestone.projectId, projectId), isNull(milestone.deletedAt)),
      )
      .get();
    if (m) found = { label: `“${m.name}”`, internalOnly: false, locked: false };
  } else if (type === "raid_item") {
    const r = tx
      .select({
        kind: raidItem.kind,
        number: raidItem.number,
        title: raidItem.title,
        internalOnly: raidItem.internalOnly,
      })
      .from(raidItem)
      .where(
        and(eq(raidItem.id, id), eq(raidItem.projectId, projectId), isNull(raidItem.deletedAt)),
      )
      .get();
    if (r)
      found = {
        label: `${raidRef(r.kind, r.number)} “${r.title}”`,
        internalOnly: r.internalOnly,
        locked: false,
      };
  } else {
    const p = tx
      .select({ revision: pir.revision, lockedAt: pir.lockedAt })
      .from(pir)
      .where(and(eq(pir.id, id), eq(pir.projectId, projectId)))
      .get();
    if (p)
      found = {
        label: `the post-implementation review${p.revision > 1 ? ` (revision ${p.revision})` : ""}`,
        internalOnly: false,
        locked: p.lockedAt !== null,
      };
  }
  if (!found || (found.internalOnly && !seesInternal(role))) {
    throw notFound(type === "raid_item" ? "RAID item" : type === "pir" ? "Review" : "Target");
  }
  return { type, id, ...found };
}

/** Everyone who can see the target: its project's members (no stakeholder on internal rows) and the organisation's admins. */
export function mentionable(tx: Queryable, orgId: string, projectId: string, target: Target) {
  const onProject = tx
    .select({ userId: user.id, name: user.name, email: user.email, role: projectMember.role })
    .from(projectMember)
    .innerJoin(user, eq(user.id, projectMember.userId))
    .where(eq(projectMember.projectId, projectId))
    .all()
    .filter((p) => !(target.internalOnly && p.role === "stakeholder"));
  const admins = tx
    .select({ userId: user.id, name: user.name, email: user.email, role: member.role })
    .from(member)
    .innerJoin(user, eq(user.id, member.userId))
    .where(and(eq(member.organizationId, orgId), inArray(member.role, ["owner", "admin"])))
    .all();
  const people = new Map<string, { userId: string; name: string; email: string; role: string }>();
  for (const p of [...onProject, ...admins]) if (!people.has(p.userId)) people.set(p.userId, p);
  return [...people.values()].sort((a, b) => a.name.localeCompare(b.name));
}

function checkMentions(
  tx: Queryable,
  orgId: string,
  projectId: string,
  target: Target,
  body: string,
): string[] {
  const ids = parseMentions(body);
  if (ids.length === 0) return ids;
  if (ids.length > 50)
    throw badRequest("Mention at most 50 people in one comment", { body: "Too many mentions" });
  const allowed = new Set(mentionable(tx, orgId, projectId, target).map((p) => p.userId));
  const outside = ids.filter((id) => !allowed.has(id));
  if (outside.length > 0) {
    const names = [...body.matchAll(/@\[([^\]\n]+)\]\(user:([A-Za-z0-9_-]+)\)/g)]
      .filter((m) => outside.includes(m[2] as string))
      .map((m) => m[1]);
    const who = [...new Set(names)].join(", ") || "Someone mentioned";
    throw badRequest(
      `${who} cannot see this ${target.type === "raid_item" ? "item" : target.type === "pir" ? "review" : target.type}: mention people on the project`,
      { body: "Mentions someone who cannot see this" },
    );
  }
  return ids;
}

function checkWrite(role: ProjectAccessRole, target: Target) {
  if (role === "stakeholder" && !STAKEHOLDER_TARGETS.includes(target.type)) {
    throw forbidden("Stakeholders comment on milestones and the review");
  }
  if (target.locked) {
    throw badRequest(
      "This review is signed off and locked; start a new revision to discuss changes",
    );
  }
}

type CommentRow = typeof comment.$inferSelect;

function toComments(
  tx: Queryable,
  rows: CommentRow[],
  caller: { userId: string },
  now = Date.now(),
): Comment[] {
  const ids = [
    ...new Set(rows.flatMap((r) => [r.authorId, ...r.mentions].filter(Boolean))),
  ] as string[];
  const names = new Map(
    ids.length === 0
      ? []
      : tx
          .select({ id: user.id, name: user.name })
          .from(user)
          .where(inArray(user.id, ids))
          .all()
          .map((u) => [u.id, u.name]),
  );
  return rows.map((r) => {
    const own = r.authorId === caller.userId;
    return {
      id: r.id,
      targetType: r.targetType,
      targetId: r.targetId,
      authorId: r.authorId,
      authorName: r.authorId ? (names.get(r.authorId) ?? null) : null,
      body: r.body,
      mentions: r.mentions.map((userId) => ({ userId, name: names.get(userId) ?? "someone" })),
      createdAt: r.createdAt,
      editedAt: r.editedAt,
      version: r.version,
      canEdit: own && now - Date.parse(r.createdAt) < COMMENT_EDIT_MINUTES * 60_000,
      canDelete: own,
    };
  });
}

export function listComments(
  db: Db,
  projectId: string,
  role: ProjectAccessRole,
  caller: { userId: string },
  input: { targetType: CommentTarget; targetId: string },
): Comment[] {
  const target = loadTarget(db, projectId, role, input.targetType, input.targetId);
  const rows = db
    .select()
    .from(comment)
    .where(
      and(
        eq(comment.projectId, projectId),
        eq(comment.targetType, target.type),
        eq(comment.targetId, target.id),
        isNull(comment.deletedAt),
      ),
    )
    .orderBy(asc(comment.createdAt), asc(comment.id))
    .all();
  return toComments(db, rows, caller);
}

export function mentionableFor(
  db: Db,
  orgId: string,
  projectId: string,
  role: ProjectAccessRole,
  input: { targetType: CommentTarget; targetId: string },
) {
  const target = loadTarget(db, projectId, role, input.targetType, input.targetId);
  return mentionable(db, orgId, projectId, target);
}

/** How many comments each thing of a kind has, counting only what the caller may see. */
export function commentCounts(
  db: Db,
  projectId: string,
  role: ProjectAccessRole,
  targetType: CommentTarget,
): Record<string, number> {
  const hidden =
    seesInternal(role) || (targetType !== "task" && targetType !== "raid_item")
      ? sql`0`
      : targetType === "task"
        ? sql`exists (select 1 from task t where t.id = ${comment.targetId} and t.internal_only = 1)`
        : sql`exists (select 1 from raid_item r where r.id = ${comment.targetId} and r.internal_only = 1)`;
  const rows = db
    .select({ id: comment.targetId, n: sql<number>`count(*)` })
    .from(comment)
    .where(
      and(
        eq(comment.projectId, projectId),
        eq(comment.targetType, targetType),
        isNull(comment.deletedAt),
        sql`not (${hidden})`,
      ),
    )
    .groupBy(comment.targetId)
    .all();
  return Object.fromEntries(rows.map((r) => [r.id, r.n]));
}

function projectKey(tx: Queryable, projectId: string) {
  return (
    tx.select({ key: project.key }).from(project).where(eq(project.id, projectId)).get()?.key ?? ""
  );
}

function mentionNotifications(
  tx: Queryable,
  acting: Acting,
  projectId: string,
  target: Target,
  userIds: readonly string[],
  body: string,
) {
  if (userIds.length === 0) return;
  const author =
    tx.select({ name: user.name }).from(user).where(eq(user.id, acting.userId)).get()?.name ??
    "Someone";
  const key = projectKey(tx, projectId);
  notify(
    tx,
    userIds.map((userId) => ({
      orgId: acting.orgId,
      projectId,
      userId,
      kind: "mention" as const,
      message: `${author} mentioned you on ${target.label} (${key}): ${plainText(body, 120)}`,
      targetType: target.type,
      targetId: target.id,
      actorId: acting.userId,
    })),
  );
}

export function createComment(
  db: Db,
  acting: Acting,
  projectId: string,
  role: ProjectAccessRole,
  input: { targetType: CommentTarget; targetId: string; body: string },
): Comment {
  return writeTx(db, (tx) => {
    const target = loadTarget(tx, projectId, role, input.targetType, input.targetId);
    checkWrite(role, target);
    const mentions = checkMentions(tx, acting.orgId, projectId, target, input.body);
    const now = nowIso();
    const row: CommentRow = {
      id: newId(),
      projectId,
      targetType: target.type,
      targetId: target.id,
      authorId: acting.userId,
      body: input.body,
      mentions,
      editedAt: null,
      version: 1,
      createdAt: now,
      updatedAt: now,
      deletedAt: null,
    };
    tx.insert(comment).values(row).run();
    audit(tx, acting, {
      entityType: "comment",
      entityId: row.id,
      projectId,
      action: "create",
      after: { targetType: row.targetType, targetId: row.targetId, body: row.body, mentions },
    });
    mentionNotifications(tx, acting, projectId, target, mentions, row.body);
    return toComments(tx, [row], acting)[0] as Comment;
  });
}

function loadOwn(tx: Queryable, projectId: string, commentId: string, acting: Acting) {
  const row = tx
    .select()
    .from(comment)
    .where(
      and(eq(comment.id, commentId), eq(comment.projectId, projectId), isNull(comment.deletedAt)),
    )
    .get();
  if (!row) throw notFound("Comment");
  if (row.authorId !== acting.userId) throw forbidden("Only its author can change a comment");
  return row;
}

export function updateComment(
  db: Db,
  acting: Acting,
  projectId: string,
  role: ProjectAccessRole,
  input: { commentId: string; version: number; body: string },
  now = Date.now(),
): Comment {
  return writeTx(db, (tx) => {
    const row = loadOwn(tx, projectId, input.commentId, acting);
    const target = loadTarget(tx, projectId, role, row.targetType, row.targetId);
    checkWrite(role, target);
    if (now - Date.parse(row.createdAt) >= COMMENT_EDIT_MINUTES * 60_000) {
      throw badRequest(
        `A comment can be edited for ${COMMENT_EDIT_MINUTES} minutes after it is written; add a new one instead`,
      );
    }
    if (row.version !== input.version) throw staleVersion("comment");
    const mentions = checkMentions(tx, acting.orgId, projectId, target, input.body);
    const editedAt = nowIso();
    const result = tx
      .update(comment)
      .set({ body: input.body, mentions, editedAt, updatedAt: editedAt, version: row.version + 1 })
      .where(and(eq(comment.id, row.id), eq(comment.version, input.version)))
      .run();
    if (result.changes === 0) throw staleVersion("comment");
    audit(tx, acting, {
      entityType: "comment",
      entityId: row.id,
      projectId,
      action: "update",
      before: { targetType: row.targetType, targetId: row.targetId, body: row.body },
      after: { targetType: row.targetType, targetId: row.targetId, body: input.body },
    });
    const added = mentions.filter((id) => !row.mentions.includes(id));
    mentionNotifications(tx, acting, projectId, target, added, input.body);
    const after = {
      ...row,
      body: input.body,
      mentions,
      editedAt,
      updatedAt: editedAt,
      version: row.version + 1,
    };
    return toComments(tx, [after], acting)[0] as Comment;
  });
}

export function deleteComment(
  db: Db,
  acting: Acting,
  projectId: string,
  role: ProjectAccessRole,
  input: { commentId: string; version: number },
) {
  writeTx(db, (tx) => {
    const row = loadOwn(tx, projectId, input.commentId, acting);
    const target = loadTarget(tx, projectId, role, row.targetType, row.targetId);
    checkWrite(role, target);
    const deletedAt = nowIso();
    const result = tx
      .update(comment)
      .set({ deletedAt, updatedAt: deletedAt, version: row.version + 1 })
      .where(
        and(eq(comment.id, row.id), eq(comment.version, input.version), isNull(comment.deletedAt)),
      )
      .run();
    if (result.changes === 0) throw staleVersion("comment");
    audit(tx, acting, {
      entityType: "comment",
      entityId: row.id,
      projectId,
      action: "delete",
      before: { targetType: row.targetType, targetId: row.targetId, body: row.body },
    });
  });
}

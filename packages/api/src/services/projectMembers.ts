import {
  and,
  asc,
  auditLog,
  type Db,
  desc,
  eq,
  member,
  newId,
  nowIso,
  projectMember,
  type Queryable,
  user,
  writeTx,
} from "@rollout/db";
import type { AuditEntry, ProjectMember, ProjectRole } from "@rollout/domain";
import { type Acting, audit } from "../audit.ts";
import { badRequest, duplicate, notFound, staleVersion } from "../errors.ts";

export function listProjectMembers(db: Db, orgId: string, projectId: string): ProjectMember[] {
  return db
    .select({
      id: projectMember.id,
      userId: projectMember.userId,
      name: user.name,
      email: user.email,
      role: projectMember.role,
      orgRole: member.role,
      version: projectMember.version,
    })
    .from(projectMember)
    .innerJoin(user, eq(user.id, projectMember.userId))
    .innerJoin(member, and(eq(member.userId, user.id), eq(member.organizationId, orgId)))
    .where(eq(projectMember.projectId, projectId))
    .orderBy(asc(projectMember.role), asc(user.name))
    .all();
}

export function addProjectMember(
  db: Db,
  acting: Acting,
  projectId: string,
  input: { userId: string; role: ProjectRole },
) {
  writeTx(db, (tx) => {
    const inOrg = tx
      .select({ id: member.id })
      .from(member)
      .where(and(eq(member.organizationId, acting.orgId), eq(member.userId, input.userId)))
      .get();
    if (!inOrg) {
      throw badRequest("That person is not a member of this organisation; invite them first", {
        userId: "Not a member of this organisation",
      });
    }
    const existing = tx
      .select({ id: projectMember.id })
      .from(projectMember)
      .where(and(eq(projectMember.projectId, projectId), eq(projectMember.userId, input.userId)))
      .get();
    if (existing) throw duplicate("That person is already on this project", "userId");
    const now = nowIso();
    const row = { id: newId(), projectId, ...input, createdAt: now, updatedAt: now };
    tx.insert(projectMember).values(row).run();
    audit(tx, acting, {
      entityType: "project_member",
      entityId: row.id,
      projectId,
      action: "create",
      after: input,
    });
  });
}

function loadProjectMember(tx: Queryable, projectId: string, memberId: string) {
  const row = tx
    .select()
    .from(projectMember)
    .where(and(eq(projectMember.id, memberId), eq(projectMember.projectId, projectId)))
    .get();
  if (!row) throw notFound("Project member");
  return row;
}

export function updateProjectMember(
  db: Db,
  acting: Acting,
  projectId: string,
  input: { memberId: string; role: ProjectRole; version: number },
) {
  writeTx(db, (tx) => {
    const before = loadProjectMember(tx, projectId, input.memberId);
    const result = tx
      .update(projectMember)
      .set({ role: input.role, version: input.version + 1, updatedAt: nowIso() })
      .where(and(eq(projectMember.id, before.id), eq(projectMember.version, input.version)))
      .run();
    if (result.changes === 0) throw staleVersion("project member");
    audit(tx, acting, {
      entityType: "project_member",
      entityId: before.id,
      projectId,
      action: "update",
      before: { role: before.role },
      after: { role: input.role },
    });
  });
}

export function removeProjectMember(db: Db, acting: Acting, projectId: string, memberId: string) {
  writeTx(db, (tx) => {
    const before = loadProjectMember(tx, projectId, memberId);
    tx.delete(projectMember).where(eq(projectMember.id, before.id)).run();
    audit(tx, acting, {
      entityType: "project_member",
      entityId: before.id,
      projectId,
      action: "delete",
      before: { userId: before.userId, role: before.role },
    });
  });
}

export function listProjectAudit(db: Db, projectId: string, limit: number): AuditEntry[] {
  return db
    .select({
      id: auditLog.id,
      actorName: user.name,
      entityType: auditLog.entityType,
      entityId: auditLog.entityId,
      action: auditLog.action,
      before: auditLog.before,
      after: auditLog.after,
      createdAt: auditLog.createdAt,
    })
    .from(auditLog)
    .leftJoin(user, eq(user.id, auditLog.actorUserId))
    .where(eq(auditLog.projectId, projectId))
    .orderBy(desc(auditLog.createdAt))
    .limit(limit)
    .all();
}

import {
  and,
  asc,
  count,
  type Db,
  eq,
  holiday,
  inArray,
  member,
  newId,
  nowIso,
  organization,
  project,
  projectMember,
  session,
  type Tx,
  user,
  writeTx,
} from "@rollout/db";
import {
  canAssignOrgRole,
  defaultHealthThresholds,
  type HealthThresholds,
  type OrgCreateInput,
  type OrgMember,
  type OrgRole,
  type OrgSummary,
} from "@rollout/domain";
import { type Acting, audit } from "../audit.ts";
import { badRequest, forbidden, mapUnique, notFound, staleVersion } from "../errors.ts";

export function listMyOrgs(db: Db, userId: string): OrgSummary[] {
  return db
    .select({
      id: organization.id,
      name: organization.name,
      slug: organization.slug,
      role: member.role,
    })
    .from(member)
    .innerJoin(organization, eq(organization.id, member.organizationId))
    .where(eq(member.userId, userId))
    .orderBy(asc(organization.name))
    .all();
}

type OrgRow = typeof organization.$inferSelect;

function toOrg(row: OrgRow) {
  const { riskMedium, riskHigh, riskCritical, healthThresholds, ...rest } = row;
  return {
    ...rest,
    riskThresholds: { medium: riskMedium, high: riskHigh, critical: riskCritical },
    healthThresholds: { ...defaultHealthThresholds, ...(healthThresholds ?? {}) },
  };
}

/** Sets the organisation's health thresholds (every project's computed health follows). */
export function setHealthThresholds(
  db: Db,
  acting: Acting,
  input: HealthThresholds & { version: number },
) {
  return writeTx(db, (tx) => {
    const before = tx.select().from(organization).where(eq(organization.id, acting.orgId)).get();
    if (!before) throw notFound("Organisation");
    const { version, ...thresholds } = input;
    const updatedAt = nowIso();
    const result = tx
      .update(organization)
      .set({ healthThresholds: thresholds, version: version + 1, updatedAt })
      .where(and(eq(organization.id, acting.orgId), eq(organization.version, version)))
      .run();
    if (result.changes === 0) throw staleVersion("organisation");
    audit(tx, acting, {
      entityType: "organization",
      entityId: before.id,
      action: "health_thresholds",
      before: { ...defaultHealthThresholds, ...(before.healthThresholds ?? {}) },
      after: thresholds,
    });
    return toOrg({ ...before, healthThresholds: thresholds, version: version + 1, updatedAt });
  });
}

export function getOrg(db: Db, orgId: string) {
  const row = db.select().from(organization).where(eq(organization.id, orgId)).get();
  if (!row) throw notFound("Organisation");
  return toOrg(row);
}

/** Sets the organisation's risk band table (every project's bands and heat maps follow). */
export function setRiskThresholds(
  db: Db,
  acting: Acting,
  input: { medium: number; high: number; critical: number; version: number },
) {
  return writeTx(db, (tx) => {
    const before = tx.select().from(organization).where(eq(organization.id, acting.orgId)).get();
    if (!before) throw notFound("Organisation");
    const set = { riskMedium: input.medium, riskHigh: input.high, riskCritical: input.critical };
    const updatedAt = nowIso();
    const result = tx
      .update(organization)
      .set({ ...set, version: input.version + 1, updatedAt })
      .where(and(eq(organization.id, acting.orgId), eq(organization.version, input.version)))
      .run();
    if (result.changes === 0) throw staleVersion("organisation");
    audit(tx, acting, {
      entityType: "organization",
      entityId: before.id,
      action: "risk_thresholds",
      before: { medium: before.riskMedium, high: before.riskHigh, critical: before.riskCritical },
      after: { medium: input.medium, high: input.high, critical: input.critical },
    });
    return toOrg({ ...before, ...set, version: input.version + 1, updatedAt });
  });
}

/** Creates an organisation with its creator as owner, and makes it the session's active one. */
export function createOrg(
  db: Db,
  actor: { userId: string; sessionId: string; requestId: string },
  input: OrgCreateInput,
) {
  return writeTx(db, (tx) => {
    const now = nowIso();
    const org = { id: newId(), name: input.name, slug: input.slug, createdAt: now, updatedAt: now };
    mapUnique(
      () => tx.insert(organization).values(org).run(),
      "organization.slug",
      "slug",
      `The address "${input.slug}" is taken; choose another`,
    );
    const owner = {
      id: newId(),
      organizationId: org.id,
      userId: actor.userId,
      role: "owner" as const,
      createdAt: now,
      updatedAt: now,
    };
    tx.insert(member).values(owner).run();
    tx.update(session)
      .set({ activeOrganizationId: org.id })
      .where(eq(session.id, actor.sessionId))
      .run();
    const acting = { userId: actor.userId, orgId: org.id, requestId: actor.requestId };
    audit(tx, acting, {
      entityType: "organization",
      entityId: org.id,
      action: "create",
      after: org,
    });
    audit(tx, acting, { entityType: "member", entityId: owner.id, action: "create", after: owner });
    return toOrg(tx.select().from(organization).where(eq(organization.id, org.id)).get()!);
  });
}

/** Makes `orgId` the session's organisation; someone who is not a member gets NOT_FOUND. */
export function switchOrg(
  db: Db,
  actor: { userId: string; sessionId: string; activeOrgId: string | null },
  orgId: string,
  requestId: string,
) {
  writeTx(db, (tx) => {
    const row = tx
      .select({ id: member.id })
      .from(member)
      .where(and(eq(member.organizationId, orgId), eq(member.userId, actor.userId)))
      .get();
    if (!row) throw notFound("Organisation");
    tx.update(session)
      .set({ activeOrganizationId: orgId })
      .where(eq(session.id, actor.sessionId))
      .run();
    // Recorded in the organisation entered: who came in, and from where.
    audit(
      tx,
      { userId: actor.userId, orgId, requestId },
      {
        entityType: "session",
        entityId: actor.sessionId,
        action: "switch_org",
        before: { orgId: actor.activeOrgId },
        after: { orgId },
      },
    );
  });
}

export function updateOrg(db: Db, acting: Acting, input: { name: string; version: number }) {
  return writeTx(db, (tx) => {
    const before = tx.select().from(organization).where(eq(organization.id, acting.orgId)).get();
    if (!before) throw notFound("Organisation");
    const updatedAt = nowIso();
    const result = tx
      .update(organization)
      .set({ name: input.name, version: input.version + 1, updatedAt })
      .where(and(eq(organization.id, acting.orgId), eq(organization.version, input.version)))
      .run();
    if (result.changes === 0) throw staleVersion("organisation");
    const after = toOrg({ ...before, name: input.name, version: input.version + 1, updatedAt });
    audit(tx, acting, {
      entityType: "organization",
      entityId: before.id,
      action: "update",
      before: { name: before.name },
      after: { name: input.name },
    });
    return after;
  });
}

export function listMembers(db: Db, orgId: string): OrgMember[] {
  return db
    .select({
      id: member.id,
      userId: member.userId,
      name: user.name,
      email: user.email,
      role: member.role,
      version: member.version,
      createdAt: member.createdAt,
    })
    .from(member)
    .innerJoin(user, eq(user.id, member.userId))
    .where(eq(member.organizationId, orgId))
    .orderBy(asc(user.name))
    .all();
}

function loadMember(tx: Tx, orgId: string, memberId: string) {
  const row = tx
    .select()
    .from(member)
    .where(and(eq(member.id, memberId), eq(member.organizationId, orgId)))
    .get();
  if (!row) throw notFound("Member");
  return row;
}

function ownerCount(tx: Tx, orgId: string): number {
  const row = tx
    .select({ n: count() })
    .from(member)
    .where(and(eq(member.organizationId, orgId), eq(member.role, "owner")))
    .get();
  return row?.n ?? 0;
}

export function changeMemberRole(
  db: Db,
  acting: Acting,
  actorRole: OrgRole,
  input: { memberId: string; role: OrgRole; version: number },
) {
  return writeTx(db, (tx) => {
    const target = loadMember(tx, acting.orgId, input.memberId);
    if (!canAssignOrgRole(actorRole, target.role) || !canAssignOrgRole(actorRole, input.role)) {
      throw forbidden("Only an owner can grant or take away the owner role");
    }
    if (target.role === "owner" && input.role !== "owner" && ownerCount(tx, acting.orgId) <= 1) {
      throw badRequest("An organisation needs at least one owner; make someone else owner first", {
        role: "The last owner cannot be demoted",
      });
    }
    const updatedAt = nowIso();
    const result = tx
      .update(member)
      .set({ role: input.role, version: input.version + 1, updatedAt })
      .where(and(eq(member.id, target.id), eq(member.version, input.version)))
      .run();
    if (result.changes === 0) throw staleVersion("member");
    audit(tx, acting, {
      entityType: "member",
      entityId: target.id,
      action: "update",
      before: { role: target.role },
      after: { role: input.role },
    });
  });
}

/**
 * Removes someone from the organisation and from all of its projects. Their next request in
 * this organisation fails the membership check, so their sessions stop working here at once.
 */
export function removeMember(db: Db, acting: Acting, actorRole: OrgRole, memberId: string) {
  return writeTx(db, (tx) => {
    const target = loadMember(tx, acting.orgId, memberId);
    if (!canAssignOrgRole(actorRole, target.role)) {
      throw forbidden("Only an owner can remove an owner");
    }
    if (target.role === "owner" && ownerCount(tx, acting.orgId) <= 1) {
      throw badRequest("The last owner cannot be removed");
    }
    const orgProjects = tx
      .select({ id: project.id })
      .from(project)
      .where(eq(project.organizationId, acting.orgId));
    tx.delete(projectMember)
      .where(
        and(eq(projectMember.userId, target.userId), inArray(projectMember.projectId, orgProjects)),
      )
      .run();
    tx.delete(member).where(eq(member.id, target.id)).run();
    tx.update(session)
      .set({ activeOrganizationId: null })
      .where(and(eq(session.userId, target.userId), eq(session.activeOrganizationId, acting.orgId)))
      .run();
    audit(tx, acting, {
      entityType: "member",
      entityId: target.id,
      action: "delete",
      before: target,
    });
  });
}

export function listHolidays(db: Db, orgId: string) {
  return db
    .select({ date: holiday.date, name: holiday.name })
    .from(holiday)
    .where(eq(holiday.organizationId, orgId))
    .orderBy(asc(holiday.date))
    .all();
}

/** Replaces the organisation's holidays (non-working days for every schedule). */
export function setHolidays(db: Db, acting: Acting, list: Array<{ date: string; name: string }>) {
  writeTx(db, (tx) => {
    const before = listHolidays(db, acting.orgId);
    tx.delete(holiday).where(eq(holiday.organizationId, acting.orgId)).run();
    const createdAt = nowIso();
    if (list.length) {
      tx.insert(holiday)
        .values(list.map((h) => ({ organizationId: acting.orgId, ...h, createdAt })))
        .run();
    }
    audit(tx, acting, {
      entityType: "holidays",
      entityId: acting.orgId,
      action: "update",
      before,
      after: list,
    });
  });
}

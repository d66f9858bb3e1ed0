import { createHash, randomBytes } from "node:crypto";
import {
  and,
  type Db,
  desc,
  eq,
  invitation,
  isNull,
  member,
  newId,
  nowIso,
  organization,
  project,
  projectMember,
  session,
  sql,
  stakeholder,
  type Tx,
  user,
  writeTx,
} from "@rollout/db";
import type { Invitation, OrgRole, ProjectRole } from "@rollout/domain";
import { canAssignOrgRole } from "@rollout/domain";
import { TRPCError } from "@trpc/server";
import { type Acting, audit } from "../audit.ts";
import { badRequest, duplicate, forbidden, notFound } from "../errors.ts";

export const INVITATION_DAYS = 7;

function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

type InvitationRow = typeof invitation.$inferSelect;

function statusOf(row: InvitationRow, now: string): Invitation["status"] {
  if (row.status === "pending" && row.expiresAt <= now) return "expired";
  return row.status;
}

const invitationColumns = {
  row: invitation,
  projectName: project.name,
  invitedBy: user.name,
};

function toOutput(
  r: { row: InvitationRow; projectName: string | null; invitedBy: string },
  now: string,
): Invitation {
  return {
    id: r.row.id,
    email: r.row.email,
    role: r.row.role,
    projectId: r.row.projectId,
    projectName: r.projectName,
    projectRole: r.row.projectRole,
    status: statusOf(r.row, now),
    expiresAt: r.row.expiresAt,
    createdAt: r.row.createdAt,
    invitedBy: r.invitedBy,
  };
}

export function listInvitations(db: Db, orgId: string): Invitation[] {
  const now = nowIso();
  return db
    .select(invitationColumns)
    .from(invitation)
    .innerJoin(user, eq(user.id, invitation.inviterId))
    .leftJoin(project, eq(project.id, invitation.projectId))
    .where(and(eq(invitation.organizationId, orgId), eq(invitation.status, "pending")))
    .orderBy(desc(invitation.createdAt))
    .all()
    .map((r) => toOutput(r, now));
}

export interface CreateInvitation {
  email: string;
  role: OrgRole;
  projectId: string | null;
  projectRole: ProjectRole | null;
}

/**
 * Invites `email` into the organisation (and optionally straight onto a project). Returns the
 * one-time link; only a hash of its token is stored. A newer invitation replaces a pending one.
 */
export function createInvitation(
  db: Db,
  acting: Acting,
  actorRole: OrgRole,
  appUrl: string,
  input: CreateInvitation,
) {
  if (!canAssignOrgRole(actorRole, input.role)) {
    throw forbidden("Only an owner can invite another owner");
  }
  const token = randomBytes(32).toString("base64url");
  const result = writeTx(db, (tx) => {
    const existing = tx
      .select({ id: member.id })
      .from(member)
      .innerJoin(user, eq(user.id, member.userId))
      .where(and(eq(member.organizationId, acting.orgId), eq(user.email, input.email)))
      .get();
    if (existing) throw duplicate(`${input.email} is already a member`, "email");
    if (input.projectId) {
      const p = tx
        .select({ id: project.id })
        .from(project)
        .where(and(eq(project.id, input.projectId), eq(project.organizationId, acting.orgId)))
        .get();
      if (!p) throw notFound("Project");
    }
    const now = new Date();
    const replaced = tx
      .update(invitation)
      .set({ status: "revoked", updatedAt: now.toISOString() })
      .where(
        and(
          eq(invitation.organizationId, acting.orgId),
          eq(invitation.email, input.email),
          eq(invitation.status, "pending"),
        ),
      )
      .returning({ id: invitation.id })
      .all();
    for (const r of replaced) {
      audit(tx, acting, {
        entityType: "invitation",
        entityId: r.id,
        action: "revoke",
        after: { reason: "replaced by a newer invitation" },
      });
    }
    const row = {
      id: newId(),
      organizationId: acting.orgId,
      email: input.email,
      role: input.role,
      projectId: input.projectId,
      projectRole: input.projectRole,
      tokenHash: hashToken(token),
      status: "pending" as const,
      expiresAt: new Date(now.getTime() + INVITATION_DAYS * 86_400_000).toISOString(),
      inviterId: acting.userId,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    };
    tx.insert(invitation).values(row).run();
    const { tokenHash: _secret, ...visible } = row;
    audit(tx, acting, {
      entityType: "invitation",
      entityId: row.id,
      action: "create",
      projectId: input.projectId,
      after: visible,
    });
    return row.id;
  });
  const created = db
    .select(invitationColumns)
    .from(invitation)
    .innerJoin(user, eq(user.id, invitation.inviterId))
    .leftJoin(project, eq(project.id, invitation.projectId))
    .where(eq(invitation.id, result))
    .get();
  if (!created) throw notFound("Invitation");
  return {
    invitation: toOutput(created, nowIso()),
    link: `${appUrl.replace(/\/$/, "")}/invite/${token}`,
  };
}

export function revokeInvitation(db: Db, acting: Acting, invitationId: string) {
  writeTx(db, (tx) => {
    const result = tx
      .update(invitation)
      .set({ status: "revoked", updatedAt: nowIso() })
      .where(
        and(
          eq(invitation.id, invitationId),
          eq(invitation.organizationId, acting.orgId),
          eq(invitation.status, "pending"),
        ),
      )
      .run();
    if (result.changes === 0) throw notFound("Invitation");
    audit(tx, acting, {
      entityType: "invitation",
      entityId: invitationId,
      action: "revoke",
      before: { status: "pending" },
      after: { status: "revoked" },
    });
  });
}

function findPending(db: Db, token: string) {
  const found = db
    .select({
      row: invitation,
      orgName: organization.name,
      projectName: project.name,
      invitedBy: user.name,
    })
    .from(invitation)
    .innerJoin(organization, eq(organization.id, invitation.organizationId))
    .innerJoin(user, eq(user.id, invitation.inviterId))
    .leftJoin(project, eq(project.id, invitation.projectId))
    .where(eq(invitation.tokenHash, hashToken(token)))
    .get();
  // Unknown, used and revoked links all read the same, so a link cannot be probed.
  if (found?.row.status !== "pending") throw notFound("Invitation");
  if (found.row.expiresAt <= nowIso()) {
    throw new TRPCError({
      code: "NOT_FOUND",
      message: "This invitation has expired; ask for a new one",
    });
  }
  return found;
}

export function previewInvitation(db: Db, token: string) {
  const found = findPending(db, token);
  return {
    orgName: found.orgName,
    email: found.row.email,
    role: found.row.role,
    projectName: found.projectName,
    projectRole: found.row.projectRole,
    invitedBy: found.invitedBy,
    expiresAt: found.row.expiresAt,
  };
}

/**
 * The invited person joins the organisation (and the project, if the invitation named one), and
 * the organisation becomes their session's active one. The signed-in email must match.
 */
/**
 * A stakeholder invited to sign in is linked to their entry in the project's register (the
 * one with their email and no sign-in yet), so the register knows who signs in as whom.
 */
function linkStakeholderByEmail(
  tx: Tx,
  acting: { userId: string; orgId: string; requestId: string },
  projectId: string,
) {
  const email = tx.select({ email: user.email }).from(user).where(eq(user.id, acting.userId)).get();
  if (!email) return;
  const linked = tx
    .update(stakeholder)
    .set({ userId: acting.userId, version: sql`${stakeholder.version} + 1`, updatedAt: nowIso() })
    .where(
      and(
        eq(stakeholder.projectId, projectId),
        sql`lower(${stakeholder.email}) = ${email.email.toLowerCase()}`,
        isNull(stakeholder.userId),
        isNull(stakeholder.deletedAt),
      ),
    )
    .returning({ id: stakeholder.id })
    .all();
  for (const row of linked) {
    audit(tx, acting, {
      entityType: "stakeholder",
      entityId: row.id,
      projectId,
      action: "update",
      before: { userId: null },
      after: { userId: acting.userId, via: "invitation accepted" },
    });
  }
}

export function acceptInvitation(
  db: Db,
  actor: { userId: string; email: string; sessionId: string; requestId: string },
  token: string,
) {
  const found = findPending(db, token);
  const inv = found.row;
  if (inv.email.toLowerCase() !== actor.email.toLowerCase()) {
    throw badRequest(
      `This invitation is for ${inv.email}. Sign in with that address to accept it.`,
    );
  }
  const acting = { userId: actor.userId, orgId: inv.organizationId, requestId: actor.requestId };
  return writeTx(db, (tx) => {
    const now = nowIso();
    const claimed = tx
      .update(invitation)
      .set({ status: "accepted", acceptedBy: actor.userId, acceptedAt: now, updatedAt: now })
      .where(and(eq(invitation.id, inv.id), eq(invitation.status, "pending")))
      .run();
    if (claimed.changes === 0) throw notFound("Invitation");
    const already = tx
      .select({ id: member.id })
      .from(member)
      .where(and(eq(member.organizationId, inv.organizationId), eq(member.userId, actor.userId)))
      .get();
    if (!already) {
      const row = {
        id: newId(),
        organizationId: inv.organizationId,
        userId: actor.userId,
        role: inv.role,
        createdAt: now,
        updatedAt: now,
      };
      tx.insert(member).values(row).run();
      audit(tx, acting, { entityType: "member", entityId: row.id, action: "create", after: row });
    }
    if (inv.projectId && inv.projectRole) {
      const onProject = tx
        .select({ id: projectMember.id })
        .from(projectMember)
        .where(
          and(eq(projectMember.projectId, inv.projectId), eq(projectMember.userId, actor.userId)),
        )
        .get();
      if (!onProject) {
        const row = {
          id: newId(),
          projectId: inv.projectId,
          userId: actor.userId,
          role: inv.projectRole,
          createdAt: now,
          updatedAt: now,
        };
        tx.insert(projectMember).values(row).run();
        audit(tx, acting, {
          entityType: "project_member",
          entityId: row.id,
          projectId: inv.projectId,
          action: "create",
          after: row,
        });
      }
      if (inv.projectRole === "stakeholder") linkStakeholderByEmail(tx, acting, inv.projectId);
    }
    audit(tx, acting, {
      entityType: "invitation",
      entityId: inv.id,
      action: "accept",
      before: { status: "pending" },
      after: {
        status: "accepted",
        role: inv.role,
        projectId: inv.projectId,
        projectRole: inv.projectRole,
      },
    });
    tx.update(session)
      .set({ activeOrganizationId: inv.organizationId })
      .where(eq(session.id, actor.sessionId))
      .run();
    return { orgId: inv.organizationId, projectId: inv.projectId };
  });
}

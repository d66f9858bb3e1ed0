import { createHash, randomBytes } from "node:crypto";
import {
  alias,
  and,
  type Db,
  desc,
  eq,
  gateCriterion,
  gateSigner,
  inArray,
  isNull,
  milestone,
  newId,
  nowIso,
  project,
  type Queryable,
  shareLink,
  user,
  writeTx,
} from "@rollout/db";
import { type StakeholderView, todayUtc } from "@rollout/domain";
import { type Acting, audit } from "../../audit.ts";
import { badRequest, notFound } from "../../errors.ts";
import type { ProjectRow } from "../../trpc.ts";
import { projectDashboard } from "../health/projectDashboard.ts";
import { listReports } from "./reports.ts";

const hash = (token: string) => createHash("sha256").update(token).digest("hex");

type LinkRow = typeof shareLink.$inferSelect;

const creator = alias(user, "share_creator");

function toLink(row: LinkRow, createdByName: string | null, now: string) {
  return {
    id: row.id,
    label: row.label,
    expiresAt: row.expiresAt,
    createdByName,
    createdAt: row.createdAt,
    revokedAt: row.revokedAt,
    lastUsedAt: row.lastUsedAt,
    active: row.revokedAt === null && row.expiresAt > now,
  };
}

export function listShareLinks(tx: Queryable, projectId: string) {
  const now = nowIso();
  return tx
    .select({ row: shareLink, createdByName: creator.name })
    .from(shareLink)
    .leftJoin(creator, eq(creator.id, shareLink.createdBy))
    .where(eq(shareLink.projectId, projectId))
    .orderBy(desc(shareLink.createdAt))
    .all()
    .map((r) => toLink(r.row, r.createdByName, now));
}

/**
 * A link to the project's stakeholder view, valid through `expiresOn` (end of that day, UTC).
 * The token is shown once, in the link; only its hash is stored.
 */
export function createShareLink(
  db: Db,
  acting: Acting,
  projectId: string,
  appUrl: string,
  input: { label: string; expiresOn: string },
  today = todayUtc(),
) {
  if (input.expiresOn < today) {
    throw badRequest("Choose an expiry date from today on", { expiresOn: "This date has passed" });
  }
  return writeTx(db, (tx) => {
    const token = randomBytes(32).toString("base64url");
    const now = nowIso();
    const row = {
      id: newId(),
      projectId,
      label: input.label,
      tokenHash: hash(token),
      expiresAt: `${input.expiresOn}T23:59:59.999Z`,
      createdBy: acting.userId,
      createdAt: now,
    };
    tx.insert(shareLink).values(row).run();
    audit(tx, acting, {
      entityType: "share_link",
      entityId: row.id,
      projectId,
      action: "create",
      after: { label: row.label, expiresAt: row.expiresAt },
    });
    const name = tx.select({ name: user.name }).from(user).where(eq(user.id, acting.userId)).get();
    return {
      link: toLink(
        { ...row, revokedAt: null, revokedBy: null, lastUsedAt: null },
        name?.name ?? null,
        now,
      ),
      url: `${appUrl.replace(/\/$/, "")}/share/${token}`,
    };
  });
}

export function revokeShareLink(db: Db, acting: Acting, projectId: string, shareId: string) {
  writeTx(db, (tx) => {
    const row = tx
      .select()
      .from(shareLink)
      .where(and(eq(shareLink.id, shareId), eq(shareLink.projectId, projectId)))
      .get();
    if (!row) throw notFound("Share link");
    if (row.revokedAt) return;
    const now = nowIso();
    tx.update(shareLink)
      .set({ revokedAt: now, revokedBy: acting.userId })
      .where(eq(shareLink.id, row.id))
      .run();
    audit(tx, acting, {
      entityType: "share_link",
      entityId: row.id,
      projectId,
      action: "revoke",
      before: { revokedAt: null },
      after: { revokedAt: now },
    });
  });
}

/** Gates with their criteria count and the reader's own sign-off state. */
function gatesOf(tx: Queryable, projectId: string, readerId: string | null) {
  const gates = tx
    .select({ id: milestone.id, name: milestone.name, decision: milestone.decision })
    .from(milestone)
    .where(
      and(
        eq(milestone.projectId, projectId),
        isNull(milestone.deletedAt),
        eq(milestone.isGate, true),
      ),
    )
    .all();
  if (gates.length === 0) return [];
  const ids = gates.map((g) => g.id);
  const criteria = tx
    .select({ milestoneId: gateCriterion.milestoneId, met: gateCriterion.met })
    .from(gateCriterion)
    .where(inArray(gateCriterion.milestoneId, ids))
    .all();
  const signers = readerId
    ? tx
        .select({ milestoneId: gateSigner.milestoneId, signedAt: gateSigner.signedAt })
        .from(gateSigner)
        .where(and(inArray(gateSigner.milestoneId, ids), eq(gateSigner.userId, readerId)))
        .all()
    : [];
  return gates.map((g) => {
    const own = criteria.filter((c) => c.milestoneId === g.id);
    const mine = signers.find((s) => s.milestoneId === g.id);
    return {
      milestoneId: g.id,
      name: g.name,
      criteriaMet: own.filter((c) => c.met).length,
      criteriaTotal: own.length,
      decision: g.decision,
      awaitingMySignOff: Boolean(mine && !mine.signedAt),
      signedByMe: Boolean(mine?.signedAt),
    };
  });
}

/** The stakeholder view of a project, as an outside reader sees it: nothing internal-only. */
export function stakeholderView(
  db: Db,
  orgId: string,
  p: ProjectRow,
  readerId: string | null,
  today = todayUtc(),
): StakeholderView {
  const d = projectDashboard(db, orgId, p, "stakeholder", today);
  return {
    project: {
      id: p.id,
      key: p.key,
      name: p.name,
      customer: p.customer,
      stage: p.stage,
      targetGoLive: p.targetGoLive,
      actualGoLive: p.actualGoLive,
    },
    health: d.health,
    progress: d.progress,
    plannedProgress: d.plannedProgress,
    burnUp: d.burnUp,
    milestones: d.milestones,
    goLive: d.goLive,
    daysToGoLive: d.daysToGoLive,
    gates: gatesOf(db, p.id, readerId),
    reports: listReports(db, p.id, "stakeholder"),
    today,
  };
}

/**
 * Opens a share link: the project's stakeholder view while the link is live. Unknown, revoked
 * and expired tokens all answer NOT_FOUND (the page explains in plain words).
 */
export function viewByShareLink(db: Db, token: string) {
  const row = db
    .select({ link: shareLink, project })
    .from(shareLink)
    .innerJoin(project, eq(project.id, shareLink.projectId))
    .where(eq(shareLink.tokenHash, hash(token)))
    .get();
  const now = nowIso();
  if (!row || row.link.revokedAt || row.link.expiresAt <= now || row.project.archivedAt) {
    throw notFound("This link");
  }
  db.update(shareLink).set({ lastUsedAt: now }).where(eq(shareLink.id, row.link.id)).run();
  return stakeholderView(db, row.project.organizationId, row.project, null);
}

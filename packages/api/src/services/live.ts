import {
  and,
  comment,
  type Db,
  eq,
  gt,
  inArray,
  member,
  projectMember,
  raidItem,
  session,
  sql,
  task,
} from "@rollout/db";
import type { LiveEvent, OrgRole } from "@rollout/domain";
import { type Change, changes, MAX_IDS } from "../events.ts";

/** What a stakeholder may hear about: the areas they can read (never the register about them). */
const stakeholderAreas = new Set([
  "project",
  "phase",
  "task",
  "dependency",
  "milestone",
  "gate_criterion",
  "gate_signer",
  "baseline",
  "raid_item",
  "status_report",
  // The review, which stakeholders read and sign (lessons shown inside it).
  "pir",
  "pir_objective",
  "pir_kpi",
  "pir_measurement",
  "lesson",
  // Comments they may read: not those on internal-only rows (checked below).
  "comment",
]);

/** Rows that may be internal-only: a stakeholder hears of a change only if one is not. */
function anyVisibleToOutside(db: Db, change: Change): boolean {
  if (change.entityType === "comment") return anyCommentVisibleToOutside(db, change.entityIds);
  if (change.entityIds.length >= MAX_IDS) return true;
  const table =
    change.entityType === "task" ? task : change.entityType === "raid_item" ? raidItem : null;
  if (!table) return true;
  const visible = db
    .select({ id: table.id })
    .from(table)
    .where(and(inArray(table.id, change.entityIds), eq(table.internalOnly, false)))
    .get();
  return visible !== undefined;
}

/** Comments on internal-only tasks and RAID items are the team's: a stakeholder hears of no other. */
function anyCommentVisibleToOutside(db: Db, ids: string[]): boolean {
  if (ids.length === 0) return false;
  return (
    db
      .select({ id: comment.id })
      .from(comment)
      .where(
        and(
          inArray(comment.id, ids.slice(0, MAX_IDS)),
          sql`not exists (select 1 from task t where t.id = ${comment.targetId} and t.internal_only = 1)
              and not exists (select 1 from raid_item r where r.id = ${comment.targetId} and r.internal_only = 1)`,
        ),
      )
      .get() !== undefined
  );
}

/** Still signed in and still a member: re-read for every event, as for every request. */
function stillAllowed(db: Db, who: { userId: string; sessionId: string; orgId: string }) {
  const live = db
    .select({ id: session.id })
    .from(session)
    .where(and(eq(session.id, who.sessionId), gt(session.expiresAt, new Date())))
    .get();
  if (!live) return null;
  return (
    db
      .select({ role: member.role })
      .from(member)
      .where(and(eq(member.organizationId, who.orgId), eq(member.userId, who.userId)))
      .get()?.role ?? null
  );
}

/** Whether this person may hear about this change; `null` ends the stream (signed out, removed). */
export function mayHear(
  db: Db,
  who: { userId: string; sessionId: string; orgId: string },
  change: Change,
): boolean | null {
  const orgRole: OrgRole | null = stillAllowed(db, who);
  if (!orgRole) return null;
  if (change.recipients) return change.recipients.includes(who.userId);
  if (change.projectId === null) return true;
  if (orgRole === "owner" || orgRole === "admin") return true;
  const role = db
    .select({ role: projectMember.role })
    .from(projectMember)
    .where(and(eq(projectMember.projectId, change.projectId), eq(projectMember.userId, who.userId)))
    .get()?.role;
  if (!role) return false;
  if (role !== "stakeholder") return true;
  return stakeholderAreas.has(change.entityType) && anyVisibleToOutside(db, change);
}

/**
 * The organisation's changes this person may hear about, as they commit, until the page closes
 * or they lose access. Events carry no data: the page refetches what it shows.
 */
export async function* liveChanges(
  db: Db,
  who: { userId: string; sessionId: string; orgId: string },
  signal: AbortSignal | undefined,
): AsyncGenerator<LiveEvent> {
  try {
    for await (const change of changes.stream(who.orgId, signal)) {
      const allowed = mayHear(db, who, change);
      if (allowed === null) return;
      if (!allowed) continue;
      yield {
        projectId: change.projectId,
        entityType: change.entityType,
        action: change.action,
        at: change.at,
      };
    }
  } catch (error) {
    if (signal?.aborted) return;
    throw error;
  }
}

import {
  and,
  type Db,
  eq,
  gt,
  inArray,
  member,
  projectMember,
  raidItem,
  session,
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
]);

/** Rows that may be internal-only: a stakeholder hears of a change only if one is not. */
function anyVisibleToOutside(db: Db, change: Change): boolean {
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

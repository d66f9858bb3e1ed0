import { afterCommit, auditLog, newId, nowIso, type Tx } from "@rollout/db";
import { changes, MAX_IDS } from "./events.ts";
import { notifyForChanges } from "./services/collab/triggers.ts";

/** Changes only the person making them needs to hear of (their own bell, their own settings). */
const PERSONAL = new Set(["notification", "notification_prefs", "session"]);

/** Who is making a change, and in which organisation: every write names them. */
export interface Acting {
  userId: string;
  orgId: string;
  requestId: string;
}

export interface AuditEntry {
  entityType: string;
  entityId: string;
  action: string;
  projectId?: string | null;
  before?: unknown;
  after?: unknown;
}

/** The acting person of an organisation-scoped procedure. */
export function acting(ctx: {
  actor: { userId: string };
  org: { id: string };
  requestId: string;
}): Acting {
  return { userId: ctx.actor.userId, orgId: ctx.org.id, requestId: ctx.requestId };
}

/** Adds the audit row for a change, inside the transaction that makes the change. */
export function audit(tx: Tx, actor: Acting, entry: AuditEntry): void {
  auditMany(tx, actor, [entry]);
}

/** Adds many audit rows at once (a bulk change), in chunks that stay under SQLite's limits. */
export function auditMany(tx: Tx, actor: Acting, entries: readonly AuditEntry[]): void {
  const createdAt = nowIso();
  announce(tx, actor, entries, createdAt);
  notifyForChanges(tx, actor, entries);
  for (let i = 0; i < entries.length; i += 500) {
    const chunk = entries.slice(i, i + 500);
    if (chunk.length === 0) continue;
    tx.insert(auditLog)
      .values(
        chunk.map((entry) => ({
          id: newId(),
          organizationId: actor.orgId,
          projectId: entry.projectId ?? null,
          actorUserId: actor.userId,
          entityType: entry.entityType,
          entityId: entry.entityId,
          action: entry.action,
          before: entry.before ?? null,
          after: entry.after ?? null,
          requestId: actor.requestId,
          createdAt,
        })),
      )
      .run();
  }
}

/** The fields of `after` that differ from `before`, to keep audit rows small and readable. */
export function changedFields<T extends Record<string, unknown>>(
  before: T,
  after: T,
): { before: Partial<T>; after: Partial<T> } | null {
  const b: Partial<T> = {};
  const a: Partial<T> = {};
  for (const key of Object.keys(after) as (keyof T)[]) {
    if (key === "version" || key === "updatedAt") continue;
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      b[key] = before[key];
      a[key] = after[key];
    }
  }
  return Object.keys(a).length === 0 ? null : { before: b, after: a };
}

/** Once the transaction commits, tells listeners which projects (or the organisation) changed. */
function announce(tx: Tx, actor: Acting, entries: readonly AuditEntry[], at: string) {
  const batch = new Map<
    string,
    { projectId: string | null; entityType: string; action: string; entityIds: string[] }
  >();
  for (const e of entries) {
    const key = `${e.projectId ?? ""}:${e.entityType}:${e.action}`;
    const found = batch.get(key);
    if (found) {
      if (found.entityIds.length < MAX_IDS) found.entityIds.push(e.entityId);
    } else {
      batch.set(key, {
        projectId: e.projectId ?? null,
        entityType: e.entityType,
        action: e.action,
        entityIds: [e.entityId],
      });
    }
  }
  afterCommit(tx, () => {
    for (const c of batch.values()) {
      const recipients = PERSONAL.has(c.entityType) ? [actor.userId] : undefined;
      changes.publish({ orgId: actor.orgId, ...c, at, ...(recipients ? { recipients } : {}) });
    }
  });
}

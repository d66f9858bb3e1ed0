import {
  afterCommit,
  and,
  type Db,
  desc,
  eq,
  gt,
  inArray,
  isNull,
  lt,
  lte,
  milestone,
  newId,
  notification,
  notificationMute,
  nowIso,
  or,
  project,
  projectMember,
  type Queryable,
  sql,
  task,
  user,
  writeTx,
} from "@rollout/db";
import {
  addDays,
  type Notification,
  type NotificationKind,
  notificationKinds,
  todayUtc,
} from "@rollout/domain";
import { type Acting, audit } from "../../audit.ts";
import { changes } from "../../events.ts";

/** A notification about to be sent to one person. */
export interface NotificationDraft {
  orgId: string;
  projectId: string | null;
  userId: string;
  kind: NotificationKind;
  message: string;
  targetType: string;
  targetId: string;
  actorId: string | null;
  /** Sent at most once per person and key (reminders). */
  dedupeKey?: string | null;
}

type NotificationRow = typeof notification.$inferInsert;

/**
 * Where notifications go. In-app is the one channel today; an e-mail sender (SMTP) is another
 * implementation added to `senders` once a mail server is configured — nothing else changes.
 */
export interface NotificationSender {
  readonly channel: string;
  /** Delivers inside the transaction of the change; returns the rows actually delivered. */
  send(tx: Queryable, rows: NotificationRow[]): NotificationRow[];
}

const inApp: NotificationSender = {
  channel: "in-app",
  send(tx, rows) {
    const sent: NotificationRow[] = [];
    for (const row of rows) {
      const inserted = tx
        .insert(notification)
        .values(row)
        .onConflictDoNothing()
        .returning({ id: notification.id })
        .get();
      if (inserted) sent.push(row);
    }
    return sent;
  },
};

export const senders: NotificationSender[] = [inApp];

/**
 * Sends notifications with the change that caused them (same transaction): nobody is told about
 * their own action, muted kinds are skipped, and the bells of those notified ring after commit.
 */
export function notify(tx: Queryable, drafts: readonly NotificationDraft[]): void {
  const wanted = drafts.filter((d) => d.userId !== d.actorId);
  if (wanted.length === 0) return;
  const people = [...new Set(wanted.map((d) => d.userId))];
  const muted = new Set(
    tx
      .select({ userId: notificationMute.userId, kind: notificationMute.kind })
      .from(notificationMute)
      .where(inArray(notificationMute.userId, people))
      .all()
      .map((m) => `${m.userId}:${m.kind}`),
  );
  const createdAt = nowIso();
  const seen = new Set<string>();
  const rows: NotificationRow[] = [];
  for (const d of wanted) {
    if (muted.has(`${d.userId}:${d.kind}`)) continue;
    const once = `${d.userId}:${d.kind}:${d.targetId}:${d.dedupeKey ?? ""}`;
    if (seen.has(once)) continue;
    seen.add(once);
    rows.push({
      id: newId(),
      organizationId: d.orgId,
      projectId: d.projectId,
      userId: d.userId,
      kind: d.kind,
      message: d.message,
      targetType: d.targetType,
      targetId: d.targetId,
      actorId: d.actorId,
      dedupeKey: d.dedupeKey ?? null,
      readAt: null,
      createdAt,
    });
  }
  let delivered: NotificationRow[] = [];
  for (const sender of senders) {
    const sent = sender.send(tx, rows);
    if (sender === inApp) delivered = sent;
  }
  ring(tx, delivered, createdAt);
}

function ring(tx: Queryable, rows: readonly NotificationRow[], at: string) {
  const byOrg = new Map<string, Set<string>>();
  for (const r of rows) {
    const set = byOrg.get(r.organizationId) ?? new Set<string>();
    set.add(r.userId);
    byOrg.set(r.organizationId, set);
  }
  afterCommit(tx, () => {
    for (const [orgId, users] of byOrg) {
      changes.publish({
        orgId,
        projectId: null,
        entityType: "notification",
        entityIds: [],
        action: "create",
        at,
        recipients: [...users],
      });
    }
  });
}

/**
 * Reminders that come due with time, not with a change: my open tasks due tomorrow or overdue,
 * and gates awaiting a decision on projects where I decide. Made when the bell is read (each
 * once, by its key), so they are there whenever someone looks.
 */
export function remind(db: Db, orgId: string, userId: string, today = todayUtc()): void {
  // Once per person per day until something in the organisation changes: the bell is read on
  // every page load, and what it reminds of only moves with the date or with a change (a
  // reminder made here is a personal event, which moves nothing).
  const key = `${orgId}:${userId}`;
  const state = `${today}:${changes.activity(orgId)}`;
  if (reminded.get(key) === state) return;
  const tomorrow = addDays(today, 1);
  const drafts: NotificationDraft[] = [];
  const due = db
    .select({
      id: task.id,
      title: task.title,
      dueDate: task.dueDate,
      projectId: task.projectId,
      key: project.key,
    })
    .from(task)
    .innerJoin(project, eq(project.id, task.projectId))
    .where(
      and(
        eq(project.organizationId, orgId),
        isNull(project.archivedAt),
        eq(task.assigneeId, userId),
        isNull(task.deletedAt),
        inArray(task.status, ["not_started", "in_progress", "blocked"]),
        lte(task.dueDate, tomorrow),
        // Older than a fortnight overdue is My work's business, not a fresh reminder.
        gt(task.dueDate, addDays(today, -14)),
      ),
    )
    .all();
  for (const t of due) {
    const overdue = (t.dueDate ?? "") < today;
    if (!overdue && t.dueDate !== tomorrow) continue;
    drafts.push({
      orgId,
      projectId: t.projectId,
      userId,
      kind: overdue ? "overdue" : "due_tomorrow",
      message: overdue
        ? `${t.key}: “${t.title}” is overdue (due ${t.dueDate})`
        : `${t.key}: “${t.title}” is due tomorrow`,
      targetType: "task",
      targetId: t.id,
      actorId: null,
      dedupeKey: `${overdue ? "overdue" : "due"}:${t.id}:${t.dueDate}`,
    });
  }
  const gates = db
    .select({
      id: milestone.id,
      name: milestone.name,
      projectId: milestone.projectId,
      key: project.key,
    })
    .from(milestone)
    .innerJoin(project, eq(project.id, milestone.projectId))
    .innerJoin(
      projectMember,
      and(eq(projectMember.projectId, project.id), eq(projectMember.userId, userId)),
    )
    .where(
      and(
        eq(project.organizationId, orgId),
        isNull(project.archivedAt),
        eq(projectMember.role, "pm"),
        eq(milestone.isGate, true),
        isNull(milestone.deletedAt),
        isNull(milestone.decision),
        isNull(milestone.actualDate),
        or(
          lte(milestone.baselineDate, addDays(today, 2)),
          lte(milestone.forecastOverride, addDays(today, 2)),
          // Everything it asks for is in: criteria met and signatures given.
          sql`(exists (select 1 from gate_criterion c where c.milestone_id = ${milestone.id})
               or exists (select 1 from gate_signer s where s.milestone_id = ${milestone.id}))
              and not exists (select 1 from gate_criterion c where c.milestone_id = ${milestone.id}
                              and c.required = 1 and c.met = 0)
              and not exists (select 1 from gate_signer s where s.milestone_id = ${milestone.id}
                              and s.signed_at is null)`,
        ),
      ),
    )
    .all();
  for (const g of gates) {
    drafts.push({
      orgId,
      projectId: g.projectId,
      userId,
      kind: "gate_decision",
      message: `${g.key}: gate “${g.name}” awaits your go/no-go decision`,
      targetType: "milestone",
      targetId: g.id,
      actorId: null,
      dedupeKey: `gate:${g.id}`,
    });
  }
  if (drafts.length > 0) writeTx(db, (tx) => notify(tx, drafts));
  if (reminded.size >= 50_000) reminded.clear();
  reminded.set(key, state);
}

/** For each person, the day and organisation activity their reminders were last made at. */
const reminded = new Map<string, string>();

const cursorOf = (n: { createdAt: string; id: string }) => `${n.createdAt}|${n.id}`;

export function listNotifications(
  db: Db,
  orgId: string,
  userId: string,
  input: { unreadOnly: boolean; cursor: string | null; limit: number },
): { items: Notification[]; nextCursor: string | null; unread: number } {
  remind(db, orgId, userId);
  const mine = and(eq(notification.userId, userId), eq(notification.organizationId, orgId));
  const [atCursor, idCursor] = input.cursor?.split("|") ?? [];
  const actor = user;
  const rows = db
    .select({
      id: notification.id,
      kind: notification.kind,
      message: notification.message,
      projectId: notification.projectId,
      projectKey: project.key,
      targetType: notification.targetType,
      targetId: notification.targetId,
      actorName: actor.name,
      readAt: notification.readAt,
      createdAt: notification.createdAt,
    })
    .from(notification)
    .leftJoin(project, eq(project.id, notification.projectId))
    .leftJoin(actor, eq(actor.id, notification.actorId))
    .where(
      and(
        mine,
        input.unreadOnly ? isNull(notification.readAt) : undefined,
        atCursor && idCursor
          ? or(
              lt(notification.createdAt, atCursor),
              and(eq(notification.createdAt, atCursor), lt(notification.id, idCursor)),
            )
          : undefined,
      ),
    )
    .orderBy(desc(notification.createdAt), desc(notification.id))
    .limit(input.limit + 1)
    .all();
  const more = rows.length > input.limit;
  const items = rows.slice(0, input.limit);
  return {
    items,
    nextCursor: more && items.length > 0 ? cursorOf(items[items.length - 1] as Notification) : null,
    unread: unreadCount(db, orgId, userId, false),
  };
}

export function unreadCount(db: Db, orgId: string, userId: string, withReminders = true): number {
  if (withReminders) remind(db, orgId, userId);
  return (
    db
      .select({ n: sql<number>`count(*)` })
      .from(notification)
      .where(
        and(
          eq(notification.userId, userId),
          eq(notification.organizationId, orgId),
          isNull(notification.readAt),
        ),
      )
      .get()?.n ?? 0
  );
}

/** Marks some (or, with `ids` null, all) of my notifications read; others' are never touched. */
export function markRead(db: Db, acting: Acting, ids: string[] | null): number {
  return writeTx(db, (tx) => {
    const marked = tx
      .update(notification)
      .set({ readAt: nowIso() })
      .where(
        and(
          eq(notification.userId, acting.userId),
          eq(notification.organizationId, acting.orgId),
          isNull(notification.readAt),
          ids ? inArray(notification.id, ids) : undefined,
        ),
      )
      .returning({ id: notification.id })
      .all();
    audit(tx, acting, {
      entityType: "notification",
      entityId: ids && ids.length === 1 ? (ids[0] as string) : "all",
      action: "read",
      after: { marked: marked.length },
    });
    return marked.length;
  });
}

export function notificationPrefs(db: Queryable, userId: string) {
  const muted = new Set(
    db
      .select({ kind: notificationMute.kind })
      .from(notificationMute)
      .where(eq(notificationMute.userId, userId))
      .all()
      .map((m) => m.kind),
  );
  return { kinds: notificationKinds.map((kind) => ({ kind, enabled: !muted.has(kind) })) };
}

export function setNotificationPrefs(db: Db, acting: Acting, enabled: readonly NotificationKind[]) {
  const userId = acting.userId;
  const on = new Set(enabled);
  writeTx(db, (tx) => {
    const before = notificationPrefs(tx, userId);
    tx.delete(notificationMute).where(eq(notificationMute.userId, userId)).run();
    const off = notificationKinds.filter((k) => !on.has(k));
    if (off.length > 0) {
      const createdAt = nowIso();
      tx.insert(notificationMute)
        .values(off.map((kind) => ({ userId, kind, createdAt })))
        .run();
    }
    audit(tx, acting, {
      entityType: "notification_prefs",
      entityId: userId,
      action: "update",
      before: { enabled: before.kinds.filter((k) => k.enabled).map((k) => k.kind) },
      after: { enabled: [...on] },
    });
  });
  return notificationPrefs(db, userId);
}

import { and, eq, inArray, milestone, project, type Queryable, task, user } from "@rollout/db";
import { partyLabels, raciValues } from "@rollout/domain";
import type { Acting, AuditEntry } from "../../audit.ts";
import { type NotificationDraft, notify } from "./notifications.ts";

const RACI_FIELDS = ["raciIpm", "raciPm", "raciCustomer", "raciVendor"] as const;
const PARTY: Record<(typeof RACI_FIELDS)[number], keyof typeof partyLabels> = {
  raciIpm: "ipm",
  raciPm: "pm",
  raciCustomer: "customer",
  raciVendor: "vendor",
};

type Fields = Record<string, unknown>;
const fieldsOf = (v: unknown): Fields => (v && typeof v === "object" ? (v as Fields) : {});
const letter = (v: unknown) =>
  typeof v === "string" && (raciValues as readonly string[]).includes(v)
    ? v === "AR"
      ? "A/R"
      : v
    : "—";

/**
 * The notifications a batch of audited changes causes: a task assigned to someone, the
 * responsibilities on someone's task changed, a sign-off asked of someone. Read from the audit
 * rows, so every path that changes these (one task, a bulk edit, an import) notifies alike.
 */
export function notifyForChanges(tx: Queryable, actor: Acting, entries: readonly AuditEntry[]) {
  const taskEntries = entries.filter(
    (e) =>
      e.entityType === "task" &&
      ["create", "update", "bulk_update", "suggest_responsibilities"].includes(e.action),
  );
  const signerEntries = entries.filter(
    (e) =>
      (e.entityType === "gate_signer" || e.entityType === "pir_signer") && e.action === "create",
  );
  if (taskEntries.length === 0 && signerEntries.length === 0) return;
  const drafts: NotificationDraft[] = [];
  const actorName =
    tx.select({ name: user.name }).from(user).where(eq(user.id, actor.userId)).get()?.name ??
    "Someone";

  if (taskEntries.length > 0) {
    const relevant = taskEntries.filter((e) => {
      const after = fieldsOf(e.after);
      return "assigneeId" in after || RACI_FIELDS.some((f) => f in after);
    });
    const ids = [...new Set(relevant.map((e) => e.entityId))];
    const tasks = new Map<string, { title: string; assigneeId: string | null; key: string }>();
    for (let i = 0; i < ids.length; i += 500) {
      for (const t of tx
        .select({ id: task.id, title: task.title, assigneeId: task.assigneeId, key: project.key })
        .from(task)
        .innerJoin(project, eq(project.id, task.projectId))
        .where(inArray(task.id, ids.slice(i, i + 500)))
        .all()) {
        tasks.set(t.id, t);
      }
    }
    for (const e of relevant) {
      const t = tasks.get(e.entityId);
      if (!t) continue;
      const before = fieldsOf(e.before);
      const after = fieldsOf(e.after);
      const base = {
        orgId: actor.orgId,
        projectId: e.projectId ?? null,
        targetType: "task",
        targetId: e.entityId,
        actorId: actor.userId,
      };
      if (typeof after.assigneeId === "string" && after.assigneeId !== before.assigneeId) {
        drafts.push({
          ...base,
          userId: after.assigneeId,
          kind: "assignment",
          message: `${actorName} assigned you “${t.title}” (${t.key})`,
        });
        continue; // a new assignee hears of the task once, responsibilities included
      }
      const moved = RACI_FIELDS.filter((f) => f in after && after[f] !== before[f]);
      if (moved.length > 0 && t.assigneeId && e.action !== "create") {
        const what = moved
          .map((f) => `${partyLabels[PARTY[f]]} ${letter(before[f])} → ${letter(after[f])}`)
          .join(", ");
        drafts.push({
          ...base,
          userId: t.assigneeId,
          kind: "responsibility",
          message: `${actorName} changed the responsibilities on “${t.title}” (${t.key}): ${what}`,
        });
      }
    }
  }

  for (const e of signerEntries) {
    const after = fieldsOf(e.after);
    const userId = typeof after.userId === "string" ? after.userId : null;
    if (!userId) continue;
    let what = "the post-implementation review";
    let targetType = "pir";
    if (e.entityType === "gate_signer") {
      const m = tx
        .select({ name: milestone.name })
        .from(milestone)
        .where(and(eq(milestone.id, e.entityId)))
        .get();
      what = `gate “${m?.name ?? "a gate"}”`;
      targetType = "milestone";
    }
    drafts.push({
      orgId: actor.orgId,
      projectId: e.projectId ?? null,
      userId,
      kind: "signoff_request",
      message: `${actorName} asks you to sign off ${what}`,
      targetType,
      targetId: e.entityId,
      actorId: actor.userId,
    });
  }
  notify(tx, drafts);
}

import { and, type Db, eq, nowIso, playbookEntry, type Queryable, writeTx } from "@rollout/db";
import {
  defaultPlaybook,
  mergePlaybook,
  type Playbook,
  type Responsibilities,
  type TaskCategory,
  taskCategories,
} from "@rollout/domain";
import { TRPCError } from "@trpc/server";
import { type Acting, audit } from "../../audit.ts";
import { raciColumns, responsibilitiesOf } from "./model.ts";

type EntryRow = typeof playbookEntry.$inferSelect;

function ownEntries(tx: Queryable, orgId: string): EntryRow[] {
  return tx.select().from(playbookEntry).where(eq(playbookEntry.organizationId, orgId)).all();
}

/** The organisation's playbook: its own entries over the default. */
export function orgPlaybook(tx: Queryable, orgId: string): Playbook {
  const own: Partial<Playbook> = {};
  for (const row of ownEntries(tx, orgId)) own[row.category] = responsibilitiesOf(row);
  return mergePlaybook(own);
}

export function getPlaybook(db: Db, orgId: string) {
  const rows = new Map(ownEntries(db, orgId).map((r) => [r.category, r]));
  return taskCategories.map((category) => {
    const row = rows.get(category);
    return {
      category,
      responsibilities: row ? responsibilitiesOf(row) : defaultPlaybook[category],
      customised: row !== undefined,
      version: row?.version ?? 0,
    };
  });
}

const stale = () =>
  new TRPCError({
    code: "CONFLICT",
    message: "This playbook entry was changed by someone else — reload to see their change",
  });

export function updatePlaybookEntry(
  db: Db,
  acting: Acting,
  input: { category: TaskCategory; version: number; responsibilities: Responsibilities },
) {
  writeTx(db, (tx) => {
    const where = and(
      eq(playbookEntry.organizationId, acting.orgId),
      eq(playbookEntry.category, input.category),
    );
    const current = tx.select().from(playbookEntry).where(where).get();
    const now = nowIso();
    const columns = raciColumns(input.responsibilities);
    if (input.version === 0) {
      if (current) throw stale();
      tx.insert(playbookEntry)
        .values({
          organizationId: acting.orgId,
          category: input.category,
          ...columns,
          createdAt: now,
          updatedAt: now,
        })
        .run();
    } else {
      const result = tx
        .update(playbookEntry)
        .set({ ...columns, version: input.version + 1, updatedAt: now })
        .where(and(where, eq(playbookEntry.version, input.version)))
        .run();
      if (result.changes === 0) throw stale();
    }
    audit(tx, acting, {
      entityType: "playbook_entry",
      entityId: input.category,
      action: "update",
      before: current ? responsibilitiesOf(current) : defaultPlaybook[input.category],
      after: input.responsibilities,
    });
  });
}

export function resetPlaybookEntry(db: Db, acting: Acting, category: TaskCategory) {
  writeTx(db, (tx) => {
    const deleted = tx
      .delete(playbookEntry)
      .where(
        and(eq(playbookEntry.organizationId, acting.orgId), eq(playbookEntry.category, category)),
      )
      .returning()
      .all();
    const before = deleted[0];
    // Recorded even when the default was already in force: someone asked for it.
    audit(tx, acting, {
      entityType: "playbook_entry",
      entityId: category,
      action: "reset",
      before: before ? responsibilitiesOf(before) : defaultPlaybook[category],
      after: defaultPlaybook[category],
    });
  });
}

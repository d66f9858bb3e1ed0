import {
  and,
  type Db,
  eq,
  isNull,
  projectMember,
  type Queryable,
  stakeholder,
  user,
  writeTx,
} from "@rollout/db";
import { type OwnerMatch, type OwnerResolver, readRaidCsv } from "@rollout/domain";
import type { Acting } from "../../audit.ts";
import { insertRaidItems } from "./write.ts";

/** Resolves an "Owner" cell by email or name among project members and stakeholders. */
function ownerResolver(tx: Queryable, projectId: string): OwnerResolver {
  const people = tx
    .select({ id: user.id, name: user.name, email: user.email })
    .from(projectMember)
    .innerJoin(user, eq(user.id, projectMember.userId))
    .where(eq(projectMember.projectId, projectId))
    .all();
  const stakeholders = tx
    .select({ id: stakeholder.id, name: stakeholder.name, email: stakeholder.email })
    .from(stakeholder)
    .where(and(eq(stakeholder.projectId, projectId), isNull(stakeholder.deletedAt)))
    .all();
  const index = new Map<string, OwnerMatch[]>();
  const add = (key: string | null, match: OwnerMatch) => {
    if (!key) return;
    const k = key.trim().toLowerCase();
    const list = index.get(k) ?? [];
    if (
      !list.some(
        (m) =>
          m.ownerUserId === match.ownerUserId && m.ownerStakeholderId === match.ownerStakeholderId,
      )
    ) {
      list.push(match);
    }
    index.set(k, list);
  };
  for (const p of people) {
    const match = { ownerUserId: p.id, ownerStakeholderId: null };
    add(p.name, match);
    add(p.email, match);
  }
  for (const s of stakeholders) {
    // A stakeholder who signs in is also a member: prefer the member, not an ambiguity.
    const match = { ownerUserId: null, ownerStakeholderId: s.id };
    if (s.email && index.get(s.email.toLowerCase())?.some((m) => m.ownerUserId)) continue;
    add(s.name, match);
    add(s.email, match);
  }
  return (text) => {
    const found = index.get(text.trim().toLowerCase());
    if (!found || found.length === 0) return "unknown";
    if (found.length > 1) return "ambiguous";
    return found[0] ?? "unknown";
  };
}

/**
 * Imports RAID items from CSV, all or nothing: every row is checked first; a single bad row
 * means nothing is written and every problem is reported with its line and column.
 */
export function importRaid(
  db: Db,
  acting: Acting,
  projectId: string,
  input: { csv: string; dryRun: boolean },
) {
  return writeTx(db, (tx) => {
    const read = readRaidCsv(input.csv, ownerResolver(tx, projectId));
    if (read.errors.length > 0 || input.dryRun) {
      return { rows: read.total, created: 0, errors: read.errors.slice(0, 500) };
    }
    insertRaidItems(
      tx,
      acting,
      projectId,
      read.rows.map((r) => {
        const { taskIds: _t, milestoneIds: _m, ...fields } = r.input;
        return fields;
      }),
    );
    return { rows: read.total, created: read.rows.length, errors: [] };
  });
}

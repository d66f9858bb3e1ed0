import {
  and,
  asc,
  type Db,
  eq,
  isNull,
  member,
  ne,
  newId,
  nowIso,
  projectMember,
  type Queryable,
  raidItem,
  sql,
  stakeholder,
  type Tx,
  user,
  writeTx,
} from "@rollout/db";
import {
  type EngagementLevel,
  engagementGap,
  quadrantOf,
  type Stakeholder,
  type StakeholderSide,
} from "@rollout/domain";
import { type Acting, audit, changedFields } from "../../audit.ts";
import { badRequest, duplicate, notFound, staleVersion } from "../../errors.ts";
import { prepared } from "../prepared.ts";

type StakeholderRow = typeof stakeholder.$inferSelect;

export interface StakeholderFields {
  name: string;
  title: string;
  side: StakeholderSide;
  email: string | null;
  power: number;
  interest: number;
  engagementCurrent: EngagementLevel;
  engagementDesired: EngagementLevel;
  notes: string;
  userId: string | null;
}

/** Open RAID items each stakeholder owns, as a correlated count (one query for the register). */
const openOwned = sql<number>`(
  select count(*) from ${raidItem}
  where ${raidItem.ownerStakeholderId} = ${stakeholder.id}
    and ${raidItem.deletedAt} is null
    and ${raidItem.status} in ('open', 'mitigating', 'in_progress', 'at_risk', 'proposed')
)`;

export function listStakeholders(tx: Queryable, projectId: string): Stakeholder[] {
  const query = prepared(tx, "stakeholder.list", () =>
    tx
      .select({
        row: stakeholder,
        userName: user.name,
        userEmail: user.email,
        openRaidItems: openOwned,
      })
      .from(stakeholder)
      .leftJoin(user, eq(user.id, stakeholder.userId))
      .where(
        and(eq(stakeholder.projectId, sql.placeholder("projectId")), isNull(stakeholder.deletedAt)),
      )
      .orderBy(asc(stakeholder.name), asc(stakeholder.id))
      .prepare(),
  );
  return query.all({ projectId }).map(({ row, userName, userEmail, openRaidItems }) => ({
    id: row.id,
    name: row.name,
    title: row.title,
    side: row.side,
    email: row.email,
    power: row.power,
    interest: row.interest,
    quadrant: quadrantOf(row.power, row.interest),
    engagementCurrent: row.engagementCurrent,
    engagementDesired: row.engagementDesired,
    engagementGap: engagementGap(row.engagementCurrent, row.engagementDesired),
    notes: row.notes,
    user:
      row.userId && userName !== null && userEmail !== null
        ? { id: row.userId, name: userName, email: userEmail }
        : null,
    openRaidItems,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  }));
}

export function loadStakeholder(tx: Queryable, projectId: string, id: string): StakeholderRow {
  const row = tx
    .select()
    .from(stakeholder)
    .where(
      and(
        eq(stakeholder.id, id),
        eq(stakeholder.projectId, projectId),
        isNull(stakeholder.deletedAt),
      ),
    )
    .get();
  if (!row) throw notFound("Stakeholder");
  return row;
}

/**
 * Linking a person lets them sign in as this stakeholder: they must belong to the organisation,
 * may be linked once per project, and are added to the project as a stakeholder if not on it.
 */
function linkUser(
  tx: Tx,
  acting: Acting,
  projectId: string,
  userId: string,
  exceptStakeholderId: string | null,
) {
  const inOrg = tx
    .select({ id: member.id })
    .from(member)
    .where(and(eq(member.organizationId, acting.orgId), eq(member.userId, userId)))
    .get();
  if (!inOrg) {
    throw badRequest("That person is not a member of this organisation; invite them first", {
      userId: "Not a member of this organisation",
    });
  }
  const taken = tx
    .select({ name: stakeholder.name })
    .from(stakeholder)
    .where(
      and(
        eq(stakeholder.projectId, projectId),
        eq(stakeholder.userId, userId),
        isNull(stakeholder.deletedAt),
        exceptStakeholderId ? ne(stakeholder.id, exceptStakeholderId) : undefined,
      ),
    )
    .get();
  if (taken) throw duplicate(`That person already signs in as ${taken.name}`, "userId");
  const onProject = tx
    .select({ id: projectMember.id })
    .from(projectMember)
    .where(and(eq(projectMember.projectId, projectId), eq(projectMember.userId, userId)))
    .get();
  if (!onProject) {
    const now = nowIso();
    const row = {
      id: newId(),
      projectId,
      userId,
      role: "stakeholder" as const,
      createdAt: now,
      updatedAt: now,
    };
    tx.insert(projectMember).values(row).run();
    audit(tx, acting, {
      entityType: "project_member",
      entityId: row.id,
      projectId,
      action: "create",
      after: { userId, role: "stakeholder", via: "stakeholder register" },
    });
  }
}

export function createStakeholder(
  db: Db,
  acting: Acting,
  projectId: string,
  input: StakeholderFields,
) {
  return writeTx(db, (tx) => {
    if (input.userId) linkUser(tx, acting, projectId, input.userId, null);
    const now = nowIso();
    const row = { id: newId(), projectId, ...input, createdAt: now, updatedAt: now };
    tx.insert(stakeholder).values(row).run();
    audit(tx, acting, {
      entityType: "stakeholder",
      entityId: row.id,
      projectId,
      action: "create",
      after: input,
    });
    return { id: row.id };
  });
}

function writeStakeholder(
  tx: Tx,
  current: StakeholderRow,
  expected: number,
  set: Partial<StakeholderRow>,
): StakeholderRow {
  const updatedAt = nowIso();
  const result = tx
    .update(stakeholder)
    .set({ ...set, version: expected + 1, updatedAt })
    .where(
      and(
        eq(stakeholder.id, current.id),
        eq(stakeholder.version, expected),
        isNull(stakeholder.deletedAt),
      ),
    )
    .run();
  if (result.changes === 0) throw staleVersion("stakeholder");
  return { ...current, ...set, version: expected + 1, updatedAt };
}

export function updateStakeholder(
  db: Db,
  acting: Acting,
  projectId: string,
  input: { stakeholderId: string; version: number; changes: Partial<StakeholderFields> },
) {
  writeTx(db, (tx) => {
    const current = loadStakeholder(tx, projectId, input.stakeholderId);
    if (input.changes.userId && input.changes.userId !== current.userId) {
      linkUser(tx, acting, projectId, input.changes.userId, current.id);
    }
    const after = writeStakeholder(tx, current, input.version, input.changes);
    const diff = changedFields(
      current as Record<string, unknown>,
      after as Record<string, unknown>,
    );
    audit(tx, acting, {
      entityType: "stakeholder",
      entityId: current.id,
      projectId,
      action: "update",
      before: diff?.before ?? {},
      after: diff?.after ?? {},
    });
  });
}

export function deleteStakeholder(
  db: Db,
  acting: Acting,
  projectId: string,
  input: { stakeholderId: string; version: number },
) {
  writeTx(db, (tx) => {
    const current = loadStakeholder(tx, projectId, input.stakeholderId);
    writeStakeholder(tx, current, input.version, { deletedAt: nowIso() });
    audit(tx, acting, {
      entityType: "stakeholder",
      entityId: current.id,
      projectId,
      action: "delete",
      before: { name: current.name },
    });
  });
}

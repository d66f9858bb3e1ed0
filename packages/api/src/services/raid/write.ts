import {
  and,
  type Db,
  eq,
  inArray,
  isNull,
  milestone,
  newId,
  nowIso,
  projectMember,
  type Queryable,
  raidItem,
  raidMilestoneLink,
  raidScore,
  raidTaskLink,
  sql,
  stakeholder,
  type Tx,
  task,
  writeTx,
} from "@rollout/db";
import {
  initialRaidStatus,
  type RaidChanges,
  type RaidCreateInput,
  type RaidKind,
  raidFieldProblems,
  raidRef,
  riskBand,
  riskScore,
  severityForBand,
} from "@rollout/domain";
import { type Acting, type AuditEntry, audit, auditMany, changedFields } from "../../audit.ts";
import { badRequest, notFound, staleVersion } from "../../errors.ts";
import { loadRaidRow, type RaidRow, riskThresholdsOf } from "./read.ts";

const CHUNK = 100;

function fieldProblems(problems: Record<string, string>) {
  const entries = Object.entries(problems);
  if (entries.length > 0) throw badRequest(entries.map(([, m]) => m).join("; "), problems);
}

/** Owners must be people on the project or stakeholders in its register. */
function checkOwner(
  tx: Queryable,
  projectId: string,
  owner: { ownerUserId: string | null; ownerStakeholderId: string | null },
) {
  if (owner.ownerUserId) {
    const found = tx
      .select({ id: projectMember.id })
      .from(projectMember)
      .where(
        and(eq(projectMember.projectId, projectId), eq(projectMember.userId, owner.ownerUserId)),
      )
      .get();
    if (!found) {
      throw badRequest("The owner must be a member of this project", {
        owner: "Not a member of this project",
      });
    }
  }
  if (owner.ownerStakeholderId) {
    const found = tx
      .select({ id: stakeholder.id })
      .from(stakeholder)
      .where(
        and(
          eq(stakeholder.id, owner.ownerStakeholderId),
          eq(stakeholder.projectId, projectId),
          isNull(stakeholder.deletedAt),
        ),
      )
      .get();
    if (!found) {
      throw badRequest("The owner must be a stakeholder of this project", {
        owner: "Not a stakeholder of this project",
      });
    }
  }
}

/** Every id must be a live task / milestone of the project; otherwise NOT_FOUND. */
function checkLinks(
  tx: Queryable,
  projectId: string,
  taskIds: readonly string[],
  milestoneIds: readonly string[],
) {
  const tasks = [...new Set(taskIds)];
  const milestones = [...new Set(milestoneIds)];
  if (tasks.length > 0) {
    const n = tx
      .select({ n: sql<number>`count(*)` })
      .from(task)
      .where(and(inArray(task.id, tasks), eq(task.projectId, projectId), isNull(task.deletedAt)))
      .get()?.n;
    if (n !== tasks.length) throw notFound("One of the linked tasks");
  }
  if (milestones.length > 0) {
    const n = tx
      .select({ n: sql<number>`count(*)` })
      .from(milestone)
      .where(
        and(
          inArray(milestone.id, milestones),
          eq(milestone.projectId, projectId),
          isNull(milestone.deletedAt),
        ),
      )
      .get()?.n;
    if (n !== milestones.length) throw notFound("One of the linked milestones");
  }
  return { tasks, milestones };
}

function writeLinks(tx: Tx, itemId: string, taskIds: string[], milestoneIds: string[]) {
  tx.delete(raidTaskLink).where(eq(raidTaskLink.raidItemId, itemId)).run();
  tx.delete(raidMilestoneLink).where(eq(raidMilestoneLink.raidItemId, itemId)).run();
  if (taskIds.length > 0) {
    tx.insert(raidTaskLink)
      .values(taskIds.map((taskId) => ({ raidItemId: itemId, taskId })))
      .run();
  }
  if (milestoneIds.length > 0) {
    tx.insert(raidMilestoneLink)
      .values(milestoneIds.map((milestoneId) => ({ raidItemId: itemId, milestoneId })))
      .run();
  }
}

function nextNumbers(tx: Queryable, projectId: string): Map<RaidKind, number> {
  const rows = tx
    .select({ kind: raidItem.kind, max: sql<number>`max(${raidItem.number})` })
    .from(raidItem)
    .where(eq(raidItem.projectId, projectId))
    .groupBy(raidItem.kind)
    .all();
  return new Map(rows.map((r) => [r.kind, r.max]));
}

type NewItem = Omit<RaidCreateInput, "taskIds" | "milestoneIds"> & {
  convertedFromId?: string | null;
};

/**
 * Inserts items (a form, an import, or the issue a risk becomes) in one transaction: numbers
 * allocated per kind, first score kept for risks, one audit row each. Rules checked by callers.
 */
function insertItems(
  tx: Tx,
  acting: Acting,
  projectId: string,
  items: readonly NewItem[],
): { id: string; ref: string }[] {
  const numbers = nextNumbers(tx, projectId);
  const now = nowIso();
  const rows = items.map((input) => {
    const number = (numbers.get(input.kind) ?? 0) + 1;
    numbers.set(input.kind, number);
    return {
      ...input,
      id: newId(),
      projectId,
      number,
      status: input.status ?? initialRaidStatus(input.kind),
      convertedFromId: input.convertedFromId ?? null,
      createdAt: now,
      updatedAt: now,
    };
  });
  for (let i = 0; i < rows.length; i += CHUNK) {
    tx.insert(raidItem)
      .values(rows.slice(i, i + CHUNK))
      .run();
  }
  const scores = rows
    .filter((r) => r.kind === "risk")
    .map((r) => ({
      id: newId(),
      raidItemId: r.id,
      at: now,
      byUserId: acting.userId,
      probability: r.probability,
      impact: r.impact,
      residualProbability: r.residualProbability,
      residualImpact: r.residualImpact,
    }));
  for (let i = 0; i < scores.length; i += CHUNK) {
    tx.insert(raidScore)
      .values(scores.slice(i, i + CHUNK))
      .run();
  }
  auditMany(
    tx,
    acting,
    rows.map(
      ({ projectId: _p, createdAt: _c, updatedAt: _u, id, ...after }): AuditEntry => ({
        entityType: "raid_item",
        entityId: id,
        projectId,
        action: "create",
        after: { ref: raidRef(after.kind, after.number), ...after },
      }),
    ),
  );
  return rows.map((r) => ({ id: r.id, ref: raidRef(r.kind, r.number) }));
}

export function createRaidItem(db: Db, acting: Acting, projectId: string, input: RaidCreateInput) {
  return writeTx(db, (tx) => {
    const { taskIds, milestoneIds, ...fields } = input;
    const status = fields.status ?? initialRaidStatus(fields.kind);
    if (status === "occurred") {
      throw badRequest("A new risk cannot start as occurred: raise an issue instead", {
        status: "Choose another status",
      });
    }
    fieldProblems(raidFieldProblems({ ...fields, status }));
    checkOwner(tx, projectId, fields);
    const links = checkLinks(tx, projectId, taskIds, milestoneIds);
    const [created] = insertItems(tx, acting, projectId, [{ ...fields, status }]);
    if (!created) throw new Error("insert returned nothing");
    writeLinks(tx, created.id, links.tasks, links.milestones);
    return created;
  });
}

function writeItem(tx: Tx, current: RaidRow, expected: number, set: Partial<RaidRow>): RaidRow {
  const updatedAt = nowIso();
  const result = tx
    .update(raidItem)
    .set({ ...set, version: expected + 1, updatedAt })
    .where(
      and(eq(raidItem.id, current.id), eq(raidItem.version, expected), isNull(raidItem.deletedAt)),
    )
    .run();
  if (result.changes === 0) throw staleVersion(current.kind);
  return { ...current, ...set, version: expected + 1, updatedAt };
}

const ratingFields = ["probability", "impact", "residualProbability", "residualImpact"] as const;

function keepScore(tx: Tx, acting: Acting, row: RaidRow) {
  tx.insert(raidScore)
    .values({
      id: newId(),
      raidItemId: row.id,
      at: nowIso(),
      byUserId: acting.userId,
      probability: row.probability,
      impact: row.impact,
      residualProbability: row.residualProbability,
      residualImpact: row.residualImpact,
    })
    .run();
}

export function updateRaidItem(
  db: Db,
  acting: Acting,
  projectId: string,
  input: { itemId: string; version: number; changes: RaidChanges },
) {
  writeTx(db, (tx) => {
    const current = loadRaidRow(tx, projectId, input.itemId);
    const changes = { ...input.changes };
    // Naming one kind of owner replaces the other.
    if (changes.ownerUserId && changes.ownerStakeholderId === undefined) {
      changes.ownerStakeholderId = null;
    }
    if (changes.ownerStakeholderId && changes.ownerUserId === undefined) changes.ownerUserId = null;
    if (changes.status === "occurred" && current.status !== "occurred") {
      throw badRequest('Use "Risk occurred" to turn this risk into an issue', {
        status: "Use “Risk occurred”",
      });
    }
    const merged = { ...current, ...changes };
    fieldProblems(raidFieldProblems(merged));
    if (changes.ownerUserId !== undefined || changes.ownerStakeholderId !== undefined) {
      checkOwner(tx, projectId, {
        ownerUserId: changes.ownerUserId ?? null,
        ownerStakeholderId: changes.ownerStakeholderId ?? null,
      });
    }
    const after = writeItem(tx, current, input.version, changes);
    const diff = changedFields(
      current as Record<string, unknown>,
      after as Record<string, unknown>,
    );
    if (current.kind === "risk" && ratingFields.some((f) => current[f] !== after[f])) {
      keepScore(tx, acting, after);
    }
    audit(tx, acting, {
      entityType: "raid_item",
      entityId: current.id,
      projectId,
      action: "update",
      before: diff?.before ?? {},
      after: diff?.after ?? {},
    });
  });
}

export function setRaidLinks(
  db: Db,
  acting: Acting,
  projectId: string,
  input: { itemId: string; version: number; taskIds: string[]; milestoneIds: string[] },
) {
  writeTx(db, (tx) => {
    const current = loadRaidRow(tx, projectId, input.itemId);
    const links = checkLinks(tx, projectId, input.taskIds, input.milestoneIds);
    const before = {
      taskIds: tx
        .select({ id: raidTaskLink.taskId })
        .from(raidTaskLink)
        .where(eq(raidTaskLink.raidItemId, current.id))
        .all()
        .map((r) => r.id),
      milestoneIds: tx
        .select({ id: raidMilestoneLink.milestoneId })
        .from(raidMilestoneLink)
        .where(eq(raidMilestoneLink.raidItemId, current.id))
        .all()
        .map((r) => r.id),
    };
    writeItem(tx, current, input.version, {});
    writeLinks(tx, current.id, links.tasks, links.milestones);
    audit(tx, acting, {
      entityType: "raid_item",
      entityId: current.id,
      projectId,
      action: "links",
      before,
      after: { taskIds: links.tasks, milestoneIds: links.milestones },
    });
  });
}

export function deleteRaidItem(
  db: Db,
  acting: Acting,
  projectId: string,
  input: { itemId: string; version: number },
) {
  writeTx(db, (tx) => {
    const current = loadRaidRow(tx, projectId, input.itemId);
    writeItem(tx, current, input.version, { deletedAt: nowIso() });
    audit(tx, acting, {
      entityType: "raid_item",
      entityId: current.id,
      projectId,
      action: "delete",
      before: { ref: raidRef(current.kind, current.number), title: current.title },
    });
  });
}

/**
 * "Risk occurred": the risk is marked occurred and a new issue is raised from it, carrying its
 * owner, description, visibility and links; each names the other, so the trail runs both ways.
 */
export function occurRisk(
  db: Db,
  acting: Acting,
  orgId: string,
  projectId: string,
  input: {
    itemId: string;
    version: number;
    title?: string | undefined;
    severity?: RaidCreateInput["severity"] | undefined;
    dueDate: string | null;
    note: string;
  },
) {
  return writeTx(db, (tx) => {
    const risk = loadRaidRow(tx, projectId, input.itemId);
    if (risk.kind !== "risk") {
      throw badRequest("Only a risk can occur", { kind: "Not a risk" });
    }
    if (risk.convertedToId) {
      throw badRequest("This risk has already occurred and became an issue", {
        status: "Already occurred",
      });
    }
    if (risk.status === "closed" || risk.status === "occurred") {
      throw badRequest("Reopen the risk before recording that it occurred", {
        status: "The risk is closed",
      });
    }
    const band =
      risk.probability !== null && risk.impact !== null
        ? riskBand(riskScore(risk.probability, risk.impact), riskThresholdsOf(tx, orgId))
        : "medium";
    const description = [risk.description, input.note ? `What happened: ${input.note}` : ""]
      .filter(Boolean)
      .join("\n\n");
    const [issue] = insertItems(tx, acting, projectId, [
      {
        kind: "issue",
        title: input.title ?? risk.title,
        description,
        status: "open",
        ownerUserId: risk.ownerUserId,
        ownerStakeholderId: risk.ownerStakeholderId,
        dueDate: input.dueDate,
        probability: null,
        impact: null,
        residualProbability: null,
        residualImpact: null,
        polarity: "threat",
        response: null,
        mitigation: "",
        contingency: risk.contingency,
        trigger: "",
        severity: input.severity ?? severityForBand(band),
        internalOnly: risk.internalOnly,
        convertedFromId: risk.id,
      },
    ]);
    if (!issue) throw new Error("insert returned nothing");
    const taskIds = tx
      .select({ id: raidTaskLink.taskId })
      .from(raidTaskLink)
      .where(eq(raidTaskLink.raidItemId, risk.id))
      .all()
      .map((r) => r.id);
    const milestoneIds = tx
      .select({ id: raidMilestoneLink.milestoneId })
      .from(raidMilestoneLink)
      .where(eq(raidMilestoneLink.raidItemId, risk.id))
      .all()
      .map((r) => r.id);
    writeLinks(tx, issue.id, taskIds, milestoneIds);
    writeItem(tx, risk, input.version, { status: "occurred", convertedToId: issue.id });
    audit(tx, acting, {
      entityType: "raid_item",
      entityId: risk.id,
      projectId,
      action: "occurred",
      before: { status: risk.status },
      after: { status: "occurred", issueId: issue.id, issueRef: issue.ref },
    });
    return issue;
  });
}

export { insertItems as insertRaidItems, writeLinks as writeRaidLinks };

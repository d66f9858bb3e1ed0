import {
  and,
  count,
  type Db,
  eq,
  gateCriterion,
  gateSigner,
  isNull,
  milestone,
  newId,
  nowIso,
  projectMember,
  type Queryable,
  sql,
  task,
  writeTx,
} from "@rollout/db";
import { type MilestoneStatus, type ProjectAccessRole, projectAllows } from "@rollout/domain";
import { TRPCError } from "@trpc/server";
import { type Acting, audit, changedFields } from "../../audit.ts";
import { badRequest, forbidden, notFound, staleVersion } from "../../errors.ts";
import type { MilestoneRow } from "./compute.ts";

export function loadMilestone(tx: Queryable, projectId: string, milestoneId: string): MilestoneRow {
  const row = tx
    .select()
    .from(milestone)
    .where(
      and(
        eq(milestone.id, milestoneId),
        eq(milestone.projectId, projectId),
        isNull(milestone.deletedAt),
      ),
    )
    .get();
  if (!row) throw notFound("Milestone");
  return row;
}

function writeMilestone(
  tx: Queryable,
  current: MilestoneRow,
  expected: number,
  set: Partial<MilestoneRow>,
) {
  const updatedAt = nowIso();
  const result = tx
    .update(milestone)
    .set({ ...set, version: expected + 1, updatedAt })
    .where(
      and(
        eq(milestone.id, current.id),
        eq(milestone.version, expected),
        isNull(milestone.deletedAt),
      ),
    )
    .run();
  if (result.changes === 0) throw staleVersion("milestone");
  return { ...current, ...set, version: expected + 1, updatedAt } as MilestoneRow;
}

export function createMilestone(
  db: Db,
  acting: Acting,
  projectId: string,
  input: {
    name: string;
    description: string;
    baselineDate: string | null;
    isGate: boolean;
    isGoLive: boolean;
  },
) {
  return writeTx(db, (tx) => {
    const now = nowIso();
    const row = {
      id: newId(),
      projectId,
      ...input,
      // Go-live is a gate by definition.
      isGate: input.isGate || input.isGoLive,
      createdAt: now,
      updatedAt: now,
    };
    tx.insert(milestone).values(row).run();
    audit(tx, acting, {
      entityType: "milestone",
      entityId: row.id,
      projectId,
      action: "create",
      after: input,
    });
    return row.id;
  });
}

function unmetRequired(tx: Queryable, milestoneId: string): number {
  return (
    tx
      .select({ n: count() })
      .from(gateCriterion)
      .where(
        and(
          eq(gateCriterion.milestoneId, milestoneId),
          eq(gateCriterion.required, true),
          eq(gateCriterion.met, false),
        ),
      )
      .get()?.n ?? 0
  );
}

export interface MilestoneChanges {
  name?: string;
  description?: string;
  baselineDate?: string | null;
  actualDate?: string | null;
  forecastOverride?: { date: string; reason: string } | null;
  statusOverride?: { status: MilestoneStatus; reason: string } | null;
  isGate?: boolean;
  isGoLive?: boolean;
}

/**
 * A gate is achieved (gets an actual date, or is set achieved by hand) only when every required
 * criterion is met — or when a PM overrides it with a reason, which is recorded.
 */
export function updateMilestone(
  db: Db,
  acting: Acting,
  projectId: string,
  role: ProjectAccessRole,
  input: {
    milestoneId: string;
    version: number;
    changes: MilestoneChanges;
    overrideUnmetCriteria: { reason: string } | null;
  },
) {
  return writeTx(db, (tx) => {
    const current = loadMilestone(tx, projectId, input.milestoneId);
    const { forecastOverride, statusOverride, ...plain } = input.changes;
    const set: Partial<MilestoneRow> = { ...plain };
    if (forecastOverride !== undefined) {
      set.forecastOverride = forecastOverride?.date ?? null;
      set.forecastReason = forecastOverride?.reason ?? null;
    }
    if (statusOverride !== undefined) {
      set.statusOverride = statusOverride?.status ?? null;
      set.statusReason = statusOverride?.reason ?? null;
    }
    if (set.isGoLive) set.isGate = true;
    const isGate = set.isGate ?? current.isGate;
    const becomesAchieved =
      (input.changes.actualDate && !current.actualDate) || statusOverride?.status === "achieved";
    let overridden: string | null = null;
    if (isGate && becomesAchieved) {
      const unmet = unmetRequired(tx, current.id);
      if (unmet > 0) {
        if (!input.overrideUnmetCriteria) {
          throw badRequest(
            `${unmet} required ${unmet === 1 ? "criterion is" : "criteria are"} not met; the gate cannot be achieved yet`,
            { actualDate: "Required criteria are not met" },
          );
        }
        if (!projectAllows("gate.decide", role)) {
          throw forbidden("Only a PM can achieve a gate over unmet criteria");
        }
        overridden = input.overrideUnmetCriteria.reason;
      }
    }
    const after = writeMilestone(tx, current, input.version, set);
    const diff = changedFields(
      current as Record<string, unknown>,
      after as Record<string, unknown>,
    );
    audit(tx, acting, {
      entityType: "milestone",
      entityId: current.id,
      projectId,
      action: overridden ? "achieve_over_unmet_criteria" : "update",
      before: diff?.before ?? {},
      after: { ...(diff?.after ?? {}), ...(overridden ? { overrideReason: overridden } : {}) },
    });
  });
}

export function deleteMilestone(
  db: Db,
  acting: Acting,
  projectId: string,
  input: { milestoneId: string; version: number },
) {
  writeTx(db, (tx) => {
    const current = loadMilestone(tx, projectId, input.milestoneId);
    writeMilestone(tx, current, input.version, { deletedAt: nowIso() });
    const unlinked = tx
      .update(task)
      .set({ milestoneId: null, version: sql`${task.version} + 1`, updatedAt: nowIso() })
      .where(and(eq(task.projectId, projectId), eq(task.milestoneId, current.id)))
      .returning({ id: task.id })
      .all();
    audit(tx, acting, {
      entityType: "milestone",
      entityId: current.id,
      projectId,
      action: "delete",
      before: { name: current.name },
      // The tasks it took away, so a restore from the trash links them again.
      after: { unlinkedTasks: unlinked.length, taskIds: unlinked.map((t) => t.id) },
    });
  });
}

// ------------------------------------------------------------------ gates

export function addCriterion(
  db: Db,
  acting: Acting,
  projectId: string,
  input: { milestoneId: string; item: string; ownerId: string | null; required: boolean },
) {
  writeTx(db, (tx) => {
    const m = loadMilestone(tx, projectId, input.milestoneId);
    if (!m.isGate) throw badRequest("Make this milestone a gate before adding criteria");
    const now = nowIso();
    const position =
      (tx
        .select({ n: count() })
        .from(gateCriterion)
        .where(eq(gateCriterion.milestoneId, m.id))
        .get()?.n ?? 0) + 1;
    const row = { id: newId(), ...input, sortOrder: position, createdAt: now, updatedAt: now };
    tx.insert(gateCriterion).values(row).run();
    audit(tx, acting, {
      entityType: "gate_criterion",
      entityId: row.id,
      projectId,
      action: "create",
      after: input,
    });
  });
}

function loadCriterion(tx: Queryable, projectId: string, criterionId: string) {
  const found = tx
    .select({ row: gateCriterion })
    .from(gateCriterion)
    .innerJoin(milestone, eq(milestone.id, gateCriterion.milestoneId))
    .where(
      and(
        eq(gateCriterion.id, criterionId),
        eq(milestone.projectId, projectId),
        isNull(milestone.deletedAt),
      ),
    )
    .get();
  if (!found) throw notFound("Criterion");
  return found.row;
}

export function updateCriterion(
  db: Db,
  acting: Acting,
  projectId: string,
  input: {
    criterionId: string;
    version: number;
    changes: Partial<{
      item: string;
      ownerId: string | null;
      evidence: string;
      required: boolean;
      met: boolean;
    }>;
  },
) {
  writeTx(db, (tx) => {
    const current = loadCriterion(tx, projectId, input.criterionId);
    const result = tx
      .update(gateCriterion)
      .set({ ...input.changes, version: input.version + 1, updatedAt: nowIso() })
      .where(and(eq(gateCriterion.id, current.id), eq(gateCriterion.version, input.version)))
      .run();
    if (result.changes === 0) throw staleVersion("criterion");
    const diff = changedFields(current as Record<string, unknown>, {
      ...current,
      ...input.changes,
    });
    audit(tx, acting, {
      entityType: "gate_criterion",
      entityId: current.id,
      projectId,
      action: "update",
      before: diff?.before ?? {},
      after: diff?.after ?? {},
    });
  });
}

export function removeCriterion(db: Db, acting: Acting, projectId: string, criterionId: string) {
  writeTx(db, (tx) => {
    const current = loadCriterion(tx, projectId, criterionId);
    tx.delete(gateCriterion).where(eq(gateCriterion.id, current.id)).run();
    audit(tx, acting, {
      entityType: "gate_criterion",
      entityId: current.id,
      projectId,
      action: "delete",
      before: current,
    });
  });
}

export function decideGate(
  db: Db,
  acting: Acting,
  projectId: string,
  input: { milestoneId: string; version: number; decision: "go" | "no_go"; reason: string },
) {
  writeTx(db, (tx) => {
    const current = loadMilestone(tx, projectId, input.milestoneId);
    if (!current.isGate) throw badRequest("Only a gate takes a go/no-go decision");
    writeMilestone(tx, current, input.version, {
      decision: input.decision,
      decisionReason: input.reason,
      decisionBy: acting.userId,
      decisionAt: nowIso(),
    });
    audit(tx, acting, {
      entityType: "milestone",
      entityId: current.id,
      projectId,
      action: "gate_decision",
      before: { decision: current.decision },
      after: { decision: input.decision, reason: input.reason },
    });
  });
}

export function addSigner(
  db: Db,
  acting: Acting,
  projectId: string,
  input: { milestoneId: string; userId: string },
) {
  writeTx(db, (tx) => {
    const m = loadMilestone(tx, projectId, input.milestoneId);
    if (!m.isGate) throw badRequest("Only a gate is signed off");
    const onProject = tx
      .select({ role: projectMember.role })
      .from(projectMember)
      .where(and(eq(projectMember.projectId, projectId), eq(projectMember.userId, input.userId)))
      .get();
    if (!onProject)
      throw badRequest("Name someone on this project", { userId: "Not on this project" });
    const exists = tx
      .select({ userId: gateSigner.userId })
      .from(gateSigner)
      .where(and(eq(gateSigner.milestoneId, m.id), eq(gateSigner.userId, input.userId)))
      .get();
    if (exists) throw new TRPCError({ code: "CONFLICT", message: "Already named on this gate" });
    tx.insert(gateSigner)
      .values({ milestoneId: m.id, userId: input.userId, createdAt: nowIso() })
      .run();
    audit(tx, acting, {
      entityType: "gate_signer",
      entityId: m.id,
      projectId,
      action: "create",
      after: input,
    });
  });
}

export function removeSigner(
  db: Db,
  acting: Acting,
  projectId: string,
  input: { milestoneId: string; userId: string },
) {
  writeTx(db, (tx) => {
    const m = loadMilestone(tx, projectId, input.milestoneId);
    const deleted = tx
      .delete(gateSigner)
      .where(and(eq(gateSigner.milestoneId, m.id), eq(gateSigner.userId, input.userId)))
      .returning()
      .all();
    if (deleted.length === 0) throw notFound("Signer");
    audit(tx, acting, {
      entityType: "gate_signer",
      entityId: m.id,
      projectId,
      action: "delete",
      before: input,
    });
  });
}

/** The signed-in person signs the gate off — only if they are named on it. */
export function signOff(
  db: Db,
  acting: Acting,
  projectId: string,
  input: { milestoneId: string; comment: string },
) {
  writeTx(db, (tx) => {
    const m = loadMilestone(tx, projectId, input.milestoneId);
    const result = tx
      .update(gateSigner)
      .set({ signedAt: nowIso(), comment: input.comment })
      .where(
        and(
          eq(gateSigner.milestoneId, m.id),
          eq(gateSigner.userId, acting.userId),
          isNull(gateSigner.signedAt),
        ),
      )
      .run();
    if (result.changes === 0) {
      const named = tx
        .select({ userId: gateSigner.userId })
        .from(gateSigner)
        .where(and(eq(gateSigner.milestoneId, m.id), eq(gateSigner.userId, acting.userId)))
        .get();
      if (!named) throw forbidden("You are not named to sign off this gate");
      throw new TRPCError({ code: "CONFLICT", message: "You have already signed off this gate" });
    }
    audit(tx, acting, {
      entityType: "gate_signer",
      entityId: m.id,
      projectId,
      action: "sign_off",
      after: { comment: input.comment },
    });
  });
}

import {
  alias,
  and,
  asc,
  eq,
  inArray,
  isNull,
  milestone,
  organization,
  type Queryable,
  raidItem,
  raidMilestoneLink,
  raidScore,
  raidTaskLink,
  sql,
  stakeholder,
  task,
  user,
} from "@rollout/db";
import {
  heatMapOf,
  isOpenRaidStatus,
  isRaidOverdue,
  type ProjectAccessRole,
  type RaidItem,
  type RaidItemDetail,
  type RiskThresholds,
  raidRef,
  riskBand,
  riskScore,
  todayUtc,
} from "@rollout/domain";
import { notFound } from "../../errors.ts";
import { seesInternal } from "../plan/model.ts";
import { prepared } from "../prepared.ts";

export type RaidRow = typeof raidItem.$inferSelect;

export function riskThresholdsOf(tx: Queryable, orgId: string): RiskThresholds {
  const row = tx
    .select({
      medium: organization.riskMedium,
      high: organization.riskHigh,
      critical: organization.riskCritical,
    })
    .from(organization)
    .where(eq(organization.id, orgId))
    .get();
  if (!row) throw notFound("Organisation");
  return row;
}

const fromItem = alias(raidItem, "from_item");
const toItem = alias(raidItem, "to_item");

/** The item columns plus the names and refs a reader needs, in one query. */
function selectItems(tx: Queryable) {
  return tx
    .select({
      row: raidItem,
      ownerUserName: user.name,
      ownerStakeholderName: stakeholder.name,
      fromKind: fromItem.kind,
      fromNumber: fromItem.number,
      toKind: toItem.kind,
      toNumber: toItem.number,
    })
    .from(raidItem)
    .leftJoin(user, eq(user.id, raidItem.ownerUserId))
    .leftJoin(
      stakeholder,
      and(eq(stakeholder.id, raidItem.ownerStakeholderId), isNull(stakeholder.deletedAt)),
    )
    .leftJoin(fromItem, and(eq(fromItem.id, raidItem.convertedFromId), isNull(fromItem.deletedAt)))
    .leftJoin(toItem, and(eq(toItem.id, raidItem.convertedToId), isNull(toItem.deletedAt)));
}
type Selected = Awaited<ReturnType<ReturnType<typeof selectItems>["all"]>>[number];

function toRaidItem(
  s: Selected,
  thresholds: RiskThresholds,
  today: string,
  links: { taskIds: string[]; milestoneIds: string[] },
): RaidItem {
  const r = s.row;
  const score =
    r.probability !== null && r.impact !== null ? riskScore(r.probability, r.impact) : null;
  const residualScore =
    r.residualProbability !== null && r.residualImpact !== null
      ? riskScore(r.residualProbability, r.residualImpact)
      : null;
  const owner = r.ownerUserId
    ? { type: "user" as const, id: r.ownerUserId, name: s.ownerUserName ?? "Unknown" }
    : r.ownerStakeholderId && s.ownerStakeholderName !== null
      ? { type: "stakeholder" as const, id: r.ownerStakeholderId, name: s.ownerStakeholderName }
      : null;
  return {
    id: r.id,
    ref: raidRef(r.kind, r.number),
    kind: r.kind,
    title: r.title,
    description: r.description,
    status: r.status,
    isOpen: isOpenRaidStatus(r.status),
    owner,
    dueDate: r.dueDate,
    overdue: isRaidOverdue(r, today),
    probability: r.probability,
    impact: r.impact,
    score,
    band: score === null ? null : riskBand(score, thresholds),
    residualProbability: r.residualProbability,
    residualImpact: r.residualImpact,
    residualScore,
    residualBand: residualScore === null ? null : riskBand(residualScore, thresholds),
    polarity: r.polarity,
    response: r.response,
    mitigation: r.mitigation,
    contingency: r.contingency,
    trigger: r.trigger,
    severity: r.severity,
    internalOnly: r.internalOnly,
    convertedFrom:
      r.convertedFromId && s.fromKind && s.fromNumber !== null
        ? { id: r.convertedFromId, ref: raidRef(s.fromKind, s.fromNumber) }
        : null,
    convertedTo:
      r.convertedToId && s.toKind && s.toNumber !== null
        ? { id: r.convertedToId, ref: raidRef(s.toKind, s.toNumber) }
        : null,
    taskIds: links.taskIds,
    milestoneIds: links.milestoneIds,
    version: r.version,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

/** Links to live tasks and milestones; stakeholders do not see links to internal-only tasks. */
function linksOf(tx: Queryable, projectId: string, role: ProjectAccessRole, itemId?: string) {
  const taskLinks = tx
    .select({ itemId: raidTaskLink.raidItemId, id: raidTaskLink.taskId })
    .from(raidTaskLink)
    .innerJoin(raidItem, eq(raidItem.id, raidTaskLink.raidItemId))
    .innerJoin(task, eq(task.id, raidTaskLink.taskId))
    .where(
      and(
        eq(raidItem.projectId, projectId),
        itemId ? eq(raidItem.id, itemId) : undefined,
        isNull(task.deletedAt),
        seesInternal(role) ? undefined : eq(task.internalOnly, false),
      ),
    )
    .all();
  const milestoneLinks = tx
    .select({ itemId: raidMilestoneLink.raidItemId, id: raidMilestoneLink.milestoneId })
    .from(raidMilestoneLink)
    .innerJoin(raidItem, eq(raidItem.id, raidMilestoneLink.raidItemId))
    .innerJoin(milestone, eq(milestone.id, raidMilestoneLink.milestoneId))
    .where(
      and(
        eq(raidItem.projectId, projectId),
        itemId ? eq(raidItem.id, itemId) : undefined,
        isNull(milestone.deletedAt),
      ),
    )
    .all();
  const byItem = new Map<string, { taskIds: string[]; milestoneIds: string[] }>();
  const entry = (id: string) => {
    let e = byItem.get(id);
    if (!e) {
      e = { taskIds: [], milestoneIds: [] };
      byItem.set(id, e);
    }
    return e;
  };
  for (const l of taskLinks) entry(l.itemId).taskIds.push(l.id);
  for (const l of milestoneLinks) entry(l.itemId).milestoneIds.push(l.id);
  return (id: string) => byItem.get(id) ?? { taskIds: [], milestoneIds: [] };
}

const visibleTo = (role: ProjectAccessRole) =>
  seesInternal(role) ? undefined : eq(raidItem.internalOnly, false);

/** The project's whole RAID log, in kind and reference order. Three queries at any size. */
export function listRaid(
  tx: Queryable,
  orgId: string,
  projectId: string,
  role: ProjectAccessRole,
  today = todayUtc(),
) {
  const thresholds = riskThresholdsOf(tx, orgId);
  const rows = selectItems(tx)
    .where(and(eq(raidItem.projectId, projectId), isNull(raidItem.deletedAt), visibleTo(role)))
    .orderBy(asc(raidItem.kind), asc(raidItem.number))
    .all();
  const links = linksOf(tx, projectId, role);
  return {
    items: rows.map((s) => toRaidItem(s, thresholds, today, links(s.row.id))),
    thresholds,
    today,
  };
}

/** One live item of the project the caller may see, or NOT_FOUND. */
export function loadRaidRow(
  tx: Queryable,
  projectId: string,
  itemId: string,
  role: ProjectAccessRole = "admin",
): RaidRow {
  const row = tx
    .select()
    .from(raidItem)
    .where(
      and(
        eq(raidItem.id, itemId),
        eq(raidItem.projectId, projectId),
        isNull(raidItem.deletedAt),
        visibleTo(role),
      ),
    )
    .get();
  if (!row) throw notFound("RAID item");
  return row;
}

export function getRaidItem(
  tx: Queryable,
  orgId: string,
  projectId: string,
  role: ProjectAccessRole,
  itemId: string,
  today = todayUtc(),
): RaidItemDetail {
  const selected = selectItems(tx)
    .where(
      and(
        eq(raidItem.id, itemId),
        eq(raidItem.projectId, projectId),
        isNull(raidItem.deletedAt),
        visibleTo(role),
      ),
    )
    .get();
  if (!selected) throw notFound("RAID item");
  const item = toRaidItem(
    selected,
    riskThresholdsOf(tx, orgId),
    today,
    linksOf(tx, projectId, role, itemId)(itemId),
  );
  const tasks =
    item.taskIds.length === 0
      ? []
      : tx
          .select({ id: task.id, title: task.title, status: task.status })
          .from(task)
          .where(inArray(task.id, item.taskIds))
          .orderBy(asc(task.sortOrder))
          .all();
  const milestones =
    item.milestoneIds.length === 0
      ? []
      : tx
          .select({ id: milestone.id, name: milestone.name })
          .from(milestone)
          .where(inArray(milestone.id, item.milestoneIds))
          .orderBy(asc(milestone.sortOrder))
          .all();
  const scoreHistory = tx
    .select({
      at: raidScore.at,
      byName: user.name,
      probability: raidScore.probability,
      impact: raidScore.impact,
      residualProbability: raidScore.residualProbability,
      residualImpact: raidScore.residualImpact,
    })
    .from(raidScore)
    .leftJoin(user, eq(user.id, raidScore.byUserId))
    .where(eq(raidScore.raidItemId, itemId))
    .orderBy(asc(raidScore.at), asc(raidScore.id))
    .all()
    .map((p) => ({
      ...p,
      score:
        p.probability !== null && p.impact !== null ? riskScore(p.probability, p.impact) : null,
      residualScore:
        p.residualProbability !== null && p.residualImpact !== null
          ? riskScore(p.residualProbability, p.residualImpact)
          : null,
    }));
  return { ...item, tasks, milestones, scoreHistory };
}

/** Counts of open risks per probability × impact cell, current and residual: one GROUP BY. */
export function raidHeatMap(
  tx: Queryable,
  orgId: string,
  projectId: string,
  role: ProjectAccessRole,
) {
  const outside = !seesInternal(role);
  const query = prepared(tx, `raid.heatMap:${outside}`, () =>
    tx
      .select({
        probability: raidItem.probability,
        impact: raidItem.impact,
        residualProbability: raidItem.residualProbability,
        residualImpact: raidItem.residualImpact,
        count: sql<number>`count(*)`,
      })
      .from(raidItem)
      .where(
        and(
          eq(raidItem.projectId, sql.placeholder("projectId")),
          isNull(raidItem.deletedAt),
          eq(raidItem.kind, "risk"),
          inArray(raidItem.status, ["open", "mitigating"]),
          outside ? eq(raidItem.internalOnly, false) : undefined,
        ),
      )
      .groupBy(
        raidItem.probability,
        raidItem.impact,
        raidItem.residualProbability,
        raidItem.residualImpact,
      )
      .prepare(),
  );
  const cells = query.all({ projectId });
  const current: Array<{ probability: number; impact: number; count: number }> = [];
  const residual: Array<{ probability: number; impact: number; count: number }> = [];
  let unratedResidual = 0;
  for (const c of cells) {
    if (c.probability !== null && c.impact !== null) {
      current.push({ probability: c.probability, impact: c.impact, count: c.count });
    }
    if (c.residualProbability !== null && c.residualImpact !== null) {
      residual.push({
        probability: c.residualProbability,
        impact: c.residualImpact,
        count: c.count,
      });
    } else unratedResidual += c.count;
  }
  return {
    current: heatMapOf(current),
    residual: heatMapOf(residual),
    thresholds: riskThresholdsOf(tx, orgId),
    unratedResidual,
  };
}

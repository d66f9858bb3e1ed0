import {
  and,
  asc,
  baseline,
  baselineMilestone,
  baselineTask,
  commAudience,
  commItem,
  type Db,
  dependency,
  eq,
  gateCriterion,
  gateSigner,
  inArray,
  isNull,
  member,
  milestone,
  newId,
  nowIso,
  phase,
  project,
  projectMember,
  raidItem,
  raidMilestoneLink,
  raidScore,
  raidTaskLink,
  stakeholder,
  statusReport,
  task,
  user,
  writeTx,
} from "@rollout/db";
import {
  EXCHANGE_FORMAT,
  EXCHANGE_VERSION,
  type ExchangeDocument,
  exchangeDocument,
  projectFields,
} from "@rollout/domain";
import { type Acting, audit } from "../audit.ts";
import { badRequest, mapUnique } from "../errors.ts";
import type { ProjectRow } from "../trpc.ts";

const CHUNK = 200;

function chunks<T>(rows: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += CHUNK) out.push(rows.slice(i, i + CHUNK));
  return out;
}

/** Everything of a live project, with people as emails. Deleted rows stay behind. */
export function exportProject(db: Db, p: ProjectRow): ExchangeDocument {
  const emails = new Map(
    db
      .select({ id: user.id, email: user.email })
      .from(user)
      .all()
      .map((u) => [u.id, u.email]),
  );
  const who = (id: string | null) => (id ? (emails.get(id) ?? null) : null);
  const phases = db
    .select()
    .from(phase)
    .where(and(eq(phase.projectId, p.id), isNull(phase.deletedAt)))
    .orderBy(asc(phase.sortOrder))
    .all();
  const tasks = db
    .select()
    .from(task)
    .where(and(eq(task.projectId, p.id), isNull(task.deletedAt)))
    .orderBy(asc(task.sortOrder))
    .all();
  const live = new Set(tasks.map((t) => t.id));
  const milestones = db
    .select()
    .from(milestone)
    .where(and(eq(milestone.projectId, p.id), isNull(milestone.deletedAt)))
    .orderBy(asc(milestone.sortOrder))
    .all();
  const milestoneIds = milestones.map((m) => m.id);
  const liveMilestones = new Set(milestoneIds);
  const criteria = milestoneIds.length
    ? db.select().from(gateCriterion).where(inArray(gateCriterion.milestoneId, milestoneIds)).all()
    : [];
  const signers = milestoneIds.length
    ? db.select().from(gateSigner).where(inArray(gateSigner.milestoneId, milestoneIds)).all()
    : [];
  const baselines = db
    .select()
    .from(baseline)
    .where(eq(baseline.projectId, p.id))
    .orderBy(asc(baseline.createdAt))
    .all();
  const stakeholders = db
    .select()
    .from(stakeholder)
    .where(and(eq(stakeholder.projectId, p.id), isNull(stakeholder.deletedAt)))
    .orderBy(asc(stakeholder.name), asc(stakeholder.id))
    .all();
  const liveStakeholders = new Set(stakeholders.map((s) => s.id));
  const raid = db
    .select()
    .from(raidItem)
    .where(and(eq(raidItem.projectId, p.id), isNull(raidItem.deletedAt)))
    .orderBy(asc(raidItem.kind), asc(raidItem.number))
    .all();
  const liveRaid = new Set(raid.map((r) => r.id));
  const raidIds = raid.map((r) => r.id);
  const byItem = <T extends { raidItemId: string }>(rows: T[]) => {
    const map = new Map<string, T[]>();
    for (const r of rows) map.set(r.raidItemId, [...(map.get(r.raidItemId) ?? []), r]);
    return map;
  };
  const taskLinks = byItem(
    chunks(raidIds).flatMap((ids) =>
      db.select().from(raidTaskLink).where(inArray(raidTaskLink.raidItemId, ids)).all(),
    ),
  );
  const milestoneLinks = byItem(
    chunks(raidIds).flatMap((ids) =>
      db.select().from(raidMilestoneLink).where(inArray(raidMilestoneLink.raidItemId, ids)).all(),
    ),
  );
  const scores = byItem(
    chunks(raidIds).flatMap((ids) =>
      db
        .select()
        .from(raidScore)
        .where(inArray(raidScore.raidItemId, ids))
        .orderBy(asc(raidScore.at), asc(raidScore.id))
        .all(),
    ),
  );
  const comms = db
    .select()
    .from(commItem)
    .where(and(eq(commItem.projectId, p.id), isNull(commItem.deletedAt)))
    .orderBy(asc(commItem.purpose), asc(commItem.id))
    .all();
  const audience = comms.length
    ? db
        .select()
        .from(commAudience)
        .where(
          inArray(
            commAudience.commId,
            comms.map((c) => c.id),
          ),
        )
        .all()
    : [];
  const reports = db
    .select()
    .from(statusReport)
    .where(and(eq(statusReport.projectId, p.id), isNull(statusReport.deletedAt)))
    .orderBy(asc(statusReport.number))
    .all();
  const members = db
    .select({ userId: projectMember.userId, role: projectMember.role })
    .from(projectMember)
    .where(eq(projectMember.projectId, p.id))
    .all();

  return {
    format: EXCHANGE_FORMAT,
    version: EXCHANGE_VERSION,
    exportedAt: nowIso(),
    project: {
      key: p.key,
      name: p.name,
      customer: p.customer,
      kind: p.kind,
      stage: p.stage,
      status: p.status,
      startDate: p.startDate,
      targetGoLive: p.targetGoLive,
      actualGoLive: p.actualGoLive,
      plannedBudget: p.plannedBudget,
      actualCost: p.actualCost,
      currency: p.currency,
      objectives: p.objectives,
    },
    members: members.flatMap((m) => {
      const email = who(m.userId);
      return email ? [{ email, role: m.role }] : [];
    }),
    phases: phases.map((ph) => ({ id: ph.id, name: ph.name, sortOrder: ph.sortOrder })),
    tasks: tasks.map((t) => ({
      id: t.id,
      phaseId: t.phaseId,
      parentId: t.parentId,
      title: t.title,
      description: t.description,
      category: t.category,
      status: t.status,
      startDate: t.startDate,
      dueDate: t.dueDate,
      duration: t.duration,
      percentComplete: t.percentComplete,
      estimateHours: t.estimateHours,
      actualHours: t.actualHours,
      assignee: who(t.assigneeId),
      milestoneId: t.milestoneId && liveMilestones.has(t.milestoneId) ? t.milestoneId : null,
      internalOnly: t.internalOnly,
      sortOrder: t.sortOrder,
      raciIpm: t.raciIpm,
      raciPm: t.raciPm,
      raciCustomer: t.raciCustomer,
      raciVendor: t.raciVendor,
    })),
    dependencies: db
      .select()
      .from(dependency)
      .where(eq(dependency.projectId, p.id))
      .all()
      .filter((d) => live.has(d.predecessorId) && live.has(d.successorId))
      .map((d) => ({
        predecessorId: d.predecessorId,
        successorId: d.successorId,
        type: d.type,
        lag: d.lag,
      })),
    milestones: milestones.map((m) => ({
      id: m.id,
      name: m.name,
      description: m.description,
      baselineDate: m.baselineDate,
      forecastOverride: m.forecastOverride,
      forecastReason: m.forecastReason,
      actualDate: m.actualDate,
      statusOverride: m.statusOverride,
      statusReason: m.statusReason,
      isGate: m.isGate,
      isGoLive: m.isGoLive,
      decision: m.decision,
      decisionReason: m.decisionReason,
      decisionBy: who(m.decisionBy),
      decisionAt: m.decisionAt,
      sortOrder: m.sortOrder,
      criteria: criteria
        .filter((c) => c.milestoneId === m.id)
        .sort((a, b) => a.sortOrder - b.sortOrder)
        .map((c) => ({
          item: c.item,
          owner: who(c.ownerId),
          evidence: c.evidence,
          required: c.required,
          met: c.met,
          sortOrder: c.sortOrder,
        })),
      signers: signers
        .filter((s) => s.milestoneId === m.id)
        .flatMap((s) => {
          const email = who(s.userId);
          return email ? [{ email, signedAt: s.signedAt, comment: s.comment }] : [];
        }),
    })),
    baselines: baselines.map((b) => ({
      name: b.name,
      createdAt: b.createdAt,
      tasks: db
        .select()
        .from(baselineTask)
        .where(eq(baselineTask.baselineId, b.id))
        .all()
        .map(({ baselineId: _b, ...rest }) => rest),
      milestones: db
        .select()
        .from(baselineMilestone)
        .where(eq(baselineMilestone.baselineId, b.id))
        .all()
        .map(({ baselineId: _b, ...rest }) => rest),
    })),
    stakeholders: stakeholders.map((s) => ({
      id: s.id,
      name: s.name,
      title: s.title,
      side: s.side,
      email: s.email,
      power: s.power,
      interest: s.interest,
      engagementCurrent: s.engagementCurrent,
      engagementDesired: s.engagementDesired,
      notes: s.notes,
      user: who(s.userId),
    })),
    raid: raid.map((r) => ({
      id: r.id,
      kind: r.kind,
      number: r.number,
      title: r.title,
      description: r.description,
      status: r.status,
      owner: who(r.ownerUserId),
      ownerStakeholderId:
        r.ownerStakeholderId && liveStakeholders.has(r.ownerStakeholderId)
          ? r.ownerStakeholderId
          : null,
      dueDate: r.dueDate,
      probability: r.probability,
      impact: r.impact,
      residualProbability: r.residualProbability,
      residualImpact: r.residualImpact,
      polarity: r.polarity,
      response: r.response,
      mitigation: r.mitigation,
      contingency: r.contingency,
      trigger: r.trigger,
      severity: r.severity,
      internalOnly: r.internalOnly,
      convertedFromId:
        r.convertedFromId && liveRaid.has(r.convertedFromId) ? r.convertedFromId : null,
      convertedToId: r.convertedToId && liveRaid.has(r.convertedToId) ? r.convertedToId : null,
      taskIds: (taskLinks.get(r.id) ?? []).map((l) => l.taskId).filter((id) => live.has(id)),
      milestoneIds: (milestoneLinks.get(r.id) ?? [])
        .map((l) => l.milestoneId)
        .filter((id) => liveMilestones.has(id)),
      scores: (scores.get(r.id) ?? []).map((s) => ({
        at: s.at,
        by: who(s.byUserId),
        probability: s.probability,
        impact: s.impact,
        residualProbability: s.residualProbability,
        residualImpact: s.residualImpact,
      })),
    })),
    comms: comms.map((c) => ({
      quadrant: c.quadrant,
      stakeholderIds: audience
        .filter((a) => a.commId === c.id && liveStakeholders.has(a.stakeholderId))
        .map((a) => a.stakeholderId),
      purpose: c.purpose,
      channel: c.channel,
      frequency: c.frequency,
      ownerRole: c.ownerRole,
      nextDue: c.nextDue,
      anchorDay: c.anchorDay,
      lastDoneOn: c.lastDoneOn,
      lastDoneBy: who(c.lastDoneBy),
      notes: c.notes,
    })),
    reports: reports.map((r) => ({
      number: r.number,
      periodStart: r.periodStart,
      periodEnd: r.periodEnd,
      status: r.status,
      overall: r.overall,
      schedule: r.schedule,
      budget: r.budget,
      scope: r.scope,
      risk: r.risk,
      summary: r.summary,
      accomplishments: r.accomplishments,
      nextSteps: r.nextSteps,
      asks: r.asks,
      topRisks: r.topRisks,
      milestones: r.milestones,
      metrics: r.metrics as unknown as Record<string, unknown>,
      createdBy: who(r.createdBy),
      publishedAt: r.publishedAt,
      publishedBy: who(r.publishedBy),
      createdAt: r.createdAt,
    })),
  };
}

/** Reads and checks an export file: a clear message for anything that is not one. */
export function readDocument(text: string): ExchangeDocument {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw badRequest("This file is not JSON: choose a file exported from Rollout", {
      document: "Not a JSON file",
    });
  }
  const format = (json as { format?: unknown } | null)?.format;
  if (format !== EXCHANGE_FORMAT) {
    throw badRequest("This is not a Rollout project export", { document: "Not a project export" });
  }
  const version = (json as { version?: unknown }).version;
  if (version !== EXCHANGE_VERSION) {
    throw badRequest(
      `This export is format version ${String(version)}; this server reads version ${EXCHANGE_VERSION}`,
      {
        document: "Unsupported version",
      },
    );
  }
  const parsed = exchangeDocument.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join(".") ?? "";
    throw badRequest(
      `The file is damaged at ${where || "its top level"}: ${issue?.message ?? "invalid"}`,
      {
        document: `Invalid at ${where}`,
      },
    );
  }
  const refs = checkReferences(parsed.data);
  if (refs) throw badRequest(`The file is inconsistent: ${refs}`, { document: refs });
  return parsed.data;
}

/** Every reference inside the file points at a row of the file. */
function checkReferences(d: ExchangeDocument): string | null {
  const phases = new Set(d.phases.map((p) => p.id));
  const tasks = new Set(d.tasks.map((t) => t.id));
  const milestones = new Set(d.milestones.map((m) => m.id));
  const stakeholders = new Set(d.stakeholders.map((s) => s.id));
  const raid = new Set(d.raid.map((r) => r.id));
  for (const t of d.tasks) {
    if (!phases.has(t.phaseId)) return `task ${t.id} names a phase that is not in the file`;
    if (t.parentId && !tasks.has(t.parentId))
      return `task ${t.id} names a parent that is not in the file`;
    if (t.milestoneId && !milestones.has(t.milestoneId))
      return `task ${t.id} names a milestone that is not in the file`;
  }
  for (const dep of d.dependencies) {
    if (!tasks.has(dep.predecessorId) || !tasks.has(dep.successorId))
      return "a dependency names a task that is not in the file";
  }
  for (const r of d.raid) {
    if (r.ownerStakeholderId && !stakeholders.has(r.ownerStakeholderId))
      return `${r.kind} ${r.number} names an owner that is not in the file`;
    if (r.taskIds.some((id) => !tasks.has(id)) || r.milestoneIds.some((id) => !milestones.has(id)))
      return `${r.kind} ${r.number} links to a row that is not in the file`;
    for (const id of [r.convertedFromId, r.convertedToId])
      if (id && !raid.has(id))
        return `${r.kind} ${r.number} names a RAID item that is not in the file`;
  }
  for (const c of d.comms) {
    if (c.stakeholderIds.some((id) => !stakeholders.has(id)))
      return "a communication names a stakeholder that is not in the file";
  }
  const ids = [...phases, ...tasks, ...milestones, ...stakeholders, ...raid];
  if (new Set(ids).size !== ids.length) return "two rows share an id";
  return null;
}

/**
 * Creates a new project from an export: every row with a new id and the references between
 * rows kept; people matched by email among the organisation's members (others left unassigned
 * and listed); the importer joins as PM. All or nothing.
 */
export function importProject(
  db: Db,
  acting: Acting,
  input: { document: string; key: string; name: string },
) {
  const d = readDocument(input.document);
  const fields = projectFields.safeParse({ ...d.project, key: input.key, name: input.name });
  if (!fields.success) {
    const issue = fields.error.issues[0];
    throw badRequest(issue?.message ?? "Invalid project", {
      [String(issue?.path[0] ?? "document")]: issue?.message ?? "",
    });
  }
  return writeTx(db, (tx) => {
    const now = nowIso();
    const orgPeople = new Map(
      tx
        .select({ id: user.id, email: user.email })
        .from(member)
        .innerJoin(user, eq(user.id, member.userId))
        .where(eq(member.organizationId, acting.orgId))
        .all()
        .map((u) => [u.email.toLowerCase(), u.id]),
    );
    const unmatched = new Set<string>();
    const person = (email: string | null) => {
      if (!email) return null;
      const id = orgPeople.get(email.toLowerCase());
      if (!id) unmatched.add(email);
      return id ?? null;
    };
    const ids = new Map<string, string>();
    const fresh = (old: string) => {
      const id = newId();
      ids.set(old, id);
      return id;
    };
    const mapped = (old: string | null) => (old ? (ids.get(old) ?? null) : null);
    const must = (old: string) => {
      const id = ids.get(old);
      if (!id) throw new Error(`unmapped id ${old}`);
      return id;
    };

    const projectId = newId();
    mapUnique(
      () =>
        tx
          .insert(project)
          .values({
            id: projectId,
            organizationId: acting.orgId,
            ...fields.data,
            createdAt: now,
            updatedAt: now,
          })
          .run(),
      "project.organization_id, project.key",
      "key",
      `The key ${input.key} is taken in this organisation; choose another`,
    );
    const memberRows = new Map<string, (typeof d.members)[number]["role"]>();
    for (const m of d.members) {
      const id = person(m.email);
      if (id && !memberRows.has(id)) memberRows.set(id, m.role);
    }
    if (!memberRows.has(acting.userId)) memberRows.set(acting.userId, "pm");
    for (const group of chunks([...memberRows])) {
      tx.insert(projectMember)
        .values(
          group.map(([userId, role]) => ({
            id: newId(),
            projectId,
            userId,
            role,
            createdAt: now,
            updatedAt: now,
          })),
        )
        .run();
    }
    for (const group of chunks(d.phases)) {
      tx.insert(phase)
        .values(
          group.map((ph) => ({
            id: fresh(ph.id),
            projectId,
            name: ph.name,
            sortOrder: ph.sortOrder,
            createdAt: now,
            updatedAt: now,
          })),
        )
        .run();
    }
    for (const m of d.milestones) fresh(m.id);
    for (const t of d.tasks) fresh(t.id);
    for (const s of d.stakeholders) fresh(s.id);
    for (const r of d.raid) fresh(r.id);
    for (const group of chunks(d.milestones)) {
      tx.insert(milestone)
        .values(
          group.map((m) => ({
            id: must(m.id),
            projectId,
            name: m.name,
            description: m.description,
            baselineDate: m.baselineDate,
            forecastOverride: m.forecastOverride,
            forecastReason: m.forecastReason,
            actualDate: m.actualDate,
            statusOverride: m.statusOverride,
            statusReason: m.statusReason,
            isGate: m.isGate,
            isGoLive: m.isGoLive,
            decision: m.decision,
            decisionReason: m.decisionReason,
            decisionBy: person(m.decisionBy),
            decisionAt: m.decisionAt,
            sortOrder: m.sortOrder,
            createdAt: now,
            updatedAt: now,
          })),
        )
        .run();
    }
    const criteria = d.milestones.flatMap((m) =>
      m.criteria.map((c) => ({
        id: newId(),
        milestoneId: must(m.id),
        item: c.item,
        ownerId: person(c.owner),
        evidence: c.evidence,
        required: c.required,
        met: c.met,
        sortOrder: c.sortOrder,
        createdAt: now,
        updatedAt: now,
      })),
    );
    for (const group of chunks(criteria)) tx.insert(gateCriterion).values(group).run();
    const signers = d.milestones.flatMap((m) =>
      m.signers.flatMap((s) => {
        const userId = person(s.email);
        return userId
          ? [
              {
                milestoneId: must(m.id),
                userId,
                signedAt: s.signedAt,
                comment: s.comment,
                createdAt: now,
              },
            ]
          : [];
      }),
    );
    for (const group of chunks(signers))
      tx.insert(gateSigner).values(group).onConflictDoNothing().run();
    // Parents before their subtasks (one level deep).
    const ordered = [...d.tasks.filter((t) => !t.parentId), ...d.tasks.filter((t) => t.parentId)];
    for (const group of chunks(ordered)) {
      tx.insert(task)
        .values(
          group.map((t) => ({
            id: must(t.id),
            projectId,
            phaseId: must(t.phaseId),
            parentId: mapped(t.parentId),
            title: t.title,
            description: t.description,
            category: t.category,
            status: t.status,
            startDate: t.startDate,
            dueDate: t.dueDate,
            duration: t.duration,
            percentComplete: t.percentComplete,
            estimateHours: t.estimateHours,
            actualHours: t.actualHours,
            assigneeId: person(t.assignee),
            milestoneId: mapped(t.milestoneId),
            internalOnly: t.internalOnly,
            sortOrder: t.sortOrder,
            raciIpm: t.raciIpm,
            raciPm: t.raciPm,
            raciCustomer: t.raciCustomer,
            raciVendor: t.raciVendor,
            createdAt: now,
            updatedAt: now,
          })),
        )
        .run();
    }
    for (const group of chunks(d.dependencies)) {
      tx.insert(dependency)
        .values(
          group.map((dep) => ({
            id: newId(),
            projectId,
            predecessorId: must(dep.predecessorId),
            successorId: must(dep.successorId),
            type: dep.type,
            lag: dep.lag,
            createdAt: now,
            updatedAt: now,
          })),
        )
        .run();
    }
    for (const b of d.baselines) {
      const baselineId = newId();
      tx.insert(baseline)
        .values({
          id: baselineId,
          projectId,
          name: b.name,
          createdBy: acting.userId,
          createdAt: b.createdAt,
        })
        .run();
      for (const group of chunks(b.tasks)) {
        tx.insert(baselineTask)
          .values(group.map((t) => ({ ...t, baselineId, taskId: ids.get(t.taskId) ?? t.taskId })))
          .run();
      }
      for (const group of chunks(b.milestones)) {
        tx.insert(baselineMilestone)
          .values(
            group.map((m) => ({
              ...m,
              baselineId,
              milestoneId: ids.get(m.milestoneId) ?? m.milestoneId,
            })),
          )
          .run();
      }
    }
    for (const group of chunks(d.stakeholders)) {
      tx.insert(stakeholder)
        .values(
          group.map((s) => ({
            id: must(s.id),
            projectId,
            name: s.name,
            title: s.title,
            side: s.side,
            email: s.email,
            power: s.power,
            interest: s.interest,
            engagementCurrent: s.engagementCurrent,
            engagementDesired: s.engagementDesired,
            notes: s.notes,
            userId: person(s.user),
            createdAt: now,
            updatedAt: now,
          })),
        )
        .run();
    }
    for (const group of chunks(d.raid)) {
      tx.insert(raidItem)
        .values(
          group.map((r) => ({
            id: must(r.id),
            projectId,
            kind: r.kind,
            number: r.number,
            title: r.title,
            description: r.description,
            status: r.status,
            ownerUserId: person(r.owner),
            ownerStakeholderId: mapped(r.ownerStakeholderId),
            dueDate: r.dueDate,
            probability: r.probability,
            impact: r.impact,
            residualProbability: r.residualProbability,
            residualImpact: r.residualImpact,
            polarity: r.polarity,
            response: r.response,
            mitigation: r.mitigation,
            contingency: r.contingency,
            trigger: r.trigger,
            severity: r.severity,
            internalOnly: r.internalOnly,
            createdAt: now,
            updatedAt: now,
          })),
        )
        .run();
    }
    // Conversions point at rows that now all exist.
    for (const r of d.raid) {
      if (!r.convertedFromId && !r.convertedToId) continue;
      tx.update(raidItem)
        .set({ convertedFromId: mapped(r.convertedFromId), convertedToId: mapped(r.convertedToId) })
        .where(eq(raidItem.id, must(r.id)))
        .run();
    }
    const taskLinks = d.raid.flatMap((r) =>
      [...new Set(r.taskIds)].map((t) => ({ raidItemId: must(r.id), taskId: must(t) })),
    );
    for (const group of chunks(taskLinks)) tx.insert(raidTaskLink).values(group).run();
    const milestoneLinks = d.raid.flatMap((r) =>
      [...new Set(r.milestoneIds)].map((m) => ({ raidItemId: must(r.id), milestoneId: must(m) })),
    );
    for (const group of chunks(milestoneLinks)) tx.insert(raidMilestoneLink).values(group).run();
    const scores = d.raid.flatMap((r) =>
      r.scores.map((s) => ({
        id: newId(),
        raidItemId: must(r.id),
        at: s.at,
        byUserId: person(s.by),
        probability: s.probability,
        impact: s.impact,
        residualProbability: s.residualProbability,
        residualImpact: s.residualImpact,
      })),
    );
    for (const group of chunks(scores)) tx.insert(raidScore).values(group).run();
    for (const c of d.comms) {
      const commId = newId();
      tx.insert(commItem)
        .values({
          id: commId,
          projectId,
          quadrant: c.quadrant,
          purpose: c.purpose,
          channel: c.channel,
          frequency: c.frequency,
          ownerRole: c.ownerRole,
          nextDue: c.nextDue,
          anchorDay: c.anchorDay,
          lastDoneOn: c.lastDoneOn,
          lastDoneBy: person(c.lastDoneBy),
          notes: c.notes,
          createdAt: now,
          updatedAt: now,
        })
        .run();
      const audience = [...new Set(c.stakeholderIds)].map((s) => ({
        commId,
        stakeholderId: must(s),
        createdAt: now,
      }));
      if (audience.length) tx.insert(commAudience).values(audience).run();
    }
    for (const group of chunks(d.reports)) {
      tx.insert(statusReport)
        .values(
          group.map((r) => ({
            id: newId(),
            projectId,
            number: r.number,
            periodStart: r.periodStart,
            periodEnd: r.periodEnd,
            status: r.status,
            overall: r.overall,
            schedule: r.schedule,
            budget: r.budget,
            scope: r.scope,
            risk: r.risk,
            summary: r.summary,
            accomplishments: r.accomplishments,
            nextSteps: r.nextSteps,
            asks: r.asks,
            // Milestone ids inside a frozen report follow the new rows.
            topRisks: remapIds(r.topRisks, ids) as never,
            milestones: remapIds(r.milestones, ids) as never,
            metrics: r.metrics as never,
            createdBy: person(r.createdBy),
            publishedAt: r.publishedAt,
            publishedBy: person(r.publishedBy),
            createdAt: r.createdAt,
            updatedAt: now,
          })),
        )
        .run();
    }
    const counts = {
      phases: d.phases.length,
      tasks: d.tasks.length,
      dependencies: d.dependencies.length,
      milestones: d.milestones.length,
      baselines: d.baselines.length,
      stakeholders: d.stakeholders.length,
      raid: d.raid.length,
      comms: d.comms.length,
      reports: d.reports.length,
    };
    audit(tx, acting, {
      entityType: "project",
      entityId: projectId,
      projectId,
      action: "import",
      after: {
        key: input.key,
        name: input.name,
        from: d.project.key,
        exportedAt: d.exportedAt,
        counts,
      },
    });
    return { id: projectId, key: input.key, counts, unmatchedPeople: [...unmatched].sort() };
  });
}

function remapIds(rows: unknown[], ids: Map<string, string>): unknown[] {
  return rows.map((row) =>
    typeof row === "object" && row !== null && "id" in row && typeof row.id === "string"
      ? { ...row, id: ids.get(row.id) ?? row.id }
      : row,
  );
}

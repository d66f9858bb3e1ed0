import { createHash } from "node:crypto";
import {
  commAudience,
  commItem,
  type Db,
  dependency,
  eq,
  gateCriterion,
  gateSigner,
  member,
  milestone,
  newId,
  nowIso,
  organization,
  phase,
  project,
  projectMember,
  raidItem,
  raidMilestoneLink,
  raidScore,
  raidTaskLink,
  schema,
  session,
  shareLink,
  stakeholder,
  statusReport,
  task,
  user,
} from "@rollout/db";
import { createTestDb } from "@rollout/db/testing";
import type { OrgRole, ProjectFields, ProjectRole } from "@rollout/domain";
import { TRPCError } from "@trpc/server";
import type { Actor, Context } from "../context.ts";
import { silentLogger } from "../context.ts";
import { appRouter } from "../routers/index.ts";
import { createCallerFactory } from "../trpc.ts";
import { insertCollab } from "./fixtures/collab.ts";
import { insertPirFixtures } from "./fixtures/pir.ts";
import { insertTemplates } from "./fixtures/templates.ts";

const createCaller = createCallerFactory(appRouter);
export type Caller = ReturnType<typeof createCaller>;

export interface TestUser {
  userId: string;
  sessionId: string;
  email: string;
  name: string;
}

/** Inserts a user with a live session (no password: these users sign in through callers). */
export function insertUser(db: Db, name: string, email: string, activeOrgId: string | null = null) {
  const now = new Date();
  const userId = newId();
  db.insert(user)
    .values({ id: userId, name, email, emailVerified: true, createdAt: now, updatedAt: now })
    .run();
  const sessionId = newId();
  db.insert(session)
    .values({
      id: sessionId,
      userId,
      token: createHash("sha256").update(sessionId).digest("hex"),
      expiresAt: new Date(now.getTime() + 86_400_000),
      createdAt: now,
      updatedAt: now,
      activeOrganizationId: activeOrgId,
    })
    .run();
  return { userId, sessionId, email, name } satisfies TestUser;
}

export function insertOrg(db: Db, name: string, slug: string): string {
  const id = newId();
  const now = nowIso();
  db.insert(organization).values({ id, name, slug, createdAt: now, updatedAt: now }).run();
  return id;
}

export function addOrgMember(db: Db, orgId: string, userId: string, role: OrgRole): string {
  const id = newId();
  const now = nowIso();
  db.insert(member)
    .values({ id, organizationId: orgId, userId, role, createdAt: now, updatedAt: now })
    .run();
  return id;
}

export function addProjectRole(db: Db, projectId: string, userId: string, role: ProjectRole) {
  const id = newId();
  const now = nowIso();
  db.insert(projectMember)
    .values({ id, projectId, userId, role, createdAt: now, updatedAt: now })
    .run();
  return id;
}

export function projectFields(overrides: Partial<ProjectFields> = {}): ProjectFields {
  return {
    key: "ACME-CRM",
    name: "ACME CRM go-live",
    customer: "ACME Corp",
    kind: "software",
    stage: "build",
    status: "active",
    startDate: "2026-09-01",
    targetGoLive: "2027-02-01",
    actualGoLive: null,
    plannedBudget: 12_000_000,
    actualCost: 4_500_000,
    currency: "EUR",
    objectives: "Replace the legacy CRM for 200 sales users.",
    ...overrides,
  };
}

export function insertProject(db: Db, orgId: string, overrides: Partial<ProjectFields> = {}) {
  const id = newId();
  const now = nowIso();
  db.insert(project)
    .values({
      id,
      organizationId: orgId,
      ...projectFields(overrides),
      createdAt: now,
      updatedAt: now,
    })
    .run();
  return id;
}

export function contextFor(
  db: Db,
  who: (TestUser & { activeOrgId?: string | null }) | null,
): Context {
  let actor: Actor | null = null;
  if (who) {
    const row = db.query.session
      .findFirst({ where: (s, { eq }) => eq(s.id, who.sessionId) })
      .sync();
    actor = {
      userId: who.userId,
      sessionId: who.sessionId,
      name: who.name,
      email: who.email,
      activeOrgId: row?.activeOrganizationId ?? null,
    };
  }
  return {
    db,
    actor,
    requestId: `test-${newId()}`,
    log: silentLogger,
    appUrl: "http://rollout.test",
    isProduction: true,
  };
}

/** A caller acting as `who`, reading their session's active organisation afresh on each call. */
export function callerFor(db: Db, who: TestUser | null): Caller {
  return createCaller(() => contextFor(db, who));
}

/**
 * A small plan: phase "Build" with three tasks — `assigned` (the contributor's, IPM A/R),
 * `internal` (internal-only, the IPM's), `open` (nobody's, no responsibilities) — and a link
 * assigned → open.
 */
export function insertPlan(
  db: Db,
  projectId: string,
  assignees: { contributor: string | null; ipm: string | null },
) {
  const now = nowIso();
  const phaseId = newId();
  db.insert(phase)
    .values({ id: phaseId, projectId, name: "Build", sortOrder: 1, createdAt: now, updatedAt: now })
    .run();
  const base = {
    projectId,
    phaseId,
    category: "configuration" as const,
    createdAt: now,
    updatedAt: now,
  };
  const assigned = newId();
  const internal = newId();
  const open = newId();
  db.insert(task)
    .values([
      {
        ...base,
        id: assigned,
        title: "Configure pipelines",
        sortOrder: 1,
        assigneeId: assignees.contributor,
        raciIpm: "AR",
        raciPm: "C",
        startDate: "2026-11-23",
        dueDate: "2026-11-27",
        duration: 5,
      },
      {
        ...base,
        id: internal,
        title: "Vendor margin review",
        sortOrder: 2,
        internalOnly: true,
        assigneeId: assignees.ipm,
        raciIpm: "AR",
      },
      { ...base, id: open, title: "Load reference data", sortOrder: 3 },
    ])
    .run();
  const dependencyId = newId();
  db.insert(dependency)
    .values({
      id: dependencyId,
      projectId,
      predecessorId: assigned,
      successorId: open,
      createdAt: now,
      updatedAt: now,
    })
    .run();
  return { phaseId, tasks: { assigned, internal, open }, dependencyId };
}

/**
 * A go-live gate with one required, unmet criterion, `signer` named on it, and `taskId` linked.
 */
export function insertGate(db: Db, projectId: string, taskId: string, signer: string) {
  const now = nowIso();
  const milestoneId = newId();
  db.insert(milestone)
    .values({
      id: milestoneId,
      projectId,
      name: "Go-live",
      baselineDate: "2026-12-01",
      isGate: true,
      isGoLive: true,
      createdAt: now,
      updatedAt: now,
    })
    .run();
  const criterionId = newId();
  db.insert(gateCriterion)
    .values({
      id: criterionId,
      milestoneId,
      item: "UAT signed off",
      required: true,
      sortOrder: 1,
      createdAt: now,
      updatedAt: now,
    })
    .run();
  db.insert(gateSigner).values({ milestoneId, userId: signer, createdAt: now }).run();
  db.update(task).set({ milestoneId }).where(eq(task.id, taskId)).run();
  return { milestoneId, criterionId };
}

/**
 * A small register: stakeholder "Sam Sponsor" (customer, high power and interest), a risk owned
 * by them and linked to `taskId` and `milestoneId` (P4 × I5, residual 2 × 3), an internal-only
 * risk, and a weekly communication to the sponsor owned by the PM role, due `due`.
 */
export function insertRegister(
  db: Db,
  projectId: string,
  links: { taskId: string; milestoneId: string },
  due = "2026-11-20",
) {
  const now = nowIso();
  const stakeholderId = newId();
  db.insert(stakeholder)
    .values({
      id: stakeholderId,
      projectId,
      name: "Sam Sponsor",
      title: "Sponsor",
      side: "customer",
      email: "sam@customer.test",
      power: 5,
      interest: 4,
      engagementCurrent: "neutral",
      engagementDesired: "leading",
      createdAt: now,
      updatedAt: now,
    })
    .run();
  const base = {
    projectId,
    kind: "risk" as const,
    status: "open" as const,
    createdAt: now,
    updatedAt: now,
  };
  const riskId = newId();
  const internalRiskId = newId();
  db.insert(raidItem)
    .values([
      {
        ...base,
        id: riskId,
        number: 1,
        title: "Key users unavailable for UAT",
        ownerStakeholderId: stakeholderId,
        dueDate: "2026-11-30",
        probability: 4,
        impact: 5,
        residualProbability: 2,
        residualImpact: 3,
        response: "mitigate" as const,
      },
      {
        ...base,
        id: internalRiskId,
        number: 2,
        title: "Partner margin squeezed",
        probability: 2,
        impact: 2,
        internalOnly: true,
      },
    ])
    .run();
  db.insert(raidScore)
    .values({
      id: newId(),
      raidItemId: riskId,
      at: now,
      probability: 4,
      impact: 5,
      residualProbability: 2,
      residualImpact: 3,
    })
    .run();
  db.insert(raidTaskLink).values({ raidItemId: riskId, taskId: links.taskId }).run();
  db.insert(raidMilestoneLink).values({ raidItemId: riskId, milestoneId: links.milestoneId }).run();
  const commId = newId();
  db.insert(commItem)
    .values({
      id: commId,
      projectId,
      purpose: "Weekly status",
      channel: "Email",
      frequency: "weekly",
      ownerRole: "pm",
      nextDue: due,
      anchorDay: Number(due.slice(8, 10)),
      createdAt: now,
      updatedAt: now,
    })
    .run();
  db.insert(commAudience).values({ commId, stakeholderId, createdAt: now }).run();
  return { stakeholderId, riskId, internalRiskId, commId };
}

/** A published status report (number 1) and a draft (number 2); a live share link. */
export function insertReports(db: Db, projectId: string, userId: string) {
  const now = nowIso();
  const base = {
    projectId,
    overall: "amber" as const,
    schedule: "amber" as const,
    budget: "green" as const,
    scope: "green" as const,
    risk: "red" as const,
    topRisks: [],
    milestones: [],
    metrics: {
      progress: 10,
      plannedProgress: 12,
      spi: 0.9,
      cpi: 1,
      forecastCost: 0,
      plannedBudget: 0,
      actualCost: 0,
      currency: "EUR",
      openTasks: 3,
      overdueTasks: 0,
      openHighRisks: 1,
      computedHealth: "red",
      reasons: {},
    },
    createdBy: userId,
    createdAt: now,
    updatedAt: now,
  };
  const publishedId = newId();
  const draftId = newId();
  db.insert(statusReport)
    .values([
      {
        ...base,
        id: publishedId,
        number: 1,
        periodStart: "2026-11-09",
        periodEnd: "2026-11-13",
        status: "published",
        summary: "Build on track; UAT dates agreed.",
        publishedAt: now,
        publishedBy: userId,
      },
      {
        ...base,
        id: draftId,
        number: 2,
        periodStart: "2026-11-16",
        periodEnd: "2026-11-20",
        summary: "Draft: vendor margin discussion pending.",
      },
    ])
    .run();
  const shareToken = `share-${newId()}-${newId()}`;
  const shareId = newId();
  db.insert(shareLink)
    .values({
      id: shareId,
      projectId,
      label: "Customer steering group",
      tokenHash: createHash("sha256").update(shareToken).digest("hex"),
      expiresAt: "2999-12-31T23:59:59.999Z",
      createdBy: userId,
      createdAt: now,
    })
    .run();
  return { publishedId, draftId, shareId, shareToken };
}

/** The roles the authorization matrix checks every procedure against. */
export const matrixRoles = [
  "anonymous",
  "otherOrg",
  "stakeholder",
  "contributor",
  "pm",
  "ipm",
  "orgMember",
  "orgAdmin",
  "orgOwner",
] as const;
export type MatrixRole = (typeof matrixRoles)[number];

/**
 * Two organisations. In org A: an owner, an admin, a plain member with no project role, and one
 * person per project role on project `projectId`. Org B has its own owner and project.
 */
export function createWorld(db: Db = createTestDb()) {
  const orgId = insertOrg(db, "Northwind Implementations", "northwind");
  const otherOrgId = insertOrg(db, "Globex Rollouts", "globex");
  const projectId = insertProject(db, orgId);
  const otherProjectId = insertProject(db, otherOrgId, { key: "GLOBEX-ERP", name: "Globex ERP" });

  const people = {
    orgOwner: insertUser(db, "Olivia Owner", "owner@northwind.test", orgId),
    orgAdmin: insertUser(db, "Adam Admin", "admin@northwind.test", orgId),
    orgMember: insertUser(db, "Mia Member", "member@northwind.test", orgId),
    pm: insertUser(db, "Paula PM", "pm@northwind.test", orgId),
    ipm: insertUser(db, "Ivan IPM", "ipm@northwind.test", orgId),
    contributor: insertUser(db, "Carl Contributor", "contributor@northwind.test", orgId),
    stakeholder: insertUser(db, "Sofia Stakeholder", "sofia@customer.test", orgId),
    otherOrg: insertUser(db, "Gus Globex", "gus@globex.test", otherOrgId),
  };
  addOrgMember(db, orgId, people.orgOwner.userId, "owner");
  addOrgMember(db, orgId, people.orgAdmin.userId, "admin");
  addOrgMember(db, orgId, people.orgMember.userId, "member");
  for (const role of ["pm", "ipm", "contributor", "stakeholder"] as const) {
    addOrgMember(db, orgId, people[role].userId, "member");
    addProjectRole(db, projectId, people[role].userId, role);
  }
  addOrgMember(db, otherOrgId, people.otherOrg.userId, "owner");
  addProjectRole(db, otherProjectId, people.otherOrg.userId, "pm");
  const plan = insertPlan(db, projectId, {
    contributor: people.contributor.userId,
    ipm: people.ipm.userId,
  });
  const otherPlan = insertPlan(db, otherProjectId, { contributor: null, ipm: null });
  const gate = insertGate(db, projectId, plan.tasks.open, people.stakeholder.userId);
  const register = insertRegister(db, projectId, {
    taskId: plan.tasks.assigned,
    milestoneId: gate.milestoneId,
  });
  const reports = insertReports(db, projectId, people.pm.userId);
  const otherReports = insertReports(db, otherProjectId, people.otherOrg.userId);
  const otherGate = insertGate(db, otherProjectId, otherPlan.tasks.open, people.otherOrg.userId);
  const otherRegister = insertRegister(db, otherProjectId, {
    taskId: otherPlan.tasks.assigned,
    milestoneId: otherGate.milestoneId,
  });

  const collab = insertCollab(db, orgId, projectId, {
    internalTaskId: plan.tasks.internal,
    milestoneId: gate.milestoneId,
    pm: { userId: people.pm.userId, name: "Paula PM" },
    ipm: { userId: people.ipm.userId },
    stakeholder: { userId: people.stakeholder.userId, name: "Sofia Stakeholder" },
  });
  const otherCollab = insertCollab(db, otherOrgId, otherProjectId, {
    internalTaskId: otherPlan.tasks.internal,
    milestoneId: otherGate.milestoneId,
    pm: { userId: people.otherOrg.userId, name: "Gus Globex" },
    ipm: null,
    stakeholder: null,
  });

  const pir = insertPirFixtures(db, { orgId, otherOrgId, projectId, otherProjectId, people });
  const templates = insertTemplates(db, orgId, otherOrgId);
  const as = (role: MatrixRole): Caller =>
    callerFor(db, role === "anonymous" ? null : people[role]);
  return {
    db,
    schema,
    orgId,
    otherOrgId,
    projectId,
    otherProjectId,
    people,
    plan,
    otherPlan,
    gate,
    register,
    otherRegister,
    reports,
    otherReports,
    collab,
    otherCollab,
    pir,
    templates,
    as,
  };
}
export type World = ReturnType<typeof createWorld>;

/** The TRPCError a call fails with; fails the test if the call succeeds. */
export async function errorOf(promise: Promise<unknown>): Promise<TRPCError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError) return error;
    throw error;
  }
  throw new Error("expected the call to fail");
}

import {
  addDays,
  addWorkingDays,
  defaultPlaybook,
  type RaidKind,
  type RaidStatus,
  type TaskCategory,
  type TaskStatus,
  taskCategories,
} from "@rollout/domain";
import { eq, inArray, sql } from "drizzle-orm";
import { type Db, writeTx } from "../client.ts";
import { nowIso } from "../ids.ts";
import {
  dependency,
  milestone,
  phase,
  project,
  projectMember,
  raidItem,
  raidScore,
  raidTaskLink,
  stakeholder,
  task,
} from "../schema/index.ts";

/** A small deterministic PRNG (mulberry32), so a seed always builds the same data. */
export function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface ScalePlanOptions {
  tasks: number;
  dependencies: number;
  phases?: number;
  seed?: number;
  startDate?: string;
  assignees?: string[];
}

/**
 * Fills a project with a large plan: `tasks` tasks over `phases` phases and `dependencies`
 * links that never form a loop (always from an earlier task to a later one). Deterministic.
 */
export function seedPlanAtScale(db: Db, projectId: string, options: ScalePlanOptions) {
  const random = prng(options.seed ?? 42);
  const phaseCount = options.phases ?? 12;
  const stamp = nowIso();
  const start = options.startDate ?? "2027-01-04";
  const statuses: TaskStatus[] = ["not_started", "in_progress", "done", "blocked"];
  return writeTx(db, (tx) => {
    const phaseIds: string[] = [];
    for (let p = 0; p < phaseCount; p++) {
      const id = `${projectId}-ph${p}`;
      phaseIds.push(id);
      tx.insert(phase)
        .values({
          id,
          projectId,
          name: `Phase ${p + 1}`,
          sortOrder: p + 1,
          createdAt: stamp,
          updatedAt: stamp,
        })
        .run();
    }
    const ids: string[] = [];
    const rows: Array<typeof task.$inferInsert> = [];
    for (let i = 0; i < options.tasks; i++) {
      const id = `${projectId}-t${i}`;
      ids.push(id);
      const category = taskCategories[Math.floor(random() * taskCategories.length)] as TaskCategory;
      const r = defaultPlaybook[category];
      const offset = Math.floor((i / options.tasks) * 400);
      const duration = 1 + Math.floor(random() * 10);
      const taskStart = addWorkingDays(start, offset);
      const status = statuses[Math.floor(random() * statuses.length)] as TaskStatus;
      rows.push({
        id,
        projectId,
        phaseId: phaseIds[
          Math.min(phaseCount - 1, Math.floor((i / options.tasks) * phaseCount))
        ] as string,
        title: `Task ${i + 1}: ${category.replace("_", " ")} work item`,
        description: "",
        category,
        status,
        startDate: taskStart,
        dueDate: addWorkingDays(taskStart, duration - 1),
        duration,
        percentComplete: status === "done" ? 100 : status === "not_started" ? 0 : 50,
        estimateHours: duration * 6,
        actualHours: status === "not_started" ? null : duration * 3,
        assigneeId: options.assignees?.length
          ? (options.assignees[i % options.assignees.length] ?? null)
          : null,
        internalOnly: random() < 0.05,
        sortOrder: i + 1,
        raciIpm: random() < 0.03 ? null : r.ipm,
        raciPm: r.pm,
        createdAt: stamp,
        updatedAt: stamp,
      });
      if (rows.length === 500) {
        tx.insert(task).values(rows).run();
        rows.length = 0;
      }
    }
    if (rows.length) tx.insert(task).values(rows).run();
    const seen = new Set<string>();
    const links: Array<typeof dependency.$inferInsert> = [];
    while (seen.size < options.dependencies) {
      const a = Math.floor(random() * (options.tasks - 1));
      const b = a + 1 + Math.floor(random() * Math.min(50, options.tasks - a - 1));
      const key = `${a}:${b}`;
      if (seen.has(key)) continue;
      seen.add(key);
      links.push({
        id: `${projectId}-d${seen.size}`,
        projectId,
        predecessorId: ids[a] as string,
        successorId: ids[b] as string,
        type: "FS",
        lag: 0,
        createdAt: stamp,
        updatedAt: stamp,
      });
      if (links.length === 500) {
        tx.insert(dependency).values(links).run();
        links.length = 0;
      }
    }
    if (links.length) tx.insert(dependency).values(links).run();
    return { phases: phaseIds, tasks: ids };
  });
}

export interface ScaleRaidOptions {
  items: number;
  stakeholders: number;
  seed?: number;
  /** People on the project who may own items (a quarter of items go to stakeholders). */
  owners?: string[];
  /** Tasks to link items to (about one item in three gets one or two links). */
  taskIds?: string[];
  today?: string;
  /** Numbers items after those the project already has (default: from 1). */
  numberAfter?: number;
}

/**
 * Fills a project with a large RAID log and stakeholder register: every kind, all 25 cells of
 * the grid, a tenth of reviews overdue, residual ratings on half the risks. Deterministic.
 */
export function seedRaidAtScale(db: Db, projectId: string, options: ScaleRaidOptions) {
  const random = prng(options.seed ?? 7);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const stamp = nowIso();
  const today = options.today ?? stamp.slice(0, 10);
  const kinds = ["risk", "risk", "risk", "issue", "assumption", "dependency", "decision"] as const;
  const statusOf: Record<RaidKind, readonly RaidStatus[]> = {
    risk: ["open", "open", "mitigating", "closed"],
    issue: ["open", "in_progress", "resolved"],
    assumption: ["open", "validated"],
    dependency: ["open", "at_risk", "delivered"],
    decision: ["proposed", "decided"],
  };
  return writeTx(db, (tx) => {
    const stakeholderIds: string[] = [];
    const people: Array<typeof stakeholder.$inferInsert> = [];
    for (let i = 0; i < options.stakeholders; i++) {
      const id = `${projectId}-s${i}`;
      stakeholderIds.push(id);
      people.push({
        id,
        projectId,
        name: `Stakeholder ${i + 1}`,
        title: "Department head",
        side: pick(["internal", "customer", "vendor"] as const),
        email: `s${i}@example.test`,
        power: 1 + Math.floor(random() * 5),
        interest: 1 + Math.floor(random() * 5),
        engagementCurrent: pick(["unaware", "resistant", "neutral", "supportive"] as const),
        engagementDesired: pick(["neutral", "supportive", "leading"] as const),
        notes: "",
        createdAt: stamp,
        updatedAt: stamp,
      });
      if (people.length === 500) {
        tx.insert(stakeholder).values(people).run();
        people.length = 0;
      }
    }
    if (people.length) tx.insert(stakeholder).values(people).run();

    const numbers = new Map<RaidKind, number>();
    const items: Array<typeof raidItem.$inferInsert> = [];
    const scores: Array<typeof raidScore.$inferInsert> = [];
    const links: Array<typeof raidTaskLink.$inferInsert> = [];
    const flush = () => {
      if (items.length) tx.insert(raidItem).values(items).run();
      if (scores.length) tx.insert(raidScore).values(scores).run();
      if (links.length) tx.insert(raidTaskLink).values(links).run();
      items.length = 0;
      scores.length = 0;
      links.length = 0;
    };
    for (let i = 0; i < options.items; i++) {
      const kind = pick(kinds);
      const number = (numbers.get(kind) ?? options.numberAfter ?? 0) + 1;
      numbers.set(kind, number);
      const id = `${projectId}-r${i}`;
      const risk = kind === "risk";
      const p = risk ? 1 + Math.floor(random() * 5) : null;
      const im = risk ? 1 + Math.floor(random() * 5) : null;
      const residual = risk && random() < 0.5;
      const rp = residual && p ? Math.max(1, p - 1 - Math.floor(random() * 2)) : null;
      const ri = residual && im ? Math.max(1, im - Math.floor(random() * 2)) : null;
      const byStakeholder = stakeholderIds.length > 0 && random() < 0.25;
      items.push({
        id,
        projectId,
        kind,
        number,
        title: `${kind} ${number}: ${pick(["Vendor", "Data", "Cut-over", "Training", "Network", "Budget"])} ${pick(["delay", "quality", "capacity", "approval", "scope"])}`,
        description: "Raised in the weekly RAID review.",
        status: pick(statusOf[kind]),
        ownerUserId: !byStakeholder && options.owners?.length ? pick(options.owners) : null,
        ownerStakeholderId: byStakeholder ? pick(stakeholderIds) : null,
        dueDate: addDays(today, Math.floor(random() * 60) - 6),
        probability: p,
        impact: im,
        residualProbability: rp,
        residualImpact: ri,
        polarity: "threat",
        response: risk ? pick(["avoid", "mitigate", "transfer", "accept"] as const) : null,
        mitigation: risk && random() < 0.7 ? "Agreed in the RAID review." : "",
        severity: kind === "issue" ? pick(["low", "medium", "high", "critical"] as const) : null,
        internalOnly: random() < 0.05,
        createdAt: stamp,
        updatedAt: stamp,
      });
      if (risk) {
        scores.push({
          id: `${id}-sc`,
          raidItemId: id,
          at: stamp,
          probability: p,
          impact: im,
          residualProbability: rp,
          residualImpact: ri,
        });
      }
      if (options.taskIds?.length && random() < 0.33) {
        const a = pick(options.taskIds);
        links.push({ raidItemId: id, taskId: a });
        const b = pick(options.taskIds);
        if (b !== a && random() < 0.5) links.push({ raidItemId: id, taskId: b });
      }
      if (items.length === 200) flush();
    }
    flush();
    return { stakeholders: stakeholderIds };
  });
}

export interface ScaleOrgOptions {
  projects: number;
  tasksPerProject: number;
  raidPerProject: number;
  stakeholdersPerProject: number;
  milestonesPerProject: number;
  /** One project gets this many tasks instead (the big one), 0 for none. */
  bigProjectTasks?: number;
  seed?: number;
  people: { pm: string; ipm: string };
  today?: string;
}

/**
 * An organisation's portfolio at scale: `projects` projects in every stage, each with a plan,
 * milestones (a go-live gate among them) fed by their phases' tasks, a RAID log and a register.
 * Deterministic for a seed.
 */
export function seedPortfolioAtScale(db: Db, orgId: string, options: ScaleOrgOptions) {
  const random = prng(options.seed ?? 11);
  const today = options.today ?? nowIso().slice(0, 10);
  const stamp = nowIso();
  const stages = [
    "planning",
    "build",
    "build",
    "testing",
    "training",
    "go_live",
    "hypercare",
  ] as const;
  const projectIds: string[] = [];
  writeTx(db, (tx) => {
    for (let i = 0; i < options.projects; i++) {
      const id = `${orgId}-p${i}`;
      projectIds.push(id);
      const start = addDays(today, -30 - Math.floor(random() * 200));
      tx.insert(project)
        .values({
          id,
          organizationId: orgId,
          key: `P-${String(i + 1).padStart(4, "0")}`,
          name: `Rollout ${i + 1}`,
          customer: `Customer ${(i % 97) + 1}`,
          kind: (["software", "hardware", "process"] as const)[i % 3] ?? "software",
          stage: stages[i % stages.length] ?? "build",
          status: "active",
          startDate: start,
          targetGoLive: addDays(start, 120 + Math.floor(random() * 120)),
          plannedBudget: 1_000_000 + Math.floor(random() * 50_000_000),
          actualCost: Math.floor(random() * 30_000_000),
          currency: "EUR",
          createdAt: stamp,
          updatedAt: stamp,
        })
        .run();
      tx.insert(projectMember)
        .values([
          {
            id: `${id}-m1`,
            projectId: id,
            userId: options.people.pm,
            role: "pm",
            createdAt: stamp,
            updatedAt: stamp,
          },
          {
            id: `${id}-m2`,
            projectId: id,
            userId: options.people.ipm,
            role: "ipm",
            createdAt: stamp,
            updatedAt: stamp,
          },
        ])
        .run();
    }
  });
  projectIds.forEach((projectId, i) => {
    const tasks =
      i === 0 && options.bigProjectTasks ? options.bigProjectTasks : options.tasksPerProject;
    const start = db
      .select({ s: project.startDate })
      .from(project)
      .where(eq(project.id, projectId))
      .get()?.s;
    const plan = seedPlanAtScale(db, projectId, {
      tasks,
      dependencies: Math.floor(tasks * 1.1),
      phases: Math.max(3, Math.min(12, Math.floor(tasks / 10))),
      seed: (options.seed ?? 11) + i,
      startDate: start,
      assignees: [options.people.pm, options.people.ipm],
    });
    writeTx(db, (tx) => {
      const per = Math.max(1, options.milestonesPerProject);
      const slice = Math.ceil(plan.tasks.length / per);
      for (let m = 0; m < per; m++) {
        const id = `${projectId}-ms${m}`;
        const last = m === per - 1;
        const taskIds = plan.tasks.slice(m * slice, (m + 1) * slice);
        const due = tx
          .select({ d: sql<string>`max(${task.dueDate})` })
          .from(task)
          .where(inArray(task.id, taskIds.slice(0, 500)))
          .get()?.d;
        tx.insert(milestone)
          .values({
            id,
            projectId,
            name: last ? "Go-live" : `Milestone ${m + 1}`,
            baselineDate: due ? addDays(due, Math.floor(random() * 14) - 7) : null,
            isGate: last,
            isGoLive: last,
            sortOrder: m + 1,
            createdAt: stamp,
            updatedAt: stamp,
          })
          .run();
        for (let k = 0; k < taskIds.length; k += 500) {
          tx.update(task)
            .set({ milestoneId: id })
            .where(inArray(task.id, taskIds.slice(k, k + 500)))
            .run();
        }
      }
    });
    seedRaidAtScale(db, projectId, {
      items: options.raidPerProject,
      stakeholders: options.stakeholdersPerProject,
      seed: (options.seed ?? 11) * 7 + i,
      owners: [options.people.pm, options.people.ipm],
      taskIds: plan.tasks,
      today,
    });
  });
  return { projectIds };
}

const LESSON_WORDS = {
  what: [
    "Key users were not available for UAT during quarter-end",
    "The data migration mock load exposed duplicate customer records",
    "Vendor support rotated off the project two weeks after go-live",
    "Cut-over rehearsal overran its window by three hours",
    "Training sessions clashed with the night shift",
    "Interface volumes in production were ten times the test volumes",
    "The go/no-go checklist had no named owner",
    "Hardware deliveries slipped because of customs paperwork",
    "Super-users answered most questions in the first week",
    "A daily hypercare huddle kept issues moving",
  ],
  advice: [
    "Book key users for UAT before the plan is baselined",
    "Profile the source data in discovery and agree who cleans what",
    "Contract named vendor support for the whole hypercare period",
    "Rehearse the cut-over twice with the real runbook and people",
    "Schedule training per shift, not per headcount",
    "Load-test every interface with a full day's peak volume",
    "Give every gate decision a named owner and written criteria",
    "Order long-lead hardware before design sign-off",
  ],
  tags: [
    "uat",
    "data-quality",
    "vendor",
    "cutover",
    "training",
    "interfaces",
    "go-live",
    "hardware",
    "hypercare",
    "budget",
  ],
};

/**
 * Lessons across the organisation's projects (a signed-off review each), for the lessons
 * library at scale. One transaction of prepared inserts; the FTS index fills by trigger.
 */
export function seedLessonsAtScale(
  db: Db,
  orgId: string,
  projectIds: readonly string[],
  options: { lessons: number; seed?: number; author: string },
) {
  const random = prng(options.seed ?? 5);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const sqlite = db.$client;
  const stamp = nowIso();
  const insertPir = sqlite.prepare(
    `insert into pir (id, project_id, revision, status, summary, locked_at, created_by, version, created_at, updated_at)
     values (?, ?, 1, 'signed_off', 'Scale review', ?, ?, 1, ?, ?)`,
  );
  const insertLesson = sqlite.prepare(
    `insert into lesson (id, seq, organization_id, project_id, pir_id, kind, category, summary, recommendation, tags, created_by, version, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)`,
  );
  const firstSeq =
    ((sqlite.prepare("select coalesce(max(seq), 0) as n from lesson").get() as { n: number }).n ??
      0) + 1;
  const categories = Object.keys(defaultPlaybook);
  sqlite.transaction(() => {
    const pirs = projectIds.map((projectId) => {
      const id = `${projectId}-pir`;
      insertPir.run(id, projectId, stamp, options.author, stamp, stamp);
      return { id, projectId };
    });
    for (let i = 0; i < options.lessons; i++) {
      const review = pirs[i % pirs.length];
      if (!review) break;
      const created = new Date(
        Date.parse(stamp) - Math.floor(random() * 720) * 86_400_000,
      ).toISOString();
      const tags = [pick(LESSON_WORDS.tags), pick(LESSON_WORDS.tags)];
      insertLesson.run(
        `${review.projectId}-l${i}`,
        firstSeq + i,
        orgId,
        review.projectId,
        review.id,
        random() < 0.45 ? "went_well" : "improve",
        pick(categories),
        `${pick(LESSON_WORDS.what)} (${i + 1})`,
        pick(LESSON_WORDS.advice),
        JSON.stringify([...new Set(tags)]),
        options.author,
        created,
        created,
      );
    }
  })();
}

/** Published weekly status reports, spread over the projects (newest week last). */
export function seedReportsAtScale(
  db: Db,
  projectIds: readonly string[],
  options: { reports: number; author: string; today?: string },
) {
  const sqlite = db.$client;
  const today = options.today ?? nowIso().slice(0, 10);
  const insert = sqlite.prepare(
    `insert into status_report (id, project_id, number, period_start, period_end, status, overall, schedule, budget, scope, risk,
       summary, accomplishments, next_steps, asks, top_risks, milestones, metrics, created_by, published_at, published_by, version, created_at, updated_at)
     values (?, ?, ?, ?, ?, 'published', ?, ?, 'green', 'green', ?, 'Weekly status', '- Configuration progressing', '- Next test cycle', '', '[]', ?, ?, ?, ?, ?, 1, ?, ?)`,
  );
  const rags = ["green", "amber", "red"] as const;
  const perProject = new Map<string, number>();
  sqlite.transaction(() => {
    for (let i = 0; i < options.reports; i++) {
      const projectId = projectIds[i % projectIds.length] as string;
      const number = (perProject.get(projectId) ?? 0) + 1;
      perProject.set(projectId, number);
      const periodEnd = addDays(
        today,
        -7 * (Math.ceil(options.reports / projectIds.length) - number + 1),
      );
      const stamp = `${periodEnd}T16:00:00.000Z`;
      const milestones = JSON.stringify([
        {
          id: `${projectId}-ms0`,
          name: "Milestone 1",
          baselineDate: addDays(today, 30),
          forecastDate: addDays(today, 30 + number),
          actualDate: null,
          slip: number,
        },
      ]);
      const metrics = JSON.stringify({
        progress: Math.min(100, number * 10),
        plannedProgress: Math.min(100, number * 11),
        spi: 0.95,
        cpi: null,
        forecastCost: 0,
        plannedBudget: 0,
        actualCost: 0,
        currency: "EUR",
        openTasks: 0,
        overdueTasks: 0,
        openHighRisks: 0,
        computedHealth: rags[i % 3],
        reasons: {},
      });
      insert.run(
        `${projectId}-sr${number}`,
        projectId,
        number,
        addDays(periodEnd, -4),
        periodEnd,
        rags[i % 3],
        rags[(i + 1) % 3],
        rags[(i + 2) % 3],
        milestones,
        metrics,
        options.author,
        stamp,
        options.author,
        stamp,
        stamp,
      );
    }
  })();
}

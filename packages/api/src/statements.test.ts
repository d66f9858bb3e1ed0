/**
 * No query that grows with the data (issue 9): every procedure the authorization matrix
 * exercises is run as the PM on a small world and on one ten times larger, counting the SQL
 * statements it executes. A procedure that reads row by row (N+1) runs more statements on the
 * larger world and fails here, whatever the machine's speed.
 */
import {
  comment,
  type Db,
  eq,
  lesson,
  newId,
  notification,
  nowIso,
  seedPlanAtScale,
  seedPortfolioAtScale,
  seedRaidAtScale,
  sql,
  task,
} from "@rollout/db";
import { cloneDb } from "@rollout/db/testing";
import { describe, expect, it } from "vitest";
import { changes } from "./events.ts";
import { listProcedures } from "./procedures.ts";
import { callerFor, createWorld, type World } from "./testing/index.ts";
import { matrix } from "./testing/matrix.ts";

/** Counts every statement the database runs from now on (including reused prepared ones). */
function countStatements(db: Db) {
  const client = db.$client;
  const prepare = client.prepare.bind(client);
  const counter = { n: 0 };
  client.prepare = ((source: string) => {
    const statement = prepare(source);
    for (const method of ["run", "get", "all", "iterate"] as const) {
      const original = statement[method].bind(statement) as (...args: unknown[]) => unknown;
      (statement as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => {
        counter.n += 1;
        return original(...args);
      };
    }
    return statement;
  }) as typeof client.prepare;
  return counter;
}

/** Tables that grow with an organisation's work: a read must never walk one whole. */
const GROWING = [
  "task",
  "dependency",
  "raid_item",
  "raid_task_link",
  "raid_milestone_link",
  "stakeholder",
  "milestone",
  "phase",
  "project",
  "project_member",
  "audit_log",
  "lesson",
  "comment",
  "notification",
  "status_report",
  "communication",
];

/**
 * Every statement the database prepares from now on, with SQLite's plan for it: the steps that
 * walk a whole growing table ("SCAN task", also through an index) are kept per statement.
 */
function recordFullScans(db: Db) {
  const client = db.$client;
  const prepare = client.prepare.bind(client);
  const scans = new Map<string, string[]>();
  client.prepare = ((source: string) => {
    const statement = prepare(source);
    if (statement.reader || /^\s*(update|delete|insert)/i.test(source)) {
      try {
        const plan = prepare(`explain query plan ${source}`).all(
          ...new Array(countParams(source)).fill(null),
        ) as Array<{ detail: string }>;
        const walks = plan
          .map((step) => step.detail)
          .filter((detail) => {
            const match = /^SCAN (\w+)/.exec(detail);
            return match !== null && GROWING.includes(match[1] ?? "");
          });
        if (walks.length > 0) scans.set(source, walks);
      } catch {
        // Named parameters or pragmas: not a query to plan.
      }
    }
    return statement;
  }) as typeof client.prepare;
  return scans;
}

function countParams(source: string): number {
  return (source.match(/\?/g) ?? []).length;
}

/** Adds `n` of everything a project and organisation can hold. */
function grow(world: World, n: number) {
  const { db } = world;
  const people = [world.people.pm.userId, world.people.ipm.userId, world.people.contributor.userId];
  const plan = seedPlanAtScale(db, world.projectId, {
    tasks: n * 4,
    dependencies: n * 3,
    phases: 3,
    assignees: people,
  });
  seedRaidAtScale(db, world.projectId, {
    items: n * 2,
    stakeholders: n,
    owners: people,
    taskIds: plan.tasks,
    numberAfter: 100,
  });
  seedPortfolioAtScale(db, world.orgId, {
    projects: n,
    tasksPerProject: 4,
    raidPerProject: 2,
    stakeholdersPerProject: 1,
    milestonesPerProject: 2,
    people: { pm: world.people.pm.userId, ipm: world.people.ipm.userId },
  });
  const now = nowIso();
  const seq =
    (db
      .select({ max: sql<number>`coalesce(max(${lesson.seq}), 0)` })
      .from(lesson)
      .get()?.max ?? 0) + 1;
  for (let i = 0; i < n; i++) {
    db.insert(comment)
      .values({
        id: newId(),
        projectId: world.projectId,
        targetType: "milestone",
        targetId: world.gate.milestoneId,
        authorId: people[i % people.length] as string,
        body: `Note ${i}`,
        mentions: [world.people.pm.userId],
        createdAt: now,
        updatedAt: now,
      })
      .run();
    db.insert(notification)
      .values({
        id: newId(),
        organizationId: world.orgId,
        projectId: world.projectId,
        userId: world.people.pm.userId,
        kind: "mention",
        message: `Note ${i}`,
        targetType: "milestone",
        targetId: world.gate.milestoneId,
        actorId: world.people.ipm.userId,
        createdAt: now,
      })
      .run();
    db.insert(lesson)
      .values({
        id: newId(),
        seq: seq + i,
        organizationId: world.orgId,
        projectId: world.projectId,
        kind: i % 2 ? "went_well" : "improve",
        category: "testing",
        summary: `Lesson ${i} about test data`,
        recommendation: "Book key users early",
        tags: ["uat"],
        createdAt: now,
        updatedAt: now,
      })
      .run();
  }
}

const calls = listProcedures()
  .filter((p) => p.type !== "subscription" && matrix[p.path]?.allow.includes("pm"))
  .map((p) => p.path);

/** A copy of a world on its own database, with callers bound to the copy. */
function cloneWorld(template: World): World {
  const db = cloneDb(template.db);
  return {
    ...template,
    db,
    as: (role) => callerFor(db, role === "anonymous" ? null : template.people[role]),
  };
}

async function statementsPerProcedure(n: number) {
  const template = createWorld();
  grow(template, n);
  const counts = new Map<string, number>();
  for (const path of calls) {
    // A fresh copy per call: one procedure's writes never change another's count. Every cached
    // figure is dropped first, so each call does its cold work.
    const world = cloneWorld(template);
    changes.publish({
      orgId: world.orgId,
      projectId: null,
      entityType: "test_reset",
      entityIds: [],
      action: "reset",
      at: new Date().toISOString(),
    });
    const counter = countStatements(world.db);
    try {
      await matrix[path]?.call(world.as("pm"), world, "pm");
    } catch {
      // A refusal still counts what it read before refusing.
    }
    counts.set(path, counter.n);
  }
  return counts;
}

describe("statements per procedure", () => {
  it("can see a read that goes row by row", () => {
    const perRow = (n: number) => {
      const world = createWorld();
      grow(world, n);
      const counter = countStatements(world.db);
      const ids = world.db.select({ id: task.id }).from(task).all();
      for (const { id } of ids) world.db.select().from(task).where(eq(task.id, id)).get();
      return counter.n;
    };
    expect(perRow(30)).toBeGreaterThan(perRow(3));
  });

  it("do not grow with the data (small world vs ten times larger)", {
    timeout: 240_000,
  }, async () => {
    const small = await statementsPerProcedure(3);
    const large = await statementsPerProcedure(30);
    const grew = calls
      .filter((path) => (large.get(path) ?? 0) > (small.get(path) ?? 0))
      .map((path) => `${path}: ${small.get(path)} → ${large.get(path)}`);
    const most = [...large].sort((a, b) => b[1] - a[1]).slice(0, 5);
    console.log(
      `statement counts: ${calls.length} procedures; most: ${most.map(([p, c]) => `${p} ${c}`).join(", ")}`,
    );
    expect(grew).toEqual([]);
    // The count is real: every procedure runs at least one statement.
    expect(calls.filter((path) => (large.get(path) ?? 0) === 0)).toEqual([]);
  });

  it("never walk a whole growing table (SQLite's query plan of every statement)", {
    timeout: 240_000,
  }, async () => {
    const template = createWorld();
    grow(template, 10);
    // The check can see one: tasks by title have no index.
    const probe = cloneWorld(template);
    const probeScans = recordFullScans(probe.db);
    probe.db.select().from(task).where(eq(task.title, "Nothing")).all();
    expect([...probeScans.values()].flat()).toEqual(["SCAN task"]);
    const found: string[] = [];
    let statements = 0;
    for (const path of calls) {
      const world = cloneWorld(template);
      const scans = recordFullScans(world.db);
      const counter = countStatements(world.db);
      try {
        await matrix[path]?.call(world.as("pm"), world, "pm");
      } catch {
        // Refused calls still planned what they ran.
      }
      statements += counter.n;
      for (const [source, walks] of scans) {
        found.push(`${path}: ${walks.join("; ")} — ${source.replace(/\s+/g, " ").slice(0, 160)}`);
      }
    }
    console.log(
      `query plans: ${calls.length} procedures, ${statements} statements, ${found.length} full scans`,
    );
    expect(found).toEqual([]);
  });
});

/**
 * Plan benchmarks (issue 3): a seeded project of 5,000 tasks and 6,000 dependencies.
 * - plan.get through the real procedure (middleware, queries, mapping, output validation)
 *   against the same SQL run directly on better-sqlite3 in the same process;
 * - a bulk responsibility update of 1,000 tasks.
 * Prints a table and writes JSON to test-results/bench-plan.json. Not a test: no pass/fail.
 * Run: npx -y pnpm@10.34.9 bench
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { appRouter, createCallerFactory } from "@rollout/api";
import {
  addOrgMember,
  addProjectRole,
  contextFor,
  insertOrg,
  insertProject,
  insertUser,
} from "@rollout/api/testing";
import { createDb, seedPlanAtScale } from "@rollout/db";
import { percentile, printTable, type Row, sample } from "./stats.ts";

const TASKS = Number(process.env.BENCH_TASKS ?? 5000);
const DEPS = Number(process.env.BENCH_DEPENDENCIES ?? 6000);
const RUNS = Number(process.env.BENCH_RUNS ?? 200);

const dir = mkdtempSync(join(tmpdir(), "rollout-bench-"));
const db = createDb(join(dir, "bench.db"));
const orgId = insertOrg(db, "Bench Org", "bench");
const projectId = insertProject(db, orgId, { key: "BIG-PLAN", name: "Big plan" });
const pm = insertUser(db, "Pat PM", "pm@bench.test", orgId);
const ipm = insertUser(db, "Ivy IPM", "ipm@bench.test", orgId);
addOrgMember(db, orgId, pm.userId, "member");
addOrgMember(db, orgId, ipm.userId, "member");
addProjectRole(db, projectId, pm.userId, "pm");
addProjectRole(db, projectId, ipm.userId, "ipm");
let t = performance.now();
seedPlanAtScale(db, projectId, {
  tasks: TASKS,
  dependencies: DEPS,
  assignees: [pm.userId, ipm.userId],
});
const seedMs = performance.now() - t;
db.$client.pragma("optimize");

const caller = createCallerFactory(appRouter)(contextFor(db, pm));

// The same statements the procedure runs (access checks included), straight on the driver.
const sqlite = db.$client;
const raw = {
  project: sqlite.prepare("select * from project where id = ? and organization_id = ?"),
  member: sqlite.prepare("select role from member where organization_id = ? and user_id = ?"),
  projectMember: sqlite.prepare(
    "select role from project_member where project_id = ? and user_id = ?",
  ),
  phases: sqlite.prepare(
    "select id, name, sort_order, version from phase where project_id = ? and deleted_at is null order by sort_order",
  ),
  tasks: sqlite.prepare(
    `select t.*, u.name as assignee_name from task t left join user u on u.id = t.assignee_id
     where t.project_id = ? and t.deleted_at is null order by t.phase_id, t.sort_order`,
  ),
  dependencies: sqlite.prepare(
    `select d.id, d.predecessor_id, d.successor_id, d.type, d.lag, d.version from dependency d
     join task p on p.id = d.predecessor_id and p.deleted_at is null
     join task s on s.id = d.successor_id and s.deleted_at is null
     where d.project_id = ?`,
  ),
  people: sqlite.prepare(
    `select pm.user_id, u.name, pm.role from project_member pm join user u on u.id = pm.user_id
     where pm.project_id = ? order by u.name`,
  ),
};
function rawPlan() {
  raw.member.get(orgId, pm.userId);
  raw.project.get(projectId, orgId);
  raw.projectMember.get(projectId, pm.userId);
  return {
    phases: raw.phases.all(projectId),
    tasks: raw.tasks.all(projectId),
    dependencies: raw.dependencies.all(projectId),
    people: raw.people.all(projectId),
  };
}

const check = await caller.plan.get({ projectId });
const rawCheck = rawPlan();
if (
  check.tasks.length !== rawCheck.tasks.length ||
  check.dependencies.length !== rawCheck.dependencies.length
) {
  throw new Error("the procedure and the SQL disagree on what the plan holds");
}

const rows: Row[] = [];
const api = await sample(() => caller.plan.get({ projectId }), RUNS);
const sql = await sample(rawPlan, RUNS);
rows.push({
  operation: `plan.get (${check.tasks.length} tasks, ${check.dependencies.length} links)`,
  p50: percentile(api, 50),
  p95: percentile(api, 95),
  baselineP50: percentile(sql, 50),
  ratio: percentile(api, 50) / percentile(sql, 50),
  aim: "ratio ≤ 2",
});

// Bulk responsibility update of 1,000 tasks; each run reads fresh versions first (untimed).
const BULK = Math.min(1000, TASKS);
const bulkTimes: number[] = [];
for (let run = 0; run < 20; run++) {
  const plan = await caller.plan.get({ projectId });
  const refs = plan.tasks.slice(0, BULK).map((x) => ({ id: x.id, version: x.version }));
  const letters =
    run % 2 === 0 ? ({ ipm: "R", pm: "A" } as const) : ({ ipm: "AR", pm: "C" } as const);
  t = performance.now();
  await caller.plan.task.bulkUpdate({
    projectId,
    tasks: refs,
    changes: { responsibilities: letters },
  });
  bulkTimes.push(performance.now() - t);
}
rows.push({
  operation: `plan.task.bulkUpdate responsibilities (${BULK} tasks)`,
  p50: percentile(bulkTimes, 50),
  p95: percentile(bulkTimes, 95),
  aim: "< 200 ms",
});

printTable(
  `Plan benchmarks — ${TASKS} tasks, ${DEPS} links, ${RUNS} calls (seeded in ${seedMs.toFixed(0)} ms)`,
  rows,
);
const out = resolve(import.meta.dirname, "../../test-results");
mkdirSync(out, { recursive: true });
writeFileSync(
  join(out, "bench-plan.json"),
  JSON.stringify(
    {
      date: new Date().toISOString(),
      node: process.version,
      tasks: TASKS,
      dependencies: DEPS,
      rows,
    },
    null,
    2,
  ),
);
db.$client.close();
rmSync(dir, { recursive: true, force: true });

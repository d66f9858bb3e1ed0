/**
 * Schedule benchmarks (issue 4): 5,000 tasks and 6,000 dependencies.
 * - the critical path computed in-process (domain engine only);
 * - the full schedule.get call, against the engine's time plus the raw SQL that loads its rows.
 * Prints a table and writes JSON to test-results/bench-schedule.json. Not a test.
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
import { computeSchedule, type ScheduleLink, type ScheduleTask } from "@rollout/domain";
import { percentile, printTable, type Row, sample } from "./stats.ts";

const TASKS = Number(process.env.BENCH_TASKS ?? 5000);
const DEPS = Number(process.env.BENCH_DEPENDENCIES ?? 6000);
const RUNS = Number(process.env.BENCH_RUNS ?? 200);

const dir = mkdtempSync(join(tmpdir(), "rollout-bench-"));
const db = createDb(join(dir, "bench.db"));
const orgId = insertOrg(db, "Bench Org", "bench");
const projectId = insertProject(db, orgId, {
  key: "BIG-PLAN",
  name: "Big plan",
  startDate: "2027-01-04",
});
const pm = insertUser(db, "Pat PM", "pm@bench.test", orgId);
addOrgMember(db, orgId, pm.userId, "member");
addProjectRole(db, projectId, pm.userId, "pm");
seedPlanAtScale(db, projectId, { tasks: TASKS, dependencies: DEPS });
db.$client.pragma("optimize");
const caller = createCallerFactory(appRouter)(contextFor(db, pm));

const sqlite = db.$client;
const loadTasks = sqlite.prepare(
  `select id, title, start_date, due_date, duration, status, milestone_id, internal_only
   from task where project_id = ? and deleted_at is null`,
);
const loadLinks = sqlite.prepare(
  "select predecessor_id, successor_id, type, lag from dependency where project_id = ?",
);
const loadHolidays = sqlite.prepare("select date from holiday where organization_id = ?");
const loadMilestones = sqlite.prepare(
  "select * from milestone where project_id = ? and deleted_at is null",
);
type RawTask = {
  id: string;
  start_date: string | null;
  due_date: string | null;
  duration: number | null;
  status: string;
};
type RawLink = {
  predecessor_id: string;
  successor_id: string;
  type: ScheduleLink["type"];
  lag: number;
};
function rawRows() {
  return {
    tasks: loadTasks.all(projectId) as RawTask[],
    links: loadLinks.all(projectId) as RawLink[],
    holidays: loadHolidays.all(orgId),
    milestones: loadMilestones.all(projectId),
  };
}
const rows0 = rawRows();
const engineTasks: ScheduleTask[] = rows0.tasks.map((t) => ({
  id: t.id,
  duration: t.duration,
  startDate: t.start_date,
  dueDate: t.due_date,
  pinned: (t.status === "in_progress" || t.status === "done") && t.start_date !== null,
}));
const engineLinks: ScheduleLink[] = rows0.links.map((l) => ({
  predecessorId: l.predecessor_id,
  successorId: l.successor_id,
  type: l.type,
  lag: l.lag,
}));
const compute = () => computeSchedule(engineTasks, engineLinks, { projectStart: "2027-01-04" });

const engine = await sample(compute, RUNS);
const sql = await sample(rawRows, RUNS);
const api = await sample(() => caller.schedule.get({ projectId }), RUNS);
const floor = percentile(engine, 50) + percentile(sql, 50);
const rows: Row[] = [
  {
    operation: `critical path, in-process (${TASKS} tasks, ${DEPS} links)`,
    p50: percentile(engine, 50),
    p95: percentile(engine, 95),
    aim: "< 20 ms",
  },
  {
    operation: "schedule.get (full API call)",
    p50: percentile(api, 50),
    p95: percentile(api, 95),
    baselineP50: floor,
    ratio: percentile(api, 50) / floor,
    aim: "ratio ≤ 2 (vs engine + raw SQL)",
  },
];
printTable(`Schedule benchmarks — ${TASKS} tasks, ${DEPS} links, ${RUNS} calls`, rows);
const out = resolve(import.meta.dirname, "../../test-results");
mkdirSync(out, { recursive: true });
writeFileSync(
  join(out, "bench-schedule.json"),
  JSON.stringify({ date: new Date().toISOString(), node: process.version, rows }, null, 2),
);
db.$client.close();
rmSync(dir, { recursive: true, force: true });

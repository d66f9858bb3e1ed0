/**
 * Dashboard benchmarks (issue 6), on a portfolio of 1,000 projects with 100,000 tasks and
 * 20,000 RAID items (one project of 5,000 tasks):
 * - dashboard.portfolio: cold (nothing cached), after one project changed, and steady (all
 *   cached), against hand-written SQL for the same rows (aim < 100 ms, ratio ≤ 2);
 * - dashboard.project on the 5,000-task project (aim < 30 ms);
 * - mutation → live event over loopback on the real server, median of 100 (aim < 50 ms).
 * Prints a table and writes JSON to test-results/bench-dashboard.json. Not a test.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { appRouter, createCallerFactory } from "@rollout/api";
import { addOrgMember, contextFor, insertOrg, insertUser } from "@rollout/api/testing";
import { createDb, seedPortfolioAtScale } from "@rollout/db";
import { computeSchedule } from "@rollout/domain";
import { Client, startServer } from "../system/helpers.ts";
import { percentile, printTable, type Row, sample } from "./stats.ts";

const PROJECTS = Number(process.env.BENCH_PROJECTS ?? 1000);
const TASKS = Number(process.env.BENCH_TASKS_PER_PROJECT ?? 95);
const BIG = Number(process.env.BENCH_BIG_PROJECT_TASKS ?? 5000);
const RAID = Number(process.env.BENCH_RAID_PER_PROJECT ?? 20);
const RUNS = Number(process.env.BENCH_RUNS ?? 50);
const EVENTS = Number(process.env.BENCH_EVENTS ?? 100);

const dir = mkdtempSync(join(tmpdir(), "rollout-bench-"));
const db = createDb(join(dir, "bench.db"));
const orgId = insertOrg(db, "Bench Org", "bench");
const pm = insertUser(db, "Pat PM", "pm@bench.test", orgId);
const ipm = insertUser(db, "Ira IPM", "ipm@bench.test", orgId);
addOrgMember(db, orgId, pm.userId, "admin");
addOrgMember(db, orgId, ipm.userId, "member");
const seedStart = performance.now();
const { projectIds } = seedPortfolioAtScale(db, orgId, {
  projects: PROJECTS,
  tasksPerProject: TASKS,
  bigProjectTasks: BIG,
  raidPerProject: RAID,
  stakeholdersPerProject: 5,
  milestonesPerProject: 2,
  people: { pm: pm.userId, ipm: ipm.userId },
});
const seeded = (performance.now() - seedStart) / 1000;
db.$client.pragma("optimize");
const counts = db.$client
  .prepare(
    "select (select count(*) from project) p, (select count(*) from task) t, (select count(*) from raid_item) r",
  )
  .get() as { p: number; t: number; r: number };
console.log(
  `seeded ${counts.p} projects, ${counts.t} tasks, ${counts.r} RAID items in ${seeded.toFixed(1)} s`,
);

const caller = createCallerFactory(appRouter)(contextFor(db, pm));
const big = projectIds[0] ?? "";
const sqlite = db.$client;

// The best hand-written SQL for the same numbers: the same rows, loaded on the same driver.
const rawProjects = sqlite.prepare(
  `select p.*, m.role from project p left join project_member m on m.project_id = p.id and m.user_id = ?
   where p.organization_id = ? and p.archived_at is null order by p.target_go_live, p.key`,
);
const rawTasks = sqlite.prepare(
  `select id, project_id, parent_id, status, percent_complete, estimate_hours, actual_hours,
          start_date, due_date, duration, milestone_id
   from task where deleted_at is null`,
);
const rawLinks = sqlite.prepare(
  "select project_id, predecessor_id, successor_id, type, lag from dependency",
);
const rawMilestones = sqlite.prepare("select * from milestone where deleted_at is null");
const rawRisks = sqlite.prepare(
  `select project_id, kind, number, title, probability, impact, polarity, mitigation, severity, internal_only
   from raid_item where deleted_at is null and status in ('open','mitigating','in_progress') and kind in ('risk','issue')`,
);
const rawLeads = sqlite.prepare(
  `select m.project_id, m.role, u.name from project_member m join user u on u.id = m.user_id
   where m.role in ('ipm','pm')`,
);
type RawTask = {
  id: string;
  project_id: string;
  start_date: string | null;
  due_date: string | null;
  duration: number | null;
  status: string;
};
type RawLink = {
  project_id: string;
  predecessor_id: string;
  successor_id: string;
  type: "FS" | "SS" | "FF" | "SF";
  lag: number;
};

/** Cold: every row, and the critical path of every project (what nothing cached costs). */
function rawCold() {
  const projects = rawProjects.all(pm.userId, orgId) as Array<{ id: string; start_date: string }>;
  const tasks = rawTasks.all() as RawTask[];
  const links = rawLinks.all() as RawLink[];
  rawMilestones.all();
  rawRisks.all();
  rawLeads.all();
  const tasksBy = new Map<string, RawTask[]>();
  for (const t of tasks) tasksBy.set(t.project_id, [...(tasksBy.get(t.project_id) ?? []), t]);
  const linksBy = new Map<string, RawLink[]>();
  for (const l of links) linksBy.set(l.project_id, [...(linksBy.get(l.project_id) ?? []), l]);
  for (const p of projects) {
    computeSchedule(
      (tasksBy.get(p.id) ?? []).map((t) => ({
        id: t.id,
        duration: t.duration,
        startDate: t.start_date,
        dueDate: t.due_date,
        pinned: (t.status === "in_progress" || t.status === "done") && t.start_date !== null,
      })),
      (linksBy.get(p.id) ?? []).map((l) => ({
        predecessorId: l.predecessor_id,
        successorId: l.successor_id,
        type: l.type,
        lag: l.lag,
      })),
      { projectStart: p.start_date },
    );
  }
}
/** Steady: what a cached hand-written endpoint reads (the list and its leads). */
function rawWarm() {
  rawProjects.all(pm.userId, orgId);
  rawLeads.all();
}

const rows: Row[] = [];
const coldTimes: number[] = [];
const coldRaw: number[] = [];
for (let i = 0; i < 3; i++) {
  // A change to every project's organisation (a holiday) invalidates every cached figure.
  await caller.org.setHolidays({ holidays: [{ date: `2031-01-0${i + 1}`, name: "Bench day" }] });
  let t = performance.now();
  await caller.dashboard.portfolio({});
  coldTimes.push(performance.now() - t);
  t = performance.now();
  rawCold();
  coldRaw.push(performance.now() - t);
}
rows.push({
  operation: `dashboard.portfolio, cold (${counts.p} projects, ${counts.t} tasks)`,
  p50: percentile(coldTimes, 50),
  p95: percentile(coldTimes, 95),
  baselineP50: percentile(coldRaw, 50),
  ratio: percentile(coldTimes, 50) / percentile(coldRaw, 50),
  aim: "ratio ≤ 2 (vs raw rows + critical paths)",
});

const oneChangedTimes: number[] = [];
for (let i = 0; i < Math.min(RUNS, 30); i++) {
  const id = projectIds[1 + (i % Math.max(1, projectIds.length - 1))] ?? "";
  const item = await caller.raid.get({ projectId: id, itemId: `${id}-r0` });
  await caller.raid.update({
    projectId: id,
    itemId: item.id,
    version: item.version,
    changes: { title: `Touched ${i}` },
  });
  const t = performance.now();
  await caller.dashboard.portfolio({});
  oneChangedTimes.push(performance.now() - t);
}
rows.push({
  operation: "dashboard.portfolio, one project changed since last view",
  p50: percentile(oneChangedTimes, 50),
  p95: percentile(oneChangedTimes, 95),
  aim: "< 100 ms",
});

const warm = await sample(() => caller.dashboard.portfolio({}), RUNS);
const warmRaw = await sample(rawWarm, RUNS);
rows.push({
  operation: "dashboard.portfolio, steady (figures cached)",
  p50: percentile(warm, 50),
  p95: percentile(warm, 95),
  baselineP50: percentile(warmRaw, 50),
  ratio: percentile(warm, 50) / percentile(warmRaw, 50),
  aim: "< 100 ms",
});

const afterRisk: number[] = [];
for (let i = 0; i < 20; i++) {
  const item = await caller.raid.get({ projectId: big, itemId: `${big}-r0` });
  await caller.raid.update({
    projectId: big,
    itemId: item.id,
    version: item.version,
    changes: { title: `Big ${i}` },
  });
  const t = performance.now();
  await caller.dashboard.project({ projectId: big });
  afterRisk.push(performance.now() - t);
}
rows.push({
  operation: `dashboard.project (${BIG} tasks), after a risk changed`,
  p50: percentile(afterRisk, 50),
  p95: percentile(afterRisk, 95),
  aim: "< 30 ms",
});
const afterTask: number[] = [];
for (let i = 0; i < 20; i++) {
  const taskId = `${big}-t${100 + i}`;
  const current = sqlite
    .prepare("select version, percent_complete as percentComplete from task where id = ?")
    .get(taskId) as { version: number; percentComplete: number };
  await caller.plan.task.update({
    projectId: big,
    taskId,
    version: current.version,
    changes: { percentComplete: (current.percentComplete + 10) % 100 },
  });
  const t = performance.now();
  await caller.dashboard.project({ projectId: big });
  afterTask.push(performance.now() - t);
}
// The floor for a plan change: the same rows read by hand on the same driver, and the
// critical path computed over them (what any correct answer has to do).
const rawBigTasks = sqlite
  .prepare(
    `select t.id, t.parent_id, t.status, t.percent_complete, t.estimate_hours, t.actual_hours,
            t.start_date, t.due_date, t.duration, t.milestone_id, t.title, t.phase_id,
            t.internal_only, t.raci_ipm, t.raci_pm, u.name
     from task t left join user u on u.id = t.assignee_id
     where t.project_id = ? and t.deleted_at is null`,
  )
  .raw(true);
const rawBigLinks = sqlite
  .prepare("select predecessor_id, successor_id, type, lag from dependency where project_id = ?")
  .raw(true);
const bigStart = (
  sqlite.prepare("select start_date from project where id = ?").get(big) as { start_date: string }
).start_date;
const rawAfterTask = await sample(() => {
  const tasks = rawBigTasks.all(big) as unknown[][];
  const links = rawBigLinks.all(big) as unknown[][];
  computeSchedule(
    tasks.map((t) => ({
      id: t[0] as string,
      duration: t[8] as number | null,
      startDate: t[6] as string | null,
      dueDate: t[7] as string | null,
      pinned: (t[2] === "in_progress" || t[2] === "done") && t[6] !== null,
    })),
    links.map((l) => ({
      predecessorId: l[0] as string,
      successorId: l[1] as string,
      type: l[2] as "FS",
      lag: l[3] as number,
    })),
    { projectStart: bigStart },
  );
}, 20);
rows.push({
  operation: `dashboard.project (${BIG} tasks), after a task changed`,
  p50: percentile(afterTask, 50),
  p95: percentile(afterTask, 95),
  baselineP50: percentile(rawAfterTask, 50),
  ratio: percentile(afterTask, 50) / percentile(rawAfterTask, 50),
  aim: "< 30 ms (floor: rows + critical path by hand)",
});
const bigWarm = await sample(() => caller.dashboard.project({ projectId: big }), RUNS);
rows.push({
  operation: `dashboard.project (${BIG} tasks), steady`,
  p50: percentile(bigWarm, 50),
  p95: percentile(bigWarm, 95),
  aim: "< 30 ms",
});
db.$client.close();
rmSync(dir, { recursive: true, force: true });

// Live: the real server over loopback, a mutation by one person, the event at another's stream.
const server = await startServer();
const owner = new Client(server);
await owner.signUp("owner@bench.test");
await owner.mutate("org.create", { name: "Live bench", slug: "live-bench" });
const created = (await (
  await owner.mutate("project.create", {
    key: "LIVE-1",
    name: "Live project",
    customer: "",
    kind: "software",
    stage: "build",
    status: "active",
    startDate: "2026-11-02",
    targetGoLive: "2027-02-01",
    actualGoLive: null,
    plannedBudget: 0,
    actualCost: 0,
    currency: "EUR",
    objectives: "",
  })
).json()) as { result: { data: { id: string } } };
const liveProject = created.result.data.id;
const controller = new AbortController();
const stream = await fetch(`${server.url}/trpc/live.changes`, {
  headers: { accept: "text/event-stream", cookie: owner.cookie, "sec-fetch-site": "same-origin" },
  signal: controller.signal,
});
const reader = stream.body?.getReader();
if (!reader) throw new Error("no stream");
const decoder = new TextDecoder();
let buffer = "";
const arrivals: number[] = [];
const reading = (async () => {
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let cut = buffer.indexOf("\n\n");
      while (cut >= 0) {
        const block = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        if (block.includes('"entityType":"phase"')) arrivals.push(performance.now());
        cut = buffer.indexOf("\n\n");
      }
    }
  } catch {
    // closed
  }
})();
await new Promise((r) => setTimeout(r, 100));
const latencies: number[] = [];
for (let i = 0; i < EVENTS; i++) {
  const before = arrivals.length;
  const sent = performance.now();
  await owner.mutate("plan.phase.create", { projectId: liveProject, name: `Phase ${i}` });
  while (arrivals.length === before) await new Promise((r) => setTimeout(r, 1));
  latencies.push((arrivals[before] ?? sent) - sent);
}
controller.abort();
await reading;
await server.close();
rows.push({
  operation: `mutation → live event over loopback (${EVENTS} events)`,
  p50: percentile(latencies, 50),
  p95: percentile(latencies, 95),
  aim: "< 50 ms",
});

printTable(
  `Dashboard benchmarks — ${counts.p} projects, ${counts.t} tasks, ${counts.r} RAID items`,
  rows,
);
const out = resolve(import.meta.dirname, "../../test-results");
mkdirSync(out, { recursive: true });
writeFileSync(
  join(out, "bench-dashboard.json"),
  JSON.stringify(
    { date: new Date().toISOString(), node: process.version, seeded, counts, rows },
    null,
    2,
  ),
);

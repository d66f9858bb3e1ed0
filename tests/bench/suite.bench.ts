/**
 * The benchmark suite (issue 9): every key operation on the scale data, through the real
 * procedure (validation, access checks, services, output validation) and as hand-written SQL on
 * the same driver in the same process (tests/bench/suite/raw.ts), side by side: p50 and p95 over
 * at least 200 calls and their ratio. Then the same over HTTP with autocannon, against a bare
 * node:http + better-sqlite3 server (tests/bench/suite/bare.ts). It runs at 1×, 10× and 100× of
 * a base size and prints how each operation grows.
 *
 * Prints tables and writes JSON to test-results/bench-suite.json. Not a test: nothing here
 * passes or fails on time.
 *
 * Run: npx -y pnpm@10.34.9 bench
 * BENCH_SIZES (default "0.01,0.1,1": the scale seeder's size; 1 = 1,000 projects and 100,000
 * tasks), BENCH_RUNS (default 200), BENCH_HTTP_SECONDS (default 10), BENCH_HTTP=0 to skip HTTP.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { join, resolve } from "node:path";
import {
  appRouter,
  type Context,
  createCallerFactory,
  hashPassword,
  silentLogger,
} from "@rollout/api";
import { createDb, type Db, seedScaleOrganisation } from "@rollout/db";
import { builtInTemplate, isAccountable, isResponsible, type Plan, parties } from "@rollout/domain";
import { percentile } from "./stats.ts";
import { type HttpResult, httpComparison } from "./suite/http.ts";
import { rawQueries } from "./suite/raw.ts";

const SIZES = (process.env.BENCH_SIZES ?? "0.01,0.1,1").split(",").map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const HTTP = process.env.BENCH_HTTP !== "0";
const HTTP_SECONDS = Number(process.env.BENCH_HTTP_SECONDS ?? 10);
/** A whole-portfolio computation by hand takes seconds at size 1: those stop after this long. */
const BUDGET_MS = Number(process.env.BENCH_BUDGET_MS ?? 20_000);
const TODAY = new Date().toISOString().slice(0, 10);

interface Measured {
  n: number;
  p50: number;
  p95: number;
}

interface OpResult {
  operation: string;
  kind: "read" | "write";
  /** How the work should grow with the data: flat (a page, one row) or linear in `rows`. */
  growth: "flat" | "linear";
  rows: number;
  api: Measured;
  sql: Measured;
  ratio: number;
}

/** Times `fn` up to `runs` times (fewer past the time budget, never under `min`), `setup` untimed. */
async function measure(
  fn: (i: number) => unknown,
  options: { runs?: number; setup?: (i: number) => unknown; warmup?: number; min?: number } = {},
): Promise<Measured> {
  const runs = options.runs ?? RUNS;
  for (let i = 0; i < (options.warmup ?? 5); i++) {
    await options.setup?.(-1 - i);
    await fn(-1 - i);
  }
  const times: number[] = [];
  const started = performance.now();
  for (let i = 0; i < runs; i++) {
    await options.setup?.(i);
    const t = performance.now();
    await fn(i);
    times.push(performance.now() - t);
    if (performance.now() - started > BUDGET_MS && times.length >= (options.min ?? 5)) break;
  }
  return { n: times.length, p50: percentile(times, 50), p95: percentile(times, 95) };
}

function contextFor(db: Db, userId: string, orgId: string): Context {
  return {
    db,
    actor: {
      userId,
      sessionId: "bench",
      name: "Bench",
      email: "bench@rollout.test",
      activeOrgId: orgId,
    },
    requestId: "bench",
    log: silentLogger,
    appUrl: "http://bench.test",
    isProduction: true,
  };
}

interface SizeRun {
  size: number;
  counts: Record<string, number>;
  seedSeconds: number;
  bigTasks: number;
  ops: OpResult[];
  http: HttpResult[] | null;
}

async function runSize(size: number, withHttp: boolean): Promise<SizeRun> {
  const dir = mkdtempSync(join(tmpdir(), "rollout-suite-"));
  const file = join(dir, "scale.db");
  const db = createDb(file);
  const bigTasks = Math.max(50, Math.round(5000 * size));
  const seeded = await seedScaleOrganisation(db, {
    size,
    seed: 42,
    bigProjectTasks: bigTasks,
    hashPassword,
  });
  console.log(
    `\nsize ${size}: seeded in ${seeded.seconds.toFixed(1)} s — ${JSON.stringify(seeded.counts)}`,
  );
  const { orgId, pmId } = seeded;
  const sqlite = db.$client;
  const caller = createCallerFactory(appRouter)(contextFor(db, pmId, orgId));
  const raw = rawQueries(db, { orgId, userId: pmId });
  const big = seeded.projectIds[0] ?? "";
  const others = seeded.projectIds.slice(1);
  const ops: OpResult[] = [];
  const add = (
    operation: string,
    kind: OpResult["kind"],
    growth: OpResult["growth"],
    rows: number,
    api: Measured,
    sql: Measured,
  ) => {
    const op = { operation, kind, growth, rows, api, sql, ratio: api.p50 / sql.p50 };
    ops.push(op);
    console.log(
      `  ${operation.padEnd(48)} api p50 ${api.p50.toFixed(2).padStart(8)} p95 ${api.p95.toFixed(2).padStart(8)} (n=${api.n})   sql p50 ${sql.p50.toFixed(2).padStart(8)} (n=${sql.n})   ratio ${op.ratio.toFixed(2)}`,
    );
  };
  const taskVersion = sqlite.prepare("select version, percent_complete p from task where id = ?");
  const liveTasks = sqlite.prepare(
    "select id, version from task where project_id = ? and deleted_at is null order by sort_order, id limit ?",
  );
  const portfolioRows = seeded.counts.tasks;

  // Sanity: both sides must see the same data, or the comparison means nothing.
  const plan = await caller.plan.get({ projectId: big });
  const rawPlan = raw.plan(big);
  if (plan.tasks.length !== rawPlan.tasks.length || plan.tasks.length !== bigTasks) {
    throw new Error(
      `plan: API ${plan.tasks.length} tasks, SQL ${rawPlan.tasks.length}, seeded ${bigTasks}`,
    );
  }
  const portfolio = await caller.dashboard.portfolio({});
  const rawPortfolio = raw.portfolio();
  if (portfolio.items.length !== rawPortfolio.projects) {
    throw new Error(
      `portfolio: API ${portfolio.items.length} projects, SQL ${rawPortfolio.projects}`,
    );
  }

  // ── Reads ──────────────────────────────────────────────────────────────────────────────────
  const portfolioSql = await measure(() => raw.portfolio(), { min: 3 });
  add(
    `portfolio (${portfolio.items.length} projects), steady`,
    "read",
    "linear",
    portfolioRows,
    await measure(() => caller.dashboard.portfolio({})),
    portfolioSql,
  );
  // A task edited somewhere in the organisation before each view (what a busy org sees).
  let touch = 0;
  const touchTask = async () => {
    const projectId = others[touch++ % others.length] ?? big;
    const taskId = (liveTasks.get(projectId, 1) as { id: string }).id;
    const row = taskVersion.get(taskId) as { version: number; p: number };
    await caller.plan.task.update({
      projectId,
      taskId,
      version: row.version,
      changes: { percentComplete: (row.p + 5) % 100 },
    });
  };
  add(
    "portfolio, after a task changed in one project",
    "read",
    "linear",
    portfolioRows,
    await measure(() => caller.dashboard.portfolio({}), { setup: touchTask }),
    portfolioSql,
  );

  const dashboardSql = await measure(() => raw.projectDashboard(big));
  add(
    `project dashboard (${bigTasks} tasks), steady`,
    "read",
    "linear",
    bigTasks,
    await measure(() => caller.dashboard.project({ projectId: big })),
    dashboardSql,
  );
  let bigTouch = 0;
  const touchBig = async () => {
    const taskId = plan.tasks[bigTouch++ % plan.tasks.length]?.id ?? "";
    const row = taskVersion.get(taskId) as { version: number; p: number };
    await caller.plan.task.update({
      projectId: big,
      taskId,
      version: row.version,
      changes: { percentComplete: (row.p + 5) % 100 },
    });
  };
  add(
    "project dashboard, after one of its tasks changed",
    "read",
    "linear",
    bigTasks,
    await measure(() => caller.dashboard.project({ projectId: big }), { setup: touchBig }),
    dashboardSql,
  );
  add(
    `plan load (${bigTasks} tasks, ${plan.dependencies.length} links)`,
    "read",
    "linear",
    bigTasks,
    await measure(() => caller.plan.get({ projectId: big })),
    await measure(() => raw.plan(big)),
  );
  // The first page of the PM's tasks across every project (My work), and each group's count.
  const page = await caller.myWork.list({ today: TODAY, limit: 50 });
  const rawPage = raw.myWork(TODAY, 50);
  const total = Object.values(page.counts).reduce((a, b) => a + b, 0);
  add(
    `one page of tasks (My work: 50 of ${total})`,
    "read",
    "flat",
    50,
    await measure(() => caller.myWork.list({ today: TODAY, limit: 50 })),
    await measure(() => raw.myWork(TODAY, 50)),
  );
  if (rawPage.items.length !== page.items.length) {
    console.warn(`  ! My work: API page ${page.items.length} rows, SQL ${rawPage.items.length}`);
  }
  add(
    `responsibility matrix (${bigTasks} tasks)`,
    "read",
    "linear",
    bigTasks,
    await measure(async () => matrixOf(await caller.plan.get({ projectId: big }))),
    await measure(() => raw.matrix(big)),
  );
  add(
    `critical path (schedule, ${bigTasks} tasks)`,
    "read",
    "linear",
    bigTasks,
    await measure(() => caller.schedule.get({ projectId: big })),
    await measure(() => raw.criticalPath(big)),
  );
  const raidProject = (
    sqlite
      .prepare(
        "select project_id id, count(*) n from raid_item where deleted_at is null group by project_id order by n desc limit 1",
      )
      .get() as { id: string; n: number }
  ).id;
  const raidItems = (await caller.raid.list({ projectId: raidProject })).items.length;
  add(
    `RAID register + heat map (${raidItems} items)`,
    "read",
    "flat",
    raidItems,
    await measure(async () => {
      await caller.raid.list({ projectId: raidProject });
      await caller.raid.heatMap({ projectId: raidProject });
    }),
    await measure(() => raw.raid(raidProject)),
  );
  const people = (await caller.stakeholder.list({ projectId: raidProject })).length;
  add(
    `stakeholder grid (${people} people)`,
    "read",
    "flat",
    people,
    await measure(() => caller.stakeholder.list({ projectId: raidProject })),
    await measure(() => raw.stakeholderGrid(raidProject)),
  );
  const search = await caller.lesson.search({ text: "data migration" });
  add(
    `lessons search, one page (of ${seeded.counts.lessons})`,
    "read",
    "flat",
    search.items.length,
    await measure(() => caller.lesson.search({ text: "data migration" })),
    await measure(() => raw.lessons("data migration")),
  );

  // ── Writes ─────────────────────────────────────────────────────────────────────────────────
  const target = others[0] ?? big;
  const phaseId = (
    sqlite
      .prepare("select id from phase where project_id = ? and deleted_at is null limit 1")
      .get(target) as {
      id: string;
    }
  ).id;
  add(
    "create task",
    "write",
    "flat",
    1,
    await measure((i) =>
      caller.plan.task.create({
        projectId: target,
        phaseId,
        title: `Bench task ${i}`,
        category: "configuration",
      }),
    ),
    await measure((i) => raw.createTask(target, phaseId, `Raw task ${i}`)),
  );
  const updateIds = (liveTasks.all(target, 50) as Array<{ id: string }>).map((r) => r.id);
  let version = { id: "", v: 0, p: 0 };
  const readVersion = (i: number) => {
    const id = updateIds[Math.abs(i) % updateIds.length] ?? "";
    const row = taskVersion.get(id) as { version: number; p: number };
    version = { id, v: row.version, p: row.p };
  };
  add(
    "update task",
    "write",
    "flat",
    1,
    await measure(
      () =>
        caller.plan.task.update({
          projectId: target,
          taskId: version.id,
          version: version.v,
          changes: { percentComplete: (version.p + 1) % 100 },
        }),
      { setup: readVersion },
    ),
    await measure(() => raw.updateTask(target, version.id, version.v, (version.p + 1) % 100), {
      setup: readVersion,
    }),
  );
  const bulkCount = Math.min(1000, bigTasks);
  let refs: Array<{ id: string; version: number }> = [];
  const readRefs = () => {
    refs = liveTasks.all(big, bulkCount) as Array<{ id: string; version: number }>;
  };
  add(
    `bulk update (${bulkCount} tasks' letters)`,
    "write",
    "linear",
    bulkCount,
    await measure(
      (i) =>
        caller.plan.task.bulkUpdate({
          projectId: big,
          tasks: refs,
          changes: {
            responsibilities: i % 2 === 0 ? { ipm: "R", pm: "A" } : { ipm: "AR", pm: "C" },
          },
        }),
      { setup: readRefs },
    ),
    await measure(
      (i) => raw.bulkUpdate(big, refs, i % 2 === 0 ? "R" : "AR", i % 2 === 0 ? "A" : "C"),
      {
        setup: readRefs,
      },
    ),
  );
  const saas = builtInTemplate("builtin:saas-rollout");
  if (!saas) throw new Error("the SaaS built-in template is missing");
  add(
    `create project from template (${saas.body.tasks.length} tasks)`,
    "write",
    "flat",
    saas.body.tasks.length,
    await measure((i) =>
      caller.template.createProject({
        key: `B${String(i + 10).replace("-", "M")}`,
        name: `Bench ${i}`,
        customer: "Bench Corp",
        kind: "software",
        stage: "planning",
        status: "active",
        startDate: "2027-01-04",
        targetGoLive: null,
        actualGoLive: null,
        plannedBudget: 0,
        actualCost: 0,
        currency: "EUR",
        objectives: "",
        creatorRole: "pm",
        templateId: saas.id,
      }),
    ),
    await measure((i) =>
      raw.createFromTemplate(`R${String(i + 10).replace("-", "M")}`, saas.body, "2027-01-04"),
    ),
  );

  sqlite.pragma("wal_checkpoint(TRUNCATE)");
  db.$client.close();
  const http = withHttp ? await httpComparison(file, HTTP_SECONDS) : null;
  rmSync(dir, { recursive: true, force: true });
  return { size, counts: seeded.counts, seedSeconds: seeded.seconds, bigTasks, ops, http };
}

/** What the matrix page computes from the plan: each phase's R and A per party, and hand-offs. */
function matrixOf(plan: Pick<Plan, "tasks">) {
  const byPhase = new Map<string, number[]>();
  let handOffs = 0;
  for (const task of plan.tasks) {
    const counts = byPhase.get(task.phaseId) ?? new Array(parties.length * 2).fill(0);
    let r = -1;
    let a = -1;
    for (const [i, party] of parties.entries()) {
      const letter = task.responsibilities[party];
      if (isResponsible(letter)) {
        counts[i * 2] += 1;
        r = i;
      }
      if (isAccountable(letter)) {
        counts[i * 2 + 1] += 1;
        a = i;
      }
    }
    if (r >= 0 && a >= 0 && r !== a) handOffs++;
    byPhase.set(task.phaseId, counts);
  }
  return { phases: byPhase.size, handOffs };
}

// ── Run every size, then the tables ─────────────────────────────────────────────────────────
const runs: SizeRun[] = [];
for (const [i, size] of SIZES.entries())
  runs.push(await runSize(size, HTTP && i === SIZES.length - 1));

const fmt = (n: number) => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));
const largest = runs[runs.length - 1];
if (!largest) throw new Error("no sizes to run");
console.log(
  `\nKey operations at size ${largest.size} (${largest.counts.projects} projects, ${largest.counts.tasks} tasks; big project ${largest.bigTasks} tasks) — server time in-process, ${RUNS} calls unless n says fewer`,
);
console.table(
  largest.ops.map((o) => ({
    operation: o.operation,
    "p50 ms": fmt(o.api.p50),
    "p95 ms": fmt(o.api.p95),
    n: o.api.n,
    "SQL p50 ms": fmt(o.sql.p50),
    "SQL p95 ms": fmt(o.sql.p95),
    "SQL n": o.sql.n,
    ratio: o.ratio.toFixed(2),
    aim: `${o.kind === "read" ? "≤ 1.5" : "≤ 2"} ${o.ratio <= (o.kind === "read" ? 1.5 : 2) ? "✓" : "✗"}`,
  })),
);

if (runs.length > 1) {
  const base = runs[0] as SizeRun;
  console.log(
    `\nGrowth: p50 at each size relative to size ${base.size} (flat: a page or one row, aim ≤ 2×; linear: at most the growth of the rows summarised)`,
  );
  console.table(
    base.ops.map((o, index) => {
      const row: Record<string, string> = { operation: o.operation.replace(/ \(.*\)/, "") };
      let verdict = true;
      for (const r of runs) {
        const op = r.ops[index];
        if (!op) continue;
        const growth = op.api.p50 / o.api.p50;
        const rowsGrowth = op.rows / o.rows;
        row[`×${(r.size / base.size).toFixed(0)} ms`] = fmt(op.api.p50);
        if (r !== base) {
          const sqlGrowth = op.sql.p50 / o.sql.p50;
          row[`×${(r.size / base.size).toFixed(0)} growth`] =
            `${growth.toFixed(1)}× (SQL ${sqlGrowth.toFixed(1)}×, rows ${rowsGrowth.toFixed(0)}×)`;
          // Within its kind's bound, or growing no faster than the hand-written SQL itself.
          const bound = o.growth === "flat" ? 2 : Math.max(2, rowsGrowth * 1.25);
          verdict &&= growth <= bound || growth <= sqlGrowth * 1.25;
        }
      }
      row.expected = o.growth;
      row.ok = verdict ? "✓" : "✗";
      return row;
    }),
  );
}

if (largest.http) {
  console.log(
    `\nOver HTTP (autocannon, ${HTTP_SECONDS} s each, same database, separate server processes)`,
  );
  console.table(
    largest.http.map((h) => ({
      target: h.target,
      server: h.server,
      "req/s": h.requestsPerSecond.toFixed(h.requestsPerSecond < 10 ? 1 : 0),
      "p50 ms": h.p50,
      "p99 ms": h.p99,
      errors: h.errors,
      "non-2xx": h.non2xx,
      "RSS MB": h.rssMb?.toFixed(0) ?? "",
      "Rollout ÷ this": h.vsBare?.toFixed(2) ?? "",
      "same JSON": h.sameJson === undefined ? "" : h.sameJson ? "yes" : "NO",
    })),
  );
}

const out = resolve(import.meta.dirname, "../../test-results");
mkdirSync(out, { recursive: true });
writeFileSync(
  join(out, "bench-suite.json"),
  JSON.stringify(
    {
      date: new Date().toISOString(),
      machine: {
        cpus: cpus().length,
        cpu: cpus()[0]?.model,
        memoryGb: Math.round(totalmem() / 2 ** 30),
        node: process.version,
      },
      runs: RUNS,
      sizes: runs,
    },
    null,
    2,
  ),
);
console.log(`\nJSON: ${join(out, "bench-suite.json")}`);

// The same tables as Markdown, for docs/performance.md.
const md: string[] = [];
const mdTable = (header: string[], rows: string[][]) => {
  md.push(`| ${header.join(" | ")} |`, `|${header.map(() => "---").join("|")}|`);
  for (const r of rows) md.push(`| ${r.join(" | ")} |`);
  md.push("");
};
md.push(
  `Size ${largest.size}: ${largest.counts.projects} projects, ${largest.counts.tasks} tasks, ${largest.counts.dependencies} links, ${largest.counts.raid} RAID items, ${largest.counts.stakeholders} stakeholders, ${largest.counts.lessons} lessons; the big project ${largest.bigTasks} tasks.`,
  "",
);
mdTable(
  [
    "operation",
    "p50 ms",
    "p95 ms",
    "calls",
    "SQL p50 ms",
    "SQL p95 ms",
    "SQL calls",
    "ratio",
    "aim",
  ],
  largest.ops.map((o) => [
    o.operation,
    fmt(o.api.p50),
    fmt(o.api.p95),
    String(o.api.n),
    fmt(o.sql.p50),
    fmt(o.sql.p95),
    String(o.sql.n),
    o.ratio.toFixed(2),
    `${o.kind === "read" ? "≤ 1.5" : "≤ 2"} ${o.ratio <= (o.kind === "read" ? 1.5 : 2) ? "✓" : "✗"}`,
  ]),
);
if (runs.length > 1) {
  const base = runs[0] as SizeRun;
  mdTable(
    [
      "operation",
      ...runs.map((r) => `×${(r.size / base.size).toFixed(0)} p50 ms`),
      `growth ×${(largest.size / base.size).toFixed(0)}`,
      "SQL growth",
      "rows",
      "expected",
    ],
    base.ops.map((o, index) => {
      const last = largest.ops[index];
      return [
        o.operation.replace(/ \(.*\)/, ""),
        ...runs.map((r) => fmt(r.ops[index]?.api.p50 ?? Number.NaN)),
        last ? `${(last.api.p50 / o.api.p50).toFixed(1)}×` : "",
        last ? `${(last.sql.p50 / o.sql.p50).toFixed(1)}×` : "",
        last ? `${(last.rows / o.rows).toFixed(0)}×` : "",
        o.growth,
      ];
    }),
  );
}
if (largest.http) {
  mdTable(
    [
      "target",
      "server",
      "req/s",
      "p50 ms",
      "p99 ms",
      "errors",
      "non-2xx",
      "RSS MB",
      "Rollout ÷ this",
      "same JSON",
    ],
    largest.http.map((h) => [
      h.target,
      h.server,
      h.requestsPerSecond.toFixed(h.requestsPerSecond < 10 ? 1 : 0),
      String(h.p50),
      String(h.p99),
      String(h.errors),
      String(h.non2xx),
      h.rssMb?.toFixed(0) ?? "",
      h.vsBare?.toFixed(2) ?? "",
      h.sameJson === undefined ? "" : h.sameJson ? "yes" : "no",
    ]),
  );
}
writeFileSync(join(out, "bench-suite.md"), md.join("\n"));
console.log(`Markdown: ${join(out, "bench-suite.md")}`);

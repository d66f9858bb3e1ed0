/**
 * Load (issue 8, not part of CI): the real server as its own process on the demo data plus a
 * portfolio at scale, 50 connections of mixed traffic for 60 s (portfolio dashboard, project
 * dashboard, plan reads, task edits) with autocannon — twice. Prints errors, p50/p99, requests
 * per second, and the server's RSS after a warm-up, after the first run and after the second
 * (memory growth between the runs, aim ≤ 10%). Writes test-results/bench-load.json.
 *   BENCH_LOAD_SECONDS=60 BENCH_LOAD_CONNECTIONS=50 BENCH_LOAD_PROJECTS=300
 */
import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { hashPassword } from "@rollout/api";
import { createDb, eq, project, seedDemo, seedPortfolioAtScale, task, user } from "@rollout/db";
import autocannon from "autocannon";
import { freePort } from "../system/helpers.ts";

const SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 60);
const CONNECTIONS = Number(process.env.BENCH_LOAD_CONNECTIONS ?? 50);
const PROJECTS = Number(process.env.BENCH_LOAD_PROJECTS ?? 300);

const dir = mkdtempSync(join(tmpdir(), "rollout-load-"));
const file = join(dir, "rollout.db");
const db = createDb(file);
await seedDemo(db, hashPassword);
const pm = db.select().from(user).where(eq(user.email, "pm@rollout.demo")).get();
const ipm = db.select().from(user).where(eq(user.email, "ipm@rollout.demo")).get();
const acme = db.select().from(project).where(eq(project.key, "ACME-CRM")).get();
if (!pm || !ipm || !acme) throw new Error("demo missing");
const orgId = acme.organizationId;
const seedStart = performance.now();
seedPortfolioAtScale(db, orgId, {
  projects: PROJECTS,
  tasksPerProject: 95,
  bigProjectTasks: 2000,
  raidPerProject: 20,
  stakeholdersPerProject: 5,
  milestonesPerProject: 2,
  people: { pm: pm.id, ipm: ipm.id },
});
const tasks = db
  .select({ id: task.id, version: task.version })
  .from(task)
  .where(eq(task.projectId, acme.id))
  .all();
db.$client.close();
console.log(
  `seeded the demo and ${PROJECTS} more projects in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`,
);

const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const server = spawn(process.execPath, [productionServer(), "start"], {
  cwd: resolve(import.meta.dirname, "../../apps/server"),
  env: {
    ...process.env,
    NODE_ENV: "production",
    LOG_LEVEL: "warn",
    DATABASE_FILE: file,
    PORT: String(port),
    SEED_DEMO: "false",
  },
  stdio: "ignore",
});
for (;;) {
  try {
    if ((await fetch(`${base}/healthz`)).ok) break;
  } catch {
    // starting
  }
  await new Promise((r) => setTimeout(r, 100));
}
const rssMb = () => {
  const status = readFileSync(`/proc/${server.pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
};
const signIn = await fetch(`${base}/api/auth/sign-in/email`, {
  method: "POST",
  headers: { "content-type": "application/json", origin: base },
  body: JSON.stringify({ email: "pm@rollout.demo", password: "rollout-demo-2026" }),
});
const cookie =
  (signIn.headers.getSetCookie().find((c) => c.startsWith("rollout.session_token=")) ?? "").split(
    ";",
  )[0] ?? "";
const headers = { cookie, "x-rollout-csrf": "1", "content-type": "application/json" };
const q = (path: string, input: unknown) =>
  `/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`;

// Task edits cycle through the project's tasks, so no two in flight touch the same one; each
// answer carries the new version for the next edit of that task.
const versions = new Map(tasks.map((t) => [t.id, t.version]));
const failures = new Map<number, number>();
let sample = "";
let next = 0;
const requests: autocannon.Request[] = [
  { method: "GET", path: q("dashboard.portfolio", {}) },
  { method: "GET", path: q("dashboard.project", { projectId: acme.id }) },
  { method: "GET", path: q("plan.get", { projectId: acme.id }) },
  {
    method: "POST",
    path: "/trpc/plan.task.update",
    setupRequest: (req) => {
      const t = tasks[next++ % tasks.length];
      if (!t) return req;
      return {
        ...req,
        body: JSON.stringify({
          projectId: acme.id,
          taskId: t.id,
          version: versions.get(t.id),
          changes: { actualHours: next % 40 },
        }),
      };
    },
    onResponse: (status, body) => {
      if (status !== 200) {
        failures.set(status, (failures.get(status) ?? 0) + 1);
        if (!sample) sample = body.slice(0, 300);
        return;
      }
      const saved = JSON.parse(body) as { result: { data: { id: string; version: number } } };
      versions.set(saved.result.data.id, saved.result.data.version);
    },
  },
];

/** Edits cut off when a run ends were still applied: read the versions afresh before a run. */
async function refreshVersions() {
  const plan = (await (
    await fetch(`${base}${q("plan.get", { projectId: acme?.id })}`, { headers })
  ).json()) as {
    result: { data: { tasks: Array<{ id: string; version: number }> } };
  };
  for (const t of plan.result.data.tasks) versions.set(t.id, t.version);
}

async function run(seconds = SECONDS) {
  await refreshVersions();
  const result = await autocannon({
    url: base,
    connections: CONNECTIONS,
    duration: seconds,
    headers,
    requests,
  });
  return {
    requests: result.requests.total,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

// A warm-up first, so caches and the heap reach their working size before anything is measured.
await run(Math.min(15, SECONDS));
const before = rssMb();
const first = await run();
const afterFirst = rssMb();
const second = await run();
const afterSecond = rssMb();
server.kill("SIGTERM");
rmSync(dir, { recursive: true, force: true });

const growth = ((afterSecond - afterFirst) / afterFirst) * 100;
const rows = [
  { run: "first", ...first, rssMb: afterFirst.toFixed(0) },
  { run: "second", ...second, rssMb: afterSecond.toFixed(0) },
];
console.log(
  `\nLoad — ${CONNECTIONS} connections × ${SECONDS} s, mixed reads and task edits (RSS after a warm-up: ${before.toFixed(0)} MB)`,
);
console.table(rows);
if (failures.size > 0) console.log("task edits refused:", Object.fromEntries(failures), sample);
console.log(`memory growth between the runs: ${growth.toFixed(1)}% (aim ≤ 10%)`);
const out = resolve(import.meta.dirname, "../../test-results");
mkdirSync(out, { recursive: true });
writeFileSync(
  join(out, "bench-load.json"),
  JSON.stringify(
    {
      date: new Date().toISOString(),
      node: process.version,
      connections: CONNECTIONS,
      seconds: SECONDS,
      projects: PROJECTS,
      rssBeforeMb: before,
      rows,
      growthPercent: growth,
    },
    null,
    2,
  ),
);

/** The production bundle (as `pnpm start` runs it), built into a folder of its own. */
function productionServer(): string {
  const serverDir = resolve(import.meta.dirname, "../../apps/server");
  execFileSync(process.execPath, ["build.mjs", "dist-bench"], { cwd: serverDir, stdio: "inherit" });
  return join(serverDir, "dist-bench/server.mjs");
}

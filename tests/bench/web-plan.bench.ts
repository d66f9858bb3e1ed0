/**
 * Browser benchmark of the plan grid (issue 3): a project of 5,000 tasks and 6,000 links, in
 * Chromium against the production build served by the real server.
 * - time from navigation to the grid showing rows: a full page load (cold, then warm cache),
 *   and a move inside the app (from the project overview to the Plan tab);
 * - scrolling the grid from top to bottom: long tasks (PerformanceObserver "longtask", over
 *   50 ms) and frames that took longer than two 60 Hz frames.
 * Prints the figures and writes JSON to test-results/bench-web-plan.json. Not a test.
 * Run after a build: node --import tsx tests/bench/web-plan.bench.ts
 * (BENCH_TASKS, BENCH_DEPENDENCIES, BENCH_RUNS, CHROMIUM_PATH, WEB_DIST change the setup;
 * BENCH_KEEP=1 leaves the server running afterwards, to look at the project by hand.)
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { chromium, type Page } from "@playwright/test";
import { addProjectRole, insertProject } from "@rollout/api/testing";
import { createDb, seedPlanAtScale } from "@rollout/db";
import { freePort } from "../system/helpers.ts";
import { percentile } from "./stats.ts";

const TASKS = Number(process.env.BENCH_TASKS ?? 5000);
const DEPS = Number(process.env.BENCH_DEPENDENCIES ?? 6000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const root = resolve(import.meta.dirname, "../..");

async function startServer(dir: string, port: number): Promise<ChildProcess> {
  const child = spawn("node", ["--import", "tsx", "src/main.ts", "start"], {
    cwd: join(root, "apps/server"),
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_FILE: join(dir, "rollout.db"),
      SEED_DEMO: "true",
      AUTH_RATE_LIMIT_PER_MINUTE: "1000",
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill();
  throw new Error("the server did not start");
}

/** The big project, in the demo organisation, with the demo IPM and PM on it. */
function seedBigProject(file: string): string {
  const db = createDb(file);
  const sqlite = db.$client;
  const org = sqlite.prepare("select id from organization order by created_at limit 1").get() as {
    id: string;
  };
  const people = sqlite
    .prepare("select id, email from user where email in ('ipm@rollout.demo', 'pm@rollout.demo')")
    .all() as Array<{ id: string; email: string }>;
  const projectId = insertProject(db, org.id, { key: "BIG-PLAN", name: "Five thousand tasks" });
  for (const p of people) {
    addProjectRole(db, projectId, p.id, p.email.startsWith("ipm") ? "ipm" : "pm");
  }
  const t = performance.now();
  seedPlanAtScale(db, projectId, {
    tasks: TASKS,
    dependencies: DEPS,
    assignees: people.map((p) => p.id),
  });
  console.log(
    `seeded ${TASKS} tasks and ${DEPS} links in ${(performance.now() - t).toFixed(0)} ms`,
  );
  sqlite.close();
  return projectId;
}

async function signIn(page: Page, base: string) {
  await page.goto(`${base}/sign-in`);
  await page.getByLabel("Email").fill("ipm@rollout.demo");
  await page.getByRole("textbox", { name: "Password", exact: true }).fill("rollout-demo-2026");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("heading", { name: "Portfolio" }).waitFor();
}

const firstTaskRow = '[role="grid"] [role="row"][aria-rowindex="3"]';

/** Milliseconds from the navigation's start (the page's time origin) to rows on screen. */
async function loadToRows(page: Page, url: string): Promise<number> {
  await page.goto(url, { waitUntil: "commit" });
  await page.locator(firstTaskRow).waitFor();
  return page.evaluate(() => performance.now());
}

/** In-app: from the click on the Plan tab to rows on screen. */
async function tabToRows(page: Page, base: string, projectId: string): Promise<number> {
  await page.goto(`${base}/projects/${projectId}`);
  await page.getByRole("navigation", { name: "Project sections" }).waitFor();
  // A fresh page load above, so nothing is cached: the tab fetches the whole plan (hovering
  // the link starts that fetch, as it does for a person).
  const start = await page.evaluate(() => performance.now());
  await page
    .getByRole("navigation", { name: "Project sections" })
    .getByRole("link", { name: "Plan" })
    .click();
  await page.locator(firstTaskRow).waitFor();
  return (await page.evaluate(() => performance.now())) - start;
}

interface ScrollResult {
  frames: number;
  slowFrames: number;
  worstFrameMs: number;
  longTasks: number;
  longestTaskMs: number;
  scrolledPx: number;
  seconds: number;
}

/**
 * Scrolls the grid from top to bottom, `step` pixels per frame, watching the main thread. Kept
 * as text: tsx would wrap the inner functions in a helper the page does not have.
 */
const scrollSource = `async (px) => {
  const scroller = document.querySelector(".plan-scroll");
  if (!scroller) throw new Error("no grid");
  const longTasks = [];
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) longTasks.push(e.duration);
  });
  observer.observe({ type: "longtask" });
  scroller.scrollTop = 0;
  await new Promise((r) => requestAnimationFrame(r));
  const gaps = [];
  const t0 = performance.now();
  let last = t0;
  await new Promise((done) => {
    const frame = (now) => {
      gaps.push(now - last);
      last = now;
      const max = scroller.scrollHeight - scroller.clientHeight;
      if (scroller.scrollTop >= max) return done();
      scroller.scrollTop = Math.min(max, scroller.scrollTop + px);
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
  // Let the last rows render and any long task report.
  await new Promise((r) => setTimeout(r, 300));
  observer.disconnect();
  const frameGaps = gaps.slice(1);
  return {
    frames: frameGaps.length,
    slowFrames: frameGaps.filter((g) => g > 34).length,
    worstFrameMs: Math.max(0, ...frameGaps),
    longTasks: longTasks.length,
    longestTaskMs: Math.max(0, ...longTasks),
    scrolledPx: scroller.scrollTop,
    seconds: (performance.now() - t0) / 1000,
  };
}`;

function scrollThrough(page: Page, step: number): Promise<ScrollResult> {
  return page.evaluate(`(${scrollSource})(${step})`) as Promise<ScrollResult>;
}

const dir = mkdtempSync(join(tmpdir(), "rollout-web-bench-"));
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
let server: ChildProcess | null = null;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
  ],
});
// Ctrl+C (or a kill) still stops the server and the browser and removes the database.
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    server?.kill();
    void browser.close().finally(() => {
      rmSync(dir, { recursive: true, force: true });
      process.exit(130);
    });
  });
}
try {
  server = await startServer(dir, port);
  const projectId = seedBigProject(join(dir, "rollout.db"));
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  const page = await context.newPage();
  await signIn(page, base);
  const planUrl = `${base}/projects/${projectId}/plan`;

  const cold = await loadToRows(page, planUrl);
  const warm: number[] = [];
  for (let i = 0; i < RUNS; i++) warm.push(await loadToRows(page, planUrl));
  const inApp: number[] = [];
  for (let i = 0; i < RUNS; i++) inApp.push(await tabToRows(page, base, projectId));
  // The API call alone, from the page (fetch and JSON parse), five times: the floor under the
  // figures above.
  const fetches = (await page.evaluate(`(async () => {
    const input = encodeURIComponent(JSON.stringify({ projectId: ${JSON.stringify(projectId)} }));
    const out = [];
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      const r = await fetch("/trpc/plan.get?input=" + input, { headers: { "x-rollout-csrf": "1" } });
      const text = await r.text();
      JSON.parse(text);
      out.push({ ms: performance.now() - t, bytes: text.length });
    }
    return out;
  })()`)) as Array<{ ms: number; bytes: number }>;
  const planBytes = fetches[0]?.bytes ?? 0;
  const planFetch = percentile(
    fetches.map((f) => f.ms),
    50,
  );

  await page.goto(planUrl);
  await page.locator(firstTaskRow).waitFor();
  const rowsInDom = await page.locator('[role="grid"] [role="row"]').count();
  const steady = await scrollThrough(page, 240);
  const fast = await scrollThrough(page, 2000);

  const ms = (n: number) => `${n.toFixed(0)} ms`;
  console.log(
    `\nPlan grid in Chromium (${TASKS} tasks, ${DEPS} links; plan.get ${(planBytes / 1024 / 1024).toFixed(1)} MB of JSON)`,
  );
  console.table({
    "page load → rows (cold)": { value: ms(cold), aim: "< 1000 ms" },
    [`page load → rows (warm, p50 of ${RUNS})`]: {
      value: ms(percentile(warm, 50)),
      aim: "< 1000 ms",
    },
    [`Plan tab → rows (p50 of ${RUNS})`]: { value: ms(percentile(inApp, 50)), aim: "< 1000 ms" },
    "of which plan.get (fetch + parse, p50)": { value: ms(planFetch), aim: "" },
    "rows in the document": { value: String(rowsInDom), aim: "a screenful, not 5,000" },
  });
  for (const [name, r] of [
    ["scroll top → bottom, 240 px a frame", steady],
    ["scroll top → bottom, 2,000 px a frame", fast],
  ] as const) {
    console.log(`\n${name}: ${r.frames} frames in ${r.seconds.toFixed(1)} s`);
    console.table({
      "long tasks (> 50 ms)": { value: r.longTasks, aim: "none over 100 ms" },
      "longest task": { value: ms(r.longestTaskMs), aim: "< 100 ms" },
      "frames over 34 ms": { value: r.slowFrames, aim: "" },
      "worst frame": { value: ms(r.worstFrameMs), aim: "" },
    });
  }
  const out = resolve(root, "test-results");
  mkdirSync(out, { recursive: true });
  writeFileSync(
    join(out, "bench-web-plan.json"),
    JSON.stringify(
      {
        tasks: TASKS,
        dependencies: DEPS,
        planBytes,
        planFetch,
        cold,
        warm,
        inApp,
        rowsInDom,
        steady,
        fast,
      },
      null,
      2,
    ),
  );
  if (process.env.BENCH_KEEP) {
    console.log(
      `\nBENCH_KEEP: the server stays up at ${planUrl} (ipm@rollout.demo); Ctrl+C stops it.`,
    );
    await new Promise(() => undefined);
  }
} finally {
  await browser.close();
  server?.kill();
  rmSync(dir, { recursive: true, force: true });
}

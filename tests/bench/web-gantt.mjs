/**
 * Gantt in Chromium at 5,000 tasks / 6,000 dependencies (issue 4). Run by hand after a build:
 *
 *   npx -y pnpm@10.34.9 build && node tests/bench/web-gantt.mjs
 *
 * Starts the real server on a fresh demo database, adds a project "BIG-5K" through the API and
 * fills it with `seedPlanAtScale`, then in Debian's Chromium measures:
 * - first bars: navigation start → the first task bar painted (median of RUNS cold loads);
 * - scrolling the Gantt top → bottom: frames over 50 ms and long tasks (PerformanceObserver);
 * - zooming day → week → month: time to the next paint and long tasks.
 * Prints a table and writes test-results/bench-web-gantt.json. Not a test.
 */
import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { chromium } from "@playwright/test";

const root = resolve(import.meta.dirname, "../..");
const TASKS = Number(process.env.BENCH_TASKS ?? 5000);
const DEPS = Number(process.env.BENCH_DEPENDENCIES ?? 6000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const port = Number(process.env.BENCH_PORT ?? 8199);
const base = `http://127.0.0.1:${port}`;
const dir = mkdtempSync(join(tmpdir(), "rollout-web-gantt-"));
const databaseFile = join(dir, "bench.db");

function log(...args) {
  console.log(...args);
}

// ── Server on a fresh demo database ────────────────────────────────────────────────────────────
const server = spawn(process.execPath, ["--import", "tsx", "src/main.ts", "start"], {
  cwd: join(root, "apps/server"),
  env: {
    ...process.env,
    PORT: String(port),
    HOST: "127.0.0.1",
    DATABASE_FILE: databaseFile,
    SEED_DEMO: "true",
    AUTH_RATE_LIMIT_PER_MINUTE: "1000",
    LOG_LEVEL: "warn",
  },
  stdio: ["ignore", "ignore", "inherit"],
});

function stop() {
  if (server.exitCode === null) server.kill("SIGTERM");
  rmSync(dir, { recursive: true, force: true });
}
process.on("exit", stop);
process.on("SIGINT", () => process.exit(130));

async function waitForServer() {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("the server did not start");
}

async function signInCookie(email) {
  const response = await fetch(`${base}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base },
    body: JSON.stringify({ email, password: "rollout-demo-2026" }),
  });
  if (!response.ok) throw new Error(`sign-in failed: ${response.status}`);
  return response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

async function mutate(cookie, path, input) {
  const response = await fetch(`${base}/trpc/${path}`, {
    method: "POST",
    headers: { cookie, "x-rollout-csrf": "1", "content-type": "application/json" },
    body: JSON.stringify(input),
  });
  const body = await response.json();
  if (body.error) throw new Error(`${path}: ${JSON.stringify(body.error)}`);
  return body.result.data;
}

await waitForServer();
const cookie = await signInCookie("pm@rollout.demo");
const { id: projectId } = await mutate(cookie, "project.create", {
  key: "BIG-5K",
  name: `Scale test: ${TASKS} tasks`,
  customer: "Bench",
  kind: "software",
  stage: "build",
  status: "active",
  startDate: "2027-01-04",
  targetGoLive: "2028-06-30",
  actualGoLive: null,
  plannedBudget: 0,
  actualCost: 0,
  currency: "EUR",
  objectives: "",
});
// The plan goes straight into the database (the server keeps running: SQLite in WAL mode).
execFileSync(
  process.execPath,
  [
    "--import",
    "tsx",
    "--input-type=module",
    "-e",
    `import { createDb, seedPlanAtScale } from "@rollout/db";
     const db = createDb(${JSON.stringify(databaseFile)});
     seedPlanAtScale(db, ${JSON.stringify(projectId)}, { tasks: ${TASKS}, dependencies: ${DEPS} });
     db.$client.close();`,
  ],
  { cwd: join(root, "tests"), stdio: "inherit" },
);
log(`Seeded ${TASKS} tasks and ${DEPS} dependencies in project ${projectId}`);

// ── Chromium ───────────────────────────────────────────────────────────────────────────────────
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
const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
await context.addCookies(
  cookie.split("; ").map((c) => {
    const at = c.indexOf("=");
    return { name: c.slice(0, at), value: c.slice(at + 1), url: base };
  }),
);

// Before any script of the page: collect long tasks and note when the first bar is painted.
await context.addInitScript(() => {
  const w = /** @type {any} */ (window);
  w.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      w.__longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: "longtask", buffered: true });
  w.__firstBar = null;
  const observer = new MutationObserver(() => {
    if (w.__firstBar === null && document.querySelector("rect.gantt-bar")) {
      observer.disconnect();
      // The frame after the one that inserted it has painted it.
      requestAnimationFrame(() => setTimeout(() => (w.__firstBar = performance.now()), 0));
    }
  });
  document.addEventListener("DOMContentLoaded", () =>
    observer.observe(document.body, { childList: true, subtree: true }),
  );
});

const page = await context.newPage();
const url = `${base}/projects/${projectId}/gantt`;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const firstBars = [];
for (let run = 0; run < RUNS; run++) {
  await page.goto(url);
  await page.waitForFunction(() => window.__firstBar !== null, null, { timeout: 60_000 });
  firstBars.push(await page.evaluate(() => window.__firstBar));
}
const requests = await page.evaluate(() =>
  performance
    .getEntriesByType("resource")
    .filter((e) => e.name.includes("/trpc/"))
    .map((e) => ({
      name: decodeURIComponent(e.name.split("/trpc/")[1]?.split("?")[0] ?? ""),
      ms: Math.round(e.duration),
      kb: Math.round((e.encodedBodySize || e.transferSize) / 1024),
    })),
);

// What one screen costs: rows, bars and link paths in the DOM after the first load.
const drawn = await page.evaluate(() => ({
  rows: document.querySelectorAll(".gantt-row").length,
  bars: document.querySelectorAll("rect.gantt-bar").length,
  paths: document.querySelectorAll(".gantt-chart path").length,
}));

/** Runs `action` in the page and reports frames over 50 ms and long tasks meanwhile. */
async function measure(label, action) {
  await page.evaluate(() => {
    window.__longTasks.length = 0;
  });
  const result = await page.evaluate(action);
  const longTasks = await page.evaluate(() => window.__longTasks.slice());
  return {
    label,
    ...result,
    longTasks: longTasks.length,
    longTaskMs: Math.round(longTasks.reduce((s, t) => s + t.duration, 0)),
    worstLongTaskMs: Math.round(Math.max(0, ...longTasks.map((t) => t.duration))),
  };
}

// Scroll top → bottom in steps of one screen per frame, timing each frame.
const scroll = await measure("scroll top → bottom", async () => {
  const el = document.querySelector(".gantt-scroll");
  el.scrollTop = 0;
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  const frames = [];
  let last = performance.now();
  const started = last;
  while (el.scrollTop + el.clientHeight < el.scrollHeight - 2) {
    el.scrollTop += el.clientHeight * 0.8;
    await new Promise((r) => requestAnimationFrame(r));
    const now = performance.now();
    frames.push(now - last);
    last = now;
  }
  return {
    frames: frames.length,
    totalMs: Math.round(performance.now() - started),
    medianFrameMs: Math.round([...frames].sort((a, b) => a - b)[Math.floor(frames.length / 2)]),
    over50ms: frames.filter((f) => f > 50).length,
  };
});

/** Clicks a zoom and times the next paint. */
async function zoomTo(label) {
  await page.evaluate(() => {
    window.__longTasks.length = 0;
  });
  const result = await page.evaluate(async (zoomLabel) => {
    const button = [...document.querySelectorAll("label")].find((l) => l.textContent === zoomLabel);
    const started = performance.now();
    button?.click();
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    return { toPaintMs: Math.round(performance.now() - started) };
  }, label);
  const longTasks = await page.evaluate(() => window.__longTasks.slice());
  return {
    label: `zoom → ${label}`,
    ...result,
    longTasks: longTasks.length,
    longTaskMs: Math.round(longTasks.reduce((s, t) => s + t.duration, 0)),
    worstLongTaskMs: Math.round(Math.max(0, ...longTasks.map((t) => t.duration))),
  };
}
await page.evaluate(() => {
  document.querySelector(".gantt-scroll").scrollTop = 0;
});
const zooms = [await zoomTo("Day"), await zoomTo("Week"), await zoomTo("Month")];
// Sideways at day zoom: only the stretch of time in view is drawn.
await zoomTo("Day");
const sideways = await measure("scroll left → right (day zoom)", async () => {
  const el = document.querySelector(".gantt-scroll");
  el.scrollLeft = 0;
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  const frames = [];
  let last = performance.now();
  while (el.scrollLeft + el.clientWidth < el.scrollWidth - 2) {
    el.scrollLeft += el.clientWidth * 0.8;
    await new Promise((r) => requestAnimationFrame(r));
    const now = performance.now();
    frames.push(now - last);
    last = now;
  }
  return {
    frames: frames.length,
    medianFrameMs: Math.round([...frames].sort((a, b) => a - b)[Math.floor(frames.length / 2)]),
    over50ms: frames.filter((f) => f > 50).length,
  };
});
await browser.close();

const results = {
  tasks: TASKS,
  dependencies: DEPS,
  firstBarsMs: { median: Math.round(median(firstBars)), runs: firstBars.map(Math.round) },
  requests,
  scroll,
  sideways,
  zooms,
  drawnAtOnce: drawn,
};
log("\nGantt in Chromium");
log(
  `  first bars painted: median ${results.firstBarsMs.median} ms (${results.firstBarsMs.runs.join(", ")} ms)`,
);
for (const r of requests) log(`  request ${r.name}: ${r.ms} ms, ${r.kb} kB`);
for (const r of [scroll, sideways, ...zooms]) {
  const timing =
    "toPaintMs" in r
      ? `${r.toPaintMs} ms to paint`
      : `${r.frames} frames, median ${r.medianFrameMs} ms, ${r.over50ms} over 50 ms`;
  log(
    `  ${r.label}: ${timing}; long tasks ${r.longTasks} (${r.longTaskMs} ms, worst ${r.worstLongTaskMs} ms)`,
  );
}
log(`  drawn at once: ${drawn.rows} rows, ${drawn.bars} bars, ${drawn.paths} paths`);
mkdirSync(join(root, "test-results"), { recursive: true });
writeFileSync(join(root, "test-results/bench-web-gantt.json"), JSON.stringify(results, null, 2));
process.exit(0);

/**
 * The web at scale (issue 9): the portfolio of 1,000 projects, the Plan and Gantt of a project of
 * 5,000 tasks, and RAID registers, in Chromium against the production build served by the real
 * server on the scale database (`seed-scale --size 1 --seed 42`), signed in as pm@rollout.demo.
 * For each page:
 * - time to first meaningful render: navigation start → the page's real rows/bars/cards painted
 *   (not a skeleton), as a full page load cold (a freshly started server, an empty browser
 *   cache), warm (median of BENCH_RUNS) and as a move inside the app (click the tab or link);
 * - the server's share: the duration of the page's tRPC request (resource timing), so the web
 *   and the server can be told apart; "after data" is from that response to the render;
 * - scrolling the main list top → bottom (and the Gantt sideways): long tasks over 50 ms.
 * Prints a table and writes test-results/bench-web-scale.json. Not a test.
 *
 *   npx -y pnpm@10.34.9 build && node --import tsx tests/bench/web-scale.bench.ts
 *
 * BENCH_SIZE (default 1) scales the data; BENCH_RUNS (5); BENCH_DATABASE=<file> copies an
 * already seeded scale database instead of seeding (~50 s); WEB_DIST, CHROMIUM_PATH, BENCH_PORT.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, type as osType, release, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { type Browser, type BrowserContext, chromium, type Page } from "@playwright/test";
import { createDb } from "@rollout/db";
import { freePort } from "../system/helpers.ts";
import { percentile } from "./stats.ts";

const SIZE = Number(process.env.BENCH_SIZE ?? 1);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const root = resolve(import.meta.dirname, "../..");
const USER = "pm@rollout.demo";
const PASSWORD = "rollout-demo-2026";

// ── The database and the server ────────────────────────────────────────────────────────────────
function prepareDatabase(file: string) {
  const t = performance.now();
  if (process.env.BENCH_DATABASE) {
    const source = createDb(resolve(process.env.BENCH_DATABASE));
    source.$client.prepare("vacuum into ?").run(file);
    source.$client.close();
    console.log(`copied ${process.env.BENCH_DATABASE} in ${(performance.now() - t).toFixed(0)} ms`);
    return;
  }
  execFileSync(
    process.execPath,
    ["--import", "tsx", "src/main.ts", "seed-scale", "--size", String(SIZE), "--seed", "42"],
    {
      cwd: join(root, "apps/server"),
      env: { ...process.env, DATABASE_FILE: file, LOG_LEVEL: "warn" },
      stdio: ["ignore", "inherit", "inherit"],
    },
  );
}

async function startServer(file: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts", "start"], {
    cwd: join(root, "apps/server"),
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_FILE: file,
      SEED_DEMO: "false",
      AUTH_RATE_LIMIT_PER_MINUTE: "1000",
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  for (let i = 0; i < 240; i++) {
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

async function stopServer(child: ChildProcess | null) {
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  await exited;
}

interface Ids {
  bigProject: { id: string; key: string; tasks: number };
  raidProject: { id: string; key: string; items: number };
  bigRaid: number;
  projects: number;
}

function findProjects(file: string): Ids {
  const db = createDb(file);
  const sqlite = db.$client;
  const bigProject = sqlite
    .prepare(
      `select p.id, p.key, count(*) tasks from task t join project p on p.id = t.project_id
       where t.deleted_at is null group by p.id order by tasks desc limit 1`,
    )
    .get() as Ids["bigProject"];
  const raidProject = sqlite
    .prepare(
      `select p.id, p.key, count(*) items from raid_item r join project p on p.id = r.project_id
       where r.deleted_at is null group by p.id order by items desc, p.key limit 1`,
    )
    .get() as Ids["raidProject"];
  const bigRaid = (
    sqlite
      .prepare("select count(*) n from raid_item where project_id = ? and deleted_at is null")
      .get(bigProject.id) as { n: number }
  ).n;
  const projects = (sqlite.prepare("select count(*) n from project").get() as { n: number }).n;
  sqlite.close();
  return { bigProject, raidProject, bigRaid, projects };
}

// ── In the page ────────────────────────────────────────────────────────────────────────────────
/** The selectors that mean "the page's data is on screen", one per kind of page. */
const READY = {
  portfolio: ".portfolio-row",
  plan: '[role="grid"] [role="row"][aria-rowindex="3"]',
  gantt: "rect.gantt-bar",
  raid: ".raid-row",
} as const;

/**
 * Before any script of a page: long tasks from the start, and the time each READY selector is
 * first painted (the frame after the one that inserted it). Kept as text: tsx would wrap the
 * inner functions in a helper the page does not have.
 */
const initScript = `(() => {
  const selectors = ${JSON.stringify(Object.values(READY))};
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: "longtask", buffered: true });
  window.__ready = {};
  const check = () => {
    for (const s of selectors) {
      if (window.__ready[s] === undefined && document.querySelector(s)) {
        window.__ready[s] = null;
        requestAnimationFrame(() => setTimeout(() => (window.__ready[s] = performance.now()), 0));
      }
    }
  };
  const observer = new MutationObserver(check);
  window.__benchStop = () => observer.disconnect();
  document.addEventListener("DOMContentLoaded", () => {
    observer.observe(document.body, { childList: true, subtree: true });
    check();
  });
})();`;

async function readyAt(page: Page, selector: string): Promise<number> {
  await page.waitForFunction((s) => typeof window.__ready?.[s] === "number", selector, {
    timeout: 120_000,
    polling: 50,
  });
  return page.evaluate((s) => window.__ready[s] as number, selector);
}

declare global {
  interface Window {
    __longTasks: Array<{ start: number; duration: number }>;
    __ready: Record<string, number | null>;
    __benchStop: () => void;
  }
}

interface Request {
  name: string;
  start: number;
  end: number;
  ms: number;
  kb: number;
}

/** Every request of the page (tRPC by procedure, files by path) started after `since`. */
async function requestsSince(page: Page, since: number): Promise<Request[]> {
  const all = (await page.evaluate(() =>
    performance.getEntriesByType("resource").map((e) => {
      const r = e as PerformanceResourceTiming;
      const path = new URL(r.name).pathname;
      return {
        name: path.startsWith("/trpc/") ? decodeURIComponent(path.slice(6)) : path,
        start: r.startTime,
        end: r.responseEnd,
        ms: r.responseEnd - r.startTime,
        kb: Math.round((r.encodedBodySize || r.transferSize) / 1024),
      };
    }),
  )) as Request[];
  return all.filter((r) => r.start >= since);
}

interface Timing {
  /** Navigation start (or the click) → the data painted. */
  ms: number;
  /** The page's tRPC request(s): from the first start to the last response. */
  serverMs: number | null;
  /** From the last of those responses to the paint: parsing and rendering. */
  afterDataMs: number | null;
  /** Long tasks between the start and the paint. */
  longTasks: number;
  longestTaskMs: number;
  requests: Request[];
  /** Everything the page fetched meanwhile, for the waterfall. */
  waterfall: Request[];
}

async function timing(
  page: Page,
  since: number,
  ready: number,
  procedures: string[],
): Promise<Timing> {
  const waterfall = (await requestsSince(page, since)).filter((r) => r.start <= ready);
  const requests = waterfall.filter(
    (r) => r.end <= ready + 1 && r.name.split(",").some((n) => procedures.includes(n)),
  );
  const first = Math.min(...requests.map((r) => r.start));
  const last = Math.max(...requests.map((r) => r.end));
  const tasks = (await page.evaluate(() => window.__longTasks.slice())).filter(
    (t) => t.start >= since && t.start <= ready,
  );
  return {
    ms: ready - since,
    serverMs: requests.length > 0 ? last - first : null,
    afterDataMs: requests.length > 0 ? ready - last : null,
    longTasks: tasks.length,
    longestTaskMs: Math.max(0, ...tasks.map((t) => t.duration)),
    requests,
    waterfall,
  };
}

/** A full page load: navigation start (the page's time origin) → the data painted. */
async function load(page: Page, url: string, target: PageCase): Promise<Timing> {
  await page.goto(url, { waitUntil: "commit" });
  const ready = await readyAt(page, target.ready);
  const result = await timing(page, 0, ready, target.procedures);
  await page.evaluate(() => window.__benchStop());
  return result;
}

/** In the app: from the click on a link (after the page it sits on has settled) to the data. */
async function move(page: Page, base: string, target: PageCase): Promise<Timing> {
  await page.goto(`${base}${target.from}`);
  const link = page.getByRole("navigation", { name: target.via.nav }).getByRole("link", {
    name: target.via.link,
    exact: true,
  });
  await link.waitFor();
  // The page it starts from has fetched and drawn what it shows.
  await page.waitForTimeout(1500);
  const started = await page.evaluate(() => performance.now());
  await link.click();
  const ready = await readyAt(page, target.ready);
  const result = await timing(page, started, ready, target.procedures);
  await page.evaluate(() => window.__benchStop());
  return result;
}

interface ScrollResult {
  axis: "y" | "x";
  step: string;
  frames: number;
  seconds: number;
  scrolledPx: number;
  worstFrameMs: number;
  longTasks: number;
  longestTaskMs: number;
}

/**
 * Scrolls `selector` (the window when null) from one end to the other, `step` pixels a frame
 * (a fraction of the view when below 1), watching the main thread.
 */
const scrollSource = `async (selector, axis, step) => {
  const scroller = selector ? document.querySelector(selector) : document.scrollingElement;
  if (!scroller) throw new Error("nothing to scroll: " + selector);
  const pos = axis === "y" ? "scrollTop" : "scrollLeft";
  const view = axis === "y" ? scroller.clientHeight : scroller.clientWidth;
  const px = step < 1 ? Math.max(1, Math.round(view * step)) : step;
  const longTasks = [];
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) longTasks.push(e.duration);
  });
  observer.observe({ type: "longtask" });
  scroller[pos] = 0;
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  const gaps = [];
  const t0 = performance.now();
  let last = t0;
  await new Promise((done) => {
    const frame = (now) => {
      gaps.push(now - last);
      last = now;
      const size = axis === "y" ? scroller.scrollHeight - scroller.clientHeight : scroller.scrollWidth - scroller.clientWidth;
      if (scroller[pos] >= size - 1) return done();
      scroller[pos] = Math.min(size, scroller[pos] + px);
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
  // Let the last rows render and any long task report.
  await new Promise((r) => setTimeout(r, 300));
  observer.disconnect();
  const frames = gaps.slice(1);
  return {
    axis,
    step: step < 1 ? step + " of the view" : step + " px",
    frames: frames.length,
    seconds: (performance.now() - t0) / 1000,
    scrolledPx: scroller[pos],
    worstFrameMs: Math.max(0, ...frames),
    longTasks: longTasks.filter((d) => d > 50).length,
    longestTaskMs: Math.max(0, ...longTasks),
  };
}`;

function scroll(
  page: Page,
  selector: string | null,
  axis: "x" | "y",
  step: number,
): Promise<ScrollResult> {
  return page.evaluate(
    `(${scrollSource})(${JSON.stringify(selector)}, "${axis}", ${step})`,
  ) as Promise<ScrollResult>;
}

// ── The pages ──────────────────────────────────────────────────────────────────────────────────
interface PageCase {
  name: string;
  path: string;
  ready: string;
  /** What is counted in the document after a load (rows, or the Gantt's bars). */
  count: string;
  procedures: string[];
  /** The in-app move: the page it starts from and the link clicked there. */
  from: string;
  via: { nav: string; link: string };
  /** What scrolling covers: the scroller (null: the window), and the Gantt sideways too. */
  scrolls: Array<{ selector: string | null; axis: "x" | "y"; step: number; zoom?: string }>;
}

function pageCases(ids: Ids): PageCase[] {
  const big = `/projects/${ids.bigProject.id}`;
  const tabs = { nav: "Project sections" };
  return [
    {
      name: `portfolio (${ids.projects} projects)`,
      path: "/projects",
      ready: READY.portfolio,
      count: ".portfolio-row",
      procedures: ["dashboard.portfolio"],
      from: big,
      via: { nav: "Main navigation", link: "Portfolio" },
      scrolls: [
        { selector: null, axis: "y", step: 240 },
        { selector: null, axis: "y", step: 0.9 },
      ],
    },
    {
      name: `plan (${ids.bigProject.key}, ${ids.bigProject.tasks} tasks)`,
      path: `${big}/plan`,
      ready: READY.plan,
      count: '[role="grid"] [role="row"]',
      procedures: ["plan.get"],
      from: big,
      via: { ...tabs, link: "Plan" },
      scrolls: [
        { selector: ".plan-scroll", axis: "y", step: 240 },
        { selector: ".plan-scroll", axis: "y", step: 0.9 },
      ],
    },
    {
      name: `Gantt (${ids.bigProject.key}, ${ids.bigProject.tasks} tasks)`,
      path: `${big}/gantt`,
      ready: READY.gantt,
      count: "rect.gantt-bar",
      procedures: ["plan.get", "schedule.get"],
      from: big,
      via: { ...tabs, link: "Gantt" },
      scrolls: [
        { selector: ".gantt-scroll", axis: "y", step: 240 },
        { selector: ".gantt-scroll", axis: "y", step: 0.9 },
        { selector: ".gantt-scroll", axis: "x", step: 0.9 },
        { selector: ".gantt-scroll", axis: "x", step: 0.9, zoom: "Day" },
      ],
    },
    {
      name: `RAID (${ids.bigProject.key}, ${ids.bigRaid} items)`,
      path: `${big}/raid`,
      ready: READY.raid,
      count: ".raid-row",
      procedures: ["raid.list"],
      from: big,
      via: { ...tabs, link: "RAID" },
      scrolls: [{ selector: null, axis: "y", step: 240 }],
    },
    {
      name: `RAID (${ids.raidProject.key}, ${ids.raidProject.items} items, the most)`,
      path: `/projects/${ids.raidProject.id}/raid`,
      ready: READY.raid,
      count: ".raid-row",
      procedures: ["raid.list"],
      from: `/projects/${ids.raidProject.id}`,
      via: { ...tabs, link: "RAID" },
      scrolls: [{ selector: null, axis: "y", step: 240 }],
    },
  ];
}

interface PageResult {
  page: string;
  path: string;
  cold: Timing;
  warm: Timing[];
  inApp: Timing[];
  scrolls: ScrollResult[];
  inDocument: number;
}

async function newContext(
  browser: Browser,
  state?: Awaited<ReturnType<BrowserContext["storageState"]>>,
) {
  const context = await browser.newContext({
    viewport: { width: 1600, height: 1000 },
    ...(state ? { storageState: state } : {}),
  });
  await context.addInitScript(initScript);
  return context;
}

async function measurePage(
  browser: Browser,
  state: Awaited<ReturnType<BrowserContext["storageState"]>>,
  base: string,
  target: PageCase,
): Promise<PageResult> {
  const url = `${base}${target.path}`;
  // Cold: the server was just started; a new browser profile has nothing cached.
  const coldContext = await newContext(browser, state);
  const cold = await load(await coldContext.newPage(), url, target);
  await coldContext.close();

  const context = await newContext(browser, state);
  const page = await context.newPage();
  await load(page, url, target); // fills the browser's cache; not counted
  const warm: Timing[] = [];
  for (let i = 0; i < RUNS; i++) warm.push(await load(page, url, target));
  const inApp: Timing[] = [];
  for (let i = 0; i < RUNS; i++) inApp.push(await move(page, base, target));

  await load(page, url, target);
  const inDocument = await page.locator(target.count).count();
  const scrolls: ScrollResult[] = [];
  for (const s of target.scrolls) {
    if (s.zoom) {
      await page.getByText(s.zoom, { exact: true }).click();
      await page.waitForTimeout(500);
    }
    scrolls.push(await scroll(page, s.selector, s.axis, s.step));
  }
  await context.close();
  return { page: target.name, path: target.path, cold, warm, inApp, scrolls, inDocument };
}

// ── Run ────────────────────────────────────────────────────────────────────────────────────────
const loadAtStart = loadavg().map((n) => Number(n.toFixed(2)));
const dir = mkdtempSync(join(tmpdir(), "rollout-web-scale-"));
const file = join(dir, "rollout.db");
const port = Number(process.env.BENCH_PORT ?? 0) || (await freePort());
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
  prepareDatabase(file);
  const ids = findProjects(file);
  console.log(
    `big project ${ids.bigProject.key} (${ids.bigProject.tasks} tasks), most RAID items ${ids.raidProject.key} (${ids.raidProject.items})`,
  );

  // Sign in once through the page; every measurement reuses the session cookie.
  server = await startServer(file, port);
  const signInContext = await newContext(browser);
  const signInPage = await signInContext.newPage();
  await signInPage.goto(`${base}/sign-in`);
  await signInPage.getByLabel("Email").fill(USER);
  await signInPage.getByRole("textbox", { name: "Password", exact: true }).fill(PASSWORD);
  await signInPage.getByRole("button", { name: "Sign in" }).click();
  await signInPage.getByRole("heading", { name: "Portfolio" }).waitFor();
  const state = await signInContext.storageState();
  await signInContext.close();

  const results: PageResult[] = [];
  for (const target of pageCases(ids)) {
    // A fresh server for each page: its first load meets cold server caches.
    await stopServer(server);
    server = await startServer(file, port);
    const result = await measurePage(browser, state, base, target);
    results.push(result);
    console.log(`measured ${target.name}`);
  }

  const round = (n: number | null) => (n === null ? null : Math.round(n));
  const p50 = (xs: Array<number | null>) => {
    const ns = xs.filter((x): x is number => x !== null);
    return ns.length > 0 ? Math.round(percentile(ns, 50)) : null;
  };
  const rows = results.map((r) => {
    const longest = Math.max(0, ...r.scrolls.map((s) => s.longestTaskMs));
    const warm = p50(r.warm.map((t) => t.ms)) ?? 0;
    const inApp = p50(r.inApp.map((t) => t.ms)) ?? 0;
    const mark = (ok: boolean) => (ok ? "✓" : "✗");
    return {
      page: r.page,
      "cold ms": round(r.cold.ms),
      "cold server ms": round(r.cold.serverMs),
      "warm p50 ms": warm,
      "warm server p50": p50(r.warm.map((t) => t.serverMs)),
      "warm after data p50": p50(r.warm.map((t) => t.afterDataMs)),
      "in-app p50 ms": inApp,
      "in-app server p50": p50(r.inApp.map((t) => t.serverMs)),
      "load longest task": round(Math.max(...r.warm.map((t) => t.longestTaskMs))),
      "scroll long tasks >50": r.scrolls.reduce((s, x) => s + x.longTasks, 0),
      "scroll longest ms": Math.round(longest),
      // First render under a second cold, warm and in the app; no long task over 100 ms.
      "aim cold/warm/in-app/scroll": [r.cold.ms < 1000, warm < 1000, inApp < 1000, longest <= 100]
        .map(mark)
        .join(" "),
    };
  });
  console.log(
    `\nThe web at scale in Chromium (size ${SIZE}, ${RUNS} runs; aim: first render < 1,000 ms, no long task > 100 ms while scrolling; "server": the page's tRPC request, "after data": its response → the render)`,
  );
  console.table(rows);
  for (const r of results) {
    console.log(`\n${r.page}: ${r.inDocument} of its rows/bars in the document`);
    for (const s of r.scrolls)
      console.log(
        `  scroll ${s.axis} ${s.step} a frame: ${s.frames} frames in ${s.seconds.toFixed(1)} s, worst frame ${s.worstFrameMs.toFixed(0)} ms, ${s.longTasks} long tasks > 50 ms, longest ${s.longestTaskMs.toFixed(0)} ms`,
      );
  }

  const machine = {
    os: `${osType()} ${release()}`,
    // Other work on the machine stretches every figure: the load average before and after.
    loadBefore: loadAtStart,
    loadAfter: loadavg().map((n) => Number(n.toFixed(2))),
    cpus: `${cpus().length} × ${cpus()[0]?.model ?? "?"}`,
    node: process.version,
    chromium: browser.version(),
    date: new Date().toISOString(),
  };
  const out = resolve(root, "test-results");
  mkdirSync(out, { recursive: true });
  writeFileSync(
    join(out, "bench-web-scale.json"),
    JSON.stringify({ machine, size: SIZE, runs: RUNS, ids, table: rows, results }, null, 2),
  );
  console.log(`\n${JSON.stringify(machine)}\nwrote test-results/bench-web-scale.json`);
} finally {
  await browser.close();
  await stopServer(server);
  rmSync(dir, { recursive: true, force: true });
}

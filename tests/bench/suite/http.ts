/**
 * Over HTTP: Rollout's production server and the bare server (bare.ts), each its own process on
 * the same database file, measured with autocannon one after the other: the portfolio and one
 * page of tasks (My work). Before measuring, the bare server's JSON is compared with Rollout's.
 * Rollout's RSS is read from /proc before and after its runs.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { isDeepStrictEqual } from "node:util";
import autocannon from "autocannon";
import { freePort } from "../../system/helpers.ts";

const root = resolve(import.meta.dirname, "../../..");
const CONNECTIONS = Number(process.env.BENCH_HTTP_CONNECTIONS ?? 10);

export interface HttpResult {
  target: string;
  server: "rollout" | "bare" | "bare, precomputed";
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  rssMb?: number;
  vsBare?: number;
  sameJson?: boolean;
}

async function waitUntilUp(url: string, child: ChildProcess) {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`${url}: the server exited (${child.exitCode})`);
    try {
      const response = await fetch(url);
      if (response.status < 500) return;
    } catch {
      // starting
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not come up`);
}

const rssMb = (pid: number | undefined) =>
  Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) / 1024;

async function cannon(url: string, headers: Record<string, string>, seconds: number) {
  // A generous timeout: the bare portfolio recomputes everything (seconds) for each request.
  const result = await autocannon({
    url,
    headers,
    connections: CONNECTIONS,
    duration: seconds,
    timeout: 60,
  });
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

export async function httpComparison(file: string, seconds: number): Promise<HttpResult[]> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const rollout = spawn(process.execPath, [productionServer(), "start"], {
    cwd: join(root, "apps/server"),
    env: {
      ...process.env,
      NODE_ENV: "production",
      LOG_LEVEL: "warn",
      DATABASE_FILE: file,
      PORT: String(port),
      SEED_DEMO: "false",
      AUTH_RATE_LIMIT_PER_MINUTE: "1000",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const results: HttpResult[] = [];
  let bare: ChildProcess | null = null;
  try {
    await waitUntilUp(`${base}/healthz`, rollout);
    const signIn = await fetch(`${base}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: base },
      body: JSON.stringify({ email: "pm@rollout.demo", password: "rollout-demo-2026" }),
    });
    const cookie =
      signIn.headers
        .getSetCookie()
        .find((c) => c.startsWith("rollout.session_token="))
        ?.split(";")[0] ?? "";
    if (!cookie) throw new Error(`sign-in failed: ${signIn.status}`);
    const session = (await (
      await fetch(`${base}/trpc/session.get`, { headers: { cookie } })
    ).json()) as {
      result: { data: { user: { id: string }; activeOrg: { id: string } | null } };
    };
    const userId = session.result.data.user.id;
    const orgId = session.result.data.activeOrg?.id ?? "";
    if (!orgId) throw new Error("the PM has no active organisation");
    const today = new Date().toISOString().slice(0, 10);
    const trpc = (path: string, input: unknown) =>
      `${base}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`;
    const portfolioUrl = trpc("dashboard.portfolio", {});
    const myWorkUrl = trpc("myWork.list", { today, limit: 50 });
    const headers = { cookie };

    // What Rollout answers; the bare server serves the same portfolio bytes.
    const portfolioBody = Buffer.from(await (await fetch(portfolioUrl, { headers })).arrayBuffer());
    const myWorkBody = await (await fetch(myWorkUrl, { headers })).json();
    const portfolioFile = join(dirname(file), "portfolio.json");
    writeFileSync(portfolioFile, portfolioBody);

    const rssBefore = rssMb(rollout.pid);
    const rolloutPortfolio = await cannon(portfolioUrl, headers, seconds);
    const rolloutMyWork = await cannon(myWorkUrl, headers, seconds);
    const rssAfter = rssMb(rollout.pid);
    console.log(
      `  Rollout server RSS: ${rssBefore.toFixed(0)} MB before, ${rssAfter.toFixed(0)} MB after its runs`,
    );

    // A fresh bare server per run, so one run's backlog never spills into the next.
    const startBare = async () => {
      const barePort = await freePort();
      const child = spawn(
        process.execPath,
        [
          "--import",
          "tsx",
          join(root, "tests/bench/suite/bare.ts"),
          file,
          String(barePort),
          orgId,
          userId,
          portfolioFile,
        ],
        { stdio: ["ignore", "ignore", "inherit"] },
      );
      bare = child;
      const url = `http://127.0.0.1:${barePort}`;
      await waitUntilUp(`${url}/nothing`, child);
      return url;
    };
    const stopBare = async () => {
      const child = bare;
      if (!child) return;
      const exited = new Promise((done) => child.once("exit", done));
      child.kill("SIGKILL");
      await exited;
      bare = null;
    };
    let bareBase = await startBare();
    const bareMyWork = await (await fetch(`${bareBase}/my-work?today=${today}&limit=50`)).json();
    const sameMyWork = sameItems(myWorkBody, bareMyWork);
    const barePortfolio = await cannon(`${bareBase}/portfolio`, {}, seconds);
    await stopBare();
    bareBase = await startBare();
    const precomputed = await cannon(`${bareBase}/portfolio-precomputed`, {}, seconds);
    await stopBare();
    bareBase = await startBare();
    const bareMyWorkRun = await cannon(`${bareBase}/my-work?today=${today}&limit=50`, {}, seconds);
    await stopBare();

    const ratio = (a: { requestsPerSecond: number }, b: { requestsPerSecond: number }) =>
      a.requestsPerSecond / b.requestsPerSecond;
    results.push(
      {
        target: "portfolio",
        server: "rollout",
        ...rolloutPortfolio,
        rssMb: rssAfter,
        sameJson: true,
      },
      {
        target: "portfolio",
        server: "bare",
        ...barePortfolio,
        vsBare: ratio(rolloutPortfolio, barePortfolio),
      },
      {
        target: "portfolio",
        server: "bare, precomputed",
        ...precomputed,
        vsBare: ratio(rolloutPortfolio, precomputed),
      },
      {
        target: "one page of tasks",
        server: "rollout",
        ...rolloutMyWork,
        rssMb: rssAfter,
        sameJson: sameMyWork,
      },
      {
        target: "one page of tasks",
        server: "bare",
        ...bareMyWorkRun,
        vsBare: ratio(rolloutMyWork, bareMyWorkRun),
      },
    );
    if (!sameMyWork) console.warn("  ! the bare server's My work page differs from Rollout's");
  } finally {
    (bare as ChildProcess | null)?.kill("SIGKILL");
    rollout.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 500));
  }
  return results;
}

/** The same page: counts and items (the cursor is Rollout's own encoding, not compared). */
function sameItems(a: unknown, b: unknown): boolean {
  const data = (x: unknown) =>
    (x as { result: { data: { counts: unknown; items: unknown } } }).result.data;
  return (
    isDeepStrictEqual(data(a).counts, data(b).counts) &&
    isDeepStrictEqual(data(a).items, data(b).items)
  );
}

/** The production bundle (as `pnpm start` runs it), built into a folder of its own. */
function productionServer(): string {
  const serverDir = resolve(import.meta.dirname, "../../../apps/server");
  execFileSync(process.execPath, ["build.mjs", "dist-bench"], { cwd: serverDir, stdio: "inherit" });
  return join(serverDir, "dist-bench/server.mjs");
}

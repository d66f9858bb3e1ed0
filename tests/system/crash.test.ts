/**
 * Crash safety (issue 8): the server is killed with SIGKILL in the middle of a burst of
 * concurrent writes, again and again. After every kill, every write the server acknowledged is
 * in the database, `PRAGMA integrity_check` says ok, and the server starts again cleanly.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { integrityOf } from "@rollout/db";
import { readFileRows } from "@rollout/db/testing";
import { afterAll, describe, expect, it } from "vitest";
import { freePort } from "./helpers.ts";

const RUNS = Number(process.env.CRASH_RUNS ?? 20);
const serverDir = resolve(import.meta.dirname, "../../apps/server");
const dir = mkdtempSync(join(tmpdir(), "rollout-crash-"));
const file = join(dir, "rollout.db");
let child: ChildProcess | null = null;
afterAll(() => {
  child?.kill("SIGKILL");
  rmSync(dir, { recursive: true, force: true });
});

async function start(port: number): Promise<ChildProcess> {
  const server = spawn(process.execPath, ["--import", "tsx", "src/main.ts", "start"], {
    cwd: serverDir,
    env: {
      ...process.env,
      NODE_ENV: "production",
      LOG_LEVEL: "warn",
      DATABASE_FILE: file,
      PORT: String(port),
      HOST: "127.0.0.1",
      SEED_DEMO: "false",
      AUTH_RATE_LIMIT_PER_MINUTE: "1000",
    },
    stdio: "ignore",
  });
  const until = Date.now() + 30_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`server exited with ${server.exitCode}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return server;
    } catch {
      // not listening yet
    }
    if (Date.now() > until) throw new Error("server did not start");
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("crash safety", () => {
  it(`loses no acknowledged write across ${RUNS} kill -9s under load`, {
    timeout: 600_000,
  }, async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    child = await start(port);
    const headers = (cookie = "") => ({
      "content-type": "application/json",
      "x-rollout-csrf": "1",
      "sec-fetch-site": "same-origin",
      origin: base,
      ...(cookie ? { cookie } : {}),
    });
    const signUp = await fetch(`${base}/api/auth/sign-up/email`, {
      method: "POST",
      headers: headers(),
      body: JSON.stringify({
        email: "crash@example.test",
        password: "a long crash password",
        name: "Crash",
      }),
    });
    const cookie =
      (
        signUp.headers.getSetCookie().find((c) => c.startsWith("rollout.session_token=")) ?? ""
      ).split(";")[0] ?? "";
    const post = (path: string, input: unknown) =>
      fetch(`${base}/trpc/${path}`, {
        method: "POST",
        headers: headers(cookie),
        body: JSON.stringify(input),
      });
    await post("org.create", { name: "Crash Co", slug: "crash-co" });
    const created = (await (
      await post("project.create", {
        key: "CRASH-1",
        name: "Crash",
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
    const projectId = created.result.data.id;

    const acknowledged: string[] = [];
    let lost = 0;
    let integrityOk = 0;
    let restarts = 0;
    for (let run = 0; run < RUNS; run++) {
      let stop = false;
      const writers = Array.from({ length: 8 }, async (_, w) => {
        for (let i = 0; !stop; i++) {
          try {
            const response = await fetch(`${base}/trpc/plan.phase.create`, {
              method: "POST",
              headers: headers(cookie),
              body: JSON.stringify({ projectId, name: `Run ${run} writer ${w} #${i}` }),
            });
            if (response.ok) {
              const body = (await response.json()) as { result: { data: { id: string } } };
              acknowledged.push(body.result.data.id);
            }
          } catch {
            return; // the server is gone
          }
        }
      });
      await new Promise((r) => setTimeout(r, 150 + ((run * 37) % 200)));
      const dead = new Promise((r) => child?.once("exit", r));
      child?.kill("SIGKILL");
      await dead;
      stop = true;
      await Promise.all(writers);
      if (integrityOf(file) === "ok") integrityOk += 1;
      const stored = new Set(
        readFileRows<{ id: string }>(file, "select id from phase").map((p) => p.id),
      );
      lost += acknowledged.filter((id) => !stored.has(id)).length;
      child = await start(port);
      restarts += 1;
    }
    child?.kill("SIGTERM");
    console.log(
      `crash safety: ${RUNS} kill -9s under 8 concurrent writers; ${acknowledged.length} writes acknowledged, ${lost} lost; integrity ok ${integrityOk}/${RUNS}; clean restarts ${restarts}/${RUNS}`,
    );
    expect(acknowledged.length).toBeGreaterThan(RUNS * 5);
    expect(lost).toBe(0);
    expect(integrityOk).toBe(RUNS);
    expect(restarts).toBe(RUNS);
  });
});

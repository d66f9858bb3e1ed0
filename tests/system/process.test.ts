import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import type { IncomingHttpHeaders } from "node:http";
import { request as httpsRequest } from "node:https";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { count, createDb, organization, project } from "@rollout/db";
import { afterAll, describe, expect, it } from "vitest";
import { freePort } from "./helpers.ts";

const serverDir = resolve(import.meta.dirname, "../../apps/server");
const dir = mkdtempSync(join(tmpdir(), "rollout-process-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Run {
  child: ChildProcess;
  output: () => string;
  exit: Promise<number | null>;
}

function run(args: string[], env: Record<string, string>): Run {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts", ...args], {
    cwd: serverDir,
    env: { ...process.env, NODE_ENV: "production", LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (d) => {
    output += d;
  });
  child.stderr?.on("data", (d) => {
    output += d;
  });
  const exit = new Promise<number | null>((done) => child.on("exit", (code) => done(code)));
  return { child, output: () => output, exit };
}

async function waitFor(check: () => boolean, ms = 15_000) {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("the server process", () => {
  it("refuses a bad setting with a message naming it, and exits 2", async () => {
    const bad = run(["start"], { PORT: "eighty", DATABASE_FILE: join(dir, "x.db") });
    expect(await bad.exit).toBe(2);
    expect(bad.output()).toMatch(/Invalid settings:[\s\S]*PORT="eighty": must be a number/);
  });

  it("seeds the scale data into an empty database only, deterministically sized", async () => {
    const file = join(dir, "scale.db");
    const bad = run(["seed-scale", "--size", "-1"], { DATABASE_FILE: file });
    expect(await bad.exit).toBe(2);
    expect(bad.output()).toMatch(/--size is a number above 0/);
    const seeded = run(["seed-scale", "--size", "0.01", "--seed", "7"], { DATABASE_FILE: file });
    expect(await seeded.exit, seeded.output()).toBe(0);
    const counts = JSON.parse(/: (\{.*\})/.exec(seeded.output())?.[1] ?? "{}") as Record<
      string,
      number
    >;
    // The demo's three projects, ten at scale and the big one's 5,000 tasks.
    expect(counts.projects).toBe(13);
    expect(counts.tasks).toBeGreaterThan(5000);
    expect(counts.reports).toBeGreaterThanOrEqual(5);
    expect(counts.lessons).toBeGreaterThanOrEqual(200);
    const again = run(["seed-scale", "--size", "0.01"], { DATABASE_FILE: file });
    expect(await again.exit).toBe(2);
    expect(again.output()).toMatch(/already has data/);
  });

  it("refuses an unknown command", async () => {
    const bad = run(["frobnicate"], {});
    expect(await bad.exit).toBe(2);
    expect(bad.output()).toMatch(/Unknown command "frobnicate"/);
  });

  it("seeds the demo on first start, keeps the data on the second, and shuts down cleanly on SIGTERM", async () => {
    const file = join(dir, "rollout.db");
    const port = await freePort();
    const env = { DATABASE_FILE: file, PORT: String(port), HOST: "127.0.0.1" };

    const first = run(["start"], env);
    await waitFor(() => first.output().includes("Open http://"));
    expect(first.output()).toContain(`Rollout is running at http://127.0.0.1:${port}`);
    expect(first.output()).toContain("First start: seeded the demo organisation");
    expect(first.output()).toMatch(/pm@rollout\.demo\s+project manager/);
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    first.child.kill("SIGTERM");
    expect(await first.exit).toBe(0);

    const second = run(["start"], env);
    await waitFor(() => second.output().includes("Open http://"));
    expect(second.output()).not.toContain("First start");
    second.child.kill("SIGTERM");
    expect(await second.exit).toBe(0);

    const db = createDb(file);
    expect(db.select({ n: count() }).from(organization).get()?.n).toBe(1);
    expect(db.select({ n: count() }).from(project).get()?.n).toBe(3);
    db.$client.close();
  }, 40_000);

  it("serves https itself with TLS files, redirects plain http to it, and closes both on SIGTERM", async () => {
    const [port, redirectPort] = [await freePort(), await freePort()];
    const fixtures = resolve(import.meta.dirname, "fixtures");
    const server = run(["start"], {
      DATABASE_FILE: join(dir, "tls.db"),
      SEED_DEMO: "false",
      PORT: String(port),
      HOST: "127.0.0.1",
      TLS_CERT_FILE: join(fixtures, "tls-test-cert.pem"),
      TLS_KEY_FILE: join(fixtures, "tls-test-key.pem"),
      HTTP_REDIRECT_PORT: String(redirectPort),
    });
    await waitFor(() => server.output().includes("Rollout is running at"));
    expect(server.output()).toContain(`Rollout is running at https://127.0.0.1:${port}`);
    expect(server.output()).toContain(`Plain http on port ${redirectPort} redirects to`);
    const health = await httpsGet(`https://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);
    expect(health.headers["strict-transport-security"]).toBe("max-age=31536000; includeSubDomains");
    const redirect = await fetch(`http://127.0.0.1:${redirectPort}/projects?tab=plan`, {
      redirect: "manual",
    });
    expect(redirect.status).toBe(301);
    expect(redirect.headers.get("location")).toBe(`https://127.0.0.1:${port}/projects?tab=plan`);
    server.child.kill("SIGTERM");
    expect(await server.exit).toBe(0);
  }, 40_000);
});

/** A GET over https trusting only the test certificate. */
function httpsGet(url: string): Promise<{ status: number; headers: IncomingHttpHeaders }> {
  const ca = readFileSync(resolve(import.meta.dirname, "fixtures/tls-test-cert.pem"));
  return new Promise((done, fail) => {
    const request = httpsRequest(url, { ca, agent: false }, (response) => {
      response.resume();
      response.on("end", () =>
        done({ status: response.statusCode ?? 0, headers: response.headers }),
      );
    });
    request.on("error", fail);
    request.end();
  });
}

import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, passwordInput } from "./helpers.ts";

/**
 * Live updates survive a server restart: a page open on the portfolio while the server stops
 * and starts again picks up a change made after the restart, without a reload. This test runs
 * its own server (the shared one cannot be restarted) on the same production build.
 */
const serverDir = resolve(import.meta.dirname, "../../apps/server");

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once("error", fail);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => done(port));
    });
  });
}

function start(port: number, databaseFile: string): ChildProcess {
  return spawn("node", ["--import", "tsx", "src/main.ts", "start"], {
    cwd: serverDir,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_FILE: databaseFile,
      SEED_DEMO: "true",
      AUTH_RATE_LIMIT_PER_MINUTE: "1000",
      LOG_LEVEL: "warn",
    },
    stdio: "ignore",
  });
}

async function ready(base: string) {
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("the server did not start");
}

const stopped = (child: ChildProcess) =>
  new Promise<void>((done) => {
    if (child.exitCode !== null) done();
    else child.once("exit", () => done());
  });

test("an open page picks up changes again after the server restarts", async ({ page }) => {
  test.setTimeout(60_000);
  const dir = mkdtempSync(join(tmpdir(), "rollout-restart-"));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const databaseFile = join(dir, "rollout.db");
  let server = start(port, databaseFile);
  try {
    await ready(base);
    await page.goto(`${base}/sign-in`);
    await page.getByLabel("Email").fill("pm@rollout.demo");
    await passwordInput(page).fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    const projects = page.getByRole("table", { name: "Projects" });
    await expect(projects.getByText("ACME Corp CRM go-live")).toBeVisible();

    server.kill("SIGTERM");
    await stopped(server);
    server = start(port, databaseFile);
    await ready(base);

    // Someone else renames the project through the API, on the new server.
    const signIn = await fetch(`${base}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: base },
      body: JSON.stringify({ email: "ipm@rollout.demo", password: DEMO_PASSWORD }),
    });
    const cookie = (signIn.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    const get = async (path: string, input: unknown) =>
      (
        (await (
          await fetch(`${base}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`, {
            headers: { cookie },
          })
        ).json()) as { result: { data: unknown } }
      ).result.data;
    const list = (await get("project.list", {})) as Array<{ id: string; key: string }>;
    const acme = list.find((p) => p.key === "ACME-CRM");
    if (!acme) throw new Error("ACME-CRM missing");
    const project = (await get("project.get", { projectId: acme.id })) as Record<string, unknown>;
    const newName = `ACME after the restart ${Date.now()}`;
    const fields = Object.fromEntries(
      [
        "key",
        "customer",
        "kind",
        "stage",
        "status",
        "startDate",
        "targetGoLive",
        "actualGoLive",
        "plannedBudget",
        "actualCost",
        "currency",
        "objectives",
        "version",
      ].map((k) => [k, project[k]]),
    );
    const saved = await fetch(`${base}/trpc/project.update`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-rollout-csrf": "1", cookie },
      body: JSON.stringify({ ...fields, projectId: acme.id, name: newName }),
    });
    expect(saved.status).toBe(200);

    // No reload: the page reconnected on its own and refetched.
    await expect(projects.getByText(newName)).toBeVisible({ timeout: 10_000 });
  } finally {
    server.kill("SIGTERM");
    await stopped(server);
    rmSync(dir, { recursive: true, force: true });
  }
});

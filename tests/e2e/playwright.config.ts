import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { defineConfig } from "@playwright/test";

/**
 * Browser tests against the production build served by the real server, on a fresh database
 * seeded with the demo organisation. Build first: `pnpm build` (the server serves apps/web/dist).
 * Debian's Chromium is used; Playwright never downloads a browser here.
 */
const port = Number(process.env.E2E_PORT ?? 8181);
const baseURL = `http://127.0.0.1:${port}`;
const serverDir = resolve(import.meta.dirname, "../../apps/server");
// The config is read again in each worker; only the main process starts the server.
const databaseFile = join(tmpdir(), `rollout-e2e-${process.pid}-${Date.now()}.db`);
// Two runs at once (two checkouts, two agents) each need their own results folder.
const results = process.env.E2E_RESULTS_DIR ?? resolve(import.meta.dirname, "../../test-results");

export default defineConfig({
  testDir: ".",
  testMatch: "**/*.spec.ts",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  // The JSON report feeds the one-line summary CI prints (.ci/summary.mjs).
  reporter: [["list"], ["json", { outputFile: join(results, "e2e.json") }]],
  timeout: 30_000,
  expect: { timeout: 7_000 },
  forbidOnly: Boolean(process.env.CI),
  outputDir: join(results, "e2e"),
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  webServer: {
    // The production bundle, built fresh into this run's own folder.
    command: `node build.mjs dist-e2e-${port} && node dist-e2e-${port}/server.mjs start`,
    cwd: serverDir,
    url: `${baseURL}/healthz`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_FILE: databaseFile,
      SEED_DEMO: "true",
      AUTH_RATE_LIMIT_PER_MINUTE: "1000",
      LOG_LEVEL: "warn",
    },
  },
});

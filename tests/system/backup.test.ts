/**
 * Backup and restore (issue 8): an online backup taken by the CLI while the server keeps
 * writing is consistent (integrity ok, every row it holds was acknowledged, nothing
 * acknowledged before it began is missing), only the newest copies are kept, and `restore`
 * brings it back exactly — and refuses while a server uses the database.
 */
import { spawn } from "node:child_process";
import { existsSync, readdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { integrityOf, pidFileOf } from "@rollout/db";
import { readFileRows, tableContents } from "@rollout/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client, startServer, type TestServer } from "./helpers.ts";

const serverDir = resolve(import.meta.dirname, "../../apps/server");

function cli(
  args: string[],
  databaseFile: string,
): Promise<{ code: number | null; output: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts", ...args], {
      cwd: serverDir,
      env: {
        ...process.env,
        NODE_ENV: "production",
        LOG_LEVEL: "warn",
        DATABASE_FILE: databaseFile,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d) => {
      output += d;
    });
    child.stderr.on("data", (d) => {
      output += d;
    });
    child.on("exit", (code) => done({ code, output }));
  });
}

let server: TestServer;
let owner: Client;
let projectId: string;
beforeAll(async () => {
  server = await startServer();
  owner = new Client(server);
  await owner.signUp("owner@backup.test");
  await owner.mutate("org.create", { name: "Backup Co", slug: "backup-co" });
  const created = await owner.mutate("project.create", {
    key: "BAK-1",
    name: "Backed up",
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
  });
  projectId = ((await created.json()) as { result: { data: { id: string } } }).result.data.id;
});
afterAll(async () => {
  await server?.close();
});

describe("backup and restore", () => {
  it("backs up online under writes, keeps the newest copies, and restores exactly", {
    timeout: 60_000,
  }, async () => {
    const file = server.config.databaseFile;
    const folder = join(server.dir, "backups");
    const acknowledged: string[] = [];
    let writing = true;
    const writer = (async () => {
      for (let i = 0; writing; i++) {
        const response = await owner.mutate("plan.phase.create", { projectId, name: `Phase ${i}` });
        if (response.ok) {
          const body = (await response.json()) as { result: { data: { id: string } } };
          acknowledged.push(body.result.data.id);
        }
      }
    })();
    await new Promise((r) => setTimeout(r, 300));
    const before = acknowledged.length;
    const backups: string[] = [];
    for (let run = 0; run < 3; run++) {
      const result = await cli(["backup", "--to", folder, "--keep", "2"], file);
      expect(result.code, result.output).toBe(0);
      expect(result.output).toMatch(/integrity ok/);
      const made = /to (\S+\.db) \(/.exec(result.output)?.[1];
      expect(made).toBeDefined();
      backups.push(made as string);
    }
    const after = acknowledged.length;
    writing = false;
    await writer;
    expect(after).toBeGreaterThan(before); // the writes really ran during the backups

    // Only the newest two are kept.
    expect(
      readdirSync(folder)
        .filter((f) => f.endsWith(".db"))
        .sort(),
    ).toEqual(
      backups
        .slice(1)
        .map((b) => b.split("/").pop())
        .sort(),
    );
    const first = backups[1] as string;
    expect(integrityOf(first)).toBe("ok");
    const phaseIds = readFileRows<{ id: string }>(first, "select id from phase").map((p) => p.id);
    // Consistent: everything acknowledged before the first backup is in it, and nothing in it
    // was never acknowledged (no half-written rows).
    for (const id of acknowledged.slice(0, before)) expect(phaseIds).toContain(id);
    for (const id of phaseIds) expect(acknowledged).toContain(id);
    console.log(
      `backup under load: ${after - before} writes acknowledged during 3 backups; backup holds ${phaseIds.length} phases; integrity ok`,
    );

    // Restore refuses while a server claims the database.
    writeFileSync(pidFileOf(file), String(process.pid));
    const refused = await cli(["restore", first], file);
    expect(refused.code).toBe(1);
    expect(refused.output).toMatch(/stop it before restoring/);

    // Stop the server, restore, compare every table.
    await server.app.close();
    const expected = tableContents(first);
    writeFileSync(pidFileOf(file), "999999999"); // a crashed server's leftover: not running
    const restored = await cli(["restore", first], file);
    expect(restored.code, restored.output).toBe(0);
    expect(restored.output).toMatch(/kept as/);
    expect(integrityOf(file)).toBe("ok");
    expect(tableContents(file)).toEqual(expected);
    expect(existsSync(`${file}-wal`)).toBe(false);
  });

  it("refuses a backup that fails its integrity check, and a missing one", async () => {
    const file = join(server.dir, "broken.db");
    writeFileSync(file, "this is not a database at all, just some text to look broken");
    const restore = await cli(["restore", file], join(server.dir, "target.db"));
    expect(restore.code).toBe(1);
    const missing = await cli(
      ["restore", join(server.dir, "nope.db")],
      join(server.dir, "target.db"),
    );
    expect(missing.code).toBe(1);
    expect(missing.output).toMatch(/There is no backup/);
  });
});

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { closeDb, createDb, writeTx } from "./client.ts";
import { newId, nowIso } from "./ids.ts";
import { organization, project } from "./schema/index.ts";
import { demoUsers, hasDemoUsers, isEmpty, seedDemo } from "./seed/demo.ts";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function tempFile() {
  const dir = mkdtempSync(join(tmpdir(), "rollout-db-"));
  dirs.push(dir);
  return join(dir, "nested", "rollout.db");
}

describe("createDb", () => {
  it("creates the file and its folder, sets the pragmas and applies every migration", () => {
    const db = createDb(tempFile());
    const pragma = (name: string) => db.$client.pragma(name, { simple: true });
    expect(pragma("journal_mode")).toBe("wal");
    expect(pragma("foreign_keys")).toBe(1);
    expect(pragma("busy_timeout")).toBe(5000);
    expect(pragma("synchronous")).toBe(1); // NORMAL
    const tables = db.$client
      .prepare("select name from sqlite_master where type = 'table' order by name")
      .pluck()
      .all();
    expect(tables).toEqual(
      expect.arrayContaining([
        "audit_log",
        "invitation",
        "member",
        "organization",
        "project",
        "project_member",
        "session",
        "user",
      ]),
    );
    closeDb(db);
  });

  it("enforces foreign keys", () => {
    const db = createDb(":memory:");
    const now = nowIso();
    expect(() =>
      db
        .insert(project)
        .values({
          id: newId(),
          organizationId: "missing",
          key: "X",
          name: "x",
          kind: "software",
          stage: "build",
          status: "active",
          startDate: "2026-01-01",
          targetGoLive: "2026-02-01",
          createdAt: now,
          updatedAt: now,
        })
        .run(),
    ).toThrow(/FOREIGN KEY/);
  });

  it("runs writes in IMMEDIATE transactions: a second writer waits for the lock", () => {
    const file = tempFile();
    const db = createDb(file);
    const other = new Database(file, { timeout: 0 });
    writeTx(db, (tx) => {
      // The write lock is taken at BEGIN, before this transaction has written anything.
      expect(() =>
        other.prepare("insert into verification values ('v','i','v',0,0,0)").run(),
      ).toThrow(/database is locked/);
      const now = nowIso();
      tx.insert(organization)
        .values({ id: newId(), name: "A", slug: "a", createdAt: now, updatedAt: now })
        .run();
    });
    other.close();
    closeDb(db);
  });

  it("rolls a failed transaction back whole", () => {
    const db = createDb(":memory:");
    const now = nowIso();
    expect(() =>
      writeTx(db, (tx) => {
        tx.insert(organization)
          .values({ id: newId(), name: "A", slug: "a", createdAt: now, updatedAt: now })
          .run();
        tx.insert(organization)
          .values({ id: newId(), name: "B", slug: "a", createdAt: now, updatedAt: now })
          .run();
      }),
    ).toThrow(/UNIQUE/);
    expect(db.select().from(organization).all()).toEqual([]);
  });
});

describe("demo seed", () => {
  it("seeds three projects at different stages and a person per role, once", async () => {
    const db = createDb(":memory:");
    expect(isEmpty(db)).toBe(true);
    await seedDemo(db, async (p) => `hashed:${p}`, "2026-11-23");
    expect(isEmpty(db)).toBe(false);
    expect(hasDemoUsers(db)).toBe(true);
    const projects = db.select().from(project).all();
    expect(projects.map((p) => p.stage).sort()).toEqual(["build", "closed", "go_live"]);
    expect(projects.find((p) => p.stage === "closed")?.actualGoLive).not.toBeNull();
    for (const p of projects) expect(p.targetGoLive >= p.startDate).toBe(true);
    expect(demoUsers.map((u) => u.orgRole)).toContain("owner");
  });
});

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

describe("demo plan", () => {
  it("gives each demo project a realistic plan with links, responsibilities and a few flags", async () => {
    const { dependency, phase, task } = await import("./schema/index.ts");
    const { raciViolations, workingDaysBetween } = await import("@rollout/domain");
    const db = createDb(":memory:");
    await seedDemo(db, async (p) => `hashed:${p}`, "2026-11-23");
    const projects = db.select().from(project).all();
    for (const p of projects) {
      const tasks = db
        .select()
        .from(task)
        .all()
        .filter((t) => t.projectId === p.id);
      expect(tasks.length, p.key).toBeGreaterThanOrEqual(40);
      expect(tasks.length, p.key).toBeLessThanOrEqual(80);
      expect(
        db
          .select()
          .from(phase)
          .all()
          .filter((x) => x.projectId === p.id).length,
      ).toBeGreaterThanOrEqual(6);
      const links = db
        .select()
        .from(dependency)
        .all()
        .filter((d) => d.projectId === p.id);
      expect(links.length).toBe(tasks.length - 1);
      const flagged = tasks.filter(
        (t) =>
          raciViolations({
            ipm: t.raciIpm,
            pm: t.raciPm,
            customer: t.raciCustomer,
            vendor: t.raciVendor,
          }).length > 0,
      );
      expect(flagged.length, p.key).toBeGreaterThanOrEqual(1);
      expect(flagged.length, p.key).toBeLessThanOrEqual(3);
      // The plan fits the project: work before hypercare ends within a week of go-live.
      const goLive = p.actualGoLive ?? p.targetGoLive;
      const hypercare = db
        .select()
        .from(phase)
        .all()
        .find((x) => x.projectId === p.id && x.name === "Hypercare")?.id;
      const lastBeforeHypercare = tasks
        .filter((t) => t.phaseId !== hypercare && t.dueDate)
        .map((t) => t.dueDate as string)
        .sort()
        .at(-1) as string;
      expect(workingDaysBetween(goLive, lastBeforeHypercare), p.key).toBeLessThanOrEqual(5);
    }
    const closed = projects.find((p) => p.stage === "closed")!;
    const closedTasks = db
      .select()
      .from(task)
      .all()
      .filter((t) => t.projectId === closed.id);
    expect(closedTasks.every((t) => t.status === "done")).toBe(true);
  });
});

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { closeDb, createDb, openDb, STATEMENT_CACHE_SIZE, writeTx } from "./client.ts";
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

describe("the statement cache", () => {
  function open() {
    const sqlite = new Database(":memory:");
    const prepare = vi.spyOn(sqlite, "prepare");
    const db = openDb(sqlite);
    db.$client.exec("create table thing (id text primary key, n integer not null)");
    prepare.mockClear();
    return { db, sqlite, prepare };
  }

  it("compiles a query once and reruns it with new values, answering from the live data", () => {
    const { db, sqlite, prepare } = open();
    expect(db.$client).toBe(sqlite);
    const thing = { id: "", n: 0 };
    const read = (id: string) =>
      db.get<typeof thing>(sql`select id, n from thing where id = ${id}`);
    expect(read("a")).toBeUndefined();
    sqlite.prepare("insert into thing values ('a', 1), ('b', 2)").run();
    prepare.mockClear();
    expect(read("a")).toEqual({ id: "a", n: 1 });
    expect(read("b")).toEqual({ id: "b", n: 2 });
    sqlite.prepare("update thing set n = 5 where id = 'a'").run();
    expect(read("a")).toEqual({ id: "a", n: 5 });
    const compiled = prepare.mock.calls.filter(([text]) => String(text).startsWith("select id, n"));
    expect(compiled).toHaveLength(0);
    sqlite.close();
  });

  it("hands a statement back in object mode after drizzle used it for arrays", () => {
    const { db, sqlite } = open();
    sqlite.prepare("insert into thing values ('a', 1)").run();
    const query = sql`select id, n from thing`;
    expect(db.values(query)).toEqual([["a", 1]]);
    expect(db.all(query)).toEqual([{ id: "a", n: 1 }]);
    expect(db.get(query)).toEqual({ id: "a", n: 1 });
    sqlite.close();
  });

  it("keeps the most recently used statements and compiles an evicted one again", () => {
    const { db, sqlite, prepare } = open();
    const run = (i: number) => db.all(sql.raw(`select ${i} as n`));
    for (let i = 0; i <= STATEMENT_CACHE_SIZE; i++) run(i);
    expect(prepare).toHaveBeenCalledTimes(STATEMENT_CACHE_SIZE + 1);
    run(STATEMENT_CACHE_SIZE); // still cached
    expect(prepare).toHaveBeenCalledTimes(STATEMENT_CACHE_SIZE + 1);
    run(0); // the oldest was evicted
    expect(prepare).toHaveBeenCalledTimes(STATEMENT_CACHE_SIZE + 2);
    sqlite.close();
  });

  it("works inside transactions and for writes", () => {
    const { db, sqlite } = open();
    for (let i = 0; i < 3; i++) {
      writeTx(db, (tx) => tx.run(sql`insert into thing values (${`t${i}`}, ${i})`));
    }
    expect(db.all(sql`select count(*) as c from thing`)).toEqual([{ c: 3 }]);
    expect(() =>
      writeTx(db, (tx) => tx.run(sql`insert into thing values (${"t0"}, ${9})`)),
    ).toThrow(/Failed to run the query/);
    expect(db.all(sql`select n from thing where id = ${"t0"}`)).toEqual([{ n: 0 }]);
    sqlite.close();
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

/**
 * Tenant isolation (issue 8): every procedure that takes an id is called by organisation A's
 * owner with each id that organisation B owns put in place of each of its ids. Every answer must
 * be exactly the answer to an id that does not exist (NOT_FOUND for a thing looked up), write
 * nothing, and carry nothing of B's.
 */
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { listProcedures } from "./procedures.ts";
import { createWorld, sampleInput, type World } from "./testing/index.ts";
import { matrix } from "./testing/matrix.ts";

/** Every id of a row that belongs to `orgId`: its projects and everything in them. */
function idsOf(world: World, orgId: string): Set<string> {
  const sqlite = world.db.$client;
  const tables = (
    sqlite
      .prepare(
        "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '%fts%'",
      )
      .all() as Array<{ name: string }>
  ).map((t) => t.name);
  const projects = (
    sqlite.prepare("select id from project where organization_id = ?").all(orgId) as Array<{
      id: string;
    }>
  ).map((p) => p.id);
  const ids = new Set<string>([orgId, ...projects]);
  for (const table of tables) {
    const columns = (
      sqlite.prepare(`pragma table_info("${table}")`).all() as Array<{ name: string }>
    ).map((c) => c.name);
    if (!columns.includes("id")) continue;
    const where = columns.includes("organization_id")
      ? "organization_id = ?"
      : columns.includes("project_id")
        ? `project_id in (${projects.map(() => "?").join(",") || "''"})`
        : null;
    if (!where) continue;
    const args = columns.includes("organization_id") ? [orgId] : projects;
    for (const r of sqlite
      .prepare(`select id from "${table}" where ${where}`)
      .all(...args) as Array<{
      id: string;
    }>) {
      ids.add(r.id);
    }
  }
  // People who belong to B alone.
  for (const r of sqlite
    .prepare(
      "select user_id as id from member where organization_id = ? and user_id not in (select user_id from member where organization_id != ?)",
    )
    .all(orgId, orgId) as Array<{ id: string }>) {
    ids.add(r.id);
  }
  return ids;
}

/** Paths to every string in `input` that names one of `ids`, or sits under an id-like key. */
function idPaths(input: unknown, ids: Set<string>): string[][] {
  const out: string[][] = [];
  const walk = (v: unknown, at: string[]) => {
    if (typeof v === "string") {
      const key = at[at.length - 1] ?? "";
      const list = /^\d+$/.test(key) ? (at[at.length - 2] ?? "") : "";
      if (ids.has(v) || /(^id|Id)$/.test(key) || /(^ids|Ids|tasks)$/.test(list)) out.push(at);
      return;
    }
    if (v && typeof v === "object")
      for (const [k, child] of Object.entries(v)) walk(child, [...at, k]);
  };
  walk(input, []);
  return out;
}

function replaced(input: unknown, path: string[], value: string): unknown {
  const copy = structuredClone(input) as Record<string, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
  node[path[path.length - 1] as string] = value;
  return copy;
}

async function answer(
  call: () => Promise<unknown>,
): Promise<{ code: string; message: string; data?: string }> {
  try {
    const data = await call();
    return { code: "OK", message: "", data: JSON.stringify(data) };
  } catch (error) {
    if (error instanceof TRPCError) return { code: error.code, message: error.message };
    return { code: "THROWN", message: String(error) };
  }
}

describe("tenant isolation", () => {
  it("answers org B's ids to org A exactly as ids that do not exist", {
    timeout: 300_000,
  }, async () => {
    const world = createWorld();
    const theirs = [...idsOf(world, world.otherOrgId)];
    const ours = idsOf(world, world.orgId);
    const writes = () =>
      (world.db.$client.prepare("select total_changes() as n").get() as { n: number }).n;
    const paths = listProcedures()
      .filter((p) => p.type !== "subscription" && matrix[p.path])
      .map((p) => p.path);
    let probes = 0;
    let notFound = 0;
    let procedures = 0;
    const problems: string[] = [];
    for (const path of paths) {
      const input = await sampleInput(path, world, "orgOwner");
      const targets = idPaths(input, ours);
      if (targets.length === 0) continue;
      procedures += 1;
      const call = (value: unknown) =>
        (
          path
            .split(".")
            .reduce<unknown>(
              (node, key) => (node as Record<string, unknown>)[key],
              world.as("orgOwner"),
            ) as (i: unknown) => Promise<unknown>
        )(value);
      for (const at of targets) {
        const missing = await answer(() => call(replaced(input, at, "no-such-id-0000")));
        for (const id of theirs) {
          const before = writes();
          const got = await answer(() => call(replaced(input, at, id)));
          probes += 1;
          if (got.code === "NOT_FOUND") notFound += 1;
          const label = `${path} with ${at.join(".")} = B's ${id.slice(0, 8)}`;
          if (got.code !== missing.code || got.message !== missing.message) {
            problems.push(
              `${label}: ${got.code} "${got.message}" vs missing ${missing.code} "${missing.message}"`,
            );
          }
          if (got.code !== "OK" && writes() !== before) problems.push(`${label}: wrote`);
          if (got.data && theirs.some((t) => got.data?.includes(t)))
            problems.push(`${label}: returned B's rows`);
          if (got.data?.includes("Globex")) problems.push(`${label}: returned B's names`);
        }
      }
    }
    console.log(
      `tenant isolation: ${procedures} procedures taking ids, ${theirs.length} ids of org B, ${probes} probes; ${notFound} NOT_FOUND, the rest answered as for a missing id; ${problems.length} differences`,
    );
    expect([...new Set(problems.map((p) => p.replace(/B's \w+/, "B's …")))].slice(0, 30)).toEqual(
      [],
    );
    expect(probes).toBeGreaterThanOrEqual(1000);
  });
});

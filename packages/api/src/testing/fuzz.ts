/**
 * Fuzzing every procedure (issue 8): generated garbage and valid inputs with one field broken,
 * ≥ 500 per procedure, called as an organisation owner (every permission) on the test world. Every answer must be a success or a
 * 4xx the client can act on (400 401 403 404 409 413 429): never a 5xx, and never a message
 * carrying a stack, a file path or SQL.
 */
import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import * as fc from "fast-check";
import { listProcedures } from "../procedures.ts";
import { createWorld, type MatrixRole, type World } from "./fixtures.ts";
import { matrix } from "./matrix.ts";

export const RUNS_PER_PROCEDURE = Number(process.env.FUZZ_RUNS ?? 500);
const ALLOWED = new Set([400, 401, 403, 404, 409, 413, 429]);
const LEAKS = [
  /\n\s+at /, // a stack frame
  /\/(work|home|usr|tmp|root)\//, // a file path
  /node_modules/,
  /\.tsx?:\d+/,
  /SQLITE_|sqlite3|\bselect\b.+\bfrom\b|\binsert into\b|\bupdate\b.+\bset\b/i,
];

/** The input a matrix row sends to its procedure, captured without calling anything. */
export async function sampleInput(
  path: string,
  world: World,
  role: MatrixRole = "orgOwner",
): Promise<unknown> {
  let captured: unknown;
  const make = (parts: string[]): unknown =>
    new Proxy(() => undefined, {
      get: (_t, key) => make([...parts, String(key)]),
      apply: (_t, _this, args: unknown[]) => {
        if (parts.join(".") === path) captured = args[0];
        return Promise.resolve(undefined);
      },
    });
  try {
    await matrix[path]?.call(make([]) as never, world, role);
  } catch {
    // the row used a result we did not give it; the input is captured by then
  }
  return captured;
}

const dates = fc.constantFrom(
  "0000-01-01",
  "9999-12-31",
  "2026-02-29",
  "2028-02-30",
  "2026-13-01",
  "2026-1-1",
  "",
  "2026-11-22T00:00:00Z",
);
const strings = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.constantFrom(
    "x".repeat(100_001),
    "😀".repeat(20_000),
    "\u0000\u0001\u202e",
    "<script>alert(1)</script>",
    "'; drop table task; --",
    "../../etc/passwd",
    "=cmd|' /C calc'!A0",
  ),
);
const garbage = fc.oneof(
  fc.anything({ maxDepth: 3, maxKeys: 5 }),
  strings,
  dates,
  fc.integer(),
  fc.double(),
  fc.constantFrom(
    Number.MAX_SAFE_INTEGER,
    -1,
    0,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    null,
    [],
    {},
  ),
);

/** The input with the value at one path (chosen by `pick`) replaced by `value`. */
function withOneFieldBroken(input: unknown, pick: number, value: unknown): unknown {
  const paths: string[][] = [];
  const walk = (v: unknown, at: string[]) => {
    if (at.length > 0) paths.push(at);
    if (v && typeof v === "object" && at.length < 4) {
      for (const [k, child] of Object.entries(v)) walk(child, [...at, k]);
    }
  };
  walk(input, []);
  if (paths.length === 0) return value;
  const path = paths[pick % paths.length] as string[];
  const copy = structuredClone(input) as Record<string, unknown>;
  let node: Record<string, unknown> = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
  node[path[path.length - 1] as string] = value;
  return copy;
}

export interface FuzzOutcome {
  path: string;
  calls: number;
  byStatus: Record<number, number>;
  bad: string[];
}

export async function fuzzProcedure(path: string): Promise<FuzzOutcome> {
  const world = createWorld();
  const valid = await sampleInput(path, world);
  const procedure = path
    .split(".")
    .reduce<unknown>(
      (node, key) => (node as Record<string, unknown>)[key],
      world.as("orgOwner"),
    ) as (input: unknown) => Promise<unknown>;
  const outcome: FuzzOutcome = { path, calls: 0, byStatus: {}, bad: [] };
  const inputs = fc.sample(
    fc.oneof(
      { weight: 2, arbitrary: garbage },
      {
        weight: 3,
        arbitrary: fc
          .tuple(fc.nat(), garbage)
          .map(([pick, value]) => withOneFieldBroken(valid, pick, value)),
      },
    ),
    { numRuns: RUNS_PER_PROCEDURE, seed: 20261122 },
  );
  for (const input of inputs) {
    outcome.calls += 1;
    let status = 200;
    let message = "";
    try {
      await procedure(input);
    } catch (error) {
      if (error instanceof TRPCError) {
        status = getHTTPStatusCodeFromError(error);
        // What the client would read: the formatter turns zod issues into their first message.
        message = error.code === "INTERNAL_SERVER_ERROR" ? "" : error.message;
      } else {
        status = 500;
        message = String(error);
      }
    }
    outcome.byStatus[status] = (outcome.byStatus[status] ?? 0) + 1;
    if (status !== 200 && !ALLOWED.has(status)) {
      if (outcome.bad.length < 3) {
        outcome.bad.push(
          `${status} for ${JSON.stringify(input)?.slice(0, 200)}: ${message.slice(0, 200)}`,
        );
      }
    } else if (status !== 200 && LEAKS.some((re) => re.test(message)) && !message.startsWith("[")) {
      if (outcome.bad.length < 3) outcome.bad.push(`leaky message: ${message.slice(0, 200)}`);
    }
  }
  return outcome;
}

/** The procedures to fuzz, split into `of` shards so test files can run side by side. */
export function fuzzTargets(shard: number, of: number): string[] {
  return listProcedures()
    .filter((p) => p.type !== "subscription" && matrix[p.path])
    .map((p) => p.path)
    .filter((_, i) => i % of === shard);
}

/** Fuzzes one shard of the procedures and sums what came back. */
export async function fuzzShard(shard: number, of: number) {
  const started = performance.now();
  const outcomes: FuzzOutcome[] = [];
  for (const path of fuzzTargets(shard, of)) outcomes.push(await fuzzProcedure(path));
  const statuses: Record<number, number> = {};
  for (const o of outcomes) {
    for (const [s, n] of Object.entries(o.byStatus)) {
      statuses[Number(s)] = (statuses[Number(s)] ?? 0) + n;
    }
  }
  return {
    outcomes,
    calls: outcomes.reduce((n, o) => n + o.calls, 0),
    statuses,
    milliseconds: Math.round(performance.now() - started),
    problems: outcomes
      .filter((o) => o.bad.length > 0)
      .map((o) => `${o.path}: ${o.bad.join(" | ")}`),
  };
}

import { and, count, isNull, project } from "@rollout/db";
import { describe, expect, it } from "vitest";
import { createWorld } from "../../testing/index.ts";
import { warmFigures } from "./dashboards.ts";

/** Statements the connection runs from now on. */
function counting(db: ReturnType<typeof createWorld>["db"]) {
  const client = db.$client;
  const prepare = client.prepare.bind(client);
  const counter = { n: 0 };
  client.prepare = ((source: string) => {
    const statement = prepare(source);
    for (const method of ["run", "get", "all"] as const) {
      const original = statement[method].bind(statement) as (...args: unknown[]) => unknown;
      (statement as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => {
        counter.n += 1;
        return original(...args);
      };
    }
    return statement;
  }) as typeof client.prepare;
  return counter;
}

describe("warming the dashboards' figures at start", () => {
  it("computes every live project of every organisation, so the first portfolio reads no plan", async () => {
    const world = createWorld();
    const live =
      world.db
        .select({ n: count() })
        .from(project)
        .where(and(isNull(project.archivedAt)))
        .get()?.n ?? 0;
    const cold = counting(world.db);
    await world.as("pm").dashboard.portfolio({});
    const coldStatements = cold.n;

    const again = createWorld();
    expect(await warmFigures(again.db)).toBe(live);
    const warm = counting(again.db);
    const first = await again.as("pm").dashboard.portfolio({});
    expect(first.items.length).toBeGreaterThan(0);
    // The figures were there: no task, link or milestone rows read for the first view.
    expect(warm.n).toBeLessThan(coldStatements);
  });

  it("stops when asked, and on a closed database", async () => {
    const world = createWorld();
    expect(await warmFigures(world.db, () => true)).toBe(0);
    world.db.$client.close();
    expect(await warmFigures(world.db)).toBe(0);
  });
});

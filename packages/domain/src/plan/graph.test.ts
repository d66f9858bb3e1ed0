import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Edge, findCycle } from "./graph.ts";

/** The oracle: is `to` reachable from `from`, by brute force over every path length. */
function reachable(edges: readonly Edge[], from: string, to: string): boolean {
  let frontier = new Set([from]);
  const seen = new Set<string>();
  for (let step = 0; step <= edges.length + 1; step++) {
    if (frontier.has(to)) return true;
    const next = new Set<string>();
    for (const e of edges) if (frontier.has(e.from) && !seen.has(e.to)) next.add(e.to);
    for (const n of frontier) seen.add(n);
    frontier = next;
    if (frontier.size === 0) return false;
  }
  return false;
}

const node = fc.integer({ min: 0, max: 9 }).map((n) => `t${n}`);
const edge = fc.record({ from: node, to: node });
/** Random acyclic graphs: edges only go from a lower to a higher node number. */
const dag = fc.array(edge, { maxLength: 30 }).map((edges) => edges.filter((e) => e.from < e.to));

describe("cycle detection", () => {
  it("agrees with brute-force reachability on random graphs (property)", () => {
    fc.assert(
      fc.property(dag, edge, (edges, added) => {
        const cycle = findCycle(edges, added);
        const closes = added.from === added.to || reachable(edges, added.to, added.from);
        expect(cycle !== null).toBe(closes);
        if (cycle) {
          // The path is real: starts and ends at the new edge's source and follows edges.
          expect(cycle[0]).toBe(added.from);
          expect(cycle.at(-1)).toBe(added.from);
          const all = [...edges, added];
          for (let i = 0; i + 1 < cycle.length; i++) {
            expect(all.some((e) => e.from === cycle[i] && e.to === cycle[i + 1])).toBe(true);
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it("names the loop a → b → c → a", () => {
    const edges = [
      { from: "a", to: "b" },
      { from: "b", to: "c" },
    ];
    expect(findCycle(edges, { from: "c", to: "a" })).toEqual(["c", "a", "b", "c"]);
    expect(findCycle(edges, { from: "a", to: "c" })).toBeNull();
    expect(findCycle([], { from: "x", to: "x" })).toEqual(["x", "x"]);
  });

  it("handles a long chain without recursion limits", () => {
    const edges = Array.from({ length: 20_000 }, (_, i) => ({ from: `n${i}`, to: `n${i + 1}` }));
    expect(findCycle(edges, { from: "n20000", to: "n0" })).toHaveLength(20_002);
  });
});

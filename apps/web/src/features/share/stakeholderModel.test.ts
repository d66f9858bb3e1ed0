import { describe, expect, it } from "vitest";
import {
  burnUpPoints,
  type Gate,
  gateState,
  latestActual,
  planGap,
  signOffRequests,
} from "./stakeholderModel.ts";

const gate = (patch: Partial<Gate>): Gate => ({
  milestoneId: "g1",
  name: "Go-live",
  criteriaMet: 1,
  criteriaTotal: 5,
  decision: null,
  awaitingMySignOff: false,
  signedByMe: false,
  ...patch,
});

describe("the stakeholder view", () => {
  it("asks only for the reader's own missing signatures", () => {
    const gates = [
      gate({ milestoneId: "a", awaitingMySignOff: true }),
      gate({ milestoneId: "b", signedByMe: true }),
      gate({ milestoneId: "c" }),
    ];
    expect(signOffRequests({ gates }).map((g) => g.milestoneId)).toEqual(["a"]);
    expect(signOffRequests({ gates: [] })).toEqual([]);
  });

  it("says where a gate stands", () => {
    expect(gateState(gate({}))).toBe("open");
    expect(gateState(gate({ criteriaMet: 5 }))).toBe("ready");
    expect(gateState(gate({ criteriaMet: 0, criteriaTotal: 0 }))).toBe("open");
    expect(gateState(gate({ decision: "no_go", criteriaMet: 5 }))).toBe("no_go");
    expect(gateState(gate({ decision: "go" }))).toBe("go");
  });

  it("rounds the burn-up and stops the actual line where recording stops", () => {
    const points = burnUpPoints([
      { date: "2026-11-02", planned: 10.04, actual: 9.96 },
      { date: "2026-11-09", planned: 20.55, actual: 18.01 },
      { date: "2026-11-16", planned: 30, actual: null },
    ]);
    expect(points).toEqual([
      { date: "2026-11-02", Planned: 10, Actual: 10 },
      { date: "2026-11-09", Planned: 20.6, Actual: 18 },
      { date: "2026-11-16", Planned: 30, Actual: null },
    ]);
    expect(latestActual(points)?.date).toBe("2026-11-09");
    expect(latestActual([])).toBeNull();
  });

  it("words the gap to plan in points", () => {
    expect(planGap(38.4, 45)).toEqual({ text: "7 points behind plan", behind: true });
    expect(planGap(46, 45)).toEqual({ text: "1 point ahead of plan", behind: false });
    expect(planGap(45.2, 45)).toEqual({ text: "on plan", behind: false });
  });
});

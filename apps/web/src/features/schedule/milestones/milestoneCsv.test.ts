import { parseCsv } from "@rollout/domain";
import { describe, expect, it } from "vitest";
import { milestoneCsv } from "./milestoneCsv.ts";

describe("milestone CSV", () => {
  it("writes each milestone with its forecast, slip, criteria and sign-offs", () => {
    const csv = milestoneCsv([
      {
        id: "m1",
        name: "Go-live",
        description: "",
        baselineDate: "2027-02-05",
        forecastDate: "2027-02-15",
        computedForecast: "2027-02-15",
        forecastOverride: null,
        actualDate: null,
        status: "at_risk",
        computedStatus: "at_risk",
        statusOverride: null,
        slip: 6,
        isGate: true,
        isGoLive: true,
        taskIds: ["t1", "t2"],
        drivingChain: [],
        criteria: [
          {
            id: "c1",
            item: "UAT",
            ownerId: null,
            ownerName: null,
            evidence: "",
            required: true,
            met: true,
            version: 1,
          },
          {
            id: "c2",
            item: "Training",
            ownerId: null,
            ownerName: null,
            evidence: "",
            required: true,
            met: false,
            version: 1,
          },
        ],
        signers: [{ userId: "u1", name: "Sarah", signedAt: null, comment: "" }],
        decision: null,
        version: 1,
      },
    ]);
    const [header, row] = parseCsv(csv).map((r) => r.cells);
    const cell = (name: string) => row?.[header?.indexOf(name) ?? -1];
    expect(cell("Slip (working days)")).toBe("6");
    expect(cell("Status")).toBe("At risk");
    expect(cell("Criteria met")).toBe("1 of 2");
    expect(cell("Signed off")).toBe("0 of 1");
    expect(cell("Tasks")).toBe("2");
  });
});

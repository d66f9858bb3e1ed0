import { parseCsv } from "@rollout/domain";
import { describe, expect, it } from "vitest";
import { commsCsv, registerCsv } from "./stakeholderCsv.ts";
import { person } from "./testStakeholders.ts";

describe("stakeholder CSV", () => {
  it("writes the register with quadrant and engagement in words", () => {
    const rows = parseCsv(registerCsv([person("Dana, VP", { power: 5, interest: 4 })]));
    const [header, row] = rows.map((r) => r.cells);
    const cell = (name: string) => row?.[header?.indexOf(name) ?? -1];
    expect(rows).toHaveLength(2);
    expect(cell("Name")).toBe("Dana, VP");
    expect(cell("Quadrant")).toBe("Manage closely");
  });

  it("writes the communication plan with its audience", () => {
    const csv = commsCsv([
      {
        id: "c1",
        audience: { stakeholders: [], quadrant: "keep_informed" },
        purpose: "Newsletter",
        channel: "Email",
        frequency: "fortnightly",
        ownerRole: "ipm",
        nextDue: "2026-12-04",
        overdue: false,
        lastDoneOn: null,
        lastDoneBy: null,
        notes: "",
        version: 1,
      },
    ]);
    const [header, row] = parseCsv(csv).map((r) => r.cells);
    expect(row?.[header?.indexOf("Audience") ?? -1]).toBe("Everyone to keep informed");
    expect(row?.[header?.indexOf("Frequency") ?? -1]).toBe("Fortnightly");
  });
});

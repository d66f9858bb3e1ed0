import { parseCsv } from "@rollout/domain";
import { describe, expect, it } from "vitest";
import { portfolioCsv } from "./portfolioCsv.ts";
import { milestone, portfolioItem } from "./testItems.ts";

describe("portfolio CSV", () => {
  it("writes one row per project, as shown, with health and its reasons", () => {
    const late = portfolioItem("ACME-CRM", {
      overall: "amber",
      computed: "red",
      override: { rag: "amber", reason: "Recovery plan agreed", expiresOn: null, active: true },
      nextMilestone: milestone(6, "2026-03-09"),
      spi: 0.82,
    });
    const [header, row, ...rest] = parseCsv(portfolioCsv([late])).map((r) => r.cells);
    expect(rest).toEqual([]);
    const cell = (name: string) => row?.[header?.indexOf(name) ?? -1];
    expect(cell("Key")).toBe("ACME-CRM");
    expect(cell("Health")).toBe("Amber");
    expect(cell("Health by the rules")).toBe("Red");
    expect(cell("Override reason")).toBe("Recovery plan agreed");
    expect(cell("Slip (working days)")).toBe("6");
    expect(cell("SPI")).toBe("0.82");
  });
});

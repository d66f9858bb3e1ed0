import { describe, expect, it } from "vitest";
import { portfolioSearch } from "../projects/portfolioSearch.ts";
import {
  isSlipping,
  matchesSearch,
  portfolioCounts,
  portfolioRows,
  sortItems,
} from "./portfolioView.ts";
import { milestone, portfolioItem } from "./testItems.ts";

const search = (input: Record<string, unknown> = {}) => portfolioSearch.parse(input);

describe("portfolio rows", () => {
  const items = [
    portfolioItem("ACME-CRM", {
      overall: "red",
      customer: "ACME Corporation",
      ipmName: "Ian Murphy",
      nextMilestone: milestone(6, "2026-03-09"),
      goLiveDate: "2027-02-15",
      spi: 0.82,
      progress: 38,
    }),
    portfolioItem("NW-WMS", {
      overall: "amber",
      stage: "go_live",
      nextMilestone: milestone(0, "2026-02-20"),
      goLiveDate: "2026-11-17",
      spi: 1.02,
      progress: 85,
    }),
    portfolioItem("STM-EHR", {
      stage: "closed",
      status: "closed",
      goLiveDate: null,
      spi: null,
      progress: 100,
    }),
  ];

  it("filters by the overall health shown, stage, status and text", () => {
    expect(portfolioRows(items, search({ health: "red" })).map((i) => i.key)).toEqual(["ACME-CRM"]);
    expect(portfolioRows(items, search({ stage: "go_live" })).map((i) => i.key)).toEqual([
      "NW-WMS",
    ]);
    expect(portfolioRows(items, search({ status: "closed" })).map((i) => i.key)).toEqual([
      "STM-EHR",
    ]);
    // Customer and people are searched, whatever the case.
    expect(portfolioRows(items, search({ q: "acme corp" })).map((i) => i.key)).toEqual([
      "ACME-CRM",
    ]);
    expect(portfolioRows(items, search({ q: "MURPHY" })).map((i) => i.key)).toEqual(["ACME-CRM"]);
    expect(portfolioRows(items, search({ q: "nothing like it" }))).toEqual([]);
  });

  it("counts an override in force as the colour shown, not the computed one", () => {
    const overridden = portfolioItem("OVR", {
      overall: "amber",
      computed: "red",
      override: { rag: "amber", reason: "Recovery plan agreed", expiresOn: null, active: true },
    });
    expect(matchesSearch(overridden, search({ health: "amber" }))).toBe(true);
    expect(matchesSearch(overridden, search({ health: "red" }))).toBe(false);
    expect(portfolioCounts([overridden])).toMatchObject({ amber: 1, red: 0, overridden: 1 });
  });

  it("lists only slipping projects with the same rule the strip counts", () => {
    const achieved = portfolioItem("DONE", {
      nextMilestone: { ...milestone(4), actualDate: "2026-03-01" },
    });
    expect(isSlipping(items[0] ?? achieved)).toBe(true);
    expect(isSlipping(achieved)).toBe(false);
    const all = [...items, achieved];
    const slipping = portfolioRows(all, search({ slipping: true }));
    expect(slipping.map((i) => i.key)).toEqual(["ACME-CRM"]);
    expect(portfolioCounts(all).slipping).toBe(slipping.length);
  });

  it("sorts both ways, keeping projects without a figure last", () => {
    expect(sortItems(items, "goLive", false).map((i) => i.key)).toEqual([
      "NW-WMS",
      "ACME-CRM",
      "STM-EHR",
    ]);
    expect(sortItems(items, "goLive", true).map((i) => i.key)).toEqual([
      "ACME-CRM",
      "NW-WMS",
      "STM-EHR",
    ]);
    expect(sortItems(items, "spi", false).map((i) => i.key)).toEqual([
      "ACME-CRM",
      "NW-WMS",
      "STM-EHR",
    ]);
    expect(sortItems(items, "health", true).map((i) => i.key)).toEqual([
      "ACME-CRM",
      "NW-WMS",
      "STM-EHR",
    ]);
    expect(sortItems(items, "stage", false).map((i) => i.key)).toEqual([
      "ACME-CRM",
      "NW-WMS",
      "STM-EHR",
    ]);
    expect(sortItems(items, "progress", true).map((i) => i.key)).toEqual([
      "STM-EHR",
      "NW-WMS",
      "ACME-CRM",
    ]);
  });

  it("orders keys with numbers naturally", () => {
    const numbered = ["P-10", "P-2", "P-1"].map((k) => portfolioItem(k));
    expect(sortItems(numbered, "key", false).map((i) => i.key)).toEqual(["P-1", "P-2", "P-10"]);
  });
});

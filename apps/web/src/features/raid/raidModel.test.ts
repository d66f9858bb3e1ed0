import { defaultRiskThresholds, emptyHeatMap, heatMapOf } from "@rollout/domain";
import { describe, expect, it } from "vitest";
import {
  bandCounts,
  cellKey,
  defaultSort,
  effectiveSort,
  filterItems,
  hasFilters,
  heatMapRows,
  heatMapTotal,
  inCell,
  kindCounts,
  nextSort,
  ownerOptions,
  pageWindow,
  parseCell,
  raidColumns,
  raidCsvFileName,
  sortItems,
  stepCell,
  switchKind,
  toggleCell,
} from "./raidModel.ts";
import { type RaidSearch, raidSearch } from "./raidSearch.ts";
import { raidItem } from "./testItems.ts";

const ann = { type: "user" as const, id: "u-ann", name: "Ann Ipm" };
const cho = { type: "stakeholder" as const, id: "s-cho", name: "Cho Sponsor" };

const log = [
  raidItem("risk", 1, { title: "Data quality", probability: 4, impact: 5, owner: ann }),
  raidItem("risk", 2, {
    title: "Vendor late",
    probability: 2,
    impact: 2,
    residualProbability: 1,
    residualImpact: 2,
    owner: cho,
    dueDate: "2026-01-10",
    overdue: true,
  }),
  raidItem("risk", 3, { title: "Old risk", probability: 4, impact: 5, status: "closed" }),
  raidItem("risk", 10, {
    title: "Key user leaves",
    probability: 3,
    impact: 4,
    status: "mitigating",
    mitigation: "Cross-train a deputy",
    residualProbability: 1,
    residualImpact: 2,
  }),
  raidItem("issue", 1, { title: "SSO fails", severity: "high", owner: ann, dueDate: "2026-02-01" }),
  raidItem("issue", 2, { title: "Label printer", severity: "critical", status: "resolved" }),
  raidItem("decision", 1, { title: "Phased go-live" }),
];

const filters = (patch: Partial<RaidSearch> = {}) => ({ ...raidSearch.parse({}), ...patch });
const refs = (items: { ref: string }[]) => items.map((i) => i.ref);

describe("raidSearch", () => {
  it("fills defaults and drops values it cannot use instead of failing the page", () => {
    expect(raidSearch.parse({})).toMatchObject({
      kind: "risk",
      q: "",
      overdue: false,
      residual: false,
      desc: false,
    });
    const parsed = raidSearch.parse({
      kind: "rumour",
      status: "sleeping",
      band: "purple",
      sort: "colour",
      cell: "6-1",
      overdue: "yes",
    });
    expect(parsed.kind).toBe("risk");
    expect(parsed.status).toBeUndefined();
    expect(parsed.band).toBeUndefined();
    expect(parsed.sort).toBeUndefined();
    expect(parsed.cell).toBeUndefined();
    expect(parsed.overdue).toBe(false);
  });

  it("keeps a shareable view", () => {
    const parsed = raidSearch.parse({
      kind: "issue",
      status: "active",
      owner: "u-ann",
      sort: "due",
      desc: true,
      cell: "4-5",
      residual: true,
      item: "issue-1",
    });
    expect(parsed).toMatchObject({
      kind: "issue",
      status: "active",
      owner: "u-ann",
      sort: "due",
      desc: true,
      cell: "4-5",
      residual: true,
      item: "issue-1",
    });
  });
});

describe("filterItems", () => {
  it("shows one kind at a time", () => {
    expect(refs(filterItems(log, filters()))).toEqual(["R-1", "R-2", "R-3", "R-10"]);
    expect(refs(filterItems(log, filters({ kind: "issue" })))).toEqual(["I-1", "I-2"]);
  });

  it("matches every word of the text in ref, title, owner or mitigation", () => {
    expect(refs(filterItems(log, filters({ q: "vendor" })))).toEqual(["R-2"]);
    expect(refs(filterItems(log, filters({ q: "r-10" })))).toEqual(["R-10"]);
    expect(refs(filterItems(log, filters({ q: "cho late" })))).toEqual(["R-2"]);
    expect(refs(filterItems(log, filters({ q: "deputy" })))).toEqual(["R-10"]);
    expect(refs(filterItems(log, filters({ q: "cho quality" })))).toEqual([]);
  });

  it("filters by status, any open status, band, owner (or nobody) and overdue", () => {
    expect(refs(filterItems(log, filters({ status: "closed" })))).toEqual(["R-3"]);
    expect(refs(filterItems(log, filters({ status: "active" })))).toEqual(["R-1", "R-2", "R-10"]);
    expect(refs(filterItems(log, filters({ band: "critical" })))).toEqual(["R-1", "R-3"]);
    expect(refs(filterItems(log, filters({ owner: "s-cho" })))).toEqual(["R-2"]);
    expect(refs(filterItems(log, filters({ owner: "none" })))).toEqual(["R-3", "R-10"]);
    expect(refs(filterItems(log, filters({ overdue: true })))).toEqual(["R-2"]);
  });

  it("ignores filters that do not belong to the kind shown", () => {
    // "mitigating" is a risk status and bands are for risks: on issues they change nothing.
    expect(
      refs(filterItems(log, filters({ kind: "issue", status: "mitigating", band: "low" }))),
    ).toEqual(["I-1", "I-2"]);
    expect(refs(filterItems(log, filters({ kind: "issue", cell: "4-5" })))).toEqual(["I-1", "I-2"]);
  });

  it("lists the open risks of a heat-map cell, on current or residual ratings", () => {
    // R-3 is also 4×5 but closed: it is not on the map, so not in the cell either.
    expect(refs(filterItems(log, filters({ cell: "4-5" })))).toEqual(["R-1"]);
    expect(refs(filterItems(log, filters({ cell: "1-2", residual: true })))).toEqual([
      "R-2",
      "R-10",
    ]);
    expect(refs(filterItems(log, filters({ cell: "1-2" })))).toEqual([]);
  });

  it("says whether anything narrows the list", () => {
    expect(hasFilters(filters())).toBe(false);
    expect(hasFilters(filters({ q: "  " }))).toBe(false);
    expect(hasFilters(filters({ cell: "4-5" }))).toBe(true);
    expect(hasFilters(filters({ kind: "issue", cell: "4-5", band: "high" }))).toBe(false);
    expect(hasFilters(filters({ kind: "issue", status: "in_progress" }))).toBe(true);
    expect(hasFilters(filters({ owner: "none" }))).toBe(true);
  });
});

describe("sorting", () => {
  it("sorts by score, worst first, with ties by reference", () => {
    const risks = log.filter((i) => i.kind === "risk");
    expect(refs(sortItems(risks, "score", true))).toEqual(["R-1", "R-3", "R-10", "R-2"]);
    expect(refs(sortItems(risks, "score", false))).toEqual(["R-2", "R-10", "R-1", "R-3"]);
  });

  it("keeps empty values last in both directions", () => {
    const risks = log.filter((i) => i.kind === "risk");
    expect(refs(sortItems(risks, "residual", true))).toEqual(["R-2", "R-10", "R-1", "R-3"]);
    expect(refs(sortItems(risks, "residual", false))).toEqual(["R-2", "R-10", "R-1", "R-3"]);
    expect(refs(sortItems(risks, "owner", false))).toEqual(["R-1", "R-2", "R-3", "R-10"]);
    expect(refs(sortItems(risks, "due", true))).toEqual(["R-2", "R-1", "R-3", "R-10"]);
  });

  it("orders references by number, statuses by their workflow and severities by weight", () => {
    const risks = log.filter((i) => i.kind === "risk");
    expect(refs(sortItems(risks, "ref", false))).toEqual(["R-1", "R-2", "R-3", "R-10"]);
    expect(refs(sortItems(risks, "status", false))).toEqual(["R-1", "R-2", "R-10", "R-3"]);
    const issues = log.filter((i) => i.kind === "issue");
    expect(refs(sortItems(issues, "severity", true))).toEqual(["I-2", "I-1"]);
  });

  it("does not change the list it was given", () => {
    const risks = log.filter((i) => i.kind === "risk");
    const before = refs(risks);
    sortItems(risks, "title", true);
    expect(refs(risks)).toEqual(before);
  });

  it("opens each kind in a useful order and falls back to it for a column the kind lacks", () => {
    expect(defaultSort("risk")).toEqual({ sort: "score", desc: true });
    expect(defaultSort("issue")).toEqual({ sort: "severity", desc: true });
    expect(defaultSort("decision")).toEqual({ sort: "due", desc: false });
    expect(effectiveSort({ kind: "issue", sort: "score", desc: false })).toEqual({
      sort: "severity",
      desc: true,
    });
    expect(effectiveSort({ kind: "issue", sort: "owner", desc: true })).toEqual({
      sort: "owner",
      desc: true,
    });
  });

  it("flips the column clicked again; a new score column starts worst first", () => {
    expect(nextSort({ sort: "score", desc: true }, "score")).toEqual({
      sort: "score",
      desc: false,
    });
    expect(nextSort({ sort: "score", desc: true }, "title")).toEqual({
      sort: "title",
      desc: false,
    });
    expect(nextSort({ sort: "title", desc: false }, "impact")).toEqual({
      sort: "impact",
      desc: true,
    });
  });
});

describe("columns", () => {
  it("fits each kind", () => {
    const ids = (kind: Parameters<typeof raidColumns>[0]) => raidColumns(kind).map((c) => c.id);
    expect(ids("risk")).toEqual([
      "ref",
      "title",
      "owner",
      "status",
      "probability",
      "impact",
      "score",
      "residual",
      "response",
      "due",
    ]);
    expect(ids("issue")).toEqual(["ref", "title", "owner", "status", "severity", "due"]);
    expect(ids("assumption")).toEqual(["ref", "title", "owner", "status", "due"]);
    expect(raidColumns("risk").at(-1)?.label).toBe("Review by");
    expect(raidColumns("dependency").at(-1)?.label).toBe("Due");
  });
});

describe("heat-map cells", () => {
  it("reads and toggles a cell", () => {
    expect(parseCell("4-5")).toEqual({ probability: 4, impact: 5 });
    expect(parseCell("0-5")).toBeNull();
    expect(parseCell(undefined)).toBeNull();
    expect(toggleCell(undefined, 4, 5)).toBe("4-5");
    expect(toggleCell("4-5", 4, 5)).toBeUndefined();
    expect(toggleCell("4-5", 3, 5)).toBe("3-5");
    expect(cellKey(2, 3)).toBe("2-3");
  });

  it("draws probability 5 at the top, each cell banded by the organisation's thresholds", () => {
    const map = heatMapOf([
      { probability: 4, impact: 5, count: 2 },
      { probability: 1, impact: 1 },
    ]);
    const rows = heatMapRows(map, defaultRiskThresholds);
    expect(rows.map((r) => r[0]?.probability)).toEqual([5, 4, 3, 2, 1]);
    const p4i5 = rows[1]?.[4];
    expect(p4i5).toMatchObject({
      probability: 4,
      impact: 5,
      score: 20,
      band: "critical",
      count: 2,
    });
    expect(p4i5?.label).toBe("Probability 4, impact 5: 2 risks");
    expect(rows[4]?.[0]?.label).toBe("Probability 1, impact 1: 1 risk");
    expect(heatMapTotal(map)).toBe(3);
    expect(bandCounts(map, defaultRiskThresholds)).toEqual({
      low: 1,
      medium: 0,
      high: 0,
      critical: 2,
    });
    expect(heatMapTotal(emptyHeatMap())).toBe(0);
    // A stricter organisation: 12 is already critical.
    const strict = heatMapRows(map, { medium: 4, high: 8, critical: 12 });
    expect(strict[2]?.[3]).toMatchObject({ probability: 3, impact: 4, band: "critical" });
  });

  it("moves between cells with the arrow keys and stops at the edges", () => {
    expect(stepCell({ probability: 3, impact: 3 }, "ArrowUp")).toEqual({
      probability: 4,
      impact: 3,
    });
    expect(stepCell({ probability: 3, impact: 3 }, "ArrowLeft")).toEqual({
      probability: 3,
      impact: 2,
    });
    expect(stepCell({ probability: 5, impact: 3 }, "ArrowUp")).toBeNull();
    expect(stepCell({ probability: 1, impact: 5 }, "ArrowRight")).toBeNull();
    expect(stepCell({ probability: 2, impact: 3 }, "End")).toEqual({ probability: 2, impact: 5 });
    expect(stepCell({ probability: 2, impact: 3 }, "a")).toBeNull();
  });

  it("puts only open risks in a cell", () => {
    const [r1, , r3] = log;
    if (!r1 || !r3) throw new Error("sample log changed");
    expect(inCell(r1, { probability: 4, impact: 5 }, false)).toBe(true);
    expect(inCell(r3, { probability: 4, impact: 5 }, false)).toBe(false);
  });
});

describe("tabs, owners, pages and files", () => {
  it("counts each kind, its open items and its overdue ones", () => {
    const counts = kindCounts(log);
    expect(counts.risk).toEqual({ total: 4, open: 3, overdue: 1 });
    expect(counts.issue).toEqual({ total: 2, open: 1, overdue: 0 });
    expect(counts.dependency).toEqual({ total: 0, open: 0, overdue: 0 });
  });

  it("offers the owners named on a kind, and nobody when some have none", () => {
    expect(ownerOptions(log, "risk")).toEqual([
      { value: "u-ann", label: "Ann Ipm" },
      { value: "s-cho", label: "Cho Sponsor" },
      { value: "none", label: "Nobody" },
    ]);
    expect(ownerOptions(log, "issue")).toEqual([
      { value: "u-ann", label: "Ann Ipm" },
      { value: "none", label: "Nobody" },
    ]);
  });

  it("switching kind drops what belongs to the old kind and keeps the rest", () => {
    expect(switchKind("issue")).toEqual({
      kind: "issue",
      status: undefined,
      band: undefined,
      cell: undefined,
      sort: undefined,
      desc: false,
      item: undefined,
    });
    expect(switchKind("issue")).not.toHaveProperty("q");
    expect(switchKind("issue")).not.toHaveProperty("owner");
  });

  it("pages the rows and clamps a page past the end", () => {
    expect(pageWindow(250, 1)).toEqual({ page: 1, pages: 3, from: 0, to: 100 });
    expect(pageWindow(250, 3)).toEqual({ page: 3, pages: 3, from: 200, to: 250 });
    expect(pageWindow(250, 9)).toEqual({ page: 3, pages: 3, from: 200, to: 250 });
    expect(pageWindow(0, 1)).toEqual({ page: 1, pages: 1, from: 0, to: 0 });
  });

  it("names export files after the project, the kind and the day", () => {
    expect(raidCsvFileName("ACME-CRM", "risk", "2026-03-04")).toBe(
      "ACME-CRM-raid-risks-2026-03-04.csv",
    );
    expect(raidCsvFileName("ACME-CRM", "dependency", "2026-03-04", true)).toBe(
      "ACME-CRM-raid-dependencies-filtered-2026-03-04.csv",
    );
    expect(raidCsvFileName("ACME-CRM", null, "2026-03-04")).toBe("ACME-CRM-raid-2026-03-04.csv");
  });
});

import { parseCsv } from "@rollout/domain";
import { describe, expect, it } from "vitest";
import { reportHistoryCsv } from "./reportHistoryCsv.ts";

const header = [
  "Report",
  "Period start",
  "Period end",
  "Overall",
  "Schedule",
  "Budget",
  "Scope",
  "Risk",
  "Status",
  "Published at",
  "Published by",
];

type Report = Parameters<typeof reportHistoryCsv>[0][number];

function report(overrides: Partial<Report> = {}): Report {
  return {
    id: "r1",
    number: 3,
    periodStart: "2026-03-02",
    periodEnd: "2026-03-06",
    status: "published",
    overall: "amber",
    schedule: "red",
    budget: "green",
    scope: "green",
    risk: "amber",
    publishedAt: "2026-03-06T16:30:00.000Z",
    publishedByName: "Priya Menon",
    version: 2,
    ...overrides,
  };
}

describe("status report history CSV", () => {
  it("writes the header, then each report with its colours in words", () => {
    const draft = report({
      id: "r2",
      number: 4,
      periodStart: "2026-03-09",
      periodEnd: "2026-03-13",
      status: "draft",
      overall: "green",
      publishedAt: null,
      publishedByName: null,
    });
    const rows = parseCsv(reportHistoryCsv([draft, report()])).map((r) => r.cells);
    expect(rows).toEqual([
      header,
      ["4", "2026-03-09", "2026-03-13", "Green", "Red", "Green", "Green", "Amber", "Draft", "", ""],
      [
        "3",
        "2026-03-02",
        "2026-03-06",
        "Amber",
        "Red",
        "Green",
        "Green",
        "Amber",
        "Published",
        "2026-03-06T16:30:00.000Z",
        "Priya Menon",
      ],
    ]);
  });

  it("guards a name a spreadsheet would run as a formula", () => {
    const csv = reportHistoryCsv([report({ publishedByName: "=SUM(1)" })]);
    expect(csv.split("\r\n")[1]?.endsWith(",'=SUM(1)")).toBe(true);
    expect(parseCsv(csv)[1]?.cells.at(-1)).toBe("'=SUM(1)");
  });

  it("writes only the header when there are no reports", () => {
    expect(reportHistoryCsv([])).toBe(`${header.join(",")}\r\n`);
  });
});

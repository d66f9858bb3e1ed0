import { describe, expect, it } from "vitest";
import { reportsSearch, reportsSearchDefaults } from "./reportsSearch.ts";

describe("the Reports tab's URL", () => {
  it("reads the open report and the draft's view", () => {
    expect(reportsSearch.parse({ report: "r_123-abc", view: "preview" })).toEqual({
      report: "r_123-abc",
      view: "preview",
    });
  });

  it("falls back instead of failing on anything odd", () => {
    expect(reportsSearch.parse({})).toEqual({ report: undefined, view: "edit" });
    expect(reportsSearch.parse({ report: "a/b", view: "print" })).toEqual({
      report: undefined,
      view: "edit",
    });
    expect(reportsSearch.parse({ report: "x".repeat(65) }).report).toBeUndefined();
    expect(reportsSearch.parse({ report: 42 }).report).toBeUndefined();
  });

  it("leaves the default view out of the URL", () => {
    expect(reportsSearchDefaults).toEqual({ view: "edit" });
    expect(reportsSearch.parse({}).view).toBe(reportsSearchDefaults.view);
  });
});

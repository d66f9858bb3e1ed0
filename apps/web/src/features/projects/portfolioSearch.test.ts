import { describe, expect, it } from "vitest";
import {
  clearedPortfolioFilters,
  hasPortfolioFilters,
  portfolioSearch,
} from "./portfolioSearch.ts";

describe("the portfolio's URL", () => {
  it("reads health and slipping, with defaults for anything missing", () => {
    expect(portfolioSearch.parse({ health: "red", slipping: true })).toMatchObject({
      health: "red",
      slipping: true,
      sort: "goLive",
      desc: false,
      archived: false,
    });
  });

  it("falls back field by field on values it cannot read (old or hand-edited links)", () => {
    const search = portfolioSearch.parse({
      health: "purple",
      sort: "targetGoLive",
      stage: "build",
    });
    expect(search.health).toBeUndefined();
    expect(search.sort).toBe("goLive");
    expect(search.stage).toBe("build");
  });

  it("knows when the rows are filtered and how to clear it", () => {
    expect(hasPortfolioFilters(portfolioSearch.parse({}))).toBe(false);
    expect(hasPortfolioFilters(portfolioSearch.parse({ sort: "spi", archived: true }))).toBe(false);
    expect(hasPortfolioFilters(portfolioSearch.parse({ slipping: true }))).toBe(true);
    const cleared = {
      ...portfolioSearch.parse({ q: "acme", health: "red" }),
      ...clearedPortfolioFilters,
    };
    expect(hasPortfolioFilters(cleared)).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { hasFilters, stakeholdersSearch } from "./stakeholderSearch.ts";

describe("stakeholder search params", () => {
  it("fills the defaults for an empty URL", () => {
    expect(stakeholdersSearch.parse({})).toEqual({
      section: "register",
      q: "",
      gap: false,
      sort: "name",
      desc: false,
    });
  });

  it("keeps valid values", () => {
    const search = stakeholdersSearch.parse({
      section: "grid",
      side: "vendor",
      quadrant: "keep_informed",
      gap: true,
      sort: "gap",
      desc: true,
      stakeholder: "abc_123",
      q: "ada",
    });
    expect(search).toMatchObject({
      section: "grid",
      side: "vendor",
      quadrant: "keep_informed",
      gap: true,
      sort: "gap",
      desc: true,
      stakeholder: "abc_123",
      q: "ada",
    });
  });

  it("drops what a hand-edited URL gets wrong instead of failing the page", () => {
    const search = stakeholdersSearch.parse({
      section: "nope",
      side: "partner",
      quadrant: 3,
      gap: "yes",
      sort: "email",
      desc: "x",
      stakeholder: "x".repeat(200),
      q: 42,
    });
    expect(search).toEqual({
      section: "register",
      q: "",
      gap: false,
      sort: "name",
      desc: false,
    });
  });

  it("knows when filters narrow the list", () => {
    const base = stakeholdersSearch.parse({});
    expect(hasFilters(base)).toBe(false);
    expect(hasFilters({ ...base, sort: "power", section: "grid" })).toBe(false);
    expect(hasFilters({ ...base, q: "  " })).toBe(false);
    expect(hasFilters({ ...base, q: "ada" })).toBe(true);
    expect(hasFilters({ ...base, side: "internal" })).toBe(true);
    expect(hasFilters({ ...base, quadrant: "monitor" })).toBe(true);
    expect(hasFilters({ ...base, gap: true })).toBe(true);
  });
});

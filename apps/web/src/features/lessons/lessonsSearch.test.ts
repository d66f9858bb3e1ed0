import { describe, expect, it } from "vitest";
import { isFiltered, lessonsSearch, searchInput } from "./lessonsSearch.ts";

describe("the lessons library's search in the URL", () => {
  it("reads valid filters and drops bad ones", () => {
    expect(
      lessonsSearch.parse({
        q: "vendor",
        category: "testing",
        tag: "go-live",
        kind: "software",
        lesson: "improve",
      }),
    ).toEqual({
      q: "vendor",
      category: "testing",
      tag: "go-live",
      kind: "software",
      lesson: "improve",
    });
    expect(
      lessonsSearch.parse({ category: "nonsense", tag: "Bad Tag!", kind: 3, lesson: "x" }),
    ).toEqual({ q: "" });
  });

  it("knows when the library is narrowed", () => {
    expect(isFiltered({ q: "  " })).toBe(false);
    expect(isFiltered({ q: "", tag: "uat" })).toBe(true);
  });

  it("builds the API's input, leaving out what is not set", () => {
    expect(searchInput({ q: " data migration ", kind: "process" })).toEqual({
      text: "data migration",
      kind: "process",
      limit: 20,
    });
    expect(searchInput({ q: "", lesson: "went_well", category: "cutover" })).toEqual({
      text: "",
      category: "cutover",
      lessonKind: "went_well",
      limit: 20,
    });
  });
});

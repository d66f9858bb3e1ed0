import { describe, expect, it } from "vitest";
import { ftsAnd, ftsQuery, ftsTagQuery, MAX_SEARCH_TERMS } from "./search.ts";

describe("full-text query from what was typed", () => {
  it("quotes each word, all required, and prefix-matches the last", () => {
    expect(ftsQuery("data migration")).toBe('"data" "migration"*');
    expect(ftsQuery("UAT")).toBe('"uat"*');
  });

  it("is null when nothing searchable was typed", () => {
    expect(ftsQuery("")).toBeNull();
    expect(ftsQuery('  " * ( ) : ^ -  ')).toBeNull();
  });

  it.each([
    ['"', null],
    ['cut"over', '"cut" "over"*'],
    ["vendor*", '"vendor"*'],
    ["*", null],
    ["NEAR(data migration, 2)", '"near" "data" "migration" "2"*'],
    ["summary:vendor", '"summary" "vendor"*'],
    ["tags : uat", '"tags" "uat"*'],
    ["vendor OR 1=1", '"vendor" "or" "1" "1"*'],
    ["NOT training", '"not" "training"*'],
    ["^start AND end", '"start" "and" "end"*'],
    ["{summary recommendation}: x", '"summary" "recommendation" "x"*'],
    ["drop table lesson; --", '"drop" "table" "lesson"*'],
  ])("keeps the syntax of %j inert", (typed, query) => {
    expect(ftsQuery(typed)).toBe(query);
  });

  it("keeps letters of any script and digits", () => {
    expect(ftsQuery("Übergabe 2026")).toBe('"übergabe" "2026"*');
    expect(ftsQuery("データ移行")).toBe('"データ移行"*');
  });

  it("uses at most the first words", () => {
    const many = Array.from({ length: 30 }, (_, i) => `w${i}`).join(" ");
    const query = ftsQuery(many) ?? "";
    expect(query.split(" ")).toHaveLength(MAX_SEARCH_TERMS);
    expect(query.endsWith(`"w${MAX_SEARCH_TERMS - 1}"*`)).toBe(true);
  });
});

describe("full-text query for a tag", () => {
  it("looks for the tag's words, in a row, in the tags column only", () => {
    expect(ftsTagQuery("go-live")).toBe('tags : "go live"');
    expect(ftsTagQuery("uat")).toBe('tags : "uat"');
  });

  it("keeps the tag's syntax inert and is null without words", () => {
    expect(ftsTagQuery('uat" OR summary : "x')).toBe('tags : "uat or summary x"');
    expect(ftsTagQuery("--")).toBeNull();
  });

  it("combines the text's query and the tag's", () => {
    expect(ftsAnd(ftsQuery("data migration"), ftsTagQuery("go-live"))).toBe(
      '("data" "migration"*) AND (tags : "go live")',
    );
    expect(ftsAnd(null, ftsTagQuery("uat"))).toBe('tags : "uat"');
    expect(ftsAnd(null, null)).toBeNull();
  });
});

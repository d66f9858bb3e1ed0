import { describe, expect, it } from "vitest";
import { checkTags, MAX_LESSON_TAGS, normaliseTag, splitTags } from "./tags.ts";

describe("lesson tags", () => {
  it.each([
    ["UAT", "uat"],
    ["  Data Migration ", "data-migration"],
    ["#cutover", "cutover"],
    ["key_users", "key-users"],
    ["--vendor--", "vendor"],
    ["go  live", "go-live"],
    ["Café", "cafe"],
  ])("%j → %j", (raw, tag) => {
    expect(normaliseTag(raw)).toBe(tag);
  });

  it("drops empty entries and duplicates, keeping the first order", () => {
    expect(checkTags(["UAT", "uat", " ", "#UAT", "Vendor", "vendor"])).toEqual({
      tags: ["uat", "vendor"],
      problems: [],
    });
  });

  it("refuses characters other than a–z, digits and hyphens", () => {
    const { problems } = checkTags(["ok", "c++", "a/b"]);
    expect(problems).toEqual([
      "Tag “c++” may use only letters a–z, digits and hyphens",
      "Tag “a/b” may use only letters a–z, digits and hyphens",
    ]);
  });

  it("refuses a tag over 30 characters but takes one of exactly 30", () => {
    expect(checkTags(["a".repeat(30)]).problems).toEqual([]);
    expect(checkTags(["a".repeat(31)]).problems).toEqual([
      "Tag “aaaaaaaaaaaa…” is longer than 30 characters",
    ]);
  });

  it("takes at most 10 distinct tags (duplicates do not count)", () => {
    const ten = Array.from({ length: MAX_LESSON_TAGS }, (_, i) => `t${i}`);
    expect(checkTags([...ten, "t0", "T1"]).problems).toEqual([]);
    expect(checkTags([...ten, "t10"]).problems).toEqual(["At most 10 tags"]);
  });

  it("splits a typed line on commas and semicolons, keeping spaces inside a tag", () => {
    expect(splitTags("uat, key users;vendor\n #go-live,,")).toEqual([
      "uat",
      "key users",
      "vendor",
      "#go-live",
    ]);
    expect(splitTags(" , ")).toEqual([]);
    expect(splitTags("UAT, key users,").map(normaliseTag)).toEqual(["uat", "key-users"]);
  });
});

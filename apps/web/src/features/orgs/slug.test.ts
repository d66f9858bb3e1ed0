import { orgSlug } from "@rollout/domain";
import { describe, expect, it } from "vitest";
import { slugify } from "./slug.ts";

describe("slugify", () => {
  it.each([
    ["Northwind Implementations", "northwind-implementations"],
    ["ACME Corp. (EMEA)", "acme-corp-emea"],
    ["  Zürich Café Services  ", "zurich-cafe-services"],
    ["--Already--slugged--", "already-slugged"],
  ])("%s → %s", (name, slug) => {
    expect(slugify(name)).toBe(slug);
  });

  it("always produces what org.create accepts, for any name with a letter or digit", () => {
    for (const name of ["A", "x".repeat(200), "Ünïcödé & Co", "2026 rollout team", "a - b"]) {
      const slug = slugify(name);
      if (slug.length >= 2) expect(orgSlug.safeParse(slug).success).toBe(true);
      expect(slug.length).toBeLessThanOrEqual(48);
      expect(slug.endsWith("-")).toBe(false);
    }
  });
});

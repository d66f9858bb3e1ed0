import { describe, expect, it } from "vitest";
import { projectCreateInput, projectKey } from "./project.ts";

const valid = {
  key: "acme-crm",
  name: "  ACME CRM  ",
  customer: "ACME",
  kind: "software",
  stage: "build",
  status: "active",
  startDate: "2026-09-01",
  targetGoLive: "2027-02-01",
  actualGoLive: null,
  plannedBudget: 100,
  actualCost: 0,
  currency: "EUR",
  objectives: "",
};

function fieldErrors(input: unknown) {
  const result = projectCreateInput.safeParse(input);
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((i) => [i.path.join("."), i.message]));
}

describe("project schema (shared by the form and the API)", () => {
  it("normalises the key and trims text", () => {
    const parsed = projectCreateInput.parse(valid);
    expect(parsed).toMatchObject({ key: "ACME-CRM", name: "ACME CRM", creatorRole: "pm" });
  });

  it("names the field of each mistake", () => {
    expect(fieldErrors({ ...valid, name: "   " })).toEqual({ name: "Name is required" });
    expect(fieldErrors({ ...valid, targetGoLive: "2026-08-01" })).toEqual({
      targetGoLive: "Target go-live cannot be before the start date",
    });
    expect(fieldErrors({ ...valid, startDate: "2026-02-30" })).toHaveProperty("startDate");
    expect(fieldErrors({ ...valid, plannedBudget: -5 })).toHaveProperty("plannedBudget");
    expect(fieldErrors({ ...valid, currency: "XYZ1" })).toHaveProperty("currency");
    expect(fieldErrors({ ...valid, stage: "done" })).toHaveProperty("stage");
  });

  it.each(["A", "1ABC", "ACME CRM", "ACME--CRM", "-ACME", "A".repeat(21)])(
    "refuses the key %s",
    (key) => {
      expect(projectKey.safeParse(key).success).toBe(false);
    },
  );
});

import { describe, expect, it } from "vitest";
import {
  moneyDecimals,
  newProjectValues,
  type ProjectFormValues,
  parseCreate,
  parseUpdate,
} from "./projectFormModel.ts";

function values(patch: Partial<ProjectFormValues> = {}): ProjectFormValues {
  return {
    ...newProjectValues(),
    key: "acme-crm",
    name: "ACME CRM",
    startDate: "2027-01-04",
    targetGoLive: "2027-06-30",
    ...patch,
  };
}

describe("project form ↔ API input", () => {
  it("turns major units into minor units of the currency and normalises the key", () => {
    const parsed = parseCreate(
      values({ plannedBudget: 250000.5, actualCost: "1200", currency: "eur" }),
    );
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.data).toMatchObject({
      key: "ACME-CRM",
      plannedBudget: 25_000_050,
      actualCost: 120_000,
      currency: "EUR",
      actualGoLive: null,
      creatorRole: "pm",
    });
  });

  it("knows currencies without minor units (JPY) and with three (BHD)", () => {
    expect(moneyDecimals("JPY")).toBe(0);
    expect(moneyDecimals("BHD")).toBe(3);
    expect(moneyDecimals("E")).toBe(2);
    const parsed = parseCreate(values({ plannedBudget: 1000, currency: "JPY" }));
    expect(parsed.ok && parsed.data.plannedBudget).toBe(1000);
  });

  it("reports every problem by field, with the API's own messages", () => {
    const parsed = parseCreate(
      values({
        key: "1",
        name: " ",
        plannedBudget: "",
        currency: "EURO",
        targetGoLive: "2026-01-01",
      }),
    );
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(Object.keys(parsed.errors).sort()).toEqual(
      ["currency", "key", "name", "plannedBudget", "targetGoLive"].sort(),
    );
    expect(parsed.errors.name).toBe("Name is required");
    expect(parsed.errors.targetGoLive).toBe("Target go-live cannot be before the start date");
  });

  it("sends the version the form was opened with on update", () => {
    const parsed = parseUpdate(values({ actualGoLive: "2027-07-01" }), "p1", 7);
    expect(parsed.ok && parsed.data).toMatchObject({
      projectId: "p1",
      version: 7,
      actualGoLive: "2027-07-01",
    });
  });
});

import type { Milestone } from "@rollout/domain";
import { describe, expect, it } from "vitest";
import {
  changesFrom,
  formErrors,
  milestoneValues,
  parseCreate,
  parseUpdate,
  rebase,
} from "./milestoneForm.ts";

const goLive = {
  id: "m1",
  name: "Go-live",
  description: "",
  baselineDate: "2027-02-05",
  forecastDate: "2027-02-15",
  computedForecast: "2027-02-15",
  forecastOverride: null,
  actualDate: null,
  status: "at_risk",
  computedStatus: "at_risk",
  statusOverride: null,
  slip: 6,
  isGate: true,
  isGoLive: true,
  version: 3,
} as unknown as Milestone;

describe("the milestone form", () => {
  it("sends only what changed", () => {
    const before = milestoneValues(goLive);
    expect(changesFrom(before, { ...before })).toEqual({});
    expect(changesFrom(before, { ...before, baselineDate: "" })).toEqual({ baselineDate: null });
    expect(
      changesFrom(before, {
        ...before,
        forecastByHand: true,
        forecastDate: "2027-03-01",
        forecastReason: "Vendor slot",
      }),
    ).toEqual({ forecastOverride: { date: "2027-03-01", reason: "Vendor slot" } });
  });

  it("checks with the API's schema and names the form's fields", () => {
    const before = milestoneValues(goLive);
    const result = parseUpdate("p", "m1", 3, before, {
      ...before,
      statusByHand: true,
      status: "planned",
      statusReason: "  ",
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.errors)).toContain("statusReason");
    expect(formErrors({ "changes.forecastOverride.reason": "Reason is required" })).toEqual({
      forecastReason: "Reason is required",
    });
  });

  it("keeps only this person's edits over someone else's save", () => {
    const before = milestoneValues(goLive);
    const mine = { ...before, name: "Go-live (cut-over weekend)" };
    const theirs = {
      ...before,
      forecastByHand: true,
      forecastDate: "2027-03-01",
      forecastReason: "Vendor",
    };
    const merged = rebase(before, mine, theirs);
    expect(merged.name).toBe("Go-live (cut-over weekend)");
    expect(merged.forecastByHand).toBe(true);
    expect(changesFrom(theirs, merged)).toEqual({ name: "Go-live (cut-over weekend)" });
  });

  it("makes a go-live a gate", () => {
    const parsed = parseCreate({ ...milestoneValues(goLive), isGate: false, isGoLive: true });
    expect(parsed.ok && parsed.data.isGate).toBe(true);
  });
});

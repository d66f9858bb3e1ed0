import { defaultHealthThresholds } from "@rollout/domain";
import { describe, expect, it } from "vitest";
import { healthRulesText, isDefaultHealth, readHealth } from "./healthThresholds.ts";

describe("health thresholds form", () => {
  it("accepts the defaults and says them in words", () => {
    expect(readHealth(defaultHealthThresholds)).toEqual({
      ok: true,
      thresholds: defaultHealthThresholds,
    });
    expect(healthRulesText(defaultHealthThresholds)[0]).toMatch(
      /more than 5 working days \(red above 10\)/,
    );
    expect(isDefaultHealth(defaultHealthThresholds)).toBe(true);
  });

  it("names the first field that does not make sense", () => {
    expect(readHealth({ ...defaultHealthThresholds, slipRedDays: 5 })).toMatchObject({
      ok: false,
      field: "slipRedDays",
    });
    expect(readHealth({ ...defaultHealthThresholds, budgetAmberPct: "" })).toMatchObject({
      ok: false,
      field: "budgetAmberPct",
    });
    expect(readHealth({ ...defaultHealthThresholds, riskRedScore: 12 })).toMatchObject({
      ok: false,
      field: "riskRedScore",
    });
    expect(readHealth({ ...defaultHealthThresholds, slipAmberDays: 2.5 })).toMatchObject({
      ok: false,
      field: "slipAmberDays",
    });
    expect(readHealth({ ...defaultHealthThresholds, riskAmberScore: 30 })).toMatchObject({
      ok: false,
      field: "riskAmberScore",
    });
  });
});

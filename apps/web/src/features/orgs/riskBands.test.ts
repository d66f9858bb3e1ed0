import { defaultRiskThresholds } from "@rollout/domain";
import { describe, expect, it } from "vitest";
import { cellsPerBand, previewRows, rangesText, readThresholds } from "./riskBands.ts";

describe("risk band preview", () => {
  it("lays out probability 5 at the top and impact 1 at the left", () => {
    const rows = previewRows(defaultRiskThresholds);
    expect(rows[0]?.[0]).toEqual({ probability: 5, impact: 1, score: 5, band: "medium" });
    expect(rows[0]?.[4]).toEqual({ probability: 5, impact: 5, score: 25, band: "critical" });
    expect(rows[4]?.[0]).toEqual({ probability: 1, impact: 1, score: 1, band: "low" });
  });

  it("colours the default table as the product describes it", () => {
    expect(rangesText(defaultRiskThresholds)).toBe(
      "Low 1–4, Medium 5–9, High 10–19, Critical 20–25",
    );
    expect(cellsPerBand(defaultRiskThresholds)).toEqual({
      low: 8,
      medium: 7,
      high: 7,
      critical: 3,
    });
  });

  it("follows other thresholds", () => {
    const t = { medium: 3, high: 8, critical: 25 };
    expect(rangesText(t)).toBe("Low 1–2, Medium 3–7, High 8–24, Critical 25");
    expect(cellsPerBand(t).critical).toBe(1);
  });

  it("reads the inputs, refusing blanks and tables that do not rise", () => {
    expect(readThresholds({ medium: 5, high: 10, critical: 20 })).toEqual({
      ok: true,
      thresholds: { medium: 5, high: 10, critical: 20 },
    });
    expect(readThresholds({ medium: "", high: 10, critical: 20 })).toEqual({
      ok: false,
      message: "Enter all three thresholds",
    });
    expect(readThresholds({ medium: 10, high: 10, critical: 20 })).toMatchObject({ ok: false });
    expect(readThresholds({ medium: 1, high: 10, critical: 20 })).toMatchObject({ ok: false });
    expect(readThresholds({ medium: 5, high: 10, critical: 26 })).toMatchObject({ ok: false });
  });
});

import type { IssueSeverity } from "./enums.ts";

/** Probability and impact are rated 1–5. */
export const ratingValues = [1, 2, 3, 4, 5] as const;
export type Rating = (typeof ratingValues)[number];

export const riskBands = ["low", "medium", "high", "critical"] as const;
export type RiskBand = (typeof riskBands)[number];

export const riskBandLabels: Record<RiskBand, string> = {
  low: "Low",
  medium: "Medium",
  high: "High",
  critical: "Critical",
};

/**
 * An organisation's band table: the lowest score of each band above `low`.
 * The default (PRODUCT.md): 1–4 low, 5–9 medium, 10–16 high, 20–25 critical.
 */
export interface RiskThresholds {
  medium: number;
  high: number;
  critical: number;
}

export const defaultRiskThresholds: RiskThresholds = { medium: 5, high: 10, critical: 20 };

/** Why a band table is unusable, or null when it is fine. */
export function riskThresholdsProblem(t: RiskThresholds): string | null {
  const all = [t.medium, t.high, t.critical];
  if (!all.every((n) => Number.isInteger(n) && n >= 2 && n <= 25)) {
    return "Each threshold is a whole score from 2 to 25";
  }
  if (!(t.medium < t.high && t.high < t.critical)) {
    return "Thresholds must rise: medium below high below critical";
  }
  return null;
}

/** The score of a risk: probability × impact, 1–25. Always computed, never stored. */
export function riskScore(probability: number, impact: number): number {
  return probability * impact;
}

export function riskBand(
  score: number,
  thresholds: RiskThresholds = defaultRiskThresholds,
): RiskBand {
  if (score >= thresholds.critical) return "critical";
  if (score >= thresholds.high) return "high";
  if (score >= thresholds.medium) return "medium";
  return "low";
}

/** The score range of each band under a table, for legends ("10–16"). */
export function bandRanges(
  thresholds: RiskThresholds = defaultRiskThresholds,
): Record<RiskBand, { min: number; max: number }> {
  return {
    low: { min: 1, max: thresholds.medium - 1 },
    medium: { min: thresholds.medium, max: thresholds.high - 1 },
    high: { min: thresholds.high, max: thresholds.critical - 1 },
    critical: { min: thresholds.critical, max: 25 },
  };
}

/** The severity an issue starts with when a risk of this band occurs. */
export function severityForBand(band: RiskBand): IssueSeverity {
  return band;
}

/** Counts per cell: `cells[probability - 1][impact - 1]`. */
export type HeatMap = number[][];

export function emptyHeatMap(): HeatMap {
  return ratingValues.map(() => ratingValues.map(() => 0));
}

/** Builds a 5×5 heat map from (probability, impact, count) triples; out-of-range ones are ignored. */
export function heatMapOf(
  cells: Iterable<{ probability: number; impact: number; count?: number }>,
): HeatMap {
  const map = emptyHeatMap();
  for (const c of cells) {
    const row = map[c.probability - 1];
    if (row && c.impact >= 1 && c.impact <= 5)
      row[c.impact - 1] = (row[c.impact - 1] ?? 0) + (c.count ?? 1);
  }
  return map;
}

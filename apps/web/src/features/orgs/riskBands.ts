import {
  bandRanges,
  type RiskBand,
  type RiskThresholds,
  riskBand,
  riskBandLabels,
  riskBands,
  riskThresholdsProblem,
} from "@rollout/domain";

/** Probability down the side (5 at the top) and impact along the bottom, like the heat map. */
export const PREVIEW_PROBABILITIES = [5, 4, 3, 2, 1] as const;
export const PREVIEW_IMPACTS = [1, 2, 3, 4, 5] as const;

export interface PreviewCell {
  probability: number;
  impact: number;
  score: number;
  band: RiskBand;
}

/** The 5×5 matrix as a table of bands, top row first. */
export function previewRows(thresholds: RiskThresholds): PreviewCell[][] {
  return PREVIEW_PROBABILITIES.map((probability) =>
    PREVIEW_IMPACTS.map((impact) => {
      const score = probability * impact;
      return { probability, impact, score, band: riskBand(score, thresholds) };
    }),
  );
}

/** "Low 1–4, Medium 5–9, High 10–19, Critical 20–25". */
export function rangesText(thresholds: RiskThresholds): string {
  const ranges = bandRanges(thresholds);
  return riskBands
    .map((band) => {
      const { min, max } = ranges[band];
      return `${riskBandLabels[band]} ${min === max ? min : `${min}–${max}`}`;
    })
    .join(", ");
}

/** How many of the 25 cells fall in each band (several cells share a score). */
export function cellsPerBand(thresholds: RiskThresholds): Record<RiskBand, number> {
  const counts: Record<RiskBand, number> = { low: 0, medium: 0, high: 0, critical: 0 };
  for (const row of previewRows(thresholds)) for (const cell of row) counts[cell.band] += 1;
  return counts;
}

/** What the three inputs hold: a number, or "" while being typed. */
export interface ThresholdValues {
  medium: number | "";
  high: number | "";
  critical: number | "";
}

/** The table the inputs describe, or the reason it is unusable. */
export function readThresholds(
  values: ThresholdValues,
): { ok: true; thresholds: RiskThresholds } | { ok: false; message: string } {
  const { medium, high, critical } = values;
  if (medium === "" || high === "" || critical === "") {
    return { ok: false, message: "Enter all three thresholds" };
  }
  const thresholds = { medium, high, critical };
  const problem = riskThresholdsProblem(thresholds);
  return problem ? { ok: false, message: problem } : { ok: true, thresholds };
}

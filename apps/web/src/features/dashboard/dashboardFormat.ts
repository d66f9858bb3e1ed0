import type { Rag } from "@rollout/domain";
import { formatNumber } from "../../ui/format.ts";

/** Figures on the dashboards, worded the same on screen, in tooltips and for screen readers. */

export const ragLabels: Record<Rag, string> = { green: "Green", amber: "Amber", red: "Red" };

/** Mantine colours of the health colours (amber reads as orange on screen). */
export const ragColors: Record<Rag, string> = { green: "green", amber: "orange", red: "red" };

/** Below this an SPI or CPI is shown in red: the project earns less than 90% of plan / cost. */
export const INDEX_WARNING = 0.9;

/** SPI or CPI with two decimals in the reader's locale; "—" when there is nothing to divide. */
export function formatIndex(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return "—";
  return formatNumber(value, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

export function indexColor(value: number | null): string | undefined {
  return value !== null && value < INDEX_WARNING ? "red" : undefined;
}

export interface SlipView {
  /** Short form for tables: "+6 wd", "On time", "−2 wd". */
  short: string;
  /** Whole words for screen readers and tooltips. */
  long: string;
  /** Mantine colour: late in amber up to 5 working days, red beyond; early or on time green. */
  color: string;
  late: boolean;
}

/** A slip in working days (positive: late), as the milestone pages show it. */
export function slipView(days: number | null): SlipView | null {
  if (days === null) return null;
  const unit = Math.abs(days) === 1 ? "working day" : "working days";
  if (days > 0) {
    return {
      short: `+${days} wd`,
      long: `${days} ${unit} late`,
      color: days > 5 ? "red" : "orange",
      late: true,
    };
  }
  if (days < 0) {
    return { short: `−${-days} wd`, long: `${-days} ${unit} early`, color: "green", late: false };
  }
  return { short: "On time", long: "on time", color: "green", late: false };
}

/** "38%" from a percentage 0–100. */
export function percentText(value: number): string {
  return formatNumber(value / 100, { style: "percent", maximumFractionDigits: 0 });
}

const relative = new Intl.RelativeTimeFormat(undefined, { numeric: "auto" });

/** "in 85 days", "tomorrow", "3 days ago"; null once live. */
export function daysText(days: number | null): string | null {
  return days === null ? null : relative.format(days, "day");
}

/** "ahead of plan by 2 points" / "behind plan by 1 point" / "on plan". */
export function progressGap(actual: number, planned: number): { text: string; behind: boolean } {
  const gap = Math.round(actual - planned);
  if (gap === 0) return { text: "on plan", behind: false };
  const points = `${Math.abs(gap)} ${Math.abs(gap) === 1 ? "point" : "points"}`;
  return gap < 0
    ? { text: `${points} behind plan`, behind: true }
    : { text: `${points} ahead of plan`, behind: false };
}

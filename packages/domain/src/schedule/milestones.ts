import { workingDaysBetween } from "../dates.ts";

export const milestoneStatuses = ["planned", "at_risk", "achieved", "missed"] as const;
export type MilestoneStatus = (typeof milestoneStatuses)[number];

export const milestoneStatusLabels: Record<MilestoneStatus, string> = {
  planned: "Planned",
  at_risk: "At risk",
  achieved: "Achieved",
  missed: "Missed",
};

/** Slip in working days: forecast (or actual) minus baseline; positive is late. */
export function slip(baselineDate: string | null, forecastOrActual: string | null): number | null {
  if (!baselineDate || !forecastOrActual) return null;
  return workingDaysBetween(baselineDate, forecastOrActual);
}

/**
 * The computed status: achieved once it has an actual date; missed when its baseline (or, with
 * none, its forecast) has passed without one; at risk when the forecast is after the baseline;
 * planned otherwise.
 */
export function milestoneStatus(m: {
  baselineDate: string | null;
  forecastDate: string | null;
  actualDate: string | null;
  today: string;
}): MilestoneStatus {
  if (m.actualDate) return "achieved";
  const due = m.baselineDate ?? m.forecastDate;
  if (due && due < m.today) return "missed";
  if (m.baselineDate && m.forecastDate && m.forecastDate > m.baselineDate) return "at_risk";
  return "planned";
}

import { addDays, addMonths } from "../dates.ts";

export const stakeholderSides = ["internal", "customer", "vendor"] as const;
export type StakeholderSide = (typeof stakeholderSides)[number];

export const stakeholderSideLabels: Record<StakeholderSide, string> = {
  internal: "Internal",
  customer: "Customer",
  vendor: "Vendor",
};

/** Engagement levels, least to most engaged. */
export const engagementLevels = [
  "unaware",
  "resistant",
  "neutral",
  "supportive",
  "leading",
] as const;
export type EngagementLevel = (typeof engagementLevels)[number];

export const engagementLabels: Record<EngagementLevel, string> = {
  unaware: "Unaware",
  resistant: "Resistant",
  neutral: "Neutral",
  supportive: "Supportive",
  leading: "Leading",
};

/**
 * How far current engagement is from desired, in levels: positive means they must be brought
 * up (a to-do), zero means on target, negative means more engaged than needed.
 */
export function engagementGap(current: EngagementLevel, desired: EngagementLevel): number {
  return engagementLevels.indexOf(desired) - engagementLevels.indexOf(current);
}

export const quadrants = ["manage_closely", "keep_satisfied", "keep_informed", "monitor"] as const;
export type Quadrant = (typeof quadrants)[number];

export const quadrantLabels: Record<Quadrant, string> = {
  manage_closely: "Manage closely",
  keep_satisfied: "Keep satisfied",
  keep_informed: "Keep informed",
  monitor: "Monitor",
};

/** Power and interest are rated 1–5; 3 and above counts as high (the middle row is "high"). */
export const HIGH_RATING = 3;

/** The power/interest grid: high power and interest → manage closely, and so on. */
export function quadrantOf(power: number, interest: number): Quadrant {
  const highPower = power >= HIGH_RATING;
  const highInterest = interest >= HIGH_RATING;
  if (highPower && highInterest) return "manage_closely";
  if (highPower) return "keep_satisfied";
  if (highInterest) return "keep_informed";
  return "monitor";
}

export const commFrequencies = ["weekly", "fortnightly", "monthly", "per_milestone"] as const;
export type CommFrequency = (typeof commFrequencies)[number];

export const commFrequencyLabels: Record<CommFrequency, string> = {
  weekly: "Weekly",
  fortnightly: "Fortnightly",
  monthly: "Monthly",
  per_milestone: "Per milestone",
};

export const commOwnerRoles = ["ipm", "pm"] as const;
export type CommOwnerRole = (typeof commOwnerRoles)[number];

export const commOwnerRoleLabels: Record<CommOwnerRole, string> = {
  ipm: "Implementation PM",
  pm: "Project manager",
};

/** Channels offered in forms; any other short text is allowed too. */
export const commChannelSuggestions = [
  "Email",
  "Meeting",
  "Status report",
  "Steering committee",
  "Workshop",
  "Newsletter",
  "Dashboard",
  "Call",
  "Chat",
] as const;

/**
 * The next due date of a communication once it is done on `doneOn`.
 * - weekly / fortnightly / monthly keep their cadence: step from the current due date until the
 *   first date after `doneOn` (done late, the next one is not pushed back; done very late,
 *   missed occurrences are skipped). Monthly keeps `anchorDay` (31 Jan → 28 Feb → 31 Mar).
 * - per milestone: the first upcoming milestone date after `doneOn`, or null when none is left.
 * With no current due date, the cadence starts from `doneOn`.
 */
export function nextCommDue(input: {
  frequency: CommFrequency;
  due: string | null;
  doneOn: string;
  anchorDay?: number | null;
  milestoneDates?: readonly string[];
}): string | null {
  const { frequency, doneOn } = input;
  if (frequency === "per_milestone") {
    const upcoming = (input.milestoneDates ?? []).filter((d) => d > doneOn).sort();
    return upcoming[0] ?? null;
  }
  const start = input.due ?? doneOn;
  if (frequency === "monthly") {
    const day = input.anchorDay ?? Number(start.slice(8, 10));
    let k = 1;
    let next = addMonths(start, k, day);
    while (next <= doneOn) {
      k += 1;
      next = addMonths(start, k, day);
    }
    return next;
  }
  const step = frequency === "weekly" ? 7 : 14;
  let next = addDays(start, step);
  if (next <= doneOn) {
    const behind = Math.floor((Date.parse(doneOn) - Date.parse(next)) / 86_400_000 / step) + 1;
    next = addDays(next, behind * step);
  }
  return next;
}

import { quadrants, stakeholderSides } from "@rollout/domain";
import * as z from "zod";

/** The page's sections, in the order of their tabs. */
export const stakeholderSections = ["register", "grid", "engagement", "comms"] as const;
export type StakeholderSection = (typeof stakeholderSections)[number];

export const stakeholderSectionLabels: Record<StakeholderSection, string> = {
  register: "Register",
  grid: "Power / interest",
  engagement: "Engagement",
  comms: "Communication plan",
};

export const registerSortColumns = [
  "name",
  "side",
  "power",
  "interest",
  "quadrant",
  "gap",
  "raid",
] as const;
export type RegisterSortColumn = (typeof registerSortColumns)[number];

/**
 * What the stakeholder page keeps in the URL, so a filtered view or an open person can be
 * bookmarked and shared: the section, the filters (shared by the register, the grid and the
 * engagement matrix), the register's sort and the stakeholder whose drawer is open.
 */
export const stakeholdersSearch = z.object({
  section: z.enum(stakeholderSections).default("register").catch("register"),
  q: z.string().max(200).default("").catch(""),
  side: z.enum(stakeholderSides).optional().catch(undefined),
  quadrant: z.enum(quadrants).optional().catch(undefined),
  /** Only people whose engagement must still be raised. */
  gap: z.boolean().default(false).catch(false),
  sort: z.enum(registerSortColumns).default("name").catch("name"),
  desc: z.boolean().default(false).catch(false),
  /** The stakeholder whose drawer is open. */
  stakeholder: z.string().max(64).optional().catch(undefined),
});

export type StakeholdersSearch = z.infer<typeof stakeholdersSearch>;

/** Left out of the URL when they hold these values. */
export const stakeholdersSearchDefaults = {
  section: "register",
  q: "",
  gap: false,
  sort: "name",
  desc: false,
} as const satisfies Partial<StakeholdersSearch>;

/** Whether any filter narrows the list (the sort and the section do not). */
export function hasFilters(search: StakeholdersSearch): boolean {
  return (
    search.q.trim() !== "" ||
    search.side !== undefined ||
    search.quadrant !== undefined ||
    search.gap
  );
}

export const clearedFilters = {
  q: "",
  side: undefined,
  quadrant: undefined,
  gap: false,
} as const satisfies Partial<StakeholdersSearch>;

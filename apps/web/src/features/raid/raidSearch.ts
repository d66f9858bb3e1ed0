import { raidKinds, raidStatuses, riskBands } from "@rollout/domain";
import * as z from "zod";

/** Columns a RAID table can be sorted by (each kind shows a subset: see `raidColumns`). */
export const raidSortColumns = [
  "ref",
  "title",
  "owner",
  "status",
  "probability",
  "impact",
  "score",
  "residual",
  "response",
  "severity",
  "due",
] as const;
export type RaidSortColumn = (typeof raidSortColumns)[number];

/** "Still open, whatever the status": the statuses in which an item needs attention. */
export const ACTIVE_STATUS = "active";

/** A heat-map cell in the URL: probability and impact, "4-5". */
const cellPattern = /^[1-5]-[1-5]$/;

/**
 * The RAID page's view lives in the URL so it can be bookmarked and shared: the kind shown, its
 * filters and sort, the heat-map cell and side (current or residual), and the open item.
 */
export const raidSearch = z.object({
  kind: z.enum(raidKinds).default("risk").catch("risk"),
  q: z.string().max(200).default("").catch(""),
  /** A status of the kind shown, or "active" for any open status. */
  status: z
    .union([z.enum(raidStatuses), z.literal(ACTIVE_STATUS)])
    .optional()
    .catch(undefined),
  band: z.enum(riskBands).optional().catch(undefined),
  /** An owner's id (member or stakeholder), or "none" for items nobody owns. */
  owner: z.string().max(64).optional().catch(undefined),
  overdue: z.boolean().default(false).catch(false),
  /** Absent: the kind's own default order (risks by score, issues by severity, others by date). */
  sort: z.enum(raidSortColumns).optional().catch(undefined),
  desc: z.boolean().default(false).catch(false),
  cell: z.string().regex(cellPattern).optional().catch(undefined),
  residual: z.boolean().default(false).catch(false),
  /** The item whose drawer is open. */
  item: z.string().max(64).optional().catch(undefined),
});

export type RaidSearch = z.infer<typeof raidSearch>;

/** Left out of the URL when they hold these values. */
export const raidSearchDefaults = {
  kind: "risk",
  q: "",
  overdue: false,
  desc: false,
  residual: false,
} as const satisfies Partial<RaidSearch>;

export const OWNER_NONE = "none";

/** Changes the view; filters replace the history entry, opening an item adds one. */
export type OnRaidSearch = (patch: Partial<RaidSearch>, replace?: boolean) => void;

import { projectStages, projectStatuses, rags } from "@rollout/domain";
import * as z from "zod";

export const portfolioSortColumns = [
  "key",
  "name",
  "health",
  "stage",
  "status",
  "progress",
  "nextMilestone",
  "risks",
  "goLive",
  "spi",
  "cpi",
] as const;
export type PortfolioSortColumn = (typeof portfolioSortColumns)[number];

/**
 * The portfolio's filters and sort live in the URL, so a view can be bookmarked, shared and
 * saved by name (see features/dashboard/savedViews.ts). Anything unreadable falls back to the
 * default instead of failing the page: an old bookmark still opens.
 */
export const portfolioSearch = z.object({
  q: z.string().max(200).default("").catch(""),
  stage: z.enum(projectStages).optional().catch(undefined),
  status: z.enum(projectStatuses).optional().catch(undefined),
  /** Overall health as shown (an override in force counts as its colour). */
  health: z.enum(rags).optional().catch(undefined),
  /** Only projects whose next milestone is forecast after its baseline. */
  slipping: z.boolean().default(false).catch(false),
  archived: z.boolean().default(false).catch(false),
  sort: z.enum(portfolioSortColumns).default("goLive").catch("goLive"),
  desc: z.boolean().default(false).catch(false),
});

export type PortfolioSearch = z.infer<typeof portfolioSearch>;

/** Left out of the URL when they hold these values. */
export const portfolioSearchDefaults = {
  q: "",
  slipping: false,
  archived: false,
  sort: "goLive",
  desc: false,
} as const satisfies Partial<PortfolioSearch>;

/** What "Clear filters" resets (sort and "include archived" are not filters of the rows). */
export const clearedPortfolioFilters = {
  q: "",
  stage: undefined,
  status: undefined,
  health: undefined,
  slipping: false,
} as const satisfies Partial<PortfolioSearch>;

export function hasPortfolioFilters(search: PortfolioSearch): boolean {
  return Boolean(
    search.q.trim() || search.stage || search.status || search.health || search.slipping,
  );
}

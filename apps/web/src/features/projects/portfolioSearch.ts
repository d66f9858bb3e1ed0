import { projectStages, projectStatuses } from "@rollout/domain";
import * as z from "zod";

export const portfolioSortColumns = [
  "key",
  "name",
  "customer",
  "stage",
  "status",
  "targetGoLive",
  "ipmName",
  "pmName",
  "myRole",
] as const;
export type PortfolioSortColumn = (typeof portfolioSortColumns)[number];

/** The portfolio's filters and sort live in the URL, so a view can be bookmarked and shared. */
export const portfolioSearch = z.object({
  q: z.string().max(200).default("").catch(""),
  stage: z.enum(projectStages).optional().catch(undefined),
  status: z.enum(projectStatuses).optional().catch(undefined),
  archived: z.boolean().default(false).catch(false),
  sort: z.enum(portfolioSortColumns).default("targetGoLive").catch("targetGoLive"),
  desc: z.boolean().default(false).catch(false),
});

export type PortfolioSearch = z.infer<typeof portfolioSearch>;

/** Left out of the URL when they hold these values. */
export const portfolioSearchDefaults = {
  q: "",
  archived: false,
  sort: "targetGoLive",
  desc: false,
} as const satisfies Partial<PortfolioSearch>;

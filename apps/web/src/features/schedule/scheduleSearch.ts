import * as z from "zod";

/**
 * What the schedule pages keep in the URL, so a view can be bookmarked and shared: the open
 * milestone and the baseline being compared; on the Gantt also the zoom and the critical path.
 */
const id = z.string().max(64).optional().catch(undefined);

export const milestonesSearch = z.object({ milestone: id, baseline: id });
export type MilestonesSearch = z.infer<typeof milestonesSearch>;

export const ganttZooms = ["day", "week", "month"] as const;
export type GanttZoom = (typeof ganttZooms)[number];

export const ganttSearch = z.object({
  zoom: z.enum(ganttZooms).default("week").catch("week"),
  critical: z.boolean().default(true).catch(true),
  baseline: id,
});
export type GanttSearch = z.infer<typeof ganttSearch>;

/** Left out of the URL when they hold these values. */
export const ganttSearchDefaults = {
  zoom: "week",
  critical: true,
} as const satisfies Partial<GanttSearch>;

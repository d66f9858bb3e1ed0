import * as z from "zod";

/**
 * What the Reports tab keeps in the URL, so a report can be linked to and Back closes it: the
 * open report, and for a draft whether its editor or its printed layout (preview) is shown.
 */
export const reportViews = ["edit", "preview"] as const;
export type ReportView = (typeof reportViews)[number];

export const reportsSearch = z.object({
  report: z
    .string()
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/)
    .optional()
    .catch(undefined),
  view: z.enum(reportViews).default("edit").catch("edit"),
});
export type ReportsSearch = z.infer<typeof reportsSearch>;

/** Left out of the URL when they hold these values. */
export const reportsSearchDefaults = { view: "edit" } as const satisfies Partial<ReportsSearch>;

/** Changes what is shown; opening or closing a report adds a history entry (Back closes it). */
export type OnReportsSearch = (patch: Partial<ReportsSearch>, replace?: boolean) => void;

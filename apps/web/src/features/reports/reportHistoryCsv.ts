import { type reportSummaryOutput, toCsv } from "@rollout/domain";
import type * as z from "zod";
import { ragLabels } from "../dashboard/dashboardFormat.ts";

type ReportSummary = z.infer<typeof reportSummaryOutput>;

const statusLabels: Record<ReportSummary["status"], string> = {
  draft: "Draft",
  published: "Published",
};

/** The report history as listed: period, the five colours in words, draft or published. */
export function reportHistoryCsv(reports: readonly ReportSummary[]): string {
  return toCsv([
    [
      "Report",
      "Period start",
      "Period end",
      "Overall",
      "Schedule",
      "Budget",
      "Scope",
      "Risk",
      "Status",
      "Published at",
      "Published by",
    ],
    ...reports.map((r) => [
      r.number,
      r.periodStart,
      r.periodEnd,
      ragLabels[r.overall],
      ragLabels[r.schedule],
      ragLabels[r.budget],
      ragLabels[r.scope],
      ragLabels[r.risk],
      statusLabels[r.status],
      r.publishedAt,
      r.publishedByName,
    ]),
  ]);
}

import * as z from "zod";
import { isIsoDate } from "../dates.ts";
import { rags } from "../enums.ts";
import { id, optionalText, version } from "./common.ts";
import { healthOutput, milestoneFigureOutput } from "./dashboard.ts";

const date = (label: string) =>
  z.string().refine(isIsoDate, { message: `${label}: enter a date as YYYY-MM-DD` });

export const reportStatuses = ["draft", "published"] as const;

export const reportRiskOutput = z.object({
  id,
  ref: z.string(),
  title: z.string(),
  score: z.number().int(),
  band: z.string(),
  response: z.string().nullable(),
  mitigation: z.string(),
});

export const reportMilestoneOutput = z.object({
  id,
  name: z.string(),
  baselineDate: z.string().nullable(),
  forecastDate: z.string().nullable(),
  actualDate: z.string().nullable(),
  slip: z.number().int().nullable(),
});

export const reportMetricsOutput = z.object({
  progress: z.number(),
  plannedProgress: z.number(),
  spi: z.number().nullable(),
  cpi: z.number().nullable(),
  forecastCost: z.number(),
  plannedBudget: z.number(),
  actualCost: z.number(),
  currency: z.string(),
  openTasks: z.number().int(),
  overdueTasks: z.number().int(),
  openHighRisks: z.number().int(),
  computedHealth: z.string(),
  reasons: z.record(z.string(), z.array(z.string())),
});

export const reportOutput = z.object({
  id,
  number: z.number().int(),
  periodStart: z.string(),
  periodEnd: z.string(),
  status: z.enum(reportStatuses),
  overall: z.enum(rags),
  schedule: z.enum(rags),
  budget: z.enum(rags),
  scope: z.enum(rags),
  risk: z.enum(rags),
  summary: z.string(),
  accomplishments: z.string(),
  nextSteps: z.string(),
  asks: z.string(),
  topRisks: z.array(reportRiskOutput),
  milestones: z.array(reportMilestoneOutput),
  /** As published (or, for a draft, as of now). */
  metrics: reportMetricsOutput,
  createdByName: z.string().nullable(),
  publishedAt: z.string().nullable(),
  publishedByName: z.string().nullable(),
  version,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type StatusReport = z.infer<typeof reportOutput>;

export const reportSummaryOutput = reportOutput.pick({
  id: true,
  number: true,
  periodStart: true,
  periodEnd: true,
  status: true,
  overall: true,
  schedule: true,
  budget: true,
  scope: true,
  risk: true,
  publishedAt: true,
  publishedByName: true,
  version: true,
});

export const reportCreateInput = z
  .object({
    periodStart: date("Period start"),
    periodEnd: date("Period end"),
  })
  .refine((p) => p.periodStart <= p.periodEnd, {
    message: "The period must end on or after its start",
    path: ["periodEnd"],
  });

export const reportUpdateInput = z.object({
  reportId: id,
  version,
  changes: z
    .object({
      overall: z.enum(rags),
      schedule: z.enum(rags),
      budget: z.enum(rags),
      scope: z.enum(rags),
      risk: z.enum(rags),
      summary: optionalText("Summary", 10_000),
      accomplishments: optionalText("Accomplishments", 20_000),
      nextSteps: optionalText("Next steps", 20_000),
      asks: optionalText("Asks", 10_000),
    })
    .partial()
    .refine((c) => Object.keys(c).length > 0, "Nothing to change"),
});

export const reportRefInput = z.object({ reportId: id });
export const reportVersionInput = z.object({ reportId: id, version });

/** A file for the browser to save: a PDF (base64) or Markdown text. */
export const reportFileOutput = z.object({
  filename: z.string(),
  contentType: z.string(),
  /** base64 for binary files, the text itself for Markdown. */
  content: z.string(),
  encoding: z.enum(["base64", "utf8"]),
});

/** Forecast of each milestone in each published report, oldest report first. */
export const milestoneTrendOutput = z.object({
  periods: z.array(z.object({ reportId: id, number: z.number().int(), periodEnd: z.string() })),
  milestones: z.array(
    z.object({
      id,
      name: z.string(),
      baselineDate: z.string().nullable(),
      /** One entry per period (null: the milestone did not exist or had no forecast then). */
      forecasts: z.array(z.string().nullable()),
    }),
  ),
});

export const shareCreateInput = z.object({
  label: z.string().trim().min(1, "Name the link (who it is for)").max(120),
  expiresOn: date("Expires on"),
});
export const shareLinkOutput = z.object({
  id,
  label: z.string(),
  expiresAt: z.string(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  /** Live: not revoked and not expired. */
  active: z.boolean(),
});
export const shareCreatedOutput = z.object({ link: shareLinkOutput, url: z.string() });
export const shareRevokeInput = z.object({ shareId: id });
export const shareToken = z
  .string()
  .min(20)
  .max(200)
  .regex(/^[A-Za-z0-9_-]+$/, "Invalid link");

/** The stakeholder view of one project: what an outside reader may see, nothing internal. */
export const stakeholderViewOutput = z.object({
  project: z.object({
    id,
    key: z.string(),
    name: z.string(),
    customer: z.string(),
    stage: z.string(),
    targetGoLive: z.string(),
    actualGoLive: z.string().nullable(),
  }),
  health: healthOutput,
  progress: z.number(),
  plannedProgress: z.number(),
  burnUp: z.array(
    z.object({ date: z.string(), planned: z.number(), actual: z.number().nullable() }),
  ),
  milestones: z.array(milestoneFigureOutput),
  goLive: z
    .object({
      date: z.string(),
      baselineDate: z.string().nullable(),
      slip: z.number().int().nullable(),
    })
    .nullable(),
  daysToGoLive: z.number().int().nullable(),
  /** Gates with criteria met/total, and whether the reader is asked to sign (signed in only). */
  gates: z.array(
    z.object({
      milestoneId: id,
      name: z.string(),
      criteriaMet: z.number().int(),
      criteriaTotal: z.number().int(),
      decision: z.enum(["go", "no_go"]).nullable(),
      awaitingMySignOff: z.boolean(),
      signedByMe: z.boolean(),
    }),
  ),
  reports: z.array(reportOutput),
  today: z.string(),
});
export type StakeholderView = z.infer<typeof stakeholderViewOutput>;

import * as z from "zod";
import { isIsoDate } from "../dates.ts";
import {
  issueSeverities,
  raidKinds,
  raidStatuses,
  riskPolarities,
  riskResponses,
} from "../raid/enums.ts";
import { riskBands } from "../raid/scoring.ts";
import { id, optionalText, requiredText, version } from "./common.ts";

const date = (label: string) =>
  z.string().refine(isIsoDate, { message: `${label}: enter a date as YYYY-MM-DD` });
const rating = (label: string) =>
  z
    .number({ error: `${label} is a whole number from 1 to 5` })
    .int(`${label} is a whole number from 1 to 5`)
    .min(1, `${label} is a whole number from 1 to 5`)
    .max(5, `${label} is a whole number from 1 to 5`);

/** The most links one item may carry (tasks and milestones each). */
export const MAX_RAID_LINKS = 200;

/** The fields a person edits on a RAID item; kind-specific rules are in `raidFieldProblems`. */
export const raidFields = z.object({
  title: requiredText("Title", 200),
  description: optionalText("Description", 10_000),
  status: z.enum(raidStatuses),
  ownerUserId: id.nullable(),
  ownerStakeholderId: id.nullable(),
  /** Review date for risks and assumptions; due date for issues, dependencies and decisions. */
  dueDate: date("Date").nullable(),
  probability: rating("Probability").nullable(),
  impact: rating("Impact").nullable(),
  residualProbability: rating("Residual probability").nullable(),
  residualImpact: rating("Residual impact").nullable(),
  polarity: z.enum(riskPolarities),
  response: z.enum(riskResponses).nullable(),
  mitigation: optionalText("Mitigation", 5000),
  contingency: optionalText("Contingency", 5000),
  trigger: optionalText("Trigger", 2000),
  severity: z.enum(issueSeverities).nullable(),
  internalOnly: z.boolean(),
});
export type RaidFields = z.infer<typeof raidFields>;

const links = {
  taskIds: z.array(id).max(MAX_RAID_LINKS, `At most ${MAX_RAID_LINKS} linked tasks`),
  milestoneIds: z.array(id).max(MAX_RAID_LINKS, `At most ${MAX_RAID_LINKS} linked milestones`),
};

export const raidCreateInput = z.object({
  kind: z.enum(raidKinds),
  title: raidFields.shape.title,
  description: raidFields.shape.description.default(""),
  /** Omitted: the kind's first status (open, or proposed for a decision). */
  status: raidFields.shape.status.optional(),
  ownerUserId: raidFields.shape.ownerUserId.default(null),
  ownerStakeholderId: raidFields.shape.ownerStakeholderId.default(null),
  dueDate: raidFields.shape.dueDate.default(null),
  probability: raidFields.shape.probability.default(null),
  impact: raidFields.shape.impact.default(null),
  residualProbability: raidFields.shape.residualProbability.default(null),
  residualImpact: raidFields.shape.residualImpact.default(null),
  polarity: raidFields.shape.polarity.default("threat"),
  response: raidFields.shape.response.default(null),
  mitigation: raidFields.shape.mitigation.default(""),
  contingency: raidFields.shape.contingency.default(""),
  trigger: raidFields.shape.trigger.default(""),
  severity: raidFields.shape.severity.default(null),
  internalOnly: raidFields.shape.internalOnly.default(false),
  taskIds: links.taskIds.default([]),
  milestoneIds: links.milestoneIds.default([]),
});
export type RaidCreateInput = z.infer<typeof raidCreateInput>;

export const raidUpdateInput = z.object({
  itemId: id,
  version,
  changes: raidFields.partial().refine((c) => Object.keys(c).length > 0, "Nothing to change"),
});
export type RaidChanges = z.infer<typeof raidUpdateInput>["changes"];

export const raidItemRefInput = z.object({ itemId: id });
export const raidDeleteInput = z.object({ itemId: id, version });

export const raidSetLinksInput = z.object({ itemId: id, version, ...links });

/** "Risk occurred": the risk becomes an issue; both keep a link to the other. */
export const raidOccurInput = z.object({
  itemId: id,
  version,
  /** The new issue's title (default: the risk's), severity (default: from the risk's band), due. */
  title: requiredText("Title", 200).optional(),
  severity: z.enum(issueSeverities).optional(),
  dueDate: date("Due date").nullable().default(null),
  note: optionalText("What happened", 5000).default(""),
});

export const RAID_IMPORT_MAX_BYTES = 2_000_000;
export const raidImportInput = z.object({
  csv: z
    .string()
    .min(1, "The file is empty")
    .max(RAID_IMPORT_MAX_BYTES, `The file is over ${RAID_IMPORT_MAX_BYTES / 1_000_000} MB`),
  /** Check every row and report, writing nothing. */
  dryRun: z.boolean().default(false),
});

export const raidRowErrorOutput = z.object({
  /** The line in the file (the header is line 1). */
  line: z.number().int(),
  column: z.string(),
  message: z.string(),
});
export type RaidRowError = z.infer<typeof raidRowErrorOutput>;

export const raidImportOutput = z.object({
  /** Rows read (not counting the header). */
  rows: z.number().int(),
  /** Items written: 0 whenever there is an error, or on a dry run. */
  created: z.number().int(),
  errors: z.array(raidRowErrorOutput),
});

const ownerOutput = z
  .object({ type: z.enum(["user", "stakeholder"]), id, name: z.string() })
  .nullable();

export const raidItemOutput = z.object({
  id,
  /** I-5, D-2, DEC-1: numbered per kind within the project. */
  ref: z.string(),
  kind: z.enum(raidKinds),
  title: z.string(),
  description: z.string(),
  status: z.enum(raidStatuses),
  isOpen: z.boolean(),
  owner: ownerOutput,
  dueDate: z.string().nullable(),
  /** Open and its review or due date is past. */
  overdue: z.boolean(),
  probability: z.number().int().nullable(),
  impact: z.number().int().nullable(),
  score: z.number().int().nullable(),
  band: z.enum(riskBands).nullable(),
  residualProbability: z.number().int().nullable(),
  residualImpact: z.number().int().nullable(),
  residualScore: z.number().int().nullable(),
  residualBand: z.enum(riskBands).nullable(),
  polarity: z.enum(riskPolarities),
  response: z.enum(riskResponses).nullable(),
  mitigation: z.string(),
  contingency: z.string(),
  trigger: z.string(),
  severity: z.enum(issueSeverities).nullable(),
  internalOnly: z.boolean(),
  /** The risk this issue came from, or the issue this risk became. */
  convertedFrom: z.object({ id, ref: z.string() }).nullable(),
  convertedTo: z.object({ id, ref: z.string() }).nullable(),
  taskIds: z.array(id),
  milestoneIds: z.array(id),
  version,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type RaidItem = z.infer<typeof raidItemOutput>;

export const riskThresholdsOutput = z.object({
  medium: z.number().int(),
  high: z.number().int(),
  critical: z.number().int(),
});

export const raidListOutput = z.object({
  items: z.array(raidItemOutput),
  /** The organisation's band table, so a client can band a score as the server does. */
  thresholds: riskThresholdsOutput,
  /** Today as the server counts it (what `overdue` was computed against). */
  today: z.string(),
});

export const raidScorePointOutput = z.object({
  at: z.string(),
  byName: z.string().nullable(),
  probability: z.number().int().nullable(),
  impact: z.number().int().nullable(),
  score: z.number().int().nullable(),
  residualProbability: z.number().int().nullable(),
  residualImpact: z.number().int().nullable(),
  residualScore: z.number().int().nullable(),
});

export const raidItemDetailOutput = raidItemOutput.extend({
  tasks: z.array(z.object({ id, title: z.string(), status: z.string() })),
  milestones: z.array(z.object({ id, name: z.string() })),
  /** Every score change, oldest first: the first point is the score it was raised with. */
  scoreHistory: z.array(raidScorePointOutput),
});
export type RaidItemDetail = z.infer<typeof raidItemDetailOutput>;

/** Counts of open risks per cell: `current[p - 1][i - 1]`, and the same on residual ratings. */
export const heatMapOutput = z.object({
  current: z.array(z.array(z.number().int())),
  residual: z.array(z.array(z.number().int())),
  thresholds: riskThresholdsOutput,
  /** Open risks with no residual rating yet (they are not on the residual map). */
  unratedResidual: z.number().int(),
});

export const riskThresholdsInput = z
  .object({
    medium: z.number().int().min(2).max(25),
    high: z.number().int().min(2).max(25),
    critical: z.number().int().min(2).max(25),
    version,
  })
  .refine((t) => t.medium < t.high && t.high < t.critical, {
    message: "Thresholds must rise: medium below high below critical",
    path: ["high"],
  });

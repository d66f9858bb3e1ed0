import * as z from "zod";
import { isIsoDate } from "../dates.ts";
import { projectKinds, projectRoles, projectStages } from "../enums.ts";
import { lessonKinds, objectiveOutcomes, pirRatings, pirStatuses } from "../pir/enums.ts";
import { checkTags, MAX_TAG_LENGTH, normaliseTag } from "../pir/tags.ts";
import { taskCategories } from "../plan/enums.ts";
import { id, optionalText, requiredText, version } from "./common.ts";

const date = (label: string) =>
  z.string().refine(isIsoDate, { message: `${label}: enter a date as YYYY-MM-DD` });

/** A figure of a KPI: any finite number (percentages, minutes, counts, money in major units). */
const figure = (label: string) =>
  z
    .number({ error: `${label} must be a number` })
    .refine(Number.isFinite, `${label} must be a number`)
    .refine((n) => Math.abs(n) <= 1e12, `${label} is too large`);

const nonEmpty = <T extends Record<string, unknown>>(changes: T) => Object.keys(changes).length > 0;

// ── The review ─────────────────────────────────────────────────────────────────────────────────

export const pirGetInput = z.object({
  /** A revision to read; omitted: the latest. */
  revision: z.number().int().min(1).optional(),
});

export const pirOpenInput = z.object({
  /** Open the review before the project has gone live (the PM asks for it explicitly). */
  early: z.boolean().default(false),
});

export const pirRefInput = z.object({ pirId: id, version });

export const pirUpdateInput = z.object({
  pirId: id,
  version,
  changes: z
    .object({
      summary: optionalText("Summary", 10_000),
      rating: z.enum(pirRatings).nullable(),
    })
    .partial()
    .refine(nonEmpty, "Nothing to change"),
});

export const MAX_PIR_SIGNERS = 20;
export const pirSignersInput = z.object({
  pirId: id,
  version,
  userIds: z
    .array(id)
    .max(MAX_PIR_SIGNERS, `At most ${MAX_PIR_SIGNERS} people sign a review`)
    .refine((ids) => new Set(ids).size === ids.length, "Each person signs once"),
});

export const pirSignInput = z.object({
  pirId: id,
  comment: optionalText("Comment", 1000).default(""),
});

// ── Objectives ─────────────────────────────────────────────────────────────────────────────────

export const objectiveFields = z.object({
  objective: requiredText("Objective", 500),
  criterion: optionalText("Success criterion", 1000),
  outcome: z.enum(objectiveOutcomes).nullable(),
  evidence: optionalText("Evidence", 5000),
});
export type ObjectiveFields = z.infer<typeof objectiveFields>;

export const objectiveAddInput = z.object({
  pirId: id,
  objective: objectiveFields.shape.objective,
  criterion: objectiveFields.shape.criterion.default(""),
  outcome: objectiveFields.shape.outcome.default(null),
  evidence: objectiveFields.shape.evidence.default(""),
});

export const objectiveUpdateInput = z.object({
  objectiveId: id,
  version,
  changes: objectiveFields.partial().refine(nonEmpty, "Nothing to change"),
});

export const objectiveDeleteInput = z.object({ objectiveId: id, version });

export const objectiveMoveInput = z.object({
  objectiveId: id,
  version,
  direction: z.enum(["up", "down"]),
});

// ── KPIs and benefits ──────────────────────────────────────────────────────────────────────────

export const kpiFields = z.object({
  name: requiredText("Name", 200),
  unit: optionalText("Unit", 40),
  baseline: figure("Baseline").nullable(),
  target: figure("Target").nullable(),
  actual: figure("Actual").nullable(),
  measuredOn: date("Measured on").nullable(),
  /** A member of the project, who measures it (and re-measures it later). */
  ownerId: id.nullable(),
});
export type KpiFields = z.infer<typeof kpiFields>;

export const kpiAddInput = z.object({
  pirId: id,
  name: kpiFields.shape.name,
  unit: kpiFields.shape.unit.default(""),
  baseline: kpiFields.shape.baseline.default(null),
  target: kpiFields.shape.target.default(null),
  actual: kpiFields.shape.actual.default(null),
  measuredOn: kpiFields.shape.measuredOn.default(null),
  ownerId: kpiFields.shape.ownerId.default(null),
});

export const kpiUpdateInput = z.object({
  kpiId: id,
  version,
  changes: kpiFields.partial().refine(nonEmpty, "Nothing to change"),
});

export const kpiRefInput = z.object({ kpiId: id, version });

export const benefitRecordInput = z.object({
  measurementId: id,
  version,
  value: figure("Value"),
  measuredOn: date("Measured on"),
  note: optionalText("Note", 1000).default(""),
});

// ── Lessons ────────────────────────────────────────────────────────────────────────────────────

/** Tags as typed: normalised (lower-case, hyphens) and checked (characters, length, count). */
export const lessonTags = z
  .array(z.string().max(100, `A tag is at most ${MAX_TAG_LENGTH} characters`))
  .max(50, "Too many tags")
  .transform((raw, ctx) => {
    const { tags, problems } = checkTags(raw);
    for (const message of problems) ctx.addIssue({ code: "custom", message });
    return tags;
  });

export const lessonFields = z.object({
  kind: z.enum(lessonKinds),
  category: z.enum(taskCategories),
  /** What happened. */
  summary: requiredText("What happened", 2000),
  recommendation: optionalText("Recommendation", 2000),
  tags: lessonTags,
});
export type LessonFields = z.input<typeof lessonFields>;

export const lessonAddInput = z.object({
  pirId: id,
  kind: lessonFields.shape.kind,
  category: lessonFields.shape.category,
  summary: lessonFields.shape.summary,
  recommendation: lessonFields.shape.recommendation.default(""),
  tags: lessonTags.default([]),
});

export const lessonUpdateInput = z.object({
  lessonId: id,
  version,
  changes: lessonFields.partial().refine(nonEmpty, "Nothing to change"),
});

export const lessonDeleteInput = z.object({ lessonId: id, version });

// ── What a review reads as ─────────────────────────────────────────────────────────────────────

export const pirVarianceOutput = z.object({
  baselineGoLive: z.string().nullable(),
  actualGoLive: z.string().nullable(),
  /** Working days (weekends and the organisation's holidays skipped); positive is late. */
  scheduleVarianceDays: z.number().int().nullable(),
  plannedBudget: z.number().int(),
  actualCost: z.number().int(),
  /** Actual cost minus planned budget, in minor units; positive is over. */
  budgetVariance: z.number().int(),
  budgetVariancePercent: z.number().nullable(),
  currency: z.string(),
  /** Frozen when the review was signed off (else computed now from the project). */
  frozen: z.boolean(),
});
export type PirVariance = z.infer<typeof pirVarianceOutput>;

export const objectiveOutput = z.object({
  id,
  objective: z.string(),
  criterion: z.string(),
  outcome: z.enum(objectiveOutcomes).nullable(),
  evidence: z.string(),
  version,
});
export type PirObjective = z.infer<typeof objectiveOutput>;

export const measurementOutput = z.object({
  id,
  monthsAfterGoLive: z.number().int(),
  dueOn: z.string(),
  value: z.number().nullable(),
  measuredOn: z.string().nullable(),
  note: z.string(),
  version,
});
export type PirMeasurement = z.infer<typeof measurementOutput>;

const personOutput = z.object({ userId: id, name: z.string() });

export const kpiOutput = z.object({
  id,
  name: z.string(),
  unit: z.string(),
  baseline: z.number().nullable(),
  target: z.number().nullable(),
  actual: z.number().nullable(),
  measuredOn: z.string().nullable(),
  owner: personOutput.nullable(),
  measurements: z.array(measurementOutput),
  version,
});
export type PirKpi = z.infer<typeof kpiOutput>;

export const lessonOutput = z.object({
  id,
  kind: z.enum(lessonKinds),
  category: z.enum(taskCategories),
  summary: z.string(),
  recommendation: z.string(),
  tags: z.array(z.string()),
  version,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PirLesson = z.infer<typeof lessonOutput>;

export const signerOutput = z.object({
  userId: id,
  name: z.string(),
  /** Their role on the project now (null: no longer on it). */
  role: z.enum(projectRoles).nullable(),
  signedAt: z.string().nullable(),
  comment: z.string(),
});
export type PirSigner = z.infer<typeof signerOutput>;

export const pirOutput = z.object({
  id,
  revision: z.number().int(),
  status: z.enum(pirStatuses),
  summary: z.string(),
  rating: z.enum(pirRatings).nullable(),
  /** When the last required signature arrived; nothing changes after. */
  lockedAt: z.string().nullable(),
  /** False for an earlier revision (a newer one was started). */
  latest: z.boolean(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version,
  variance: pirVarianceOutput,
  objectives: z.array(objectiveOutput),
  kpis: z.array(kpiOutput),
  lessons: z.array(lessonOutput),
  signers: z.array(signerOutput),
});
export type Pir = z.infer<typeof pirOutput>;

export const pirGetOutput = z.object({
  /** The review asked for (or the latest); null while none has been opened. */
  review: pirOutput.nullable(),
  stage: z.enum(projectStages),
  /** The project has reached go-live (or later): a review opens without `early`. */
  due: z.boolean(),
  /** Live figures, to show before a review exists. */
  variance: pirVarianceOutput,
});
export type PirGet = z.infer<typeof pirGetOutput>;

export const pirRevisionOutput = z.object({
  id,
  revision: z.number().int(),
  status: z.enum(pirStatuses),
  lockedAt: z.string().nullable(),
  createdAt: z.string(),
});

export const pirCreatedOutput = z.object({ id, revision: z.number().int() });
export const pirSignedOutput = z.object({
  status: z.enum(pirStatuses),
  /** Signatures still missing after this one. */
  remaining: z.number().int(),
});

// ── My work: benefits to measure ───────────────────────────────────────────────────────────────

export const myBenefitOutput = z.object({
  measurementId: id,
  version,
  kpiId: id,
  kpiName: z.string(),
  unit: z.string(),
  baseline: z.number().nullable(),
  target: z.number().nullable(),
  monthsAfterGoLive: z.number().int(),
  dueOn: z.string(),
  overdue: z.boolean(),
  projectId: id,
  projectKey: z.string(),
  projectName: z.string(),
});
export type MyBenefit = z.infer<typeof myBenefitOutput>;

// ── The lessons library ────────────────────────────────────────────────────────────────────────

export const MAX_LESSON_PAGE = 100;

export const lessonSearchInput = z.object({
  /** Free text over what happened, the recommendation and the tags. */
  text: z.string().max(200, "Search for at most 200 characters").default(""),
  category: z.enum(taskCategories).optional(),
  tag: z
    .string()
    .max(100)
    .transform(normaliseTag)
    .optional()
    .transform((t) => (t ? t : undefined)),
  /** The kind of project the lesson comes from. */
  kind: z.enum(projectKinds).optional(),
  lessonKind: z.enum(lessonKinds).optional(),
  limit: z
    .number()
    .int()
    .min(1)
    .max(MAX_LESSON_PAGE, `At most ${MAX_LESSON_PAGE} lessons a page`)
    .default(20),
  /** Where the next page starts (from `nextCursor`). */
  cursor: z.number().int().min(0).max(1_000_000).default(0),
});
export type LessonSearchInput = z.input<typeof lessonSearchInput>;

export const lessonResultOutput = z.object({
  id,
  kind: z.enum(lessonKinds),
  category: z.enum(taskCategories),
  summary: z.string(),
  recommendation: z.string(),
  tags: z.array(z.string()),
  createdAt: z.string(),
  project: z.object({ id, key: z.string(), name: z.string(), kind: z.enum(projectKinds) }),
});
export type LessonResult = z.infer<typeof lessonResultOutput>;

export const lessonSearchOutput = z.object({
  items: z.array(lessonResultOutput),
  /** Pass back as `cursor` for the next page; null when this is the last. */
  nextCursor: z.number().int().nullable(),
});

export const lessonSuggestionsInput = z.object({
  kind: z.enum(projectKinds),
  limit: z.number().int().min(1).max(50).default(6),
});

export const lessonPhaseInput = z.object({
  projectId: id,
  phaseId: id,
  limit: z.number().int().min(1).max(50).default(8),
});

export const lessonPhaseOutput = z.object({
  phaseName: z.string(),
  /** The categories of the phase's tasks, which the lessons are matched on. */
  categories: z.array(z.enum(taskCategories)),
  items: z.array(lessonResultOutput),
});

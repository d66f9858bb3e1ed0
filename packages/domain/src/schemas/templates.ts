import * as z from "zod";
import { isIsoDate } from "../dates.ts";
import { projectKinds } from "../enums.ts";
import { dependencyTypes, taskCategories } from "../plan/enums.ts";
import {
  MAX_TEMPLATE_DEPENDENCIES,
  MAX_TEMPLATE_MILESTONES,
  MAX_TEMPLATE_PHASES,
  MAX_TEMPLATE_TASKS,
} from "../templates/model.ts";
import { templateProblems } from "../templates/validate.ts";
import { id, optionalText, requiredText, version } from "./common.ts";
import { raciValue } from "./plan.ts";
import { projectCreateInput } from "./project.ts";

/** An organisation's template id, or a built-in one (`builtin:saas-rollout`). */
export const templateId = z
  .string()
  .min(1, "Missing template id")
  .max(80, "Invalid template id")
  .regex(/^(builtin:[a-z0-9-]+|[A-Za-z0-9_-]+)$/, "Invalid template id");

/** How rows of a template refer to each other. */
export const templateKey = z
  .string()
  .trim()
  .min(1, "Key is required")
  .max(64, "Key must be at most 64 characters")
  .regex(/^[A-Za-z0-9_.:-]+$/, "Key: letters, digits, dots, colons, hyphens and underscores");

const workingDays = (label: string, min: number) =>
  z
    .number()
    .int(`${label} is a whole number of working days`)
    .min(min, `${label} is at least ${min} working day${min === 1 ? "" : "s"}`)
    .max(5000, `${label} is too long`);

export const templatePhaseSchema = z.object({
  key: templateKey,
  name: requiredText("Phase name", 120),
});

export const templateMilestoneSchema = z.object({
  key: templateKey,
  name: requiredText("Milestone name", 200),
  offset: workingDays("The milestone's offset", 0),
  isGate: z.boolean(),
  isGoLive: z.boolean(),
  criteria: z.array(requiredText("Criterion", 500)).max(50, "At most 50 criteria per gate"),
});

export const templateTaskSchema = z.object({
  key: templateKey,
  phaseKey: templateKey,
  parentKey: templateKey.nullable(),
  title: requiredText("Title", 300),
  description: optionalText("Description", 5000),
  category: z.enum(taskCategories),
  startOffset: workingDays("The start offset", 0),
  duration: workingDays("Duration", 1),
  estimateHours: z
    .number()
    .min(0, "The estimate cannot be negative")
    .max(100_000, "The estimate is too large")
    .nullable(),
  internalOnly: z.boolean(),
  milestoneKey: templateKey.nullable(),
  raci: z.object({
    ipm: raciValue.optional(),
    pm: raciValue.optional(),
    customer: raciValue.optional(),
    vendor: raciValue.optional(),
  }),
});

export const templateDependencySchema = z.object({
  predecessorKey: templateKey,
  successorKey: templateKey,
  type: z.enum(dependencyTypes),
  lag: z
    .number()
    .int("Lag is a whole number of working days")
    .min(-500, "Lag is at least -500 working days")
    .max(500, "Lag is at most 500 working days"),
});

/** A template's plan: its shape here, its rules (references, loops, limits) in `templateProblems`. */
export const templateBody = z
  .object({
    phases: z
      .array(templatePhaseSchema)
      .max(MAX_TEMPLATE_PHASES, `A template holds at most ${MAX_TEMPLATE_PHASES} phases`),
    milestones: z
      .array(templateMilestoneSchema)
      .max(
        MAX_TEMPLATE_MILESTONES,
        `A template holds at most ${MAX_TEMPLATE_MILESTONES} milestones`,
      ),
    tasks: z
      .array(templateTaskSchema)
      .max(
        MAX_TEMPLATE_TASKS,
        `A template holds at most ${MAX_TEMPLATE_TASKS.toLocaleString("en-GB")} tasks`,
      ),
    dependencies: z
      .array(templateDependencySchema)
      .max(
        MAX_TEMPLATE_DEPENDENCIES,
        `A template holds at most ${MAX_TEMPLATE_DEPENDENCIES.toLocaleString("en-GB")} dependencies`,
      ),
  })
  .superRefine((body, ctx) => {
    for (const problem of templateProblems(body)) {
      ctx.addIssue({ code: "custom", path: problem.path, message: problem.message });
    }
  });

const templateFieldsShape = {
  name: requiredText("Name", 120),
  description: optionalText("Description", 2000),
  kind: z.enum(projectKinds),
};

// ---------------------------------------------------------------- inputs

export const templateGetInput = z.object({ templateId });

export const templateCreateInput = z.object({
  ...templateFieldsShape,
  description: templateFieldsShape.description.default(""),
  body: templateBody,
});
export type TemplateCreateInput = z.input<typeof templateCreateInput>;

export const templateUpdateInput = z.object({
  templateId,
  version,
  changes: z
    .object({ ...templateFieldsShape, body: templateBody })
    .partial()
    .refine((c) => Object.keys(c).length > 0, "Nothing to change"),
});
export type TemplateUpdateInput = z.input<typeof templateUpdateInput>;

export const templateDeleteInput = z.object({ templateId, version });

/** A copy of a built-in or an own template, as a new template of the organisation. */
export const templateDuplicateInput = z.object({
  templateId,
  /** The copy's name; "Copy of …" when left out. */
  name: requiredText("Name", 120).optional(),
});

/** The project's plan as it is now, as a new template (the project comes from the procedure). */
export const templateSaveFromProjectInput = z.object({
  name: requiredText("Name", 120),
  description: optionalText("Description", 2000).default(""),
  /** The project's kind when left out. */
  kind: z.enum(projectKinds).optional(),
});

const calendarDate = (label: string) =>
  z.string().refine(isIsoDate, { message: `${label}: enter a date as YYYY-MM-DD` });

/**
 * A new project from a template: the fields of a new project plus the template. The target
 * go-live may be left out: it is then the template's go-live date from the start date.
 */
export const templateCreateProjectInput = z
  .object({
    ...projectCreateInput.shape,
    targetGoLive: calendarDate("Target go-live").nullable().default(null),
    templateId,
  })
  .superRefine((value, ctx) => {
    if (value.targetGoLive !== null && value.targetGoLive < value.startDate) {
      ctx.addIssue({
        code: "custom",
        path: ["targetGoLive"],
        message: "Target go-live cannot be before the start date",
      });
    }
    if (value.actualGoLive !== null && value.actualGoLive < value.startDate) {
      ctx.addIssue({
        code: "custom",
        path: ["actualGoLive"],
        message: "Actual go-live cannot be before the start date",
      });
    }
  });
export type TemplateCreateProjectInput = z.input<typeof templateCreateProjectInput>;

// ---------------------------------------------------------------- outputs

export const templateSummaryOutput = z.object({
  id: templateId,
  name: z.string(),
  description: z.string(),
  kind: z.enum(projectKinds),
  builtIn: z.boolean(),
  phaseCount: z.number().int(),
  taskCount: z.number().int(),
  milestoneCount: z.number().int(),
  dependencyCount: z.number().int(),
  /** Working days from the start to the last task's end. */
  durationDays: z.number().int(),
  /** Working days from the start to the go-live milestone; null without one. */
  goLiveOffset: z.number().int().nullable(),
  /** Null for a built-in (it never changes). */
  version: z.number().int().nullable(),
  updatedAt: z.string().nullable(),
});
export type TemplateSummaryItem = z.infer<typeof templateSummaryOutput>;

export const templateOutput = templateSummaryOutput.extend({
  body: z.object({
    phases: z.array(templatePhaseSchema),
    milestones: z.array(templateMilestoneSchema),
    tasks: z.array(templateTaskSchema),
    dependencies: z.array(templateDependencySchema),
  }),
  /** Whether the caller may change it (an own template, and an owner or admin). */
  canEdit: z.boolean(),
});
export type TemplateView = z.infer<typeof templateOutput>;

export const templateCreateProjectOutput = z.object({
  id,
  key: z.string(),
  goLive: z.string().nullable(),
  counts: z.object({
    phases: z.number().int(),
    tasks: z.number().int(),
    dependencies: z.number().int(),
    milestones: z.number().int(),
    criteria: z.number().int(),
  }),
});

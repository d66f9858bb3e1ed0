import * as z from "zod";
import { isIsoDate } from "../dates.ts";
import { projectRoles } from "../enums.ts";
import {
  dependencyTypes,
  parties,
  raciValues,
  taskCategories,
  taskStatuses,
} from "../plan/enums.ts";
import { myWorkGroups, myWorkReasons } from "../plan/myWork.ts";
import { id, optionalText, requiredText, version } from "./common.ts";

const date = (label: string) =>
  z.string().refine(isIsoDate, { message: `${label}: enter a date as YYYY-MM-DD` });

const hours = (label: string) =>
  z
    .number()
    .min(0, `${label} cannot be negative`)
    .max(100_000, `${label} is too large`)
    .refine((n) => Math.round(n * 100) === n * 100, `${label}: at most two decimals`);

export const raciValue = z.enum(raciValues);
export const party = z.enum(parties);

export const responsibilitiesSchema = z.object({
  ipm: raciValue.nullable(),
  pm: raciValue.nullable(),
  customer: raciValue.nullable(),
  vendor: raciValue.nullable(),
});

export const raciViolationSchema = z.object({
  code: z.enum(["no_accountable", "several_accountable", "no_responsible"]),
  message: z.string(),
});

// ---------------------------------------------------------------- outputs

export const phaseOutput = z.object({
  id,
  name: z.string(),
  sortOrder: z.number(),
  version,
});
export type Phase = z.infer<typeof phaseOutput>;

export const taskOutput = z.object({
  id,
  phaseId: id,
  parentId: id.nullable(),
  title: z.string(),
  description: z.string(),
  category: z.enum(taskCategories),
  status: z.enum(taskStatuses),
  startDate: z.string().nullable(),
  dueDate: z.string().nullable(),
  duration: z.number().int().nullable(),
  percentComplete: z.number().int(),
  estimateHours: z.number().nullable(),
  actualHours: z.number().nullable(),
  assigneeId: id.nullable(),
  assigneeName: z.string().nullable(),
  milestoneId: id.nullable(),
  internalOnly: z.boolean(),
  sortOrder: z.number(),
  responsibilities: responsibilitiesSchema,
  /** Why the task breaks the RACI rule; empty when it does not. */
  violations: z.array(raciViolationSchema),
  version,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Task = z.infer<typeof taskOutput>;

export const dependencyOutput = z.object({
  id,
  predecessorId: id,
  successorId: id,
  type: z.enum(dependencyTypes),
  lag: z.number().int(),
  version,
});
export type Dependency = z.infer<typeof dependencyOutput>;

export const planPersonOutput = z.object({
  userId: id,
  name: z.string(),
  role: z.enum(projectRoles),
});

export const planOutput = z.object({
  phases: z.array(phaseOutput),
  tasks: z.array(taskOutput),
  dependencies: z.array(dependencyOutput),
  /** Project members: who can be assigned, and who holds the IPM and PM roles. */
  people: z.array(planPersonOutput),
  /** Whether the caller may change the plan (any task), and whether only their own tasks. */
  canEditPlan: z.boolean(),
  canEditOwnTasks: z.boolean(),
});
export type Plan = z.infer<typeof planOutput>;

// ---------------------------------------------------------------- phases

export const phaseCreateInput = z.object({
  name: requiredText("Phase name", 120),
  /** Place before this phase; at the end when null. */
  beforePhaseId: id.nullable().default(null),
});
export const phaseUpdateInput = z.object({
  phaseId: id,
  version,
  name: requiredText("Phase name", 120),
});
export const phaseMoveInput = z.object({ phaseId: id, version, beforePhaseId: id.nullable() });
export const phaseDeleteInput = z.object({ phaseId: id, version });

// ---------------------------------------------------------------- tasks

const taskFieldsShape = {
  title: requiredText("Title", 300),
  description: optionalText("Description", 20_000),
  category: z.enum(taskCategories),
  status: z.enum(taskStatuses),
  startDate: date("Start").nullable(),
  dueDate: date("Due").nullable(),
  duration: z
    .number()
    .int("Duration is a whole number of working days")
    .min(1, "Duration is at least 1 working day")
    .max(5000, "Duration is too long")
    .nullable(),
  percentComplete: z.number().int().min(0, "0 to 100").max(100, "0 to 100"),
  estimateHours: hours("Estimate").nullable(),
  actualHours: hours("Actual hours").nullable(),
  assigneeId: id.nullable(),
  milestoneId: id.nullable(),
  internalOnly: z.boolean(),
};

export const taskCreateInput = z.object({
  phaseId: id,
  parentId: id.nullable().default(null),
  title: taskFieldsShape.title,
  description: taskFieldsShape.description.default(""),
  category: taskFieldsShape.category,
  status: taskFieldsShape.status.default("not_started"),
  startDate: taskFieldsShape.startDate.default(null),
  dueDate: taskFieldsShape.dueDate.default(null),
  duration: taskFieldsShape.duration.default(null),
  percentComplete: taskFieldsShape.percentComplete.default(0),
  estimateHours: taskFieldsShape.estimateHours.default(null),
  actualHours: taskFieldsShape.actualHours.default(null),
  assigneeId: taskFieldsShape.assigneeId.default(null),
  internalOnly: taskFieldsShape.internalOnly.default(false),
  /** Letters given now; blanks are filled from the playbook unless `applyPlaybook` is false. */
  responsibilities: responsibilitiesSchema.partial().default({}),
  applyPlaybook: z.boolean().default(true),
  /** Place before this task of the same phase; at the end when null. */
  beforeTaskId: id.nullable().default(null),
});
export type TaskCreateInput = z.input<typeof taskCreateInput>;

/** The fields a contributor may change on a task assigned to them. */
export const contributorTaskFields = [
  "status",
  "percentComplete",
  "actualHours",
  "description",
] as const;

export const taskChanges = z
  .object({ ...taskFieldsShape, responsibilities: responsibilitiesSchema.partial() })
  .partial()
  .refine((c) => Object.keys(c).length > 0, "Nothing to change");
export type TaskChanges = z.infer<typeof taskChanges>;

export const taskUpdateInput = z.object({ taskId: id, version, changes: taskChanges });
export type TaskUpdateInput = z.input<typeof taskUpdateInput>;

export const taskMoveInput = z.object({
  taskId: id,
  version,
  phaseId: id,
  /** Place before this task; at the end of the phase (or of the parent's subtasks) when null. */
  beforeTaskId: id.nullable(),
});

export const taskRef = z.object({ id, version });
const selection = z
  .array(taskRef)
  .min(1, "Select at least one task")
  .max(5000, "Select at most 5,000 tasks at once");

export const bulkChanges = z
  .object({
    status: z.enum(taskStatuses),
    category: z.enum(taskCategories),
    assigneeId: id.nullable(),
    /** Links the selection to a milestone of the project (null unlinks). */
    milestoneId: id.nullable(),
    /** Moves start and due dates by this many working days (negative: earlier). */
    shiftWorkingDays: z.number().int().min(-1000).max(1000),
    responsibilities: responsibilitiesSchema.partial(),
  })
  .partial()
  .refine((c) => Object.keys(c).length > 0, "Nothing to change");

export const taskBulkUpdateInput = z.object({ tasks: selection, changes: bulkChanges });
export const taskVersionsOutput = z.object({ tasks: z.array(taskRef) });

export const taskDeleteInput = z.object({ tasks: selection });
export const taskDeleteOutput = z.object({ batchId: id, count: z.number().int() });
export const taskRestoreInput = z.object({ batchId: id });
export const countOutput = z.object({ count: z.number().int() });

export const suggestInput = z.object({
  /** Which tasks: these ids, or a phase, or (neither) the whole plan. */
  taskIds: z.array(id).max(5000).nullable().default(null),
  phaseId: id.nullable().default(null),
  overwrite: z.boolean().default(false),
});

export const taskHistoryInput = z.object({
  taskId: id,
  limit: z.number().int().min(1).max(200).default(50),
});

// ---------------------------------------------------------------- dependencies

export const dependencyAddInput = z.object({
  predecessorId: id,
  successorId: id,
  type: z.enum(dependencyTypes).default("FS"),
  lag: z
    .number()
    .int()
    .min(-500, "Lag is at least -500 working days")
    .max(500, "Lag is at most 500 working days")
    .default(0),
});
export const dependencyUpdateInput = z.object({
  dependencyId: id,
  version,
  type: z.enum(dependencyTypes),
  lag: z.number().int().min(-500).max(500),
});
export const dependencyRemoveInput = z.object({ dependencyId: id });

// ---------------------------------------------------------------- playbook

export const playbookEntryOutput = z.object({
  category: z.enum(taskCategories),
  responsibilities: responsibilitiesSchema,
  /** False while the organisation uses the default for this category. */
  customised: z.boolean(),
  /** 0 while the default applies. */
  version: z.number().int().min(0),
});
export const playbookOutput = z.array(playbookEntryOutput);

export const playbookUpdateInput = z.object({
  category: z.enum(taskCategories),
  /** The version read (0 when the category was on the default). */
  version: z.number().int().min(0),
  responsibilities: responsibilitiesSchema,
});
export const playbookResetInput = z.object({ category: z.enum(taskCategories) });

// ---------------------------------------------------------------- my work

export const myWorkListInput = z.object({
  /** The viewer's own calendar date: the groups are relative to it. */
  today: date("Today"),
  /** One group only; without it, items run across the groups in their order. */
  group: z.enum(myWorkGroups).optional(),
  /** The `nextCursor` of the page before (opaque). */
  cursor: z.string().max(500, "Cursor is too long").optional(),
  limit: z
    .number()
    .int()
    .min(1, "Limit is at least 1")
    .max(200, "Limit is at most 200")
    .default(50),
});

export const myWorkItemOutput = z.object({
  task: taskOutput,
  projectId: id,
  projectKey: z.string(),
  projectName: z.string(),
  /** Why it is on my list. */
  reasons: z.array(z.enum(myWorkReasons)),
});
export type MyWorkItem = z.infer<typeof myWorkItemOutput>;

const groupCount = z.number().int().min(0);
export const myWorkOutput = z.object({
  /** Every group's size, whatever `group` asked for. */
  counts: z.object({
    overdue: groupCount,
    thisWeek: groupCount,
    later: groupCount,
    noDate: groupCount,
  }),
  items: z.array(myWorkItemOutput),
  /** Pass back as `cursor` for the next page; null after the last. */
  nextCursor: z.string().nullable(),
});

import * as z from "zod";
import { isIsoDate } from "../dates.ts";
import { milestoneStatuses } from "../schedule/milestones.ts";
import { id, optionalText, requiredText, version } from "./common.ts";

const date = (label: string) =>
  z.string().refine(isIsoDate, { message: `${label}: enter a date as YYYY-MM-DD` });
const reason = requiredText("Reason", 1000);

export const scheduledTaskOutput = z.object({
  id,
  earlyStart: z.string(),
  earlyFinish: z.string(),
  lateStart: z.string(),
  lateFinish: z.string(),
  totalFloat: z.number().int(),
  critical: z.boolean(),
  /** The predecessor whose link sets this task's early start (null: nothing drives it). */
  drivenBy: id.nullable(),
});

export const gateCriterionOutput = z.object({
  id,
  item: z.string(),
  ownerId: id.nullable(),
  ownerName: z.string().nullable(),
  evidence: z.string(),
  required: z.boolean(),
  met: z.boolean(),
  version,
});

export const gateSignerOutput = z.object({
  userId: id,
  name: z.string(),
  signedAt: z.string().nullable(),
  comment: z.string(),
});

export const milestoneOutput = z.object({
  id,
  name: z.string(),
  description: z.string(),
  baselineDate: z.string().nullable(),
  /** The forecast in force: set by hand, else the latest early finish of its tasks. */
  forecastDate: z.string().nullable(),
  computedForecast: z.string().nullable(),
  forecastOverride: z.object({ date: z.string(), reason: z.string() }).nullable(),
  actualDate: z.string().nullable(),
  status: z.enum(milestoneStatuses),
  computedStatus: z.enum(milestoneStatuses),
  statusOverride: z.object({ status: z.enum(milestoneStatuses), reason: z.string() }).nullable(),
  /** Working days late against the baseline (negative: early). */
  slip: z.number().int().nullable(),
  isGate: z.boolean(),
  isGoLive: z.boolean(),
  taskIds: z.array(id),
  /** For a late milestone: the chain of tasks that drives its forecast, first task first. */
  drivingChain: z.array(z.object({ taskId: id, title: z.string() })),
  criteria: z.array(gateCriterionOutput),
  signers: z.array(gateSignerOutput),
  decision: z
    .object({
      decision: z.enum(["go", "no_go"]),
      reason: z.string(),
      byName: z.string(),
      at: z.string(),
    })
    .nullable(),
  version,
});
export type Milestone = z.infer<typeof milestoneOutput>;

export const scheduleOutput = z.object({
  /** The project's forecast finish: the last early finish of its tasks. */
  finish: z.string().nullable(),
  tasks: z.array(scheduledTaskOutput),
  milestones: z.array(milestoneOutput),
  holidays: z.array(z.string()),
});
export type ScheduleView = z.infer<typeof scheduleOutput>;

export const milestoneCreateInput = z.object({
  name: requiredText("Name", 200),
  description: optionalText("Description", 5000).default(""),
  baselineDate: date("Baseline date").nullable().default(null),
  isGate: z.boolean().default(false),
  isGoLive: z.boolean().default(false),
});

export const milestoneUpdateInput = z.object({
  milestoneId: id,
  version,
  changes: z
    .object({
      name: requiredText("Name", 200),
      description: optionalText("Description", 5000),
      baselineDate: date("Baseline date").nullable(),
      actualDate: date("Actual date").nullable(),
      forecastOverride: z.object({ date: date("Forecast"), reason }).nullable(),
      statusOverride: z.object({ status: z.enum(milestoneStatuses), reason }).nullable(),
      isGate: z.boolean(),
      isGoLive: z.boolean(),
    })
    .partial()
    .refine((c) => Object.keys(c).length > 0, "Nothing to change"),
  /** Marking a gate achieved with a required criterion unmet needs a PM and a reason. */
  overrideUnmetCriteria: z.object({ reason }).nullable().default(null),
});

export const milestoneDeleteInput = z.object({ milestoneId: id, version });

export const criterionAddInput = z.object({
  milestoneId: id,
  item: requiredText("Criterion", 500),
  ownerId: id.nullable().default(null),
  required: z.boolean().default(true),
});
export const criterionUpdateInput = z.object({
  criterionId: id,
  version,
  changes: z
    .object({
      item: requiredText("Criterion", 500),
      ownerId: id.nullable(),
      evidence: optionalText("Evidence", 5000),
      required: z.boolean(),
      met: z.boolean(),
    })
    .partial()
    .refine((c) => Object.keys(c).length > 0, "Nothing to change"),
});
export const criterionRemoveInput = z.object({ criterionId: id });

export const gateDecisionInput = z.object({
  milestoneId: id,
  version,
  decision: z.enum(["go", "no_go"]),
  reason,
});
export const signerInput = z.object({ milestoneId: id, userId: id });
export const signOffInput = z.object({
  milestoneId: id,
  comment: optionalText("Comment", 2000).default(""),
});

export const baselineCreateInput = z.object({ name: requiredText("Baseline name", 120) });
export const baselineOutput = z.object({
  id,
  name: z.string(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
  tasks: z.number().int(),
  milestones: z.number().int(),
});
export const baselineCompareInput = z.object({ baselineId: id });

const variance = z.number().int().nullable();
export const baselineCompareOutput = z.object({
  baseline: baselineOutput,
  tasks: z.array(
    z.object({
      taskId: id,
      title: z.string(),
      baselineStart: z.string().nullable(),
      baselineDue: z.string().nullable(),
      currentStart: z.string().nullable(),
      currentDue: z.string().nullable(),
      /** Working days the due date moved (positive: later). */
      dueVariance: variance,
      startVariance: variance,
    }),
  ),
  milestones: z.array(
    z.object({
      milestoneId: id,
      name: z.string(),
      baselineDate: z.string().nullable(),
      currentDate: z.string().nullable(),
      variance,
    }),
  ),
  added: z.array(z.object({ taskId: id, title: z.string() })),
  removed: z.array(z.object({ taskId: id, title: z.string() })),
});

export const reschedulePreviewInput = z.object({
  taskId: id,
  startDate: date("Start").nullable().optional(),
  dueDate: date("Due").nullable().optional(),
  duration: z.number().int().min(1).max(5000).nullable().optional(),
});
export const reschedulePreviewOutput = z.object({
  tasks: z.array(
    z.object({
      taskId: id,
      title: z.string(),
      from: z.string(),
      to: z.string(),
      days: z.number().int(),
    }),
  ),
  milestones: z.array(
    z.object({
      milestoneId: id,
      name: z.string(),
      from: z.string().nullable(),
      to: z.string().nullable(),
      days: z.number().int(),
    }),
  ),
  finish: z.object({ from: z.string().nullable(), to: z.string().nullable() }),
});

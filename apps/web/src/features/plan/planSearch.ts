import { taskCategories, taskStatuses } from "@rollout/domain";
import * as z from "zod";

/**
 * The plan's filters and the open task live in the URL, so a filtered view (or one task's
 * drawer) can be bookmarked, shared and reopened with the back button.
 */
export const planSearch = z.object({
  q: z.string().max(200).default("").catch(""),
  status: z.enum(taskStatuses).optional().catch(undefined),
  category: z.enum(taskCategories).optional().catch(undefined),
  /** A member's user id, or "none" for unassigned tasks. */
  assignee: z.string().max(64).optional().catch(undefined),
  overdue: z.boolean().default(false).catch(false),
  violations: z.boolean().default(false).catch(false),
  /** The task whose detail drawer is open. */
  task: z.string().max(64).optional().catch(undefined),
});

export type PlanSearch = z.infer<typeof planSearch>;

/** Left out of the URL when they hold these values. */
export const planSearchDefaults = {
  q: "",
  overdue: false,
  violations: false,
} as const satisfies Partial<PlanSearch>;

/** The matrix: only the violation filter and the text search. */
export const matrixSearch = z.object({
  q: z.string().max(200).default("").catch(""),
  violations: z.boolean().default(false).catch(false),
});
export type MatrixSearch = z.infer<typeof matrixSearch>;
export const matrixSearchDefaults = { q: "", violations: false } as const;

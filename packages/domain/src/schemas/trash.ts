import * as z from "zod";
import { id } from "./common.ts";

/** How long a deleted thing stays in its project's trash before it is purged for good. */
export const TRASH_DAYS = 30;

/** What can be brought back from the trash (a task batch holds a phase or tasks deleted together). */
export const trashKinds = [
  "task_batch",
  "milestone",
  "raid_item",
  "stakeholder",
  "comm_item",
  "status_report",
  "lesson",
] as const;
export type TrashKind = (typeof trashKinds)[number];

export const trashKindLabels: Record<TrashKind, string> = {
  task_batch: "Tasks",
  milestone: "Milestone",
  raid_item: "RAID item",
  stakeholder: "Stakeholder",
  comm_item: "Communication",
  status_report: "Status report",
  lesson: "Lesson",
};

export const trashItemOutput = z.object({
  kind: z.enum(trashKinds),
  id: z.string(),
  /** What it was: a title, a name, "Phase Build and 12 tasks". */
  label: z.string(),
  deletedAt: z.string(),
  deletedBy: z.string().nullable(),
  /** The day it is purged for good. */
  purgeOn: z.string(),
});
export type TrashItem = z.infer<typeof trashItemOutput>;

export const trashRestoreInput = z.object({
  projectId: id,
  kind: z.enum(trashKinds),
  id,
});

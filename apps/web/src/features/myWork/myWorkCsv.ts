import {
  type myCommOutput,
  type myWorkItemOutput,
  taskCategoryLabels,
  taskStatusLabels,
  toCsv,
} from "@rollout/domain";
import type * as z from "zod";
import { groupItems, groupLabels, groupOrder, reasonLabels } from "./myWorkGroups.ts";

type MyWorkItem = z.infer<typeof myWorkItemOutput>;
type MyComm = z.infer<typeof myCommOutput>;

/** My open tasks as the list shows them: group by group (overdue first), each by due date. */
export function myWorkTasksCsv(items: readonly MyWorkItem[], today: string): string {
  const groups = groupItems(items, today);
  return toCsv([
    [
      "Group",
      "Project",
      "Project name",
      "Task",
      "Category",
      "Status",
      "Start",
      "Due",
      "Why it is yours",
    ],
    ...groupOrder.flatMap((g) =>
      groups[g].map((item) => [
        groupLabels[g],
        item.projectKey,
        item.projectName,
        item.task.title,
        taskCategoryLabels[item.task.category],
        taskStatusLabels[item.task.status],
        item.task.startDate,
        item.task.dueDate,
        item.reasons.map((r) => reasonLabels[r]).join("; "),
      ]),
    ),
  ]);
}

/** The communications due as listed: overdue or due today, on projects where I own them. */
export function myWorkCommunicationsCsv(comms: readonly MyComm[]): string {
  return toCsv([
    ["Project", "Project name", "Purpose", "Channel", "Due", "State"],
    ...comms.map((c) => [
      c.projectKey,
      c.projectName,
      c.purpose,
      c.channel,
      c.nextDue,
      c.overdue ? "Overdue" : "Due today",
    ]),
  ]);
}

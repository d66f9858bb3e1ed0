import { taskCategoryLabels, taskStatusLabels, toCsv } from "@rollout/domain";
import { type PlanIndex, phaseTasks } from "./planModel.ts";
import { raciText } from "./raci.tsx";

/** The whole plan as CSV, in plan order (subtasks under their parent), one row per task. */
export function planCsv(index: PlanIndex): string {
  const rows: Array<Array<string | number | null>> = [
    [
      "Phase",
      "Task",
      "Subtask of",
      "Category",
      "Status",
      "Start",
      "Due",
      "Duration (working days)",
      "% complete",
      "Estimate (h)",
      "Actual (h)",
      "Assignee",
      "IPM",
      "PM",
      "Customer",
      "Vendor",
      "Internal only",
    ],
  ];
  for (const phase of index.phases) {
    for (const t of phaseTasks(index, phase.id)) {
      rows.push([
        phase.name,
        t.title,
        t.parentId ? (index.byId.get(t.parentId)?.title ?? "") : "",
        taskCategoryLabels[t.category],
        taskStatusLabels[t.status],
        t.startDate,
        t.dueDate,
        t.duration,
        t.percentComplete,
        t.estimateHours,
        t.actualHours,
        t.assigneeName ?? "",
        raciText(t.responsibilities.ipm),
        raciText(t.responsibilities.pm),
        raciText(t.responsibilities.customer),
        raciText(t.responsibilities.vendor),
        t.internalOnly ? "yes" : "no",
      ]);
    }
  }
  return toCsv(rows);
}

import { groupOf, type MyWorkGroup, type MyWorkReason, myWorkGroups } from "@rollout/domain";

// The groups and their dates are the domain's (the server counts and pages by the same rules).
export {
  endOfWeek,
  groupOf,
  type MyWorkGroup,
  type MyWorkReason,
} from "@rollout/domain";

export const groupLabels: Record<MyWorkGroup, string> = {
  overdue: "Overdue",
  thisWeek: "This week",
  later: "Later",
  noDate: "No due date",
};

export const reasonLabels: Record<MyWorkReason, string> = {
  assignee: "Assigned to you",
  responsible: "You are R",
  accountable: "You are A",
};

export const groupOrder: readonly MyWorkGroup[] = myWorkGroups;

/** Items split into the four groups, each sorted by due date (then as given). */
export function groupItems<T extends { task: { dueDate: string | null } }>(
  items: readonly T[],
  today: string,
): Record<MyWorkGroup, T[]> {
  const out: Record<MyWorkGroup, T[]> = { overdue: [], thisWeek: [], later: [], noDate: [] };
  for (const item of items) out[groupOf(item.task.dueDate, today)].push(item);
  for (const g of groupOrder) {
    out[g].sort((a, b) => (a.task.dueDate ?? "").localeCompare(b.task.dueDate ?? ""));
  }
  return out;
}

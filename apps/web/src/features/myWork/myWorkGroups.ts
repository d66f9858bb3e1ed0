export type MyWorkGroup = "overdue" | "thisWeek" | "later" | "noDate";

export const groupLabels: Record<MyWorkGroup, string> = {
  overdue: "Overdue",
  thisWeek: "This week",
  later: "Later",
  noDate: "No due date",
};

/** Why a task is on my list, as the list and its CSV say it. */
export type MyWorkReason = "assignee" | "responsible" | "accountable";

export const reasonLabels: Record<MyWorkReason, string> = {
  assignee: "Assigned to you",
  responsible: "You are R",
  accountable: "You are A",
};

export const groupOrder: MyWorkGroup[] = ["overdue", "thisWeek", "later", "noDate"];

/**
 * The last day of "this week": the coming seven days, today included. A calendar week would
 * leave a Sunday's list with only today in it, and Friday's with the weekend.
 */
export function endOfWeek(today: string): string {
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 6);
  return d.toISOString().slice(0, 10);
}

export function groupOf(dueDate: string | null, today: string): MyWorkGroup {
  if (!dueDate) return "noDate";
  if (dueDate < today) return "overdue";
  if (dueDate <= endOfWeek(today)) return "thisWeek";
  return "later";
}

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

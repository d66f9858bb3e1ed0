/**
 * My work's groups, one definition for the server (which counts and pages them in SQL) and the
 * web (which draws and exports them). All dates are calendar dates, `YYYY-MM-DD`, and `today`
 * is the viewer's own date: the server never guesses a time zone.
 */

/** In the order the list shows them; the server pages across them in this order too. */
export const myWorkGroups = ["overdue", "thisWeek", "later", "noDate"] as const;
export type MyWorkGroup = (typeof myWorkGroups)[number];

/** Why a task is on my list. */
export const myWorkReasons = ["assignee", "responsible", "accountable"] as const;
export type MyWorkReason = (typeof myWorkReasons)[number];

/**
 * The last day of "this week": the coming seven days, today included. A calendar week would
 * leave a Sunday's list with only today in it, and Friday's with the weekend.
 */
export function endOfWeek(today: string): string {
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 6);
  return d.toISOString().slice(0, 10);
}

/** overdue: due before today; thisWeek: today to endOfWeek; later: after it; noDate: none. */
export function groupOf(dueDate: string | null, today: string): MyWorkGroup {
  if (!dueDate) return "noDate";
  if (dueDate < today) return "overdue";
  if (dueDate <= endOfWeek(today)) return "thisWeek";
  return "later";
}

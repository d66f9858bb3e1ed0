/** The bell's badge: the count, "9+" once there are more than nine. */
export function unreadLabel(count: number): string {
  return count > 9 ? "9+" : String(count);
}

/** What the bell button says to a screen reader (the exact count, never "9+"). */
export function bellLabel(count: number): string {
  return `Notifications, ${count} unread`;
}

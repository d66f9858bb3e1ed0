/** What a comment can be written on. */
export const commentTargets = ["task", "milestone", "raid_item", "pir"] as const;
export type CommentTarget = (typeof commentTargets)[number];

/** A comment can be edited by its author for this long after it was written. */
export const COMMENT_EDIT_MINUTES = 15;

/** The kinds of in-app notification; each person chooses which they receive. */
export const notificationKinds = [
  "mention",
  "assignment",
  "responsibility",
  "signoff_request",
  "due_tomorrow",
  "overdue",
  "gate_decision",
] as const;
export type NotificationKind = (typeof notificationKinds)[number];
export const notificationKindLabels: Record<NotificationKind, string> = {
  mention: "Someone mentions me",
  assignment: "A task is assigned to me",
  responsibility: "My responsibility on a task changes",
  signoff_request: "My sign-off is requested",
  due_tomorrow: "My task is due tomorrow",
  overdue: "My task is overdue",
  gate_decision: "A gate awaits my decision",
};

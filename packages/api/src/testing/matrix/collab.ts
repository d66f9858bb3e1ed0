/** Authorization matrix rows for comments, notifications and the activity feed. */
import { comment, newId, nowIso } from "@rollout/db";
import type { MatrixRole, World } from "../fixtures.ts";
import type { Row } from "../matrix.ts";

const onProject = ["stakeholder", "contributor", "pm", "ipm", "orgAdmin", "orgOwner"] as const;
const projectTeam = ["contributor", "pm", "ipm", "orgAdmin", "orgOwner"] as const;
const signedIn = [
  "otherOrg",
  "orgMember",
  "stakeholder",
  "contributor",
  "pm",
  "ipm",
  "orgAdmin",
  "orgOwner",
] as const;

const onGate = (w: World) => ({
  projectId: w.projectId,
  targetType: "milestone" as const,
  targetId: w.gate.milestoneId,
});

/** A comment on the gate written by the caller (or, for those outside, by the PM). */
function ownComment(w: World, role: MatrixRole) {
  const author =
    role === "anonymous" || role === "otherOrg" || role === "orgMember"
      ? w.people.pm
      : w.people[role];
  const id = newId();
  const now = nowIso();
  w.db
    .insert(comment)
    .values({
      id,
      projectId: w.projectId,
      targetType: "milestone",
      targetId: w.gate.milestoneId,
      authorId: author.userId,
      body: "Mine to change",
      mentions: [],
      createdAt: now,
      updatedAt: now,
    })
    .run();
  return id;
}

export const collabMatrix: Record<string, Row> = {
  "comment.list": { allow: onProject, target: "orgA", call: (c, w) => c.comment.list(onGate(w)) },
  "comment.counts": {
    allow: onProject,
    target: "orgA",
    call: (c, w) => c.comment.counts({ projectId: w.projectId, targetType: "task" }),
  },
  "comment.mentionable": {
    allow: onProject,
    target: "orgA",
    call: (c, w) => c.comment.mentionable(onGate(w)),
  },
  "comment.create": {
    allow: onProject,
    target: "orgA",
    call: (c, w) => c.comment.create({ ...onGate(w), body: "Criteria look complete." }),
  },
  "comment.update": {
    allow: onProject,
    target: "orgA",
    call: (c, w, role) =>
      c.comment.update({
        projectId: w.projectId,
        commentId: ownComment(w, role),
        version: 1,
        body: "Changed my mind",
      }),
  },
  "comment.delete": {
    allow: onProject,
    target: "orgA",
    call: (c, w, role) =>
      c.comment.delete({ projectId: w.projectId, commentId: ownComment(w, role), version: 1 }),
  },
  "notification.list": { allow: signedIn, target: "own", call: (c) => c.notification.list({}) },
  "notification.unreadCount": {
    allow: signedIn,
    target: "own",
    call: (c) => c.notification.unreadCount(),
  },
  "notification.markRead": {
    allow: signedIn,
    target: "own",
    call: (c, w) => c.notification.markRead({ ids: [w.collab.notificationId] }),
  },
  "notification.markAllRead": {
    allow: signedIn,
    target: "own",
    call: (c) => c.notification.markAllRead(),
  },
  "notification.prefs": { allow: signedIn, target: "own", call: (c) => c.notification.prefs() },
  "notification.setPrefs": {
    allow: signedIn,
    target: "own",
    call: (c) => c.notification.setPrefs({ enabled: ["mention", "assignment"] }),
  },
  "activity.list": {
    allow: projectTeam,
    target: "orgA",
    call: (c, w) => c.activity.list({ projectId: w.projectId }),
  },
};

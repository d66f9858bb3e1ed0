import * as z from "zod";
import { commentTargets, notificationKinds } from "../collab/enums.ts";
import { id, version } from "./common.ts";

/** The longest comment accepted (Markdown source). */
export const MAX_COMMENT_CHARS = 10_000;

const body = z
  .string()
  .trim()
  .min(1, "Write something first")
  .max(
    MAX_COMMENT_CHARS,
    `A comment is at most ${MAX_COMMENT_CHARS.toLocaleString("en")} characters`,
  );

export const commentTarget = z.object({
  projectId: id,
  targetType: z.enum(commentTargets),
  targetId: id,
});

export const commentListInput = commentTarget;
export const commentCreateInput = commentTarget.extend({ body });
export const commentUpdateInput = z.object({ projectId: id, commentId: id, version, body });
export const commentDeleteInput = z.object({ projectId: id, commentId: id, version });

export const commentOutput = z.object({
  id: z.string(),
  targetType: z.enum(commentTargets),
  targetId: z.string(),
  authorId: z.string().nullable(),
  authorName: z.string().nullable(),
  body: z.string(),
  mentions: z.array(z.object({ userId: z.string(), name: z.string() })),
  createdAt: z.string(),
  editedAt: z.string().nullable(),
  version: z.number(),
  /** Whether the caller may still edit it (their own, within the edit window). */
  canEdit: z.boolean(),
  canDelete: z.boolean(),
});
export type Comment = z.infer<typeof commentOutput>;

/** People a comment on this target may mention: those who can see it. */
export const mentionableOutput = z.array(
  z.object({ userId: z.string(), name: z.string(), email: z.string(), role: z.string() }),
);

export const commentCountsInput = z.object({
  projectId: id,
  targetType: z.enum(commentTargets),
});
export const commentCountsOutput = z.record(z.string(), z.number());

export const notificationListInput = z.object({
  unreadOnly: z.boolean().default(false),
  /** The `createdAt|id` of the last notification already shown. */
  cursor: z.string().max(200).nullable().default(null),
  limit: z.number().int().min(1).max(100).default(30),
});

export const notificationOutput = z.object({
  id: z.string(),
  kind: z.enum(notificationKinds),
  message: z.string(),
  projectId: z.string().nullable(),
  projectKey: z.string().nullable(),
  targetType: z.string(),
  targetId: z.string(),
  actorName: z.string().nullable(),
  readAt: z.string().nullable(),
  createdAt: z.string(),
});
export type Notification = z.infer<typeof notificationOutput>;

export const notificationListOutput = z.object({
  items: z.array(notificationOutput),
  nextCursor: z.string().nullable(),
  unread: z.number(),
});

export const notificationMarkInput = z.object({
  ids: z.array(id).min(1, "Choose at least one notification").max(500, "At most 500 at once"),
});

export const notificationPrefsOutput = z.object({
  kinds: z.array(z.object({ kind: z.enum(notificationKinds), enabled: z.boolean() })),
});
export const notificationPrefsInput = z.object({
  /** The kinds to receive; every other kind is turned off. */
  enabled: z.array(z.enum(notificationKinds)).max(notificationKinds.length),
});

export const activityInput = z.object({
  projectId: id,
  /** One thing's history only (a task, a milestone, …). */
  entity: z
    .object({
      type: z
        .string()
        .min(1)
        .max(40)
        .regex(/^[a-z_]+$/),
      id,
    })
    .nullable()
    .default(null),
  cursor: z.string().max(200).nullable().default(null),
  limit: z.number().int().min(1).max(100).default(50),
});

const activityPart = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("text"), text: z.string() }),
  z.object({ kind: z.literal("actor"), text: z.string() }),
  z.object({
    kind: z.literal("entity"),
    text: z.string(),
    entityType: z.string(),
    entityId: z.string(),
  }),
  z.object({ kind: z.literal("date"), date: z.string().nullable() }),
]);

export const activityOutput = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      at: z.string(),
      actorId: z.string().nullable(),
      parts: z.array(activityPart),
    }),
  ),
  nextCursor: z.string().nullable(),
});
export type ActivityFeed = z.infer<typeof activityOutput>;

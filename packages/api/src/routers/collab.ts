import {
  activityInput,
  activityOutput,
  commentCountsInput,
  commentCountsOutput,
  commentCreateInput,
  commentDeleteInput,
  commentListInput,
  commentOutput,
  commentUpdateInput,
  mentionableOutput,
  noInput,
  notificationListInput,
  notificationListOutput,
  notificationMarkInput,
  notificationPrefsInput,
  notificationPrefsOutput,
  ok,
} from "@rollout/domain";
import * as z from "zod";
import { acting } from "../audit.ts";
import { activityFeed } from "../services/collab/activity.ts";
import {
  commentCounts,
  createComment,
  deleteComment,
  listComments,
  mentionableFor,
  updateComment,
} from "../services/collab/comments.ts";
import {
  listNotifications,
  markRead,
  notificationPrefs,
  setNotificationPrefs,
  unreadCount,
} from "../services/collab/notifications.ts";
import { orgProcedure, projectProcedure, router } from "../trpc.ts";

const done = { ok: true as const };

export const commentRouter = router({
  list: projectProcedure("comment.read")
    .input(commentListInput)
    .output(z.array(commentOutput))
    .query(({ ctx, input }) =>
      listComments(ctx.db, ctx.project.id, ctx.projectRole, ctx.actor, input),
    ),
  counts: projectProcedure("comment.read")
    .input(commentCountsInput)
    .output(commentCountsOutput)
    .query(({ ctx, input }) =>
      commentCounts(ctx.db, ctx.project.id, ctx.projectRole, input.targetType),
    ),
  /** Who a comment on this target may mention: the people who can see it. */
  mentionable: projectProcedure("comment.read")
    .input(commentListInput)
    .output(mentionableOutput)
    .query(({ ctx, input }) =>
      mentionableFor(ctx.db, ctx.org.id, ctx.project.id, ctx.projectRole, input),
    ),
  create: projectProcedure("comment.write")
    .input(commentCreateInput)
    .output(commentOutput)
    .mutation(({ ctx, input }) =>
      createComment(ctx.db, acting(ctx), ctx.project.id, ctx.projectRole, input),
    ),
  update: projectProcedure("comment.write")
    .input(commentUpdateInput)
    .output(commentOutput)
    .mutation(({ ctx, input }) =>
      updateComment(ctx.db, acting(ctx), ctx.project.id, ctx.projectRole, input),
    ),
  delete: projectProcedure("comment.write")
    .input(commentDeleteInput)
    .output(ok)
    .mutation(({ ctx, input }) => {
      deleteComment(ctx.db, acting(ctx), ctx.project.id, ctx.projectRole, input);
      return done;
    }),
});

export const notificationRouter = router({
  list: orgProcedure("notification.read")
    .input(notificationListInput)
    .output(notificationListOutput)
    .query(({ ctx, input }) => listNotifications(ctx.db, ctx.org.id, ctx.actor.userId, input)),
  unreadCount: orgProcedure("notification.read")
    .input(noInput)
    .output(z.object({ unread: z.number() }))
    .query(({ ctx }) => ({ unread: unreadCount(ctx.db, ctx.org.id, ctx.actor.userId) })),
  markRead: orgProcedure("notification.manage")
    .input(notificationMarkInput)
    .output(z.object({ marked: z.number() }))
    .mutation(({ ctx, input }) => ({ marked: markRead(ctx.db, acting(ctx), input.ids) })),
  markAllRead: orgProcedure("notification.manage")
    .input(noInput)
    .output(z.object({ marked: z.number() }))
    .mutation(({ ctx }) => ({ marked: markRead(ctx.db, acting(ctx), null) })),
  prefs: orgProcedure("notification.read")
    .input(noInput)
    .output(notificationPrefsOutput)
    .query(({ ctx }) => notificationPrefs(ctx.db, ctx.actor.userId)),
  setPrefs: orgProcedure("notification.manage")
    .input(notificationPrefsInput)
    .output(notificationPrefsOutput)
    .mutation(({ ctx, input }) => setNotificationPrefs(ctx.db, acting(ctx), input.enabled)),
});

export const activityRouter = router({
  /** The project's activity in sentences, or one thing's (with the comments on it). */
  list: projectProcedure("activity.read")
    .input(activityInput)
    .output(activityOutput)
    .query(({ ctx, input }) => activityFeed(ctx.db, ctx.project.id, input)),
});

import { commentTargets, notificationKinds } from "@rollout/domain";
import { index, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { user } from "./auth.ts";
import { timestamps, version } from "./columns.ts";
import { organization } from "./orgs.ts";
import { project } from "./projects.ts";

/**
 * A comment on a task, milestone, RAID item or review. The body is Markdown, rendered safely
 * (no raw HTML, http(s) links only); `mentions` are the project members it names.
 */
export const comment = sqliteTable(
  "comment",
  {
    id: text().primaryKey(),
    projectId: text()
      .notNull()
      .references(() => project.id, { onDelete: "cascade" }),
    targetType: text({ enum: commentTargets }).notNull(),
    targetId: text().notNull(),
    authorId: text().references(() => user.id, { onDelete: "set null" }),
    body: text().notNull(),
    mentions: text({ mode: "json" }).$type<string[]>().notNull(),
    editedAt: text(),
    version: version(),
    ...timestamps,
    deletedAt: text(),
  },
  (t) => [
    index("comment_target_idx").on(t.targetType, t.targetId, t.createdAt),
    index("comment_project_idx").on(t.projectId, t.createdAt),
  ],
);

/**
 * An in-app notification for one person. `dedupeKey` stops the same reminder twice (a task
 * due tomorrow is announced once per day it is due).
 */
export const notification = sqliteTable(
  "notification",
  {
    id: text().primaryKey(),
    organizationId: text()
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    projectId: text().references(() => project.id, { onDelete: "cascade" }),
    userId: text()
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    kind: text({ enum: notificationKinds }).notNull(),
    /** A plain sentence: "Dana mentioned you on Cut-over rehearsal". */
    message: text().notNull(),
    targetType: text().notNull(),
    targetId: text().notNull(),
    actorId: text().references(() => user.id, { onDelete: "set null" }),
    dedupeKey: text(),
    readAt: text(),
    createdAt: text().notNull(),
  },
  (t) => [
    index("notification_user_idx").on(t.userId, t.organizationId, t.createdAt),
    uniqueIndex("notification_dedupe_unique").on(t.userId, t.dedupeKey),
  ],
);

/** A kind of notification someone turned off (every kind is on until turned off). */
export const notificationMute = sqliteTable(
  "notification_mute",
  {
    userId: text()
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    kind: text({ enum: notificationKinds }).notNull(),
    createdAt: text().notNull(),
  },
  (t) => [primaryKey({ name: "notification_mute_pk", columns: [t.userId, t.kind] })],
);

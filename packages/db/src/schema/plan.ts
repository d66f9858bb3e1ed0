import { dependencyTypes, raciValues, taskCategories, taskStatuses } from "@rollout/domain";
import { sql } from "drizzle-orm";
import {
  type AnySQLiteColumn,
  check,
  index,
  integer,
  primaryKey,
  real,
  sqliteTable,
  text,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";
import { user } from "./auth.ts";
import { timestamps, version } from "./columns.ts";
import { organization } from "./orgs.ts";
import { project } from "./projects.ts";

/** Soft delete: a batch id groups what one action deleted, so one undo restores it whole. */
const softDelete = {
  deletedAt: text(),
  deletedBatch: text(),
};

export const phase = sqliteTable(
  "phase",
  {
    id: text().primaryKey(),
    projectId: text()
      .notNull()
      .references(() => project.id, { onDelete: "cascade" }),
    name: text().notNull(),
    sortOrder: real().notNull(),
    version: version(),
    ...timestamps,
    ...softDelete,
  },
  (t) => [index("phase_project_idx").on(t.projectId, t.deletedAt, t.sortOrder)],
);

const raci = () => text({ enum: raciValues });

export const task = sqliteTable(
  "task",
  {
    id: text().primaryKey(),
    projectId: text()
      .notNull()
      .references(() => project.id, { onDelete: "cascade" }),
    phaseId: text()
      .notNull()
      .references(() => phase.id, { onDelete: "cascade" }),
    /** Subtasks are one level deep: a task with a parent has no children. */
    parentId: text().references((): AnySQLiteColumn => task.id, { onDelete: "cascade" }),
    title: text().notNull(),
    description: text().notNull().default(""),
    category: text({ enum: taskCategories }).notNull(),
    status: text({ enum: taskStatuses }).notNull().default("not_started"),
    startDate: text(),
    dueDate: text(),
    /** Working days, start and due both counted. */
    duration: integer(),
    percentComplete: integer().notNull().default(0),
    estimateHours: real(),
    actualHours: real(),
    assigneeId: text().references(() => user.id, { onDelete: "set null" }),
    /** Milestones arrive with the schedule; the link is kept here already. */
    milestoneId: text(),
    internalOnly: integer({ mode: "boolean" }).notNull().default(false),
    sortOrder: real().notNull(),
    // One RACI value per party, on the task row: read with it, versioned with it.
    raciIpm: raci(),
    raciPm: raci(),
    raciCustomer: raci(),
    raciVendor: raci(),
    version: version(),
    ...timestamps,
    ...softDelete,
  },
  (t) => [
    index("task_project_idx").on(t.projectId, t.deletedAt, t.phaseId, t.sortOrder),
    index("task_parent_idx").on(t.parentId),
    // Also by due date: the bell's reminders read only a person's tasks due in a fortnight.
    index("task_assignee_idx").on(t.assigneeId, t.deletedAt, t.dueDate),
    index("task_batch_idx").on(t.projectId, t.deletedBatch),
    // My work (services/plan/myWork.ts) reads only this index: per project, the live tasks
    // (assigned to me: one seek), with what decides their group, visibility and order.
    index("task_my_work_idx").on(
      t.projectId,
      t.deletedAt,
      t.assigneeId,
      t.dueDate,
      t.status,
      t.raciIpm,
      t.raciPm,
      t.internalOnly,
      t.id,
    ),
    check("task_percent_range", sql`${t.percentComplete} BETWEEN 0 AND 100`),
    check("task_duration_positive", sql`${t.duration} IS NULL OR ${t.duration} >= 1`),
    check(
      "task_dates_ordered",
      sql`${t.startDate} IS NULL OR ${t.dueDate} IS NULL OR ${t.startDate} <= ${t.dueDate}`,
    ),
  ],
);

export const dependency = sqliteTable(
  "dependency",
  {
    id: text().primaryKey(),
    projectId: text()
      .notNull()
      .references(() => project.id, { onDelete: "cascade" }),
    predecessorId: text()
      .notNull()
      .references(() => task.id, { onDelete: "cascade" }),
    successorId: text()
      .notNull()
      .references(() => task.id, { onDelete: "cascade" }),
    type: text({ enum: dependencyTypes }).notNull().default("FS"),
    /** Working days; negative is a lead. */
    lag: integer().notNull().default(0),
    version: version(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("dependency_pair_unique").on(t.predecessorId, t.successorId),
    index("dependency_project_idx").on(t.projectId),
    index("dependency_successor_idx").on(t.successorId),
    check("dependency_not_self", sql`${t.predecessorId} <> ${t.successorId}`),
  ],
);

/** An organisation's own playbook entry for a category; absent means the default applies. */
export const playbookEntry = sqliteTable(
  "playbook_entry",
  {
    organizationId: text()
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    category: text({ enum: taskCategories }).notNull(),
    raciIpm: raci(),
    raciPm: raci(),
    raciCustomer: raci(),
    raciVendor: raci(),
    version: version(),
    ...timestamps,
  },
  (t) => [primaryKey({ name: "playbook_entry_pk", columns: [t.organizationId, t.category] })],
);

import { projectKinds, projectRoles, projectStages, projectStatuses, rags } from "@rollout/domain";
import { sql } from "drizzle-orm";
import {
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

export const project = sqliteTable(
  "project",
  {
    id: text().primaryKey(),
    organizationId: text()
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    key: text().notNull(),
    name: text().notNull(),
    customer: text().notNull().default(""),
    kind: text({ enum: projectKinds }).notNull(),
    stage: text({ enum: projectStages }).notNull(),
    status: text({ enum: projectStatuses }).notNull(),
    startDate: text().notNull(),
    targetGoLive: text().notNull(),
    actualGoLive: text(),
    /** Money in whole minor units of `currency`. */
    plannedBudget: integer().notNull().default(0),
    actualCost: integer().notNull().default(0),
    currency: text().notNull().default("EUR"),
    objectives: text().notNull().default(""),
    healthOverrideRag: text({ enum: rags }),
    healthOverrideReason: text(),
    healthOverrideBy: text().references(() => user.id, { onDelete: "set null" }),
    healthOverrideAt: text(),
    /** The last day the override applies; after it the computed health shows again. */
    healthOverrideExpiresOn: text(),
    archivedAt: text(),
    version: version(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("project_org_key_unique").on(t.organizationId, t.key),
    index("project_org_idx").on(t.organizationId, t.archivedAt),
    check("project_budget_nonnegative", sql`${t.plannedBudget} >= 0 AND ${t.actualCost} >= 0`),
  ],
);

export const projectMember = sqliteTable(
  "project_member",
  {
    id: text().primaryKey(),
    projectId: text()
      .notNull()
      .references(() => project.id, { onDelete: "cascade" }),
    userId: text()
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    role: text({ enum: projectRoles }).notNull(),
    version: version(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("project_member_project_user_unique").on(t.projectId, t.userId),
    index("project_member_user_idx").on(t.userId),
  ],
);

/**
 * Percent complete as it stood on a day (recorded when the project's figures are read, and
 * when a status report is published), so progress can be drawn over time against the plan.
 */
export const progressSnapshot = sqliteTable(
  "progress_snapshot",
  {
    projectId: text()
      .notNull()
      .references(() => project.id, { onDelete: "cascade" }),
    date: text().notNull(),
    actual: real().notNull(),
    planned: real().notNull(),
  },
  (t) => [primaryKey({ name: "progress_snapshot_pk", columns: [t.projectId, t.date] })],
);

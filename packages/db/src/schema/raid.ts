import {
  commFrequencies,
  commOwnerRoles,
  engagementLevels,
  issueSeverities,
  quadrants,
  raidKinds,
  raidStatuses,
  riskPolarities,
  riskResponses,
  stakeholderSides,
} from "@rollout/domain";
import { sql } from "drizzle-orm";
import {
  type AnySQLiteColumn,
  check,
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";
import { user } from "./auth.ts";
import { createdAt, timestamps, version } from "./columns.ts";
import { task } from "./plan.ts";
import { project } from "./projects.ts";
import { milestone } from "./schedule.ts";

const ratingCheck = (name: string, column: AnySQLiteColumn) =>
  check(name, sql`${column} IS NULL OR ${column} BETWEEN 1 AND 5`);

/** People who matter to a project, inside the company or out, with their power and interest. */
export const stakeholder = sqliteTable(
  "stakeholder",
  {
    id: text().primaryKey(),
    projectId: text()
      .notNull()
      .references(() => project.id, { onDelete: "cascade" }),
    name: text().notNull(),
    title: text().notNull().default(""),
    side: text({ enum: stakeholderSides }).notNull(),
    email: text(),
    power: integer().notNull(),
    interest: integer().notNull(),
    engagementCurrent: text({ enum: engagementLevels }).notNull(),
    engagementDesired: text({ enum: engagementLevels }).notNull(),
    notes: text().notNull().default(""),
    /** The person who signs in as this stakeholder, if any. */
    userId: text().references(() => user.id, { onDelete: "set null" }),
    version: version(),
    ...timestamps,
    deletedAt: text(),
  },
  (t) => [
    index("stakeholder_project_idx").on(t.projectId, t.deletedAt),
    index("stakeholder_user_idx").on(t.userId),
    ratingCheck("stakeholder_power_range", t.power),
    ratingCheck("stakeholder_interest_range", t.interest),
  ],
);

/**
 * One entry of the RAID log. Scores are never stored: they are P × I, computed on read. The
 * reference number counts per kind within a project and is never reused.
 */
export const raidItem = sqliteTable(
  "raid_item",
  {
    id: text().primaryKey(),
    projectId: text()
      .notNull()
      .references(() => project.id, { onDelete: "cascade" }),
    kind: text({ enum: raidKinds }).notNull(),
    number: integer().notNull(),
    title: text().notNull(),
    description: text().notNull().default(""),
    status: text({ enum: raidStatuses }).notNull(),
    ownerUserId: text().references(() => user.id, { onDelete: "set null" }),
    ownerStakeholderId: text().references(() => stakeholder.id, { onDelete: "set null" }),
    /** Review date (risks, assumptions) or due date (issues, dependencies, decisions). */
    dueDate: text(),
    probability: integer(),
    impact: integer(),
    residualProbability: integer(),
    residualImpact: integer(),
    polarity: text({ enum: riskPolarities }).notNull().default("threat"),
    response: text({ enum: riskResponses }),
    mitigation: text().notNull().default(""),
    contingency: text().notNull().default(""),
    trigger: text().notNull().default(""),
    severity: text({ enum: issueSeverities }),
    internalOnly: integer({ mode: "boolean" }).notNull().default(false),
    /** An issue raised because this risk occurred / the risk this issue came from. */
    convertedToId: text().references((): AnySQLiteColumn => raidItem.id, { onDelete: "set null" }),
    convertedFromId: text().references((): AnySQLiteColumn => raidItem.id, {
      onDelete: "set null",
    }),
    version: version(),
    ...timestamps,
    deletedAt: text(),
  },
  (t) => [
    index("raid_item_project_idx").on(t.projectId, t.deletedAt, t.kind),
    uniqueIndex("raid_item_number_unique").on(t.projectId, t.kind, t.number),
    index("raid_item_owner_user_idx").on(t.ownerUserId),
    index("raid_item_owner_stakeholder_idx").on(t.ownerStakeholderId),
    ratingCheck("raid_item_probability_range", t.probability),
    ratingCheck("raid_item_impact_range", t.impact),
    ratingCheck("raid_item_residual_probability_range", t.residualProbability),
    ratingCheck("raid_item_residual_impact_range", t.residualImpact),
  ],
);

export const raidTaskLink = sqliteTable(
  "raid_task_link",
  {
    raidItemId: text()
      .notNull()
      .references(() => raidItem.id, { onDelete: "cascade" }),
    taskId: text()
      .notNull()
      .references(() => task.id, { onDelete: "cascade" }),
  },
  (t) => [
    primaryKey({ name: "raid_task_link_pk", columns: [t.raidItemId, t.taskId] }),
    index("raid_task_link_task_idx").on(t.taskId),
  ],
);

export const raidMilestoneLink = sqliteTable(
  "raid_milestone_link",
  {
    raidItemId: text()
      .notNull()
      .references(() => raidItem.id, { onDelete: "cascade" }),
    milestoneId: text()
      .notNull()
      .references(() => milestone.id, { onDelete: "cascade" }),
  },
  (t) => [
    primaryKey({ name: "raid_milestone_link_pk", columns: [t.raidItemId, t.milestoneId] }),
    index("raid_milestone_link_milestone_idx").on(t.milestoneId),
  ],
);

/** Every rating a risk has had, so its history can be drawn. Rows are only ever inserted. */
export const raidScore = sqliteTable(
  "raid_score",
  {
    id: text().primaryKey(),
    raidItemId: text()
      .notNull()
      .references(() => raidItem.id, { onDelete: "cascade" }),
    at: text().notNull(),
    byUserId: text().references(() => user.id, { onDelete: "set null" }),
    probability: integer(),
    impact: integer(),
    residualProbability: integer(),
    residualImpact: integer(),
  },
  (t) => [index("raid_score_item_idx").on(t.raidItemId, t.at)],
);

/** A communication the team owes its stakeholders, on a cadence. */
export const commItem = sqliteTable(
  "comm_item",
  {
    id: text().primaryKey(),
    projectId: text()
      .notNull()
      .references(() => project.id, { onDelete: "cascade" }),
    /** Everyone in a quadrant of the grid; null when the audience is named stakeholders. */
    quadrant: text({ enum: quadrants }),
    purpose: text().notNull(),
    channel: text().notNull(),
    frequency: text({ enum: commFrequencies }).notNull(),
    ownerRole: text({ enum: commOwnerRoles }).notNull(),
    nextDue: text(),
    /** The day of the month a monthly item keeps to (31 stays 31 after a short month). */
    anchorDay: integer(),
    lastDoneOn: text(),
    lastDoneBy: text().references(() => user.id, { onDelete: "set null" }),
    notes: text().notNull().default(""),
    version: version(),
    ...timestamps,
    deletedAt: text(),
  },
  (t) => [
    index("comm_item_project_idx").on(t.projectId, t.deletedAt),
    index("comm_item_due_idx").on(t.nextDue),
  ],
);

export const commAudience = sqliteTable(
  "comm_audience",
  {
    commId: text()
      .notNull()
      .references(() => commItem.id, { onDelete: "cascade" }),
    stakeholderId: text()
      .notNull()
      .references(() => stakeholder.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ name: "comm_audience_pk", columns: [t.commId, t.stakeholderId] }),
    index("comm_audience_stakeholder_idx").on(t.stakeholderId),
  ],
);

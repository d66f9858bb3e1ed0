import { milestoneStatuses } from "@rollout/domain";
import { index, integer, primaryKey, real, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { user } from "./auth.ts";
import { createdAt, timestamps, version } from "./columns.ts";
import { organization } from "./orgs.ts";
import { project } from "./projects.ts";

export const milestone = sqliteTable(
  "milestone",
  {
    id: text().primaryKey(),
    projectId: text()
      .notNull()
      .references(() => project.id, { onDelete: "cascade" }),
    name: text().notNull(),
    description: text().notNull().default(""),
    baselineDate: text(),
    /** A forecast set by hand replaces the computed one; the reason says why. */
    forecastOverride: text(),
    forecastReason: text(),
    actualDate: text(),
    /** A status set by hand replaces the computed one; the reason says why. */
    statusOverride: text({ enum: milestoneStatuses }),
    statusReason: text(),
    isGate: integer({ mode: "boolean" }).notNull().default(false),
    isGoLive: integer({ mode: "boolean" }).notNull().default(false),
    decision: text({ enum: ["go", "no_go"] }),
    decisionReason: text(),
    decisionBy: text().references(() => user.id, { onDelete: "set null" }),
    decisionAt: text(),
    sortOrder: real().notNull().default(0),
    version: version(),
    ...timestamps,
    deletedAt: text(),
  },
  (t) => [index("milestone_project_idx").on(t.projectId, t.deletedAt)],
);

export const gateCriterion = sqliteTable(
  "gate_criterion",
  {
    id: text().primaryKey(),
    milestoneId: text()
      .notNull()
      .references(() => milestone.id, { onDelete: "cascade" }),
    item: text().notNull(),
    ownerId: text().references(() => user.id, { onDelete: "set null" }),
    evidence: text().notNull().default(""),
    required: integer({ mode: "boolean" }).notNull().default(true),
    met: integer({ mode: "boolean" }).notNull().default(false),
    sortOrder: real().notNull(),
    version: version(),
    ...timestamps,
  },
  (t) => [index("gate_criterion_milestone_idx").on(t.milestoneId, t.sortOrder)],
);

/** Stakeholders named on a gate; each signs it off from their own view. */
export const gateSigner = sqliteTable(
  "gate_signer",
  {
    milestoneId: text()
      .notNull()
      .references(() => milestone.id, { onDelete: "cascade" }),
    userId: text()
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    signedAt: text(),
    comment: text().notNull().default(""),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ name: "gate_signer_pk", columns: [t.milestoneId, t.userId] })],
);

/** A named, immutable snapshot of the plan's dates. Rows are only ever inserted. */
export const baseline = sqliteTable(
  "baseline",
  {
    id: text().primaryKey(),
    projectId: text()
      .notNull()
      .references(() => project.id, { onDelete: "cascade" }),
    name: text().notNull(),
    createdBy: text().references(() => user.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index("baseline_project_idx").on(t.projectId, t.createdAt)],
);

export const baselineTask = sqliteTable(
  "baseline_task",
  {
    baselineId: text()
      .notNull()
      .references(() => baseline.id, { onDelete: "cascade" }),
    taskId: text().notNull(),
    title: text().notNull(),
    startDate: text(),
    dueDate: text(),
    duration: integer(),
  },
  (t) => [primaryKey({ name: "baseline_task_pk", columns: [t.baselineId, t.taskId] })],
);

export const baselineMilestone = sqliteTable(
  "baseline_milestone",
  {
    baselineId: text()
      .notNull()
      .references(() => baseline.id, { onDelete: "cascade" }),
    milestoneId: text().notNull(),
    name: text().notNull(),
    /** The milestone's forecast (or actual) date when the baseline was taken. */
    date: text(),
  },
  (t) => [primaryKey({ name: "baseline_milestone_pk", columns: [t.baselineId, t.milestoneId] })],
);

/** Non-working days of an organisation, on top of weekends. */
export const holiday = sqliteTable(
  "holiday",
  {
    organizationId: text()
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    date: text().notNull(),
    name: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ name: "holiday_pk", columns: [t.organizationId, t.date] })],
);

import {
  lessonKinds,
  objectiveOutcomes,
  pirRatings,
  pirStatuses,
  taskCategories,
} from "@rollout/domain";
import {
  index,
  integer,
  primaryKey,
  real,
  sqliteTable,
  text,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";
import { user } from "./auth.ts";
import { createdAt, timestamps, version } from "./columns.ts";
import { organization } from "./orgs.ts";
import { project } from "./projects.ts";

/** Figures frozen when a review is signed off, so the signed review reads as it was signed. */
export interface PirVarianceSnapshot {
  baselineGoLive: string | null;
  actualGoLive: string | null;
  scheduleVarianceDays: number | null;
  plannedBudget: number;
  actualCost: number;
  budgetVariance: number;
  budgetVariancePercent: number | null;
  currency: string;
}

/**
 * A post-implementation review. One live revision per project; a PM may start a new revision
 * of a signed-off one, which stays readable (and locked) beside it.
 */
export const pir = sqliteTable(
  "pir",
  {
    id: text().primaryKey(),
    projectId: text()
      .notNull()
      .references(() => project.id, { onDelete: "cascade" }),
    revision: integer().notNull().default(1),
    status: text({ enum: pirStatuses }).notNull().default("draft"),
    summary: text().notNull().default(""),
    rating: text({ enum: pirRatings }),
    /** Set when the last required signature arrived; nothing changes after. */
    lockedAt: text(),
    variance: text({ mode: "json" }).$type<PirVarianceSnapshot>(),
    createdBy: text().references(() => user.id, { onDelete: "set null" }),
    version: version(),
    ...timestamps,
  },
  (t) => [uniqueIndex("pir_revision_unique").on(t.projectId, t.revision)],
);

/** An objective of the project and whether the implementation met it. */
export const pirObjective = sqliteTable(
  "pir_objective",
  {
    id: text().primaryKey(),
    pirId: text()
      .notNull()
      .references(() => pir.id, { onDelete: "cascade" }),
    sortOrder: integer().notNull(),
    objective: text().notNull(),
    criterion: text().notNull().default(""),
    outcome: text({ enum: objectiveOutcomes }),
    evidence: text().notNull().default(""),
    version: version(),
    ...timestamps,
  },
  (t) => [index("pir_objective_pir_idx").on(t.pirId, t.sortOrder)],
);

/** A KPI or benefit: where it started, what was promised, what was measured. */
export const pirKpi = sqliteTable(
  "pir_kpi",
  {
    id: text().primaryKey(),
    pirId: text()
      .notNull()
      .references(() => pir.id, { onDelete: "cascade" }),
    sortOrder: integer().notNull(),
    name: text().notNull(),
    unit: text().notNull().default(""),
    baseline: real(),
    target: real(),
    actual: real(),
    measuredOn: text(),
    ownerId: text().references(() => user.id, { onDelete: "set null" }),
    version: version(),
    ...timestamps,
  },
  (t) => [index("pir_kpi_pir_idx").on(t.pirId, t.sortOrder)],
);

/**
 * A later measurement of a benefit (3 and 6 months after go-live): due in its owner's My work,
 * recorded when measured. Follow-ups to a signed review, not part of what was signed.
 */
export const pirMeasurement = sqliteTable(
  "pir_measurement",
  {
    id: text().primaryKey(),
    kpiId: text()
      .notNull()
      .references(() => pirKpi.id, { onDelete: "cascade" }),
    monthsAfterGoLive: integer().notNull(),
    dueOn: text().notNull(),
    value: real(),
    measuredOn: text(),
    note: text().notNull().default(""),
    version: version(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("pir_measurement_unique").on(t.kpiId, t.monthsAfterGoLive),
    index("pir_measurement_due_idx").on(t.dueOn),
  ],
);

/**
 * A lesson learned. Kept per project (and review) but read across the whole organisation: the
 * lessons library. Searched through the `lesson_fts` full-text index (see its migration).
 */
export const lesson = sqliteTable(
  "lesson",
  {
    id: text().primaryKey(),
    /** The lesson's row in the full-text index (a stable number: rowids may move on VACUUM). */
    seq: integer().notNull(),
    organizationId: text()
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    projectId: text()
      .notNull()
      .references(() => project.id, { onDelete: "cascade" }),
    pirId: text().references(() => pir.id, { onDelete: "set null" }),
    kind: text({ enum: lessonKinds }).notNull(),
    category: text({ enum: taskCategories }).notNull(),
    /** What happened. */
    summary: text().notNull(),
    recommendation: text().notNull().default(""),
    /** Lower-case tags, space-free, stored as a JSON array. */
    tags: text({ mode: "json" }).$type<string[]>().notNull(),
    createdBy: text().references(() => user.id, { onDelete: "set null" }),
    version: version(),
    ...timestamps,
    deletedAt: text(),
  },
  (t) => [
    uniqueIndex("lesson_seq_unique").on(t.seq),
    index("lesson_org_idx").on(t.organizationId, t.category),
    // The library's default order (newest first) without sorting every lesson of the org.
    index("lesson_org_created_idx").on(t.organizationId, t.createdAt, t.seq),
    index("lesson_project_idx").on(t.projectId),
    index("lesson_pir_idx").on(t.pirId),
  ],
);

/** A person whose signature the review needs; signed when `signedAt` is set. */
export const pirSigner = sqliteTable(
  "pir_signer",
  {
    pirId: text()
      .notNull()
      .references(() => pir.id, { onDelete: "cascade" }),
    userId: text()
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    signedAt: text(),
    comment: text().notNull().default(""),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ name: "pir_signer_pk", columns: [t.pirId, t.userId] })],
);

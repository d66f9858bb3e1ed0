import { rags } from "@rollout/domain";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { user } from "./auth.ts";
import { timestamps, version } from "./columns.ts";
import { project } from "./projects.ts";

export interface ReportRisk {
  id: string;
  ref: string;
  title: string;
  score: number;
  band: string;
  response: string | null;
  mitigation: string;
}

export interface ReportMilestone {
  id: string;
  name: string;
  baselineDate: string | null;
  forecastDate: string | null;
  actualDate: string | null;
  slip: number | null;
}

/** What the numbers were when a report was published: the basis of trend charts. */
export interface ReportMetrics {
  progress: number;
  plannedProgress: number;
  spi: number | null;
  cpi: number | null;
  forecastCost: number;
  plannedBudget: number;
  actualCost: number;
  currency: string;
  openTasks: number;
  overdueTasks: number;
  openHighRisks: number;
  computedHealth: string;
  reasons: Record<string, string[]>;
}

/**
 * A status report for a period: pre-filled from live data, edited while a draft, frozen when
 * published (then never changed: its metrics snapshot draws the milestone trend).
 */
export const statusReport = sqliteTable(
  "status_report",
  {
    id: text().primaryKey(),
    projectId: text()
      .notNull()
      .references(() => project.id, { onDelete: "cascade" }),
    number: integer().notNull(),
    periodStart: text().notNull(),
    periodEnd: text().notNull(),
    status: text({ enum: ["draft", "published"] })
      .notNull()
      .default("draft"),
    overall: text({ enum: rags }).notNull(),
    schedule: text({ enum: rags }).notNull(),
    budget: text({ enum: rags }).notNull(),
    scope: text({ enum: rags }).notNull(),
    risk: text({ enum: rags }).notNull(),
    summary: text().notNull().default(""),
    accomplishments: text().notNull().default(""),
    nextSteps: text().notNull().default(""),
    asks: text().notNull().default(""),
    topRisks: text({ mode: "json" }).$type<ReportRisk[]>().notNull(),
    milestones: text({ mode: "json" }).$type<ReportMilestone[]>().notNull(),
    metrics: text({ mode: "json" }).$type<ReportMetrics>().notNull(),
    createdBy: text().references(() => user.id, { onDelete: "set null" }),
    publishedAt: text(),
    publishedBy: text().references(() => user.id, { onDelete: "set null" }),
    version: version(),
    ...timestamps,
    deletedAt: text(),
  },
  (t) => [
    uniqueIndex("status_report_number_unique").on(t.projectId, t.number),
    index("status_report_project_idx").on(t.projectId, t.status, t.periodEnd),
  ],
);

/** A read-only link to one project's stakeholder view. Only a hash of the token is kept. */
export const shareLink = sqliteTable(
  "share_link",
  {
    id: text().primaryKey(),
    projectId: text()
      .notNull()
      .references(() => project.id, { onDelete: "cascade" }),
    label: text().notNull(),
    tokenHash: text().notNull().unique("share_link_token_hash_unique"),
    expiresAt: text().notNull(),
    createdBy: text().references(() => user.id, { onDelete: "set null" }),
    revokedAt: text(),
    revokedBy: text().references(() => user.id, { onDelete: "set null" }),
    lastUsedAt: text(),
    createdAt: text().notNull(),
  },
  (t) => [index("share_link_project_idx").on(t.projectId)],
);

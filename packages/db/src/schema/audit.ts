import { index, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { user } from "./auth.ts";
import { organization } from "./orgs.ts";
import { project } from "./projects.ts";

/** One row for every change: who, what, before and after, when. Never updated or deleted. */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: text().primaryKey(),
    organizationId: text()
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    projectId: text().references(() => project.id, { onDelete: "cascade" }),
    actorUserId: text().references(() => user.id, { onDelete: "set null" }),
    entityType: text().notNull(),
    entityId: text().notNull(),
    action: text().notNull(),
    before: text({ mode: "json" }),
    after: text({ mode: "json" }),
    requestId: text(),
    createdAt: text().notNull(),
  },
  (t) => [
    index("audit_log_project_idx").on(t.projectId, t.createdAt),
    index("audit_log_org_idx").on(t.organizationId, t.createdAt),
  ],
);

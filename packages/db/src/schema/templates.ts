import { projectKinds, type TemplateBody } from "@rollout/domain";
import { index, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { user } from "./auth.ts";
import { timestamps, version } from "./columns.ts";
import { organization } from "./orgs.ts";

/**
 * An organisation's own project template (the built-in ones live in code). The plan is kept as
 * one document with relative dates, so it is read and written whole.
 */
export const template = sqliteTable(
  "template",
  {
    id: text().primaryKey(),
    organizationId: text()
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    name: text().notNull(),
    description: text().notNull().default(""),
    kind: text({ enum: projectKinds }).notNull(),
    body: text({ mode: "json" }).$type<TemplateBody>().notNull(),
    createdBy: text().references(() => user.id, { onDelete: "set null" }),
    version: version(),
    ...timestamps,
    deletedAt: text(),
  },
  (t) => [index("template_org_idx").on(t.organizationId, t.deletedAt)],
);

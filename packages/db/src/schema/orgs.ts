import { type HealthThresholds, orgRoles, projectRoles } from "@rollout/domain";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { user } from "./auth.ts";
import { timestamps, version } from "./columns.ts";
import { project } from "./projects.ts";

export const organization = sqliteTable("organization", {
  id: text().primaryKey(),
  name: text().notNull(),
  slug: text().notNull().unique("organization_slug_unique"),
  /** The risk band table: the lowest score of medium, high and critical. */
  riskMedium: integer().notNull().default(5),
  riskHigh: integer().notNull().default(10),
  riskCritical: integer().notNull().default(20),
  /** The health rules' thresholds (JSON); null keeps the defaults of PRODUCT.md. */
  healthThresholds: text({ mode: "json" }).$type<HealthThresholds>(),
  version: version(),
  ...timestamps,
});

export const member = sqliteTable(
  "member",
  {
    id: text().primaryKey(),
    organizationId: text()
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    userId: text()
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    role: text({ enum: orgRoles }).notNull(),
    version: version(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("member_org_user_unique").on(t.organizationId, t.userId),
    index("member_user_idx").on(t.userId),
  ],
);

export const invitation = sqliteTable(
  "invitation",
  {
    id: text().primaryKey(),
    organizationId: text()
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    email: text().notNull(),
    role: text({ enum: orgRoles }).notNull(),
    projectId: text().references(() => project.id, { onDelete: "set null" }),
    projectRole: text({ enum: projectRoles }),
    /** SHA-256 of the token in the link; the token itself is never stored. */
    tokenHash: text().notNull().unique("invitation_token_hash_unique"),
    status: text({ enum: ["pending", "accepted", "revoked"] })
      .notNull()
      .default("pending"),
    expiresAt: text().notNull(),
    inviterId: text()
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    acceptedBy: text().references(() => user.id, { onDelete: "set null" }),
    acceptedAt: text(),
    version: version(),
    ...timestamps,
  },
  (t) => [index("invitation_org_idx").on(t.organizationId, t.status)],
);

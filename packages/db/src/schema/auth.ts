import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { organization } from "./orgs.ts";

// The identity tables have the shape better-auth's drizzle adapter expects (it reads and writes
// them with Date objects, hence integer millisecond timestamps here and ISO text elsewhere).
const authTime = () => integer({ mode: "timestamp_ms" });

export const user = sqliteTable("user", {
  id: text().primaryKey(),
  name: text().notNull(),
  email: text().notNull().unique("user_email_unique"),
  emailVerified: integer({ mode: "boolean" }).notNull().default(false),
  image: text(),
  createdAt: authTime().notNull(),
  updatedAt: authTime().notNull(),
});

export const session = sqliteTable(
  "session",
  {
    id: text().primaryKey(),
    expiresAt: authTime().notNull(),
    token: text().notNull().unique("session_token_unique"),
    createdAt: authTime().notNull(),
    updatedAt: authTime().notNull(),
    ipAddress: text(),
    userAgent: text(),
    userId: text()
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    /** The organisation this session works in; checked against membership on every request. */
    activeOrganizationId: text().references(() => organization.id, { onDelete: "set null" }),
  },
  (t) => [index("session_user_idx").on(t.userId)],
);

export const account = sqliteTable(
  "account",
  {
    id: text().primaryKey(),
    accountId: text().notNull(),
    providerId: text().notNull(),
    userId: text()
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    accessToken: text(),
    refreshToken: text(),
    idToken: text(),
    accessTokenExpiresAt: authTime(),
    refreshTokenExpiresAt: authTime(),
    scope: text(),
    password: text(),
    createdAt: authTime().notNull(),
    updatedAt: authTime().notNull(),
  },
  (t) => [index("account_user_idx").on(t.userId)],
);

export const verification = sqliteTable(
  "verification",
  {
    id: text().primaryKey(),
    identifier: text().notNull(),
    value: text().notNull(),
    expiresAt: authTime().notNull(),
    createdAt: authTime().notNull(),
    updatedAt: authTime().notNull(),
  },
  (t) => [index("verification_identifier_idx").on(t.identifier)],
);

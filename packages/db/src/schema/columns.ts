import { integer, text } from "drizzle-orm/sqlite-core";

/** Instants are ISO timestamps in UTC, written by the service that changes the row. */
export const createdAt = () => text().notNull();
export const updatedAt = () => text().notNull();

/** Optimistic concurrency: every update names the version it read and bumps it. */
export const version = () => integer().notNull().default(1);

export const timestamps = { createdAt: createdAt(), updatedAt: updatedAt() };

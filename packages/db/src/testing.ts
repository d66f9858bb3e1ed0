import { createDb, type Db } from "./client.ts";

/** A fresh in-memory database with the real migrations applied: one per test, never shared. */
export function createTestDb(): Db {
  return createDb(":memory:");
}

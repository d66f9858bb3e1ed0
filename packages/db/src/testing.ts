import Database from "better-sqlite3";
import { createDb, type Db, openDb } from "./client.ts";

let migrated: Buffer | null = null;

/**
 * A fresh in-memory database with the real migrations applied: one per test, never shared.
 * The migrations run once per process; each database starts as a copy of that empty schema.
 */
export function createTestDb(): Db {
  migrated ??= createDb(":memory:").$client.serialize();
  return openDb(new Database(migrated));
}

/** An independent in-memory copy of a database, as it is now. */
export function cloneDb(db: Db): Db {
  return openDb(new Database(db.$client.serialize()));
}

/** Rows a query returns from a database file opened read-only (for tests over real files). */
export function readFileRows<T = Record<string, unknown>>(file: string, query: string): T[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(query).all() as T[];
  } finally {
    db.close();
  }
}

/** Every table's rows in rowid order (full-text index internals left out): "the same data". */
export function tableContents(file: string): Record<string, unknown[]> {
  const tables = readFileRows<{ name: string }>(
    file,
    "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '%fts%' order by name",
  ).map((t) => t.name);
  return Object.fromEntries(
    tables.map((t) => [t, readFileRows(file, `select * from "${t}" order by rowid`)]),
  );
}

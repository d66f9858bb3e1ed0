import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import Database from "better-sqlite3";
import { type BetterSQLite3Database, drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import * as schema from "./schema/index.ts";

export type Schema = typeof schema;
export type Db = BetterSQLite3Database<Schema> & { $client: Database.Database };
/** What a service writes through: the database itself or a transaction on it. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type Queryable = Db | Tx;

export const migrationsFolder = resolve(import.meta.dirname, "../../../migrations");

export interface CreateDbOptions {
  /** Apply the migrations in `migrations/` (default true). */
  migrate?: boolean;
}

/**
 * Opens (or creates) the SQLite database at `file` (`:memory:` for tests) with the settings
 * Rollout relies on, and brings its schema up to date.
 */
export function createDb(file: string, options: CreateDbOptions = {}): Db {
  if (file !== ":memory:") mkdirSync(dirname(resolve(file)), { recursive: true });
  const sqlite = new Database(file);
  if (file !== ":memory:") sqlite.pragma("journal_mode = WAL");
  const db = openDb(sqlite);
  if (options.migrate !== false) migrate(db, { migrationsFolder });
  return db;
}

/** The connection settings Rollout relies on, and the drizzle handle over an open database. */
export function openDb(sqlite: Database.Database): Db {
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  // NORMAL in WAL mode: a power cut may lose the last commits but never corrupts the file.
  sqlite.pragma("synchronous = NORMAL");
  const db = drizzle(withStatementCache(sqlite), { schema, casing: "snake_case" }) as Db;
  // Our own code preparing on `$client` keeps statements of its own (they may be put in raw or
  // pluck mode and kept); only drizzle's queries go through the cache.
  db.$client = sqlite;
  return db;
}

/** Statements kept ready per connection: enough for every query the app writes, and then some. */
export const STATEMENT_CACHE_SIZE = 1000;

/**
 * The connection as drizzle sees it: `prepare` hands back a statement already compiled for the
 * same SQL text (most recently used kept, up to STATEMENT_CACHE_SIZE), instead of having SQLite
 * parse and plan the query again on every call. Drizzle runs each statement to completion
 * synchronously (get/all/run/values, never iterate), so one statement is never in use twice at
 * once; it switches raw mode on where it wants arrays, so the mode is reset on the way out.
 */
function withStatementCache(sqlite: Database.Database): Database.Database {
  const cache = new Map<string, Database.Statement>();
  const prepare = (source: string) => {
    let statement = cache.get(source);
    if (statement) {
      cache.delete(source);
    } else {
      statement = sqlite.prepare(source);
      if (cache.size >= STATEMENT_CACHE_SIZE) {
        const oldest = cache.keys().next().value;
        if (oldest !== undefined) cache.delete(oldest);
      }
    }
    cache.set(source, statement);
    if (statement.reader) statement.raw(false);
    return statement;
  };
  return new Proxy(sqlite, {
    get(target, property) {
      if (property === "prepare") return prepare;
      const value = Reflect.get(target, property, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

/**
 * Runs `fn` in an IMMEDIATE transaction, so writers queue on the lock at the start instead of
 * failing mid-way with SQLITE_BUSY. better-sqlite3 is synchronous: `fn` must not await.
 */
export function writeTx<T>(db: Db, fn: (tx: Tx) => T): T {
  const callbacks: Array<() => void> = [];
  const result = db.transaction(
    (tx) => {
      committing.set(tx, callbacks);
      return fn(tx);
    },
    { behavior: "immediate" },
  );
  // Committed: now tell whoever asked (a rolled-back transaction never gets here).
  for (const callback of callbacks) callback();
  return result;
}

const committing = new WeakMap<Queryable, Array<() => void>>();

/**
 * Runs `callback` once the transaction `tx` has committed (at once when `tx` is not a
 * transaction of `writeTx`). Used to announce changes only when they are durable.
 */
export function afterCommit(tx: Queryable, callback: () => void): void {
  const pending = committing.get(tx);
  if (pending) pending.push(callback);
  else callback();
}

export function closeDb(db: Db): void {
  if (db.$client.open) db.$client.close();
}

import type { Queryable } from "@rollout/db";

const cache = new WeakMap<object, Map<string, unknown>>();

/**
 * The connection under a database handle or one of its transactions: drizzle's session client.
 * A statement prepared once runs on that connection inside whatever transaction is open.
 */
function connectionOf(db: Queryable): object {
  return (db as unknown as { session?: { client?: object } }).session?.client ?? db;
}

/**
 * A statement built once per connection and reused: for hot reads whose SQL never changes (only
 * their bound values, given as `sql.placeholder`s), so building the query costs nothing after the
 * first call. Shared by the database handle and its transactions.
 */
export function prepared<T>(db: Queryable, key: string, build: () => T): T {
  const connection = connectionOf(db);
  let statements = cache.get(connection);
  if (!statements) {
    statements = new Map();
    cache.set(connection, statements);
  }
  let statement = statements.get(key) as T | undefined;
  if (statement === undefined) {
    statement = build();
    statements.set(key, statement);
  }
  return statement;
}

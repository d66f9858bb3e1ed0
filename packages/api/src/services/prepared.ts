import type { Queryable } from "@rollout/db";

const cache = new WeakMap<Queryable, Map<string, unknown>>();

/**
 * A statement built once per database handle and reused: for hot reads whose SQL never changes
 * (only their bound values), so building the query costs nothing after the first call.
 */
export function prepared<T>(db: Queryable, key: string, build: () => T): T {
  let statements = cache.get(db);
  if (!statements) {
    statements = new Map();
    cache.set(db, statements);
  }
  let statement = statements.get(key) as T | undefined;
  if (statement === undefined) {
    statement = build();
    statements.set(key, statement);
  }
  return statement;
}

interface SqliteLikeError {
  code?: unknown;
  message?: unknown;
  cause?: unknown;
}

/** The driver's error, whether drizzle wrapped it (DrizzleQueryError keeps it as `cause`) or not. */
function driverError(error: unknown): SqliteLikeError | null {
  let current: unknown = error;
  for (let depth = 0; depth < 3 && current && typeof current === "object"; depth++) {
    const candidate = current as SqliteLikeError;
    if (typeof candidate.code === "string" && candidate.code.startsWith("SQLITE_"))
      return candidate;
    current = candidate.cause;
  }
  return null;
}

/** True when SQLite refused a duplicate on a UNIQUE index (optionally one naming `columns`). */
export function isUniqueViolation(error: unknown, columns?: string): boolean {
  const driver = driverError(error);
  if (!driver) return false;
  if (driver.code !== "SQLITE_CONSTRAINT_UNIQUE" && driver.code !== "SQLITE_CONSTRAINT_PRIMARYKEY")
    return false;
  return columns === undefined || String(driver.message).includes(columns);
}

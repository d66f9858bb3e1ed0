import { isUniqueViolation } from "@rollout/db";
import { TRPCError } from "@trpc/server";

/** Carries messages for individual form fields to the client (shown next to the field). */
export class FieldErrors extends Error {
  constructor(readonly fieldErrors: Record<string, string>) {
    super(Object.values(fieldErrors).join("; "));
    this.name = "FieldErrors";
  }
}

export function notFound(what = "This item"): TRPCError {
  return new TRPCError({ code: "NOT_FOUND", message: `${what} was not found` });
}

export function forbidden(message = "You do not have permission to do this"): TRPCError {
  return new TRPCError({ code: "FORBIDDEN", message });
}

export function badRequest(message: string, fieldErrors?: Record<string, string>): TRPCError {
  return new TRPCError({
    code: "BAD_REQUEST",
    message,
    cause: fieldErrors ? new FieldErrors(fieldErrors) : undefined,
  });
}

/** A stale `version`: someone else saved first. Nothing was written. */
export function staleVersion(what: string): TRPCError {
  return new TRPCError({
    code: "CONFLICT",
    message: `This ${what} was changed by someone else — reload to see their change`,
  });
}

export function duplicate(message: string, field: string): TRPCError {
  return new TRPCError({
    code: "CONFLICT",
    message,
    cause: new FieldErrors({ [field]: message }),
  });
}

/** Runs `fn`, turning a UNIQUE violation on `columns` into a CONFLICT on `field`. */
export function mapUnique<T>(fn: () => T, columns: string, field: string, message: string): T {
  try {
    return fn();
  } catch (error) {
    if (isUniqueViolation(error, columns)) throw duplicate(message, field);
    throw error;
  }
}

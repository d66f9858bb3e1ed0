import type * as z from "zod";

export type FieldErrors = Record<string, string>;

/** The first message for each top-level field of a failed zod parse (same shape as the API's). */
export function zodFieldErrors(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "_";
    fields[key] ??= issue.message;
  }
  return fields;
}

/** Messages the form has no field for (e.g. `_`), to show above the form. */
export function unplacedErrors(errors: FieldErrors, knownFields: readonly string[]): string[] {
  return Object.entries(errors)
    .filter(([field]) => !knownFields.includes(field))
    .map(([, message]) => message);
}

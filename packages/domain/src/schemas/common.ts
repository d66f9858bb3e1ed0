import * as z from "zod";

/** Row ids are random strings; anything else is refused before it reaches a query. */
export const id = z
  .string()
  .min(1, "Missing id")
  .max(64, "Invalid id")
  .regex(/^[A-Za-z0-9_-]+$/, "Invalid id");

/** The version a client read; an update with a stale one is refused with CONFLICT. */
export const version = z.number().int().min(1);

export const timestamps = {
  createdAt: z.string(),
  updatedAt: z.string(),
};

/** Trims and refuses blank text, with a clear message naming the field. */
export function requiredText(label: string, max: number) {
  return z
    .string()
    .trim()
    .min(1, `${label} is required`)
    .max(max, `${label} must be at most ${max} characters`);
}

export function optionalText(label: string, max: number) {
  return z.string().trim().max(max, `${label} must be at most ${max} characters`);
}

export const email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, "Email is too long")
  .pipe(z.email("Enter a valid email address"));

export const noInput = z.void();
export const ok = z.object({ ok: z.literal(true) });

import * as z from "zod";

const email = z
  .string()
  .trim()
  .min(1, "Enter your email address")
  .pipe(z.email("Enter a valid email address"));

export const signInForm = z.object({
  email,
  password: z.string().min(1, "Enter your password"),
});

/** The same limits the server enforces (better-auth: 8–128 characters). */
export const signUpForm = z.object({
  name: z.string().trim().min(1, "Enter your name").max(120, "Use at most 120 characters"),
  email,
  password: z.string().min(8, "Use at least 8 characters").max(128, "Use at most 128 characters"),
});

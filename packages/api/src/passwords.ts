import { randomBytes } from "node:crypto";
import { verifyPassword as verifyScrypt } from "better-auth/crypto";
import commonPasswords from "fxa-common-password-list";
import { argon2id, argon2Verify } from "hash-wasm";

/**
 * argon2id at the cost the OWASP Password Storage Cheat Sheet (and ASVS 5) recommends:
 * 19 MiB of memory, 2 iterations, 1 lane — about 80 ms here.
 */
export const ARGON2ID = { memorySize: 19_456, iterations: 2, parallelism: 1, hashLength: 32 };

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

export async function hashPassword(password: string): Promise<string> {
  return argon2id({ password, salt: randomBytes(16), ...ARGON2ID, outputType: "encoded" });
}

/**
 * Checks a password against its stored hash: argon2id (PHC string) for every password set now;
 * hashes from before (better-auth's scrypt, `salt:key`) still verify.
 */
export async function verifyPassword({
  hash,
  password,
}: {
  hash: string;
  password: string;
}): Promise<boolean> {
  if (hash.startsWith("$argon2id$")) return argon2Verify({ password, hash });
  return verifyScrypt({ hash, password });
}

/** What is wrong with a new password, in words for the person choosing it; null if nothing. */
export function passwordProblem(password: unknown): string | null {
  if (typeof password !== "string") return "Enter a password";
  if (password.length < PASSWORD_MIN) return `Use at least ${PASSWORD_MIN} characters`;
  if (password.length > PASSWORD_MAX) return `Use at most ${PASSWORD_MAX} characters`;
  if (commonPasswords.test(password) || commonPasswords.test(password.toLowerCase())) {
    return "This password is on lists of common or leaked passwords: choose another";
  }
  return null;
}

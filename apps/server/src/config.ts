import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, isAbsolute, resolve } from "node:path";
import * as z from "zod";

/** The repository root: default paths hang off it, whatever directory the server starts in. */
export const repoRoot = resolve(import.meta.dirname, "../../..");

const flag = z
  .enum(["true", "false", "1", "0", "yes", "no"], { message: "use true or false" })
  .transform((v) => v === "true" || v === "1" || v === "yes");

const positiveInt = (max: number) =>
  z.coerce.number({ message: "must be a number" }).int("must be a whole number").min(1).max(max);

const envSchema = z.object({
  NODE_ENV: z.enum(["production", "development", "test"]).default("production"),
  PORT: z.coerce.number({ message: "must be a number" }).int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default("127.0.0.1"),
  DATABASE_FILE: z.string().min(1).default("./data/rollout.db"),
  PUBLIC_URL: z
    .url({ message: "must be a full URL such as https://rollout.example.com" })
    .optional(),
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  SESSION_IDLE_HOURS: positiveInt(24 * 90).default(72),
  SESSION_ABSOLUTE_DAYS: positiveInt(365).default(30),
  AUTH_RATE_LIMIT_PER_MINUTE: positiveInt(10_000).default(10),
  // Failed sign-ins one account may have within the window before it is refused for the rest
  // of the window (wherever the attempts come from).
  ACCOUNT_FAILED_SIGN_INS: positiveInt(1000).default(10),
  ACCOUNT_LOCK_SECONDS: positiveInt(86_400).default(900),
  // 10 MiB: a whole project exported as JSON, or a few thousand CSV rows, fits.
  MAX_BODY_BYTES: positiveInt(50 * 1024 * 1024).default(10 * 1024 * 1024),
  MAX_BATCH_SIZE: positiveInt(100).default(20),
  TRUST_PROXY: flag.default(false),
  SEED_DEMO: flag.default(true),
  WEB_DIST: z.string().min(1).optional(),
});

export interface Config {
  isProduction: boolean;
  nodeEnv: "production" | "development" | "test";
  port: number;
  host: string;
  databaseFile: string;
  publicUrl: string;
  trustedOrigins: string[];
  secureCookies: boolean;
  authSecret: string;
  logLevel: string;
  sessionIdleSeconds: number;
  sessionAbsoluteSeconds: number;
  authRateLimitPerMinute: number;
  accountFailedSignIns: number;
  accountLockSeconds: number;
  maxBodyBytes: number;
  maxBatchSize: number;
  trustProxy: boolean;
  seedDemo: boolean;
  webDist: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid settings:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** Relative paths are taken from the directory the command was started in. */
function fromStartDir(path: string, env: NodeJS.ProcessEnv): string {
  if (path === ":memory:" || isAbsolute(path)) return path;
  return resolve(env.INIT_CWD ?? process.cwd(), path);
}

/** The secret that signs session cookies: AUTH_SECRET, or one generated once and kept beside the database. */
function resolveSecret(given: string | undefined, databaseFile: string): string {
  if (given) return given;
  if (databaseFile === ":memory:") return randomBytes(32).toString("base64url");
  const file = `${databaseFile}.secret`;
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dirname(file), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  chmodSync(file, 0o600);
  return secret;
}

/** Reads and validates the settings, naming every bad one. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map(
        (i) => `${i.path.join(".")}=${JSON.stringify(env[String(i.path[0])])}: ${i.message}`,
      ),
    );
  }
  const e = parsed.data;
  const databaseFile = fromStartDir(e.DATABASE_FILE, env);
  const shownHost = e.HOST === "0.0.0.0" || e.HOST === "::" ? "localhost" : e.HOST;
  const publicUrl = (e.PUBLIC_URL ?? `http://${shownHost}:${e.PORT}`).replace(/\/$/, "");
  const trustedOrigins = [new URL(publicUrl).origin];
  if (!e.PUBLIC_URL) {
    // Out of the box the same server is reached as localhost and as 127.0.0.1.
    for (const host of ["localhost", "127.0.0.1"]) trustedOrigins.push(`http://${host}:${e.PORT}`);
  }
  return {
    isProduction: e.NODE_ENV === "production",
    nodeEnv: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    databaseFile,
    publicUrl,
    trustedOrigins: [...new Set(trustedOrigins)],
    secureCookies: publicUrl.startsWith("https://"),
    authSecret: resolveSecret(e.AUTH_SECRET, databaseFile),
    logLevel: e.LOG_LEVEL,
    sessionIdleSeconds: e.SESSION_IDLE_HOURS * 3600,
    sessionAbsoluteSeconds: e.SESSION_ABSOLUTE_DAYS * 86_400,
    authRateLimitPerMinute: e.AUTH_RATE_LIMIT_PER_MINUTE,
    accountFailedSignIns: e.ACCOUNT_FAILED_SIGN_INS,
    accountLockSeconds: e.ACCOUNT_LOCK_SECONDS,
    maxBodyBytes: e.MAX_BODY_BYTES,
    maxBatchSize: e.MAX_BATCH_SIZE,
    trustProxy: e.TRUST_PROXY,
    seedDemo: e.SEED_DEMO,
    webDist: e.WEB_DIST ? fromStartDir(e.WEB_DIST, env) : resolve(repoRoot, "apps/web/dist"),
  };
}

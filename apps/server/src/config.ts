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
  // Serve https directly (no reverse proxy): PEM files of the certificate chain and its key.
  TLS_CERT_FILE: z.string().min(1).optional(),
  TLS_KEY_FILE: z.string().min(1).optional(),
  // With TLS: also listen on this port over plain http and redirect everything to https.
  HTTP_REDIRECT_PORT: z.coerce
    .number({ message: "must be a number" })
    .int()
    .min(1)
    .max(65535)
    .optional(),
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
  /** Certificate and key when the server itself speaks https. */
  tls: { cert: Buffer; key: Buffer } | null;
  /** The plain-http port that redirects to https (only with TLS). */
  httpRedirectPort: number | null;
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
  const tls = readTls(e.TLS_CERT_FILE, e.TLS_KEY_FILE, env);
  if (e.HTTP_REDIRECT_PORT !== undefined && !tls) {
    throw new ConfigError([
      "HTTP_REDIRECT_PORT: redirects to https, so it needs TLS_CERT_FILE and TLS_KEY_FILE",
    ]);
  }
  if (e.HTTP_REDIRECT_PORT !== undefined && e.HTTP_REDIRECT_PORT === e.PORT) {
    throw new ConfigError(["HTTP_REDIRECT_PORT: must differ from PORT"]);
  }
  const shownHost = e.HOST === "0.0.0.0" || e.HOST === "::" ? "localhost" : e.HOST;
  const scheme = tls ? "https" : "http";
  const defaultPort = tls ? 443 : 80;
  const origin = (host: string) =>
    `${scheme}://${host}${e.PORT === defaultPort ? "" : `:${e.PORT}`}`;
  const publicUrl = (e.PUBLIC_URL ?? origin(shownHost)).replace(/\/$/, "");
  const trustedOrigins = [new URL(publicUrl).origin];
  if (!e.PUBLIC_URL) {
    // Out of the box the same server is reached as localhost and as 127.0.0.1.
    for (const host of ["localhost", "127.0.0.1"]) trustedOrigins.push(origin(host));
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
    tls,
    httpRedirectPort: e.HTTP_REDIRECT_PORT ?? null,
  };
}

/** Both PEM files or neither; each must be readable and look like PEM. */
function readTls(
  certFile: string | undefined,
  keyFile: string | undefined,
  env: NodeJS.ProcessEnv,
): Config["tls"] {
  if (!certFile && !keyFile) return null;
  if (!certFile || !keyFile) {
    throw new ConfigError(["TLS_CERT_FILE and TLS_KEY_FILE: set both, or neither"]);
  }
  const problems: string[] = [];
  const read = (name: string, file: string, marker: string) => {
    const path = fromStartDir(file, env);
    try {
      const pem = readFileSync(path);
      if (!pem.includes(marker)) problems.push(`${name}=${JSON.stringify(file)}: not a PEM file`);
      return pem;
    } catch {
      problems.push(`${name}=${JSON.stringify(file)}: cannot be read`);
      return Buffer.alloc(0);
    }
  };
  const cert = read("TLS_CERT_FILE", certFile, "-----BEGIN CERTIFICATE-----");
  const key = read("TLS_KEY_FILE", keyFile, "PRIVATE KEY-----");
  if (problems.length) throw new ConfigError(problems);
  return { cert, key };
}

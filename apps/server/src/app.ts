import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { join } from "node:path";
import compress from "@fastify/compress";
import helmet from "@fastify/helmet";
import rateLimit from "@fastify/rate-limit";
import fastifyStatic from "@fastify/static";
import {
  type Actor,
  type AppRouter,
  actorFromHeaders,
  appRouter,
  CLIENT_IP_HEADER,
  type Context,
  changes,
  createAuth,
  purgeTrash,
  warmFigures,
} from "@rollout/api";
import { closeDb, type Db } from "@rollout/db";
import { type FastifyTRPCPluginOptions, fastifyTRPCPlugin } from "@trpc/server/adapters/fastify";
import Fastify, { type FastifyReply, type FastifyRequest } from "fastify";
import type { Config } from "./config.ts";
import { contentSecurityPolicy, csrfGuard } from "./security.ts";
import { SignInGuard } from "./signInGuard.ts";

/** The email a sign-in names, whatever shape the body came in. */
function emailOf(body: unknown): string | null {
  const parsed = typeof body === "string" ? safeJson(body) : body;
  const email = (parsed as { email?: unknown } | null)?.email;
  return typeof email === "string" && email.length <= 254 ? email : null;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function toHeaders(request: FastifyRequest): Headers {
  const headers = new Headers();
  for (const [key, value] of Object.entries(request.headers)) {
    if (value === undefined || key === CLIENT_IP_HEADER) continue;
    headers.set(key, Array.isArray(value) ? value.join(", ") : value);
  }
  headers.set(CLIENT_IP_HEADER, request.ip);
  return headers;
}

export interface BuildOptions {
  config: Config;
  db: Db;
  /** Close the database when the server closes (default true). */
  ownsDb?: boolean;
  /** Where structured logs go (default stdout); tests read them. */
  logStream?: { write(line: string): void };
}

/** The whole HTTP surface: auth, tRPC, health, and the built web app. */
export async function buildApp({ config, db, ownsDb = true, logStream }: BuildOptions) {
  const app = Fastify({
    logger: {
      level: config.logLevel,
      ...(logStream ? { stream: logStream } : {}),
      redact: ["req.headers.cookie", 'res.headers["set-cookie"]', "req.headers.authorization"],
    },
    bodyLimit: config.maxBodyBytes,
    https: config.tls,
    trustProxy: config.trustProxy,
    genReqId: (req) => {
      const given = req.headers["x-request-id"];
      return typeof given === "string" && /^[A-Za-z0-9-]{8,64}$/.test(given) ? given : randomUUID();
    },
    // Batched tRPC paths (/trpc/a,b,c) are long.
    routerOptions: { maxParamLength: 2000 },
  });
  app.addHook("onRequest", async (request, reply) => {
    reply.header("x-request-id", request.id);
  });

  const auth = createAuth({
    db,
    baseUrl: config.publicUrl,
    trustedOrigins: config.trustedOrigins,
    secret: config.authSecret,
    secureCookies: config.secureCookies,
    sessionIdleSeconds: config.sessionIdleSeconds,
    sessionAbsoluteSeconds: config.sessionAbsoluteSeconds,
  });

  await app.register(helmet, {
    contentSecurityPolicy: contentSecurityPolicy(config.secureCookies),
    hsts: config.secureCookies ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    referrerPolicy: { policy: "strict-origin-when-cross-origin" },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(compress, { threshold: 1024 });
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) => ({
      statusCode: 429,
      code: "TOO_MANY_REQUESTS",
      message: `Too many attempts. Try again in ${Math.ceil(context.ttl / 1000)} seconds.`,
    }),
  });

  app.get("/healthz", async () => {
    db.$client.prepare("select 1").get();
    return { ok: true };
  });

  // better-auth: sign-up, sign-in, sign-out and session endpoints.
  const authLimit = {
    rateLimit: {
      max: config.authRateLimitPerMinute,
      timeWindow: "1 minute",
      keyGenerator: (request: FastifyRequest) => `${request.ip}:${request.url.split("?")[0]}`,
      onExceeded: (request: FastifyRequest) => {
        request.log.warn({ ip: request.ip, url: request.url }, "auth rate limit exceeded");
      },
    },
  };
  const guard = new SignInGuard(config.accountFailedSignIns, config.accountLockSeconds * 1000);
  const authHandler = async (request: FastifyRequest, reply: FastifyReply) => {
    const url = new URL(request.url, config.publicUrl);
    const signInEmail =
      request.method === "POST" && url.pathname === "/api/auth/sign-in/email"
        ? emailOf(request.body)
        : null;
    if (signInEmail) {
      const wait = guard.retryAfter(signInEmail);
      if (wait > 0) {
        const seconds = Math.ceil(wait / 1000);
        request.log.warn(
          { account: SignInGuard.label(signInEmail), retryAfterSeconds: seconds },
          "sign-in refused: too many failed sign-ins for this account",
        );
        reply.header("retry-after", String(seconds));
        return reply.status(429).send({
          statusCode: 429,
          code: "TOO_MANY_REQUESTS",
          message: `Too many failed sign-ins for this account. Try again in ${seconds} seconds.`,
        });
      }
    }
    const init: RequestInit = { method: request.method, headers: toHeaders(request) };
    if (request.method === "POST" && request.body !== undefined) {
      init.body = typeof request.body === "string" ? request.body : JSON.stringify(request.body);
    }
    const response = await auth.handler(new Request(url, init));
    if (signInEmail) {
      if (response.status === 401) {
        guard.failed(signInEmail);
        request.log.info({ account: SignInGuard.label(signInEmail) }, "sign-in failed");
      } else if (response.ok) guard.succeeded(signInEmail);
    }
    reply.status(response.status);
    response.headers.forEach((value, key) => {
      if (key !== "set-cookie") reply.header(key, value);
    });
    const cookies = response.headers.getSetCookie();
    if (cookies.length) reply.header("set-cookie", cookies);
    return reply.send(response.body ? Buffer.from(await response.arrayBuffer()) : null);
  };
  app.route({ method: ["GET", "POST"], url: "/api/auth/*", handler: authHandler });
  for (const url of ["/api/auth/sign-in/email", "/api/auth/sign-up/email"]) {
    app.route({ method: "POST", url, config: authLimit, handler: authHandler });
  }

  await app.register(async (trpcScope) => {
    trpcScope.addHook("onRequest", csrfGuard);
    await trpcScope.register(fastifyTRPCPlugin, {
      prefix: "/trpc",
      trpcOptions: {
        router: appRouter,
        maxBatchSize: config.maxBatchSize,
        async createContext({ req }): Promise<Context> {
          const actor: Actor | null = await actorFromHeaders(
            auth,
            db,
            toHeaders(req),
            config.sessionAbsoluteSeconds,
          );
          return {
            db,
            actor,
            requestId: String(req.id),
            log: req.log,
            appUrl: config.publicUrl,
            isProduction: config.isProduction,
          };
        },
        onError({ error, path, req }) {
          if (error.code === "INTERNAL_SERVER_ERROR") {
            req.log.error({ err: error.cause ?? error, path }, "tRPC procedure failed");
          }
        },
      } satisfies FastifyTRPCPluginOptions<AppRouter>["trpcOptions"],
    });
  });

  // The built web app: hashed assets cached for a year, everything else falls back to index.html.
  const indexFile = join(config.webDist, "index.html");
  if (existsSync(indexFile)) {
    await app.register(fastifyStatic, {
      root: config.webDist,
      index: false,
      wildcard: false,
      // The build writes .br and .gz copies beside each asset (apps/web/precompress.mjs).
      preCompressed: true,
      // Our own cache-control below; the plugin's default would override it.
      cacheControl: false,
      setHeaders(res, filePath) {
        res.setHeader(
          "cache-control",
          filePath.includes(`${join(config.webDist, "assets")}`)
            ? "public, max-age=31536000, immutable"
            : "no-cache",
        );
      },
    });
    app.setNotFoundHandler((request, reply) => {
      const path = request.url.split("?")[0] ?? "/";
      const wantsPage = request.method === "GET" && !/^\/(trpc|api|assets)\//.test(path);
      if (!wantsPage) return reply.code(404).send({ error: "Not found" });
      return reply.header("cache-control", "no-cache").type("text/html").sendFile("index.html");
    });
  } else {
    app.log.warn({ webDist: config.webDist }, "web app not built; serving the API only");
  }

  // Live streams never end on their own: end them first, so closing does not wait on them
  // (open pages reconnect to the next server and refetch).
  app.addHook("preClose", async () => {
    changes.closeStreams();
  });
  // What has been in a project's trash over 30 days is purged at start and every six hours.
  const purge = () => {
    try {
      const counts = purgeTrash(db);
      const total = Object.values(counts).reduce((a, b) => a + b, 0);
      if (total > 0)
        app.log.info({ purged: counts }, "purged the trash of rows deleted over 30 days ago");
    } catch (err) {
      app.log.error({ err }, "purging the trash failed");
    }
  };
  app.addHook("onReady", async () => purge());
  // The dashboards' figures, computed in the background once listening (see warmFigures).
  let closing = false;
  app.addHook("onListen", async () => {
    const started = performance.now();
    warmFigures(db, () => closing)
      .then((projects) => {
        if (projects > 0)
          app.log.info(
            { projects, ms: Math.round(performance.now() - started) },
            "computed the dashboards' figures",
          );
      })
      .catch((err: unknown) => app.log.warn({ err }, "computing the dashboards' figures failed"));
  });
  app.addHook("preClose", async () => {
    closing = true;
  });
  const purging = setInterval(purge, 6 * 3600_000);
  purging.unref();
  app.addHook("onClose", async () => {
    clearInterval(purging);
    if (ownsDb) closeDb(db);
  });
  return app;
}

export type App = Awaited<ReturnType<typeof buildApp>>;

/**
 * The plain-http side of a server that speaks https itself: every request is sent, with a 301,
 * to the same path on the public https URL. The host comes from PUBLIC_URL, never from the
 * request, so a forged Host header cannot redirect anyone elsewhere.
 */
export function buildRedirectServer(config: Config): Server {
  const target = new URL(config.publicUrl);
  return createServer((request, response) => {
    let location = target.origin;
    try {
      // "//evil.example/x" is a path here, not another host.
      const url = new URL(`http://x${(request.url ?? "/").replace(/^\/+/, "/")}`);
      location = `${target.origin}${url.pathname}${url.search}`;
    } catch {
      // An unparseable path goes to the front page.
    }
    response.writeHead(301, {
      location,
      "content-type": "text/plain; charset=utf-8",
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    });
    response.end(`Moved to ${location}\n`);
  });
}

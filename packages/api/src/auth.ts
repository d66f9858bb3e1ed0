import { account, asc, type Db, eq, member, session, user, verification } from "@rollout/db";
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { APIError, createAuthMiddleware } from "better-auth/api";
import type { Actor } from "./context.ts";
import {
  hashPassword,
  PASSWORD_MAX,
  PASSWORD_MIN,
  passwordProblem,
  verifyPassword,
} from "./passwords.ts";

/** Where a new password is chosen, and the body field that carries it. */
const NEW_PASSWORD_FIELD: Record<string, string> = {
  "/sign-up/email": "password",
  "/change-password": "newPassword",
  "/reset-password": "newPassword",
  "/set-password": "newPassword",
};

export interface AuthSettings {
  db: Db;
  /** Public URL the browser uses, e.g. http://127.0.0.1:8080. */
  baseUrl: string;
  /** Other origins allowed to post to the auth endpoints (localhost vs 127.0.0.1). */
  trustedOrigins: string[];
  /** At least 32 random characters; signs the session cookie. */
  secret: string;
  /** Secure cookies: on whenever the app is served over https. */
  secureCookies: boolean;
  /** A session unused this long ends (sliding). */
  sessionIdleSeconds: number;
  /** A session ends this long after sign-in, used or not. */
  sessionAbsoluteSeconds: number;
}

/** The header the server sets from the socket's address, so clients cannot spoof their IP. */
export const CLIENT_IP_HEADER = "x-rollout-client-ip";

/**
 * Identity (sign-up, sign-in, sign-out, password hashing, session cookies) is better-auth's.
 * Organisations, memberships and invitations are Rollout's own tables, changed through tRPC
 * procedures so that each change is permission-checked, versioned and audited like any other.
 */
export function createAuth(settings: AuthSettings) {
  const { db } = settings;
  return betterAuth({
    appName: "Rollout",
    baseURL: settings.baseUrl,
    secret: settings.secret,
    trustedOrigins: settings.trustedOrigins,
    database: drizzleAdapter(db, {
      provider: "sqlite",
      schema: { user, session, account, verification },
    }),
    emailAndPassword: {
      enabled: true,
      minPasswordLength: PASSWORD_MIN,
      maxPasswordLength: PASSWORD_MAX,
      autoSignIn: true,
      password: { hash: hashPassword, verify: verifyPassword },
      // A new password ends every other session (ASVS 5: 3.3.3).
      revokeSessionsOnPasswordReset: true,
    },
    hooks: {
      // Every new password is checked against the list of common ones before it is taken.
      before: createAuthMiddleware(async (ctx) => {
        const field = NEW_PASSWORD_FIELD[ctx.path];
        if (!field) return;
        const body = (ctx.body ?? {}) as Record<string, unknown>;
        const problem = passwordProblem(body[field]);
        if (problem) throw new APIError("BAD_REQUEST", { message: problem });
        // Changing a password ends every other session of the account (ASVS 5: 7.4.3).
        if (ctx.path === "/change-password") {
          return { context: { body: { ...body, revokeOtherSessions: true } } };
        }
      }),
    },
    session: {
      expiresIn: settings.sessionIdleSeconds,
      // Extend the idle window at most every twelfth of it, not on every request.
      updateAge: Math.max(60, Math.floor(settings.sessionIdleSeconds / 12)),
      additionalFields: {
        activeOrganizationId: { type: "string", required: false, input: false },
      },
    },
    databaseHooks: {
      session: {
        create: {
          // A new session starts in the person's first organisation, if they have one.
          before: async (data) => {
            const first = db
              .select({ orgId: member.organizationId })
              .from(member)
              .where(eq(member.userId, data.userId))
              .orderBy(asc(member.createdAt))
              .get();
            return { data: { ...data, activeOrganizationId: first?.orgId ?? null } };
          },
        },
      },
    },
    // Sign-in and sign-up are rate limited by the HTTP server, per client address.
    rateLimit: { enabled: false },
    telemetry: { enabled: false },
    advanced: {
      cookiePrefix: "rollout",
      useSecureCookies: settings.secureCookies,
      // better-auth turns its Origin check off when NODE_ENV=test; we want it always.
      disableOriginCheck: false,
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax" },
    },
  });
}

export type Auth = ReturnType<typeof createAuth>;

/**
 * The actor behind a request's session cookie, or null. Enforces the absolute lifetime that
 * better-auth's sliding expiry does not: an older session is deleted and treated as signed out.
 */
export async function actorFromHeaders(
  auth: Auth,
  db: Db,
  headers: Headers,
  absoluteSeconds: number,
  now: Date = new Date(),
): Promise<Actor | null> {
  const found = await auth.api.getSession({ headers });
  if (!found) return null;
  const startedAt = new Date(found.session.createdAt).getTime();
  if (now.getTime() - startedAt > absoluteSeconds * 1000) {
    db.delete(session).where(eq(session.id, found.session.id)).run();
    return null;
  }
  const active = (found.session as { activeOrganizationId?: string | null }).activeOrganizationId;
  return {
    userId: found.user.id,
    sessionId: found.session.id,
    name: found.user.name,
    email: found.user.email,
    activeOrgId: active ?? null,
  };
}

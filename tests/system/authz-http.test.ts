/**
 * The authorization matrix over HTTP (issue 8): the test world written into the real server's
 * database, each person signed in with a password, and every procedure called through the real
 * transport (cookies, CSRF header, GET for queries, POST for mutations) as every role — and as a
 * share-link visitor, who holds a live token and no account. Queries run for every role;
 * mutations for every role that must be refused (a refusal changes nothing, so one world serves
 * them all; what allowed roles may change is proven on fresh worlds in process, authz.test.ts).
 */
import { createHmac } from "node:crypto";
import { listProcedures } from "@rollout/api";
import {
  createWorld,
  expected,
  type MatrixRole,
  matrix,
  matrixRoles,
  type Outcome,
  type World,
} from "@rollout/api/testing";
import { eq, session } from "@rollout/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type TestServer } from "./helpers.ts";

let server: TestServer;
let world: World;
const procedures = listProcedures().filter((p) => p.type !== "subscription");
const typeOf = new Map(procedures.map((p) => [p.path, p.type]));

/** The session cookie better-auth would have set: the token, signed with the server's secret. */
function cookieFor(target: TestServer, sessionId: string): string {
  const row = target.db
    .select({ token: session.token })
    .from(session)
    .where(eq(session.id, sessionId))
    .get();
  if (!row) throw new Error("no session");
  const signature = createHmac("sha256", target.config.authSecret)
    .update(row.token)
    .digest("base64");
  return `rollout.session_token=${encodeURIComponent(`${row.token}.${signature}`)}`;
}

/** A fresh server with the test world in its database, and each person's cookie. */
async function freshWorld() {
  const target = await startServer();
  const w = createWorld(target.db);
  const cookies = new Map<MatrixRole, string>([["anonymous", ""]]);
  for (const role of matrixRoles) {
    if (role !== "anonymous") cookies.set(role, cookieFor(target, w.people[role].sessionId));
  }
  return { target, w, cookies };
}

let cookies = new Map<MatrixRole, string>();
beforeAll(async () => {
  ({ target: server, w: world, cookies } = await freshWorld());
});
afterAll(() => server.close());

/** A caller with the in-process caller's shape that goes over HTTP, like the web client. */
function httpCaller(target: TestServer, cookie: string): unknown {
  const make = (parts: string[]): unknown =>
    new Proxy(() => undefined, {
      get: (_t, key) => make([...parts, String(key)]),
      apply: async (_t, _this, args: unknown[]) => {
        const path = parts.join(".");
        const input = args[0];
        const headers: Record<string, string> = {
          "x-rollout-csrf": "1",
          ...(cookie ? { cookie } : {}),
        };
        // Batched, exactly as the web client's link sends it.
        const batch = JSON.stringify({ 0: input });
        const response =
          typeOf.get(path) === "mutation"
            ? await fetch(`${target.url}/trpc/${path}?batch=1`, {
                method: "POST",
                headers: {
                  ...headers,
                  "content-type": "application/json",
                  "sec-fetch-site": "same-origin",
                },
                body: batch,
              })
            : await fetch(`${target.url}/trpc/${path}?batch=1&input=${encodeURIComponent(batch)}`, {
                headers,
              });
        const [body] = (await response.json()) as Array<{
          result?: { data: unknown };
          error?: { data: { code: string } };
        }>;
        if (!body) throw new Error(`no answer (${response.status})`);
        if (body.error) {
          throw Object.assign(new Error(body.error.data.code), { code: body.error.data.code });
        }
        return body.result?.data;
      },
    });
  return make([]);
}

async function outcome(call: () => Promise<unknown>): Promise<string> {
  try {
    await call();
    return "allowed";
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
}

type HttpRole = MatrixRole | "shareVisitor";

describe("authorization matrix over HTTP", () => {
  it("answers every procedure for every role as the permission table says", {
    timeout: 300_000,
  }, async () => {
    const roles: HttpRole[] = [...matrixRoles, "shareVisitor"];
    let cells = 0;
    let servers = 1;
    const mismatches: string[] = [];
    const check = async (
      target: TestServer,
      w: World,
      jar: Map<MatrixRole, string>,
      path: string,
      role: HttpRole,
    ) => {
      const procedure = procedures.find((p) => p.path === path);
      const row = matrix[path];
      if (!row || !procedure?.permission) {
        mismatches.push(`${path}: no matrix row`);
        return;
      }
      // A share-link visitor is, to every procedure, someone signed out holding a token.
      const as: MatrixRole = role === "shareVisitor" ? "anonymous" : role;
      const want: Outcome = expected(procedure.permission, row.target, as);
      const caller = httpCaller(target, jar.get(as) ?? "");
      const got = await outcome(() => row.call(caller as never, w, as));
      cells += 1;
      const allowedByRow = row.allow.includes(as);
      // Allowed by the table but not by the row: the service narrows it (only named signers).
      const ok = want === "allowed" && !allowedByRow ? got === "FORBIDDEN" : got === want;
      if (!ok) mismatches.push(`${path} as ${role}: got ${got}, want ${want}`);
    };
    // Queries read: one world serves every role.
    for (const p of procedures.filter((x) => x.type === "query")) {
      for (const role of roles) await check(server, world, cookies, p.path, role);
    }
    // Mutations write: a fresh world for each, refused roles first (a refusal changes nothing),
    // then one role it allows.
    for (const p of procedures.filter((x) => x.type === "mutation")) {
      const fresh = await freshWorld();
      servers += 1;
      try {
        const row = matrix[p.path];
        const allowed = roles.filter((r) => r !== "shareVisitor" && row?.allow.includes(r));
        for (const role of roles.filter((r) => !allowed.includes(r))) {
          await check(fresh.target, fresh.w, fresh.cookies, p.path, role);
        }
        const first = allowed.includes("orgOwner") ? "orgOwner" : allowed[0];
        if (first) await check(fresh.target, fresh.w, fresh.cookies, p.path, first);
      } finally {
        await fresh.target.close();
      }
    }
    console.log(
      `authorization over HTTP: ${procedures.length} procedures × ${roles.length} roles (share-link visitor included), ${servers} servers: ${cells} cells, ${mismatches.length} mismatches`,
    );
    expect(mismatches).toEqual([]);
  });
});

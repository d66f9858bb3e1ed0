import { readFileSync } from "node:fs";
import type { IncomingHttpHeaders } from "node:http";
import { request as httpsRequest } from "node:https";
import { join, resolve } from "node:path";
import { buildRedirectServer } from "@rollout/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, startServer, type TestServer } from "./helpers.ts";

// The server speaking https itself (TLS_CERT_FILE / TLS_KEY_FILE), without a reverse proxy.
const fixtures = resolve(import.meta.dirname, "fixtures");
const ca = readFileSync(join(fixtures, "tls-test-cert.pem"));

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

function send(
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Answer> {
  return new Promise((done, fail) => {
    const request = httpsRequest(
      url,
      { ca, agent: false, method: init.method ?? "GET", headers: init.headers },
      (response) => {
        let body = "";
        response.setEncoding("utf8");
        response.on("data", (chunk) => {
          body += chunk;
        });
        response.on("end", () =>
          done({ status: response.statusCode ?? 0, headers: response.headers, body }),
        );
      },
    );
    request.on("error", fail);
    request.end(init.body);
  });
}

let server: TestServer;
let origin: string;
beforeAll(async () => {
  const port = await freePort();
  server = await startServer({
    PORT: String(port),
    TLS_CERT_FILE: join(fixtures, "tls-test-cert.pem"),
    TLS_KEY_FILE: join(fixtures, "tls-test-key.pem"),
  });
  origin = `https://127.0.0.1:${port}`;
});
afterAll(async () => server.close());

describe("https served by the server itself", () => {
  it("answers over TLS with HSTS and an upgrade-insecure-requests CSP", async () => {
    expect(server.config.publicUrl).toBe(origin);
    const health = await send(`${origin}/healthz`);
    expect(health.status).toBe(200);
    expect(JSON.parse(health.body)).toEqual({ ok: true });
    expect(health.headers["strict-transport-security"]).toBe("max-age=31536000; includeSubDomains");
    expect(health.headers["content-security-policy"]).toMatch(/upgrade-insecure-requests/);
    expect(health.headers["content-security-policy"]).toMatch(/frame-ancestors 'none'/);
  });

  it("refuses a client that does not trust the certificate (it is really TLS, not plain http)", async () => {
    await expect(fetch(`${origin}/healthz`)).rejects.toThrow();
    await expect(fetch(`http://127.0.0.1:${new URL(origin).port}/healthz`)).rejects.toThrow();
  });

  it("signs up with a __Secure- session cookie marked Secure, HttpOnly and SameSite", async () => {
    const answer = await send(`${origin}/api/auth/sign-up/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin },
      body: JSON.stringify({
        email: "tls@example.test",
        password: "correct horse battery",
        name: "TLS",
      }),
    });
    expect(answer.status).toBe(200);
    const cookie = (answer.headers["set-cookie"] ?? []).find((c) => c.includes("session_token="));
    expect(cookie).toMatch(/^__Secure-rollout\.session_token=/);
    expect(cookie).toMatch(/; Secure/i);
    expect(cookie).toMatch(/; HttpOnly/i);
    expect(cookie).toMatch(/; SameSite=Lax/i);
  });
});

describe("the plain-http redirect", () => {
  let redirectUrl: string;
  let close: () => Promise<void>;
  beforeAll(async () => {
    const redirect = buildRedirectServer(server.config);
    const port = await freePort();
    await new Promise<void>((done) => redirect.listen(port, "127.0.0.1", () => done()));
    redirectUrl = `http://127.0.0.1:${port}`;
    close = () => new Promise((done) => redirect.close(() => done()));
  });
  afterAll(async () => close());

  const location = async (path: string, headers: Record<string, string> = {}) => {
    const answer = await fetch(`${redirectUrl}${path}`, { redirect: "manual", headers });
    expect(answer.status).toBe(301);
    expect(answer.headers.get("cache-control")).toBe("no-store");
    return answer.headers.get("location");
  };

  it("sends every path and query to the same place on the https public URL", async () => {
    expect(await location("/")).toBe(`${origin}/`);
    expect(await location("/projects/abc?tab=plan&x=1")).toBe(
      `${origin}/projects/abc?tab=plan&x=1`,
    );
    const post = await fetch(`${redirectUrl}/trpc/task.update`, {
      method: "POST",
      redirect: "manual",
      body: "{}",
    });
    expect(post.status).toBe(301);
  });

  it("never redirects to another host, whatever the Host header or path says", async () => {
    expect(await location("/x", { host: "evil.example" })).toBe(`${origin}/x`);
    expect(await location("//evil.example/steal")).toBe(`${origin}/evil.example/steal`);
    expect(await location("/\\evil.example")).toMatch(new RegExp(`^${origin}/`));
  });
});

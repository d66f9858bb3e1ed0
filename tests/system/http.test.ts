import { mkdirSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { join } from "node:path";
import { brotliCompressSync, brotliDecompressSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type TestServer } from "./helpers.ts";

let server: TestServer;
const bigScript = `console.log(${JSON.stringify("rollout ".repeat(2000))});`;

beforeAll(async () => {
  // A stand-in for the built web app, so these tests need no Vite build.
  const { mkdtempSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const dist = mkdtempSync(join(tmpdir(), "rollout-dist-"));
  mkdirSync(join(dist, "assets"));
  writeFileSync(join(dist, "index.html"), '<!doctype html><div id="root"></div>');
  writeFileSync(join(dist, "assets", "index-abc123.js"), bigScript);
  // As the build leaves them (apps/web/precompress.mjs): compressed copies beside the asset.
  writeFileSync(join(dist, "assets", "pre-def456.js"), bigScript);
  writeFileSync(join(dist, "assets", "pre-def456.js.br"), brotliCompressSync(bigScript));
  writeFileSync(join(dist, "assets", "pre-def456.js.gz"), gzipSync(bigScript));
  server = await startServer({ WEB_DIST: dist });
});
afterAll(() => server.close());

describe("HTTP surface", () => {
  it("answers the health check", async () => {
    const response = await fetch(`${server.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
  });

  it("sends security headers with a strict CSP and a request id", async () => {
    const response = await fetch(`${server.url}/`);
    const csp = response.headers.get("content-security-policy") ?? "";
    for (const directive of [
      "default-src 'self'",
      "script-src 'self'",
      "object-src 'none'",
      "base-uri 'none'",
      "frame-ancestors 'none'",
    ]) {
      expect(csp).toContain(directive);
    }
    expect(csp).not.toContain("upgrade-insecure-requests");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(response.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("serves the SPA for any page path, never cached", async () => {
    const response = await fetch(`${server.url}/projects/some-id/members?tab=1`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/text\/html/);
    expect(response.headers.get("cache-control")).toBe("no-cache");
    expect(await response.text()).toContain('<div id="root">');
  });

  it("caches hashed assets for a year and compresses them", async () => {
    const response = await fetch(`${server.url}/assets/index-abc123.js`, {
      headers: { "accept-encoding": "gzip" },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(response.headers.get("content-encoding")).toBe("gzip");
    expect(await response.text()).toBe(bigScript);
  });

  it("sends an asset's brotli copy as it is, with the asset's type and caching", async () => {
    // Raw bytes (fetch would decode them): exactly the file the build wrote.
    const answer = await new Promise<{ headers: Record<string, unknown>; body: Buffer }>(
      (done, fail) => {
        const url = new URL(`${server.url}/assets/pre-def456.js`);
        request(url, { headers: { "accept-encoding": "br, gzip" } }, (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (c: Buffer) => chunks.push(c));
          response.on("end", () =>
            done({ headers: response.headers, body: Buffer.concat(chunks) }),
          );
        })
          .on("error", fail)
          .end();
      },
    );
    expect(answer.headers["content-encoding"]).toBe("br");
    expect(answer.headers["content-type"]).toMatch(/javascript/);
    expect(answer.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(brotliDecompressSync(answer.body).toString()).toBe(bigScript);
    const plain = await fetch(`${server.url}/assets/pre-def456.js`, {
      headers: { "accept-encoding": "identity" },
    });
    expect(plain.headers.get("content-encoding")).toBeNull();
    expect(await plain.text()).toBe(bigScript);
  });

  it("answers 404, not the SPA, for unknown API paths and missing assets", async () => {
    expect((await fetch(`${server.url}/trpc/no.such.procedure`)).status).toBe(404);
    expect((await fetch(`${server.url}/assets/missing.js`)).status).toBe(404);
    expect((await fetch(`${server.url}/api/nothing-here`)).status).toBe(404);
  });
});

import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.ts";

const base = { DATABASE_FILE: ":memory:", INIT_CWD: "/srv/rollout" };

describe("settings", () => {
  it("work out of the box", () => {
    const config = loadConfig({ INIT_CWD: "/srv/rollout", AUTH_SECRET: "x".repeat(32) });
    expect(config).toMatchObject({
      port: 8080,
      host: "127.0.0.1",
      databaseFile: "/srv/rollout/data/rollout.db",
      publicUrl: "http://127.0.0.1:8080",
      secureCookies: false,
      isProduction: true,
      maxBodyBytes: 10 * 1024 * 1024,
      maxBatchSize: 20,
      seedDemo: true,
    });
    expect(config.trustedOrigins).toEqual(["http://127.0.0.1:8080", "http://localhost:8080"]);
  });

  it("name every bad setting at once", () => {
    let error: unknown;
    try {
      loadConfig({ ...base, PORT: "99999", SEED_DEMO: "maybe", AUTH_SECRET: "short" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toMatch(/PORT="99999"/);
    expect(message).toMatch(/SEED_DEMO="maybe": use true or false/);
    expect(message).toMatch(/AUTH_SECRET="short": must be at least 32 characters/);
  });

  it("use secure cookies and a single trusted origin behind an https public URL", () => {
    const config = loadConfig({ ...base, PUBLIC_URL: "https://rollout.example.com/" });
    expect(config.publicUrl).toBe("https://rollout.example.com");
    expect(config.secureCookies).toBe(true);
    expect(config.trustedOrigins).toEqual(["https://rollout.example.com"]);
  });

  it("generate a cookie secret when none is given", () => {
    const a = loadConfig(base).authSecret;
    expect(a.length).toBeGreaterThanOrEqual(32);
  });

  describe("https served by the server itself", () => {
    const fixtures = resolve(import.meta.dirname, "../../../tests/system/fixtures");
    const tlsEnv = {
      ...base,
      TLS_CERT_FILE: join(fixtures, "tls-test-cert.pem"),
      TLS_KEY_FILE: join(fixtures, "tls-test-key.pem"),
    };
    const messageOf = (env: Record<string, string>) => {
      try {
        loadConfig(env);
      } catch (e) {
        expect(e).toBeInstanceOf(ConfigError);
        return (e as Error).message;
      }
      throw new Error("the settings were accepted");
    };

    it("serve an https public URL with secure cookies, and accept the redirect port", () => {
      const config = loadConfig({ ...tlsEnv, PORT: "8443", HTTP_REDIRECT_PORT: "8081" });
      expect(config.publicUrl).toBe("https://127.0.0.1:8443");
      expect(config.secureCookies).toBe(true);
      expect(config.trustedOrigins).toEqual(["https://127.0.0.1:8443", "https://localhost:8443"]);
      expect(config.httpRedirectPort).toBe(8081);
      expect(config.tls?.cert.toString()).toMatch(/BEGIN CERTIFICATE/);
      expect(loadConfig({ ...tlsEnv, PORT: "443" }).publicUrl).toBe("https://127.0.0.1");
    });

    it("refuse half a pair, unreadable or non-PEM files, and a redirect without TLS", () => {
      expect(messageOf({ ...base, TLS_CERT_FILE: tlsEnv.TLS_CERT_FILE })).toMatch(
        /set both, or neither/,
      );
      expect(messageOf({ ...tlsEnv, TLS_KEY_FILE: "/nonexistent/key.pem" })).toMatch(
        /TLS_KEY_FILE="\/nonexistent\/key.pem": cannot be read/,
      );
      const dir = mkdtempSync(join(tmpdir(), "rollout-config-"));
      writeFileSync(join(dir, "cert.pem"), "not a certificate");
      expect(messageOf({ ...tlsEnv, TLS_CERT_FILE: join(dir, "cert.pem") })).toMatch(
        /TLS_CERT_FILE=.*: not a PEM file/,
      );
      expect(messageOf({ ...base, HTTP_REDIRECT_PORT: "8081" })).toMatch(
        /needs TLS_CERT_FILE and TLS_KEY_FILE/,
      );
      expect(messageOf({ ...tlsEnv, PORT: "8443", HTTP_REDIRECT_PORT: "8443" })).toMatch(
        /must differ from PORT/,
      );
    });
  });
});

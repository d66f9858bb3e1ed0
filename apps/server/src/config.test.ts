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
});

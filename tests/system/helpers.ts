import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDb, type Db } from "@rollout/db";
import { type App, buildApp } from "@rollout/server";
import { type Config, loadConfig } from "../../apps/server/src/config.ts";

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface TestServer {
  app: App;
  db: Db;
  config: Config;
  url: string;
  logs: string[];
  dir: string;
  close(): Promise<void>;
}

/** The real server, listening on 127.0.0.1, on a fresh database file in a temp folder. */
export async function startServer(env: Record<string, string> = {}): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), "rollout-system-"));
  const port = await freePort();
  const config = loadConfig({
    NODE_ENV: "production",
    PORT: String(port),
    HOST: "127.0.0.1",
    DATABASE_FILE: join(dir, "rollout.db"),
    LOG_LEVEL: "info",
    WEB_DIST: join(dir, "no-web"),
    ...env,
  });
  const db = createDb(config.databaseFile);
  const logs: string[] = [];
  const app = await buildApp({ config, db, logStream: { write: (line) => void logs.push(line) } });
  await app.listen({ port: config.port, host: "127.0.0.1" });
  return {
    app,
    db,
    config,
    url: `http://127.0.0.1:${config.port}`,
    logs,
    dir,
    async close() {
      // Keep-alive sockets the test's fetch left open would hold close() up.
      const closing = app.close();
      app.server.closeAllConnections();
      await closing;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A browser-like client: keeps the session cookie and sends what our web client sends. */
export class Client {
  cookie = "";
  constructor(readonly server: TestServer) {}

  async authPost(path: string, body: unknown, headers: Record<string, string> = {}) {
    const response = await fetch(`${this.server.url}/api/auth/${path}`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        origin: this.server.url,
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...headers,
      },
      body: JSON.stringify(body),
    });
    const setCookie = response.headers.getSetCookie();
    const session = setCookie.find((c) => c.startsWith("rollout.session_token="));
    if (session) this.cookie = session.split(";")[0] ?? "";
    return response;
  }

  async signUp(email: string, password = "correct horse battery", name = "Test Person") {
    const response = await this.authPost("sign-up/email", { email, password, name });
    if (!response.ok)
      throw new Error(`sign-up failed: ${response.status} ${await response.text()}`);
    return response;
  }

  async signIn(email: string, password = "correct horse battery") {
    return this.authPost("sign-in/email", { email, password });
  }

  /** A tRPC mutation exactly as the web client sends it. */
  async mutate(path: string, input: unknown, headers: Record<string, string> = {}) {
    return fetch(`${this.server.url}/trpc/${path}`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-rollout-csrf": "1",
        "sec-fetch-site": "same-origin",
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...headers,
      },
      body: JSON.stringify(input),
    });
  }

  async query(path: string, input?: unknown) {
    const query = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(input))}`;
    return fetch(`${this.server.url}/trpc/${path}${query}`, {
      headers: { "x-rollout-csrf": "1", ...(this.cookie ? { cookie: this.cookie } : {}) },
    });
  }
}

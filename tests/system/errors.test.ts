import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client, startServer, type TestServer } from "./helpers.ts";

let server: TestServer;
let client: Client;

beforeAll(async () => {
  server = await startServer({ NODE_ENV: "production" });
  client = new Client(server);
  await client.signUp("errors@example.test");
  await client.mutate("org.create", { name: "Errors", slug: "errors" });
});
afterAll(() => server.close());

describe("errors in production", () => {
  it("give field messages for bad input, without stack or internals", async () => {
    const response = await client.mutate("org.update", { name: "", version: 1 });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error.message).toBe("Name is required");
    expect(body.error.data.fieldErrors).toEqual({ name: "Name is required" });
    expect(body.error.data.stack).toBeUndefined();
  });

  it("hide a database failure behind a generic message and log the detail with the request id", async () => {
    // Break the database under the running server.
    server.db.$client.exec("ALTER TABLE project RENAME TO project_gone");
    try {
      const response = await client.query("project.list", {});
      expect(response.status).toBe(500);
      const text = await response.text();
      expect(text).not.toMatch(/sqlite|no such table|select|project_gone|\bat \w|\/work\/|\.ts:/i);
      const body = JSON.parse(text);
      expect(body.error.message).toBe("Something went wrong on our side. It has been logged.");
      const requestId = response.headers.get("x-request-id");
      expect(body.error.data.requestId).toBe(requestId);
      const logged = server.logs.filter(
        (l) => l.includes(String(requestId)) && l.includes("no such table"),
      );
      expect(logged.length).toBeGreaterThan(0);
    } finally {
      server.db.$client.exec("ALTER TABLE project_gone RENAME TO project");
    }
  });

  it("never echo a session cookie into the logs", async () => {
    await client.query("session.get");
    const token = client.cookie.split("=")[1] ?? "";
    expect(token.length).toBeGreaterThan(10);
    expect(server.logs.join("\n")).not.toContain(token.slice(0, 20));
  });
});

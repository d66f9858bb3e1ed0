import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client, startServer, type TestServer } from "./helpers.ts";

let server: TestServer;
let client: Client;

beforeAll(async () => {
  server = await startServer({
    MAX_BODY_BYTES: "16384",
    MAX_BATCH_SIZE: "5",
    AUTH_RATE_LIMIT_PER_MINUTE: "4",
  });
  client = new Client(server);
  await client.signUp("limits@example.test");
  await client.mutate("org.create", { name: "Limits", slug: "limits" });
});
afterAll(() => server.close());

describe("request limits", () => {
  it("answers 413 to a body over the limit", async () => {
    const response = await client.mutate("org.update", { name: "x".repeat(20_000), version: 1 });
    expect(response.status).toBe(413);
    const org = await (await client.query("org.get")).json();
    expect(org.result.data.name).toBe("Limits");
  });

  it("answers 400 to a batch over the limit, and serves one within it", async () => {
    const paths = (n: number) => Array.from({ length: n }, () => "session.get").join(",");
    const over = await fetch(`${server.url}/trpc/${paths(6)}?batch=1&input={}`, {
      headers: { cookie: client.cookie },
    });
    expect(over.status).toBe(400);
    const within = await fetch(`${server.url}/trpc/${paths(5)}?batch=1&input={}`, {
      headers: { cookie: client.cookie },
    });
    expect(within.status).toBe(200);
    expect(await within.json()).toHaveLength(5);
  });

  it("rate limits sign-in per client, with a readable 429, and logs it", async () => {
    const stranger = new Client(server);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const response = await stranger.signIn("limits@example.test", "wrong password!");
      statuses.push(response.status);
      if (response.status === 429) {
        const body = await response.json();
        expect(body.message).toMatch(/Too many attempts\. Try again in \d+ seconds/);
      }
    }
    expect(statuses).toEqual([401, 401, 401, 401, 429]);
    expect(server.logs.some((l) => l.includes("auth rate limit exceeded"))).toBe(true);
  });

  it("does not rate limit ordinary API reads", async () => {
    for (let i = 0; i < 10; i++) expect((await client.query("session.get")).status).toBe(200);
  });
});

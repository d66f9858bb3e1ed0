import { count, organization } from "@rollout/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client, startServer, type TestServer } from "./helpers.ts";

let server: TestServer;
let client: Client;
const orgCount = () => server.db.select({ n: count() }).from(organization).get()?.n ?? 0;

beforeAll(async () => {
  server = await startServer();
  client = new Client(server);
  await client.signUp("csrf@example.test");
});
afterAll(() => server.close());

const orgInput = (slug: string) => ({ name: "Forged", slug });

describe("CSRF guard on /trpc", () => {
  it("accepts the real client's JSON POST", async () => {
    const response = await client.mutate("org.create", orgInput("real-one"));
    expect(response.status).toBe(200);
    expect(orgCount()).toBe(1);
  });

  it("refuses a cross-site multipart form post to a mutation, with nothing written", async () => {
    const form = new FormData();
    form.set("name", "Forged");
    form.set("slug", "forged-multipart");
    const response = await fetch(`${server.url}/trpc/org.create`, {
      method: "POST",
      headers: { cookie: client.cookie },
      body: form,
    });
    expect(response.status).toBe(415);
    expect(orgCount()).toBe(1);
  });

  it.each([
    ["application/x-www-form-urlencoded", "name=Forged&slug=forged-form"],
    ["text/plain", JSON.stringify(orgInput("forged-text"))],
  ])("refuses %s bodies", async (type, body) => {
    const response = await fetch(`${server.url}/trpc/org.create`, {
      method: "POST",
      headers: { cookie: client.cookie, "content-type": type, "x-rollout-csrf": "1" },
      body,
    });
    expect(response.status).toBe(415);
    expect(orgCount()).toBe(1);
  });

  it("refuses JSON without the client's header", async () => {
    const response = await fetch(`${server.url}/trpc/org.create`, {
      method: "POST",
      headers: { cookie: client.cookie, "content-type": "application/json" },
      body: JSON.stringify(orgInput("forged-noheader")),
    });
    expect(response.status).toBe(403);
    expect(orgCount()).toBe(1);
  });

  it("refuses anything the browser marks cross-site, even with the header", async () => {
    const response = await client.mutate("org.create", orgInput("forged-cross"), {
      "sec-fetch-site": "cross-site",
    });
    expect(response.status).toBe(403);
    const body = await response.json();
    expect(body.error.data.code).toBe("FORBIDDEN");
    expect(orgCount()).toBe(1);
  });

  it("answers 405 to a GET on a mutation", async () => {
    const response = await client.query("org.create", orgInput("forged-get"));
    expect(response.status).toBe(405);
    expect(orgCount()).toBe(1);
  });

  it("refuses a sign-in posted from another origin (auth's own origin check)", async () => {
    const stranger = new Client(server);
    const response = await stranger.authPost(
      "sign-in/email",
      { email: "csrf@example.test", password: "correct horse battery" },
      { origin: "https://evil.example" },
    );
    expect(response.status).toBe(403);
    expect(stranger.cookie).toBe("");
  });
});

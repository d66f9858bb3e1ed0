/**
 * CSRF on every mutation (issue 8): each mutation, with an input that the real client would
 * have had accepted, is sent as a forged multipart form, urlencoded form and text/plain body,
 * as JSON without our header, as JSON marked cross-site by the browser, and as a GET. Every one
 * is refused before it reaches the procedure, and the database does not change at all.
 */
import { hashPassword, listProcedures } from "@rollout/api";
import { createWorld, sampleInput, type World } from "@rollout/api/testing";
import { account, newId } from "@rollout/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client, startServer, type TestServer } from "./helpers.ts";

let server: TestServer;
let world: World;
let owner: Client;
const PASSWORD = "a long test password 2026";

beforeAll(async () => {
  server = await startServer({ AUTH_RATE_LIMIT_PER_MINUTE: "100" });
  // The test world, written into the server's own database, and a password for its owner.
  world = createWorld(server.db);
  const now = new Date();
  server.db
    .insert(account)
    .values({
      id: newId(),
      accountId: world.people.orgOwner.userId,
      providerId: "credential",
      userId: world.people.orgOwner.userId,
      password: await hashPassword(PASSWORD),
      createdAt: now,
      updatedAt: now,
    })
    .run();
  owner = new Client(server);
  expect((await owner.signIn(world.people.orgOwner.email, PASSWORD)).status).toBe(200);
});
afterAll(() => server.close());

/** Every write the connection has made so far: unchanged means nothing was written. */
const writes = () =>
  (server.db.$client.prepare("select total_changes() as n").get() as { n: number }).n;

const mutations = listProcedures()
  .filter((p) => p.type === "mutation")
  .map((p) => p.path);

describe("CSRF on every mutation", () => {
  it("refuses every forged shape of every mutation with no side effect", {
    timeout: 120_000,
  }, async () => {
    const url = (path: string) => `${server.url}/trpc/${path}`;
    const refused: Record<string, number> = {};
    let attempts = 0;
    for (const path of mutations) {
      const input = (await sampleInput(path, world, "orgOwner")) ?? {};
      const json = JSON.stringify(input);
      const form = new FormData();
      form.set("input", json);
      const forged: Array<[string, RequestInit, number]> = [
        ["multipart", { method: "POST", headers: { cookie: owner.cookie }, body: form }, 415],
        [
          "urlencoded",
          {
            method: "POST",
            headers: {
              cookie: owner.cookie,
              "content-type": "application/x-www-form-urlencoded",
              "x-rollout-csrf": "1",
            },
            body: new URLSearchParams({ input: json }).toString(),
          },
          415,
        ],
        [
          "text/plain",
          {
            method: "POST",
            headers: { cookie: owner.cookie, "content-type": "text/plain", "x-rollout-csrf": "1" },
            body: json,
          },
          415,
        ],
        [
          "no header",
          {
            method: "POST",
            headers: { cookie: owner.cookie, "content-type": "application/json" },
            body: json,
          },
          403,
        ],
        [
          "cross-site",
          {
            method: "POST",
            headers: {
              cookie: owner.cookie,
              "content-type": "application/json",
              "x-rollout-csrf": "1",
              "sec-fetch-site": "cross-site",
            },
            body: json,
          },
          403,
        ],
      ];
      for (const [shape, init, status] of forged) {
        const before = writes();
        const response = await fetch(url(path), init);
        attempts += 1;
        expect(response.status, `${path} as ${shape}`).toBe(status);
        expect(writes(), `${path} as ${shape} wrote`).toBe(before);
        refused[shape] = (refused[shape] ?? 0) + 1;
      }
      const before = writes();
      const get = await owner.query(path, input);
      attempts += 1;
      expect(get.status, `GET ${path}`).toBe(405);
      expect(writes()).toBe(before);
      refused.GET = (refused.GET ?? 0) + 1;
    }
    // The inputs were live: sent properly, in the same order, most writes go through (the rest
    // meet what an earlier one changed: a version already moved, a row already deleted).
    let accepted = 0;
    for (const path of mutations) {
      const input = (await sampleInput(path, world, "orgOwner")) ?? {};
      // An earlier one may have created or switched organisation: back to the world's.
      await owner.mutate("org.switch", { orgId: world.orgId });
      const before = writes();
      const response = await owner.mutate(path, input);
      if (response.status === 200 && writes() > before) accepted += 1;
    }
    console.log(
      `csrf: ${mutations.length} mutations × 6 forged shapes = ${attempts} attempts, all refused, 0 writes (${JSON.stringify(refused)}); sent properly, ${accepted} of them wrote`,
    );
    expect(accepted).toBeGreaterThan(mutations.length / 2);
  });
});

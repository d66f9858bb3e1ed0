import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client, startServer, type TestServer } from "./helpers.ts";

let server: TestServer;
let owner: Client;
let projectId: string;

beforeAll(async () => {
  server = await startServer();
  owner = new Client(server);
  await owner.signUp("owner@live.test");
  await owner.mutate("org.create", { name: "Live Org", slug: "live-org" });
  const created = await owner.mutate("project.create", {
    key: "LIVE-1",
    name: "Live project",
    kind: "software",
    stage: "build",
    status: "active",
    startDate: "2026-11-02",
    targetGoLive: "2027-02-01",
    customer: "Live Customer",
    actualGoLive: null,
    plannedBudget: 0,
    actualCost: 0,
    currency: "EUR",
    objectives: "",
  });
  const body = (await created.json()) as { result?: { data: { id: string } } };
  if (!body.result) throw new Error(`project.create failed: ${JSON.stringify(body)}`);
  projectId = body.result.data.id;
});
afterAll(async () => {
  await server?.close();
});

/** Opens the live stream the way the browser's EventSource does, and reads its events. */
async function openStream(client: Client) {
  const controller = new AbortController();
  const response = await fetch(`${server.url}/trpc/live.changes`, {
    headers: {
      accept: "text/event-stream",
      "sec-fetch-site": "same-origin",
      "accept-encoding": "gzip, br",
      cookie: client.cookie,
    },
    signal: controller.signal,
  });
  const reader = response.body?.getReader();
  if (!reader) throw new Error("no body");
  const decoder = new TextDecoder();
  let buffer = "";
  const events: Array<{ data: unknown; at: number }> = [];
  const pump = (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        let cut = buffer.indexOf("\n\n");
        while (cut >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const data = block
            .split("\n")
            .filter((l) => l.startsWith("data:"))
            .map((l) => l.slice(5).trim())
            .join("");
          if (data && !block.includes("event: connected") && !block.includes("event: ping")) {
            events.push({ data: JSON.parse(data), at: performance.now() });
          }
          cut = buffer.indexOf("\n\n");
        }
      }
    } catch {
      // aborted
    }
  })();
  return { response, events, close: () => controller.abort(), pump };
}

async function until<T>(check: () => T | undefined, ms = 2000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe("live updates over server-sent events", () => {
  it("streams uncompressed server-sent events and delivers a committed change at once", async () => {
    const stream = await openStream(owner);
    expect(stream.response.status).toBe(200);
    expect(stream.response.headers.get("content-type")).toMatch(/text\/event-stream/);
    expect(stream.response.headers.get("content-encoding")).toBeNull();
    await new Promise((r) => setTimeout(r, 50));
    const latencies: number[] = [];
    for (let i = 0; i < 5; i++) {
      const before = stream.events.length;
      const sent = performance.now();
      const res = await owner.mutate("plan.phase.create", { projectId, name: `Phase ${i}` });
      expect(res.status).toBe(200);
      const event = await until(() => stream.events[before]);
      latencies.push(event.at - sent);
      expect(event.data).toMatchObject({ projectId, entityType: "phase", action: "create" });
    }
    latencies.sort((a, b) => a - b);
    console.log(`mutation → event over loopback: median ${latencies[2]?.toFixed(1)} ms`);
    expect(latencies[2]).toBeLessThan(1000);
    stream.close();
    await stream.pump;
  });

  it("ends open streams at once when the server closes", async () => {
    const other = await startServer();
    const client = new Client(other);
    await client.signUp("closing@live.test");
    await client.mutate("org.create", { name: "Closing Org", slug: "closing-org" });
    const response = await fetch(`${other.url}/trpc/live.changes`, {
      headers: { accept: "text/event-stream", cookie: client.cookie },
    });
    const reader = response.body?.getReader();
    if (!reader) throw new Error("no body");
    await reader.read();
    const started = performance.now();
    // Fastify's close waits for open requests: without ending the streams it would hang here.
    const closing = other.app.close();
    const ended = (async () => {
      try {
        for (;;) if ((await reader.read()).done) return "ended";
      } catch {
        return "ended";
      }
    })();
    expect(await ended).toBe("ended");
    await closing;
    expect(performance.now() - started).toBeLessThan(3000);
    rmSync(other.dir, { recursive: true, force: true });
  });

  it("refuses a stream to someone signed out", async () => {
    const response = await fetch(`${server.url}/trpc/live.changes`, {
      headers: { accept: "text/event-stream" },
    });
    const text = await response.text();
    expect(text).toMatch(/UNAUTHORIZED/);
  });
});

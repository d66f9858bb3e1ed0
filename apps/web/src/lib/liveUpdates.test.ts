import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { isAffected } from "./liveUpdates.ts";

function queryOf(key: unknown[]) {
  const client = new QueryClient();
  client.setQueryData(key, 1);
  const found = client.getQueryCache().find({ queryKey: key, exact: true });
  if (!found) throw new Error("no query");
  return found;
}

const event = (projectId: string | null) => ({
  projectId,
  entityType: "task",
  action: "update",
  at: "2026-11-22T10:00:00.000Z",
});

describe("which queries a live change refetches", () => {
  const raidOfA = queryOf([["raid", "list"], { input: { projectId: "A" }, type: "query" }]);
  const raidOfB = queryOf([["raid", "list"], { input: { projectId: "B" }, type: "query" }]);
  const portfolio = queryOf([["dashboard", "portfolio"], { input: {}, type: "query" }]);
  const projects = queryOf([["project", "list"], { input: {}, type: "query" }]);
  const session = queryOf([["session", "get"], { type: "query" }]);
  const holidays = queryOf([["org", "holidays"], { type: "query" }]);

  it("refetches the project's own queries and the cross-project summaries", () => {
    expect(isAffected(raidOfA, event("A"))).toBe(true);
    expect(isAffected(raidOfB, event("A"))).toBe(false);
    expect(isAffected(portfolio, event("A"))).toBe(true);
    expect(isAffected(projects, event("A"))).toBe(true);
    expect(isAffected(holidays, event("A"))).toBe(false);
    expect(isAffected(session, event("A"))).toBe(false);
  });

  it("refetches everything but the session on an organisation-wide change", () => {
    expect(isAffected(holidays, event(null))).toBe(true);
    expect(isAffected(raidOfB, event(null))).toBe(true);
    expect(isAffected(session, event(null))).toBe(false);
  });
});

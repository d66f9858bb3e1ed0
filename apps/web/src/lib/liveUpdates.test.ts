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

  it("refetches the lessons library on a lesson or review change of any project", () => {
    const library = queryOf([["lesson", "search"], { input: { text: "" }, type: "infinite" }]);
    expect(isAffected(library, { ...event("B"), entityType: "lesson" })).toBe(true);
    expect(isAffected(library, { ...event("B"), entityType: "pir" })).toBe(true);
    expect(isAffected(library, event("B"))).toBe(false);
  });

  it("refetches everything but the session on an organisation-wide change", () => {
    expect(isAffected(holidays, event(null))).toBe(true);
    expect(isAffected(raidOfB, event(null))).toBe(true);
    expect(isAffected(session, event(null))).toBe(false);
  });
});

describe("what comments and notifications refetch", () => {
  const change = (entityType: string, projectId: string | null) => ({
    projectId,
    entityType,
    action: "create",
    at: "2026-11-22T10:00:00.000Z",
  });
  const bell = queryOf([["notification", "unreadCount"], { type: "query" }]);
  const bellList = queryOf([["notification", "list"], { input: { limit: 10 }, type: "infinite" }]);
  const threadOfA = queryOf([
    ["comment", "list"],
    { input: { projectId: "A", targetType: "task", targetId: "t1" }, type: "query" },
  ]);
  const countsOfB = queryOf([
    ["comment", "counts"],
    { input: { projectId: "B", targetType: "task" }, type: "query" },
  ]);
  const activityOfA = queryOf([
    ["activity", "list"],
    { input: { projectId: "A", entity: null, limit: 50 }, type: "infinite" },
  ]);
  const planOfA = queryOf([["plan", "get"], { input: { projectId: "A" }, type: "query" }]);
  const portfolio = queryOf([["dashboard", "portfolio"], { input: {}, type: "query" }]);

  it("rings only the bell for a notification", () => {
    expect(isAffected(bell, change("notification", null))).toBe(true);
    expect(isAffected(bellList, change("notification", null))).toBe(true);
    expect(isAffected(planOfA, change("notification", null))).toBe(false);
    expect(isAffected(portfolio, change("notification", null))).toBe(false);
    expect(isAffected(bell, change("notification_prefs", null))).toBe(true);
  });

  it("refetches the project's threads, counts and activity for a comment, not its plan", () => {
    expect(isAffected(threadOfA, change("comment", "A"))).toBe(true);
    expect(isAffected(activityOfA, change("comment", "A"))).toBe(true);
    expect(isAffected(countsOfB, change("comment", "A"))).toBe(false);
    expect(isAffected(planOfA, change("comment", "A"))).toBe(false);
    expect(isAffected(portfolio, change("comment", "A"))).toBe(false);
    expect(isAffected(bell, change("comment", "A"))).toBe(false);
  });

  it("refetches the project's activity for every other change", () => {
    expect(isAffected(activityOfA, change("task", "A"))).toBe(true);
    expect(isAffected(activityOfA, change("raid_item", "A"))).toBe(true);
    expect(isAffected(activityOfA, change("task", "B"))).toBe(false);
  });
});

import type { MyWorkItem } from "@rollout/domain";
import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it, vi } from "vitest";
import { isAffected } from "../../lib/liveUpdates.ts";
import { createClient, createOptionsProxy } from "../../lib/trpc.ts";
import { task } from "../plan/testTasks.ts";
import { fetchAllMyWork, myWorkGroupInput, myWorkNextPage } from "./myWorkData.ts";

function item(id: string): MyWorkItem {
  return {
    task: task(id),
    projectId: "p1",
    projectKey: "ACME-CRM",
    projectName: "ACME CRM go-live",
    reasons: ["assignee"],
  };
}

const counts = { overdue: 2, thisWeek: 1, later: 1, noDate: 1 };

/** A server of three pages: t1 t2 | t3 t4 | t5. */
function pages() {
  const all = [
    { counts, items: [item("t1"), item("t2")], nextCursor: "c1" },
    { counts, items: [item("t3"), item("t4")], nextCursor: "c2" },
    { counts, items: [item("t5")], nextCursor: null },
  ];
  const cursors: (string | undefined)[] = [];
  const fetchPage = vi.fn(async (cursor: string | undefined) => {
    cursors.push(cursor);
    const page = all[cursor === undefined ? 0 : cursor === "c1" ? 1 : 2];
    if (!page) throw new Error("no such page");
    return page;
  });
  return { fetchPage, cursors };
}

describe("exporting all my work", () => {
  it("follows the cursor to the last page, keeping the order and reporting progress", async () => {
    const { fetchPage, cursors } = pages();
    const progress: [number, number][] = [];
    const items = await fetchAllMyWork(
      fetchPage,
      (done, total) => progress.push([done, total]),
      new AbortController().signal,
    );
    expect(items.map((i) => i.task.id)).toEqual(["t1", "t2", "t3", "t4", "t5"]);
    expect(cursors).toEqual([undefined, "c1", "c2"]);
    expect(progress).toEqual([
      [2, 5],
      [4, 5],
      [5, 5],
    ]);
  });

  it("writes a task that moved between two pages once", async () => {
    const fetchPage = vi.fn(async (cursor: string | undefined) =>
      cursor
        ? { counts, items: [item("t2"), item("t3")], nextCursor: null }
        : { counts, items: [item("t1"), item("t2")], nextCursor: "c1" },
    );
    const items = await fetchAllMyWork(fetchPage, () => {}, new AbortController().signal);
    expect(items.map((i) => i.task.id)).toEqual(["t1", "t2", "t3"]);
  });

  it("stops when cancelled, asking for no further page", async () => {
    const { fetchPage } = pages();
    const controller = new AbortController();
    const run = fetchAllMyWork(fetchPage, () => controller.abort(), controller.signal);
    await expect(run).rejects.toThrow();
    expect(fetchPage).toHaveBeenCalledTimes(1);
  });
});

describe("the list's queries", () => {
  const queryClient = new QueryClient();
  const trpc = createOptionsProxy(createClient(), queryClient);
  const options = trpc.myWork.list.infiniteQueryOptions(
    myWorkGroupInput("later", "2026-11-25"),
    myWorkNextPage,
  );
  queryClient.setQueryData(options.queryKey, {
    pages: [{ counts, items: [], nextCursor: "c1" }],
    pageParams: [null],
  });
  const query = queryClient.getQueryCache().find({ queryKey: options.queryKey, exact: true });

  it("are what a status change invalidates (trpc.myWork.list.pathFilter())", () => {
    const matched = queryClient.getQueryCache().findAll(trpc.myWork.list.pathFilter());
    expect(matched).toContain(query);
  });

  it("are refetched by a live change to any project", () => {
    if (!query) throw new Error("no query");
    const change = { entityType: "task", action: "update", at: "2026-11-25T10:00:00.000Z" };
    expect(isAffected(query, { ...change, projectId: "any-project" })).toBe(true);
  });

  it("ask for one group, a page at a time, until the server has no next page", () => {
    expect(myWorkGroupInput("later", "2026-11-25")).toEqual({
      today: "2026-11-25",
      group: "later",
      limit: 50,
    });
    expect(myWorkNextPage.getNextPageParam({ counts, items: [], nextCursor: "c1" })).toBe("c1");
    expect(myWorkNextPage.getNextPageParam({ counts, items: [], nextCursor: null })).toBe(
      undefined,
    );
  });
});

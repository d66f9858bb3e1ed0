import { describe, expect, it } from "vitest";
import { portfolioSearch } from "../projects/portfolioSearch.ts";
import {
  activeView,
  compactSearch,
  loadViews,
  MAX_VIEWS,
  parseViews,
  removeView,
  savedViewsKey,
  storeViews,
  upsertView,
  viewSearch,
} from "./savedViews.ts";

const search = (input: Record<string, unknown> = {}) => portfolioSearch.parse(input);

/** An in-memory stand-in for localStorage. */
function memoryStorage(failWrites = false) {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (key: string) => data.get(key) ?? null,
    setItem: (key: string, value: string) => {
      if (failWrites) throw new Error("QuotaExceededError");
      data.set(key, value);
    },
  };
}

describe("saved portfolio views", () => {
  it("keeps a view per person and organisation", () => {
    expect(savedViewsKey("u1", "o1")).not.toBe(savedViewsKey("u1", "o2"));
    expect(savedViewsKey("u1", "o1")).not.toBe(savedViewsKey("u2", "o1"));
  });

  it("saves only what differs from the defaults, like the URL", () => {
    expect(compactSearch(search())).toEqual({});
    expect(compactSearch(search({ health: "red", slipping: true, sort: "spi", q: "" }))).toEqual({
      health: "red",
      slipping: true,
      sort: "spi",
    });
  });

  it("saves, replaces by name regardless of case, lists by name and deletes", () => {
    const first = upsertView([], "  Red   projects ", search({ health: "red" }));
    if (!first.ok) throw new Error(first.error);
    expect(first.name).toBe("Red projects");
    expect(first.replaced).toBe(false);

    const second = upsertView(first.views, "Amber", search({ health: "amber" }));
    if (!second.ok) throw new Error(second.error);
    expect(second.views.map((v) => v.name)).toEqual(["Amber", "Red projects"]);

    const replaced = upsertView(
      second.views,
      "red PROJECTS",
      search({ health: "red", desc: true }),
    );
    if (!replaced.ok) throw new Error(replaced.error);
    expect(replaced.replaced).toBe(true);
    expect(replaced.views).toHaveLength(2);
    expect(replaced.views.find((v) => v.name === "red PROJECTS")?.search).toEqual({
      health: "red",
      desc: true,
    });

    expect(removeView(replaced.views, "amber").map((v) => v.name)).toEqual(["red PROJECTS"]);
  });

  it("refuses a view without a name and more than the limit", () => {
    expect(upsertView([], "   ", search())).toEqual({ ok: false, error: "Give the view a name" });
    let views = [] as ReturnType<typeof parseViews>;
    for (let i = 0; i < MAX_VIEWS; i++) {
      const result = upsertView(views, `View ${i}`, search());
      if (result.ok) views = result.views;
    }
    expect(views).toHaveLength(MAX_VIEWS);
    expect(upsertView(views, "One more", search()).ok).toBe(false);
    // Replacing an existing one is still allowed when full.
    expect(upsertView(views, "View 3", search({ health: "red" })).ok).toBe(true);
  });

  it("knows which saved view is on screen", () => {
    const saved = upsertView([], "Slipping reds", search({ health: "red", slipping: true }));
    if (!saved.ok) throw new Error(saved.error);
    expect(activeView(saved.views, search({ slipping: true, health: "red" }))?.name).toBe(
      "Slipping reds",
    );
    expect(activeView(saved.views, search({ health: "red" }))).toBeUndefined();
  });

  it("reads back what it stored, and reads anything broken or stale safely", () => {
    const storage = memoryStorage();
    const saved = upsertView([], "Build stage", search({ stage: "build", sort: "risks" }));
    if (!saved.ok) throw new Error(saved.error);
    expect(storeViews(storage, "k", saved.views)).toBe(true);
    const loaded = loadViews(storage, "k");
    expect(loaded).toEqual(saved.views);
    expect(viewSearch(loaded[0] ?? saved.views[0]!)).toMatchObject({
      stage: "build",
      sort: "risks",
    });

    expect(parseViews(null)).toEqual([]);
    expect(parseViews("{not json")).toEqual([]);
    expect(parseViews(JSON.stringify({ version: 2, views: [] }))).toEqual([]);
    // A field that no longer exists falls back to its default; the view itself survives.
    const stale = JSON.stringify({
      version: 1,
      views: [
        { name: "Old", search: { sort: "targetGoLive", stage: "build" }, savedAt: "2026-01-01" },
      ],
    });
    expect(parseViews(stale)[0]?.search).toEqual({ stage: "build" });
  });

  it("reports a refused write instead of throwing", () => {
    expect(storeViews(memoryStorage(true), "k", [])).toBe(false);
    expect(storeViews(undefined, "k", [])).toBe(false);
  });
});

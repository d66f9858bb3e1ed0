import { describe, expect, it } from "vitest";
import { bellLabel, unreadLabel } from "./bell.ts";
import { dayLabel, groupByDay, localDay, timeAgo } from "./collabTime.ts";
import { canComment, targetPlace } from "./targets.ts";

/** An instant at a local hour of a local day, whatever the machine's time zone. */
const at = (y: number, m: number, d: number, h: number) =>
  new Date(y, m - 1, d, h, 15).toISOString();

describe("the activity grouped by day", () => {
  it("puts consecutive entries of the reader's same day together, newest first", () => {
    const items = [
      { id: "a", at: at(2027, 3, 10, 23) },
      { id: "b", at: at(2027, 3, 10, 0) },
      { id: "c", at: at(2027, 3, 9, 12) },
      { id: "d", at: at(2027, 3, 3, 8) },
      { id: "e", at: at(2027, 3, 3, 7) },
    ];
    const groups = groupByDay(items);
    expect(groups.map((g) => g.day)).toEqual(["2027-03-10", "2027-03-09", "2027-03-03"]);
    expect(groups.map((g) => g.items.map((i) => i.id))).toEqual([["a", "b"], ["c"], ["d", "e"]]);
  });

  it("continues a day across pages and starts none for an empty list", () => {
    expect(groupByDay([])).toEqual([]);
    const day = (iso: string) => iso.slice(0, 10);
    const groups = groupByDay(
      [
        { at: "2027-03-10T10:00:00.000Z" },
        { at: "2027-03-10T09:00:00.000Z" },
        { at: "2027-03-10T08:00:00.000Z" },
      ],
      day,
    );
    expect(groups).toHaveLength(1);
    expect(groups[0]?.items).toHaveLength(3);
  });

  it("names today and yesterday, and dates the rest", () => {
    expect(localDay(at(2027, 1, 1, 0))).toBe("2027-01-01");
    expect(dayLabel("2027-03-10", "2027-03-10")).toBe("Today");
    expect(dayLabel("2027-02-28", "2027-03-01")).toBe("Yesterday");
    expect(dayLabel("2027-02-20", "2027-03-01")).toMatch(/2027/);
  });
});

describe("relative times", () => {
  const now = Date.parse("2027-03-10T12:00:00.000Z");
  it("says just now, minutes, hours and days, then the date", () => {
    expect(timeAgo("2027-03-10T11:59:40.000Z", now)).toBe("just now");
    expect(timeAgo("2027-03-10T11:55:00.000Z", now)).toMatch(/5/);
    expect(timeAgo("2027-03-10T09:00:00.000Z", now)).toMatch(/3/);
    expect(timeAgo("2027-02-01T09:00:00.000Z", now)).toMatch(/2027/);
  });
});

describe("where a notification or a sentence leads", () => {
  it("opens each kind of thing where it lives", () => {
    expect(targetPlace("task", "t1")).toEqual({ page: "plan", search: { task: "t1" } });
    expect(targetPlace("milestone", "m1")).toEqual({
      page: "milestones",
      search: { milestone: "m1" },
    });
    expect(targetPlace("raid_item", "r1")).toEqual({ page: "raid", search: { item: "r1" } });
    expect(targetPlace("pir", "p1")).toEqual({ page: "review" });
    expect(targetPlace("project", "x")).toEqual({ page: "overview" });
    expect(targetPlace("dependency", "d1")).toBeNull();
  });

  it("leads nowhere a reader cannot go", () => {
    expect(targetPlace("stakeholder", "s1", "pm")).toEqual({
      page: "stakeholders",
      search: { stakeholder: "s1" },
    });
    expect(targetPlace("stakeholder", "s1", "stakeholder")).toBeNull();
  });
});

describe("who may comment where", () => {
  const live = (myRole: "pm" | "ipm" | "contributor" | "stakeholder" | "admin") => ({
    myRole,
    archivedAt: null,
  });
  it("lets the team comment anywhere and stakeholders on milestones and the review only", () => {
    for (const role of ["pm", "ipm", "contributor", "admin"] as const) {
      expect(canComment(live(role), "task")).toBe(true);
      expect(canComment(live(role), "raid_item")).toBe(true);
    }
    expect(canComment(live("stakeholder"), "milestone")).toBe(true);
    expect(canComment(live("stakeholder"), "pir")).toBe(true);
    expect(canComment(live("stakeholder"), "task")).toBe(false);
    expect(canComment(live("stakeholder"), "raid_item")).toBe(false);
  });

  it("keeps an archived project read-only", () => {
    expect(canComment({ myRole: "pm", archivedAt: "2027-01-01T00:00:00.000Z" }, "task")).toBe(
      false,
    );
  });
});

describe("the bell's count", () => {
  it("shows up to 9, then 9+, while the label keeps the exact number", () => {
    expect(unreadLabel(0)).toBe("0");
    expect(unreadLabel(9)).toBe("9");
    expect(unreadLabel(10)).toBe("9+");
    expect(bellLabel(12)).toBe("Notifications, 12 unread");
  });
});

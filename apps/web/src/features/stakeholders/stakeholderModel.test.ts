import type { RaidItem } from "@rollout/domain";
import { describe, expect, it } from "vitest";
import {
  audienceText,
  cellKey,
  cellName,
  countByQuadrant,
  dueState,
  engagementOrder,
  filterStakeholders,
  gapText,
  groupByOwner,
  moveByKey,
  placeOnGrid,
  sortStakeholders,
} from "./stakeholderModel.ts";
import { person } from "./testStakeholders.ts";

const noFilters = { q: "", side: undefined, quadrant: undefined, gap: false };

const ada = person("Ada Lovelace", {
  title: "Sponsor",
  side: "internal",
  power: 5,
  interest: 4,
  engagementCurrent: "supportive",
  engagementDesired: "leading",
  openRaidItems: 2,
});
const bob = person("bob Stone", {
  side: "vendor",
  power: 1,
  interest: 2,
  engagementCurrent: "neutral",
  engagementDesired: "neutral",
  email: "bob@vendor.example",
});
const cy = person("Cy Young", {
  power: 2,
  interest: 5,
  engagementCurrent: "resistant",
  engagementDesired: "supportive",
  user: { id: "u1", name: "Cyrus Y", email: "cy@customer.example" },
});
const dee = person("Dee Park", {
  power: 4,
  interest: 1,
  engagementCurrent: "leading",
  engagementDesired: "supportive",
});
const all = [ada, bob, cy, dee];

describe("filtering the register", () => {
  it("keeps everyone without filters", () => {
    expect(filterStakeholders(all, noFilters)).toHaveLength(4);
  });

  it("filters by side, quadrant and engagement gap", () => {
    expect(filterStakeholders(all, { ...noFilters, side: "customer" })).toEqual([cy, dee]);
    expect(filterStakeholders(all, { ...noFilters, quadrant: "monitor" })).toEqual([bob]);
    expect(filterStakeholders(all, { ...noFilters, quadrant: "keep_satisfied" })).toEqual([dee]);
    // Only a positive gap is a to-do; more engaged than needed is not.
    expect(filterStakeholders(all, { ...noFilters, gap: true })).toEqual([ada, cy]);
    expect(
      filterStakeholders(all, {
        ...noFilters,
        side: "customer",
        gap: true,
        quadrant: "keep_informed",
      }),
    ).toEqual([cy]);
  });

  it("searches name, title, email and the sign-in user, ignoring case", () => {
    expect(filterStakeholders(all, { ...noFilters, q: "SPONSOR" })).toEqual([ada]);
    expect(filterStakeholders(all, { ...noFilters, q: "vendor.example" })).toEqual([bob]);
    expect(filterStakeholders(all, { ...noFilters, q: "cyrus" })).toEqual([cy]);
    expect(filterStakeholders(all, { ...noFilters, q: "  " })).toHaveLength(4);
    expect(filterStakeholders(all, { ...noFilters, q: "nobody" })).toEqual([]);
  });
});

describe("sorting the register", () => {
  const names = (list: { name: string }[]) => list.map((s) => s.name);

  it("sorts by name ignoring case, both ways", () => {
    expect(names(sortStakeholders(all, "name", false))).toEqual([
      "Ada Lovelace",
      "bob Stone",
      "Cy Young",
      "Dee Park",
    ]);
    expect(names(sortStakeholders(all, "name", true))[0]).toBe("Dee Park");
  });

  it("sorts by a number and breaks ties by name", () => {
    expect(names(sortStakeholders(all, "power", true))).toEqual([
      "Ada Lovelace",
      "Dee Park",
      "Cy Young",
      "bob Stone",
    ]);
    const tied = [person("Zed", { power: 3 }), person("Amy", { power: 3 })];
    expect(names(sortStakeholders(tied, "power", true))).toEqual(["Amy", "Zed"]);
  });

  it("sorts quadrants in the grid's order and the gap biggest first when descending", () => {
    expect(sortStakeholders(all, "quadrant", false).map((s) => s.quadrant)).toEqual([
      "manage_closely",
      "keep_satisfied",
      "keep_informed",
      "monitor",
    ]);
    expect(names(sortStakeholders(all, "gap", true))).toEqual([
      "Cy Young",
      "Ada Lovelace",
      "bob Stone",
      "Dee Park",
    ]);
    expect(names(sortStakeholders(all, "raid", true))[0]).toBe("Ada Lovelace");
  });

  it("never changes the list it was given", () => {
    const copy = [...all];
    sortStakeholders(all, "interest", false);
    expect(all).toEqual(copy);
  });
});

describe("the power/interest grid", () => {
  it("places each person in their cell and stacks a cell in name order", () => {
    const zoe = person("Zoe", { power: 5, interest: 4 });
    const amy = person("amy", { power: 5, interest: 4 });
    const cells = placeOnGrid([zoe, ada, bob, amy]);
    expect(cells.get("5:4")?.map((s) => s.name)).toEqual(["Ada Lovelace", "amy", "Zoe"]);
    expect(cells.get("1:2")?.map((s) => s.name)).toEqual(["bob Stone"]);
    expect(cells.get("3:3")).toBeUndefined();
    expect([...cells.values()].flat()).toHaveLength(4);
  });

  it("shows a move not saved yet in its new cell", () => {
    const cells = placeOnGrid(all, new Map([[bob.id, { power: 4, interest: 5 }]]));
    expect(cells.get("1:2")).toBeUndefined();
    expect(cells.get("4:5")?.map((s) => s.id)).toEqual([bob.id]);
  });

  it("names cells for assistive technology and tests", () => {
    expect(cellName({ power: 4, interest: 2 })).toBe("Power 4, interest 2");
    expect(cellKey({ power: 4, interest: 2 })).toBe("4:2");
  });

  it("moves with the arrow keys: up raises power, right raises interest", () => {
    const from = { power: 3, interest: 3 };
    expect(moveByKey(from, "ArrowUp")).toEqual({ power: 4, interest: 3 });
    expect(moveByKey(from, "ArrowDown")).toEqual({ power: 2, interest: 3 });
    expect(moveByKey(from, "ArrowRight")).toEqual({ power: 3, interest: 4 });
    expect(moveByKey(from, "ArrowLeft")).toEqual({ power: 3, interest: 2 });
    expect(moveByKey(from, "Enter")).toBeNull();
    expect(moveByKey(from, "a")).toBeNull();
  });

  it("stops at the grid's edges (1–5)", () => {
    expect(moveByKey({ power: 5, interest: 5 }, "ArrowUp")).toEqual({ power: 5, interest: 5 });
    expect(moveByKey({ power: 5, interest: 5 }, "ArrowRight")).toEqual({ power: 5, interest: 5 });
    expect(moveByKey({ power: 1, interest: 1 }, "ArrowDown")).toEqual({ power: 1, interest: 1 });
    expect(moveByKey({ power: 1, interest: 1 }, "ArrowLeft")).toEqual({ power: 1, interest: 1 });
  });

  it("counts people per quadrant", () => {
    expect(countByQuadrant(all)).toEqual({
      manage_closely: 1,
      keep_satisfied: 1,
      keep_informed: 1,
      monitor: 1,
    });
  });
});

describe("engagement", () => {
  it("orders the matrix by gap, biggest first, then by name", () => {
    const eve = person("Eve", { engagementCurrent: "neutral", engagementDesired: "leading" });
    expect(engagementOrder([...all, eve]).map((s) => s.name)).toEqual([
      "Cy Young",
      "Eve",
      "Ada Lovelace",
      "bob Stone",
      "Dee Park",
    ]);
  });

  it("says the gap in words", () => {
    expect(gapText(2)).toBe("Raise by 2 levels");
    expect(gapText(1)).toBe("Raise by 1 level");
    expect(gapText(0)).toBe("On target");
    expect(gapText(-1)).toBe("1 level above need");
  });
});

describe("RAID ownership", () => {
  const item = (
    ref: string,
    owner: RaidItem["owner"],
    band: RaidItem["band"] = null,
    isOpen = true,
  ) => ({ id: ref, ref, title: `Item ${ref}`, band, isOpen, owner, kind: "risk" as const });
  const ian = { type: "user" as const, id: "u-ian", name: "Ian Ops" };
  const sam = { type: "stakeholder" as const, id: "s-sam", name: "Sam Sponsor" };
  const samAsUser = { type: "user" as const, id: "s-sam", name: "Sam Sponsor" };

  it("groups open items by owner, owners by name, nobody last", () => {
    const groups = groupByOwner([
      item("R-1", sam, "low"),
      item("I-2", null),
      item("R-10", ian, "high"),
      item("R-2", ian, "critical"),
      item("R-3", ian, "high"),
      item("R-4", ian, "critical", false),
    ]);
    expect(groups.map((g) => g.owner?.name ?? "nobody")).toEqual([
      "Ian Ops",
      "Sam Sponsor",
      "nobody",
    ]);
    // Most severe first, then by ref in number order; closed items are left out.
    expect(groups[0]?.items.map((i) => i.ref)).toEqual(["R-2", "R-3", "R-10"]);
  });

  it("keeps a member and a stakeholder with the same id apart", () => {
    const groups = groupByOwner([item("R-1", sam), item("R-2", samAsUser)]);
    expect(groups).toHaveLength(2);
  });

  it("gives nothing when nothing is open", () => {
    expect(groupByOwner([item("R-1", ian, "low", false)])).toEqual([]);
  });
});

describe("communication plan", () => {
  it("tells overdue, due today and upcoming apart", () => {
    expect(dueState("2026-03-03", "2026-03-04")).toBe("overdue");
    expect(dueState("2026-03-04", "2026-03-04")).toBe("today");
    expect(dueState("2026-03-05", "2026-03-04")).toBe("upcoming");
    expect(dueState(null, "2026-03-04")).toBe("none");
  });

  it("describes the audience", () => {
    expect(audienceText({ quadrant: "manage_closely", stakeholders: [] })).toBe(
      "Everyone in Manage closely",
    );
    expect(
      audienceText({
        quadrant: null,
        stakeholders: [
          { id: "a", name: "Ada" },
          { id: "b", name: "Bob" },
        ],
      }),
    ).toBe("Ada, Bob");
  });
});

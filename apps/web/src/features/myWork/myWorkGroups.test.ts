import { describe, expect, it } from "vitest";
import { endOfWeek, groupItems, groupOf } from "./myWorkGroups.ts";

const item = (dueDate: string | null) => ({ task: { dueDate } });

describe("my work groups", () => {
  it("counts this week as the coming seven days", () => {
    expect(endOfWeek("2026-03-02")).toBe("2026-03-08");
    expect(endOfWeek("2026-03-08")).toBe("2026-03-14");
    expect(endOfWeek("2026-12-28")).toBe("2027-01-03");
  });

  it("puts each due date in one group", () => {
    const today = "2026-03-04"; // Wednesday
    expect(groupOf("2026-03-03", today)).toBe("overdue");
    expect(groupOf("2026-03-04", today)).toBe("thisWeek");
    expect(groupOf("2026-03-10", today)).toBe("thisWeek");
    expect(groupOf("2026-03-11", today)).toBe("later");
    expect(groupOf(null, today)).toBe("noDate");
  });

  it("sorts each group by due date", () => {
    const groups = groupItems([item("2026-04-01"), item(null), item("2026-03-20")], "2026-03-04");
    expect(groups.later.map((i) => i.task.dueDate)).toEqual(["2026-03-20", "2026-04-01"]);
    expect(groups.noDate).toHaveLength(1);
    expect(groups.overdue).toHaveLength(0);
  });
});

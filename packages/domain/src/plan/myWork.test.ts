import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { endOfWeek, groupOf, myWorkGroups } from "./myWork.ts";

describe("my work groups", () => {
  it("counts this week as the coming seven days", () => {
    expect(endOfWeek("2026-03-02")).toBe("2026-03-08");
    expect(endOfWeek("2026-03-08")).toBe("2026-03-14");
    expect(endOfWeek("2026-12-28")).toBe("2027-01-03");
    expect(endOfWeek("2028-02-25")).toBe("2028-03-02");
  });

  it("puts each due date in one group", () => {
    const today = "2026-03-04"; // Wednesday
    expect(groupOf("2026-03-03", today)).toBe("overdue");
    expect(groupOf("2026-03-04", today)).toBe("thisWeek");
    expect(groupOf("2026-03-10", today)).toBe("thisWeek");
    expect(groupOf("2026-03-11", today)).toBe("later");
    expect(groupOf(null, today)).toBe("noDate");
  });

  it("orders groups as due dates order (undated last), so paging by due date pages by group", () => {
    const day = fc
      .date({ min: new Date("2020-01-01"), max: new Date("2030-12-31"), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(fc.option(day), fc.option(day), day, (a, b, today) => {
        const rank = (d: string | null) => myWorkGroups.indexOf(groupOf(d, today));
        const order = (d: string | null) => (d === null ? "~" : d);
        if (order(a) <= order(b)) expect(rank(a)).toBeLessThanOrEqual(rank(b));
      }),
    );
  });
});

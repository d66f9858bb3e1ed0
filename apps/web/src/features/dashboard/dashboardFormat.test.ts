import { describe, expect, it } from "vitest";
import {
  daysText,
  formatIndex,
  indexColor,
  percentText,
  progressGap,
  slipView,
} from "./dashboardFormat.ts";

describe("dashboard figures", () => {
  it("shows SPI and CPI with two decimals, red below 0.9", () => {
    expect(formatIndex(0.9712)).toMatch(/^0[.,]97$/);
    expect(formatIndex(1)).toMatch(/^1[.,]00$/);
    expect(formatIndex(null)).toBe("—");
    expect(formatIndex(Number.POSITIVE_INFINITY)).toBe("—");
    expect(indexColor(0.89)).toBe("red");
    expect(indexColor(0.9)).toBeUndefined();
    expect(indexColor(null)).toBeUndefined();
  });

  it("words a slip in working days, amber up to five and red beyond", () => {
    expect(slipView(null)).toBeNull();
    expect(slipView(0)).toMatchObject({ short: "On time", color: "green", late: false });
    expect(slipView(3)).toMatchObject({
      short: "+3 wd",
      long: "3 working days late",
      color: "orange",
    });
    expect(slipView(1)?.long).toBe("1 working day late");
    expect(slipView(6)).toMatchObject({ short: "+6 wd", color: "red", late: true });
    expect(slipView(-2)).toMatchObject({
      short: "−2 wd",
      long: "2 working days early",
      late: false,
    });
  });

  it("words percentages, days to go-live and the gap to plan", () => {
    expect(percentText(37.8)).toMatch(/38\s?%/);
    expect(daysText(null)).toBeNull();
    expect(daysText(85)).toMatch(/85/);
    expect(progressGap(37.8, 38.9)).toEqual({ text: "1 point behind plan", behind: true });
    expect(progressGap(50, 40)).toEqual({ text: "10 points ahead of plan", behind: false });
    expect(progressGap(40.2, 40)).toEqual({ text: "on plan", behind: false });
  });
});

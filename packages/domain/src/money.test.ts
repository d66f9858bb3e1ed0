import { describe, expect, it } from "vitest";
import {
  currencyCode,
  currencyMinorDigits,
  formatMoney,
  fromMinorUnits,
  minorUnits,
  toMinorUnits,
} from "./money.ts";

describe("money", () => {
  it("knows each currency's minor digits", () => {
    expect(currencyMinorDigits("EUR")).toBe(2);
    expect(currencyMinorDigits("JPY")).toBe(0);
    expect(currencyMinorDigits("BHD")).toBe(3);
  });

  it("converts typed amounts to whole minor units and back without float drift", () => {
    expect(toMinorUnits(12.5, "EUR")).toBe(1250);
    expect(toMinorUnits(0.1 + 0.2, "EUR")).toBe(30);
    expect(toMinorUnits(1.005, "BHD")).toBe(1005);
    expect(toMinorUnits(1500, "JPY")).toBe(1500);
    expect(fromMinorUnits(18_000_000, "EUR")).toBe(180_000);
  });

  it("formats for a locale", () => {
    expect(formatMoney(18_000_050, "EUR", "en-GB")).toBe("€180,000.50");
  });

  it("validates codes and amounts", () => {
    expect(currencyCode.safeParse("EUR").success).toBe(true);
    expect(currencyCode.safeParse("eur").success).toBe(false);
    expect(currencyCode.safeParse("EU").success).toBe(false);
    expect(minorUnits.safeParse(-1).success).toBe(false);
    expect(minorUnits.safeParse(1.5).success).toBe(false);
  });
});

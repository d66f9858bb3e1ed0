import { describe, expect, it } from "vitest";
import { itemCount, textBlocks } from "./reportText.ts";

describe("report text", () => {
  it("reads '- ' lines as one list and other lines as paragraphs", () => {
    const text =
      "Data load went well.\nSecond line.\n\n- Finish UAT\n- Train users\n* Sign off\n\nThanks.";
    expect(textBlocks(text)).toEqual([
      { kind: "paragraph", text: "Data load went well.\nSecond line." },
      { kind: "list", items: ["Finish UAT", "Train users", "Sign off"] },
      { kind: "paragraph", text: "Thanks." },
    ]);
  });

  it("ignores blank text and stray spaces, and splits lists broken by a paragraph", () => {
    expect(textBlocks("  \n\n ")).toEqual([]);
    expect(textBlocks("- a\r\nnote\n- b")).toEqual([
      { kind: "list", items: ["a"] },
      { kind: "paragraph", text: "note" },
      { kind: "list", items: ["b"] },
    ]);
    // A hyphen inside a word or without a space is text, not a bullet.
    expect(textBlocks("-no bullet")).toEqual([{ kind: "paragraph", text: "-no bullet" }]);
  });

  it("counts items", () => {
    expect(itemCount("- a\n- b\n\nc")).toBe(3);
    expect(itemCount("")).toBe(0);
  });
});

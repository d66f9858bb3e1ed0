import { describe, expect, it } from "vitest";
import { parseEdit } from "./cells.tsx";
import { type FieldColumn, planColumns } from "./planColumns.ts";
import { raciFromKey } from "./raci.tsx";
import { task } from "./testTasks.ts";

const columns = planColumns({ selectable: true, parties: ["ipm", "pm"] });
const col = (id: string) => columns.find((c) => c.id === id) as FieldColumn;
const key = (k: string, shiftKey = false) => ({
  key: k,
  shiftKey,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
});

describe("parseEdit", () => {
  const t = task("t1", { title: "Kick-off", estimateHours: 4 });

  it("turns typed text into the one field's change", () => {
    expect(parseEdit(col("title"), "  Kick-off meeting ", t)).toEqual({
      ok: true,
      changes: { title: "Kick-off meeting" },
    });
    expect(parseEdit(col("estimateHours"), "7,5", t)).toEqual({
      ok: true,
      changes: { estimateHours: 7.5 },
    });
    expect(parseEdit(col("percentComplete"), "40%", t)).toEqual({
      ok: true,
      changes: { percentComplete: 40 },
    });
    expect(parseEdit(col("assignee"), "", t)).toBeNull();
    expect(parseEdit(col("estimateHours"), "", t)).toEqual({
      ok: true,
      changes: { estimateHours: null },
    });
  });

  it("returns null when nothing changed, and a message when the text is wrong", () => {
    expect(parseEdit(col("title"), "Kick-off", t)).toBeNull();
    expect(parseEdit(col("title"), "  ", t)).toEqual({
      ok: false,
      message: "A task needs a title",
    });
    expect(parseEdit(col("percentComplete"), "120", t)).toMatchObject({ ok: false });
    expect(parseEdit(col("duration"), "1.5", t)).toMatchObject({ ok: false });
    expect(parseEdit(col("startDate"), "2026-02-30", t)).toMatchObject({ ok: false });
  });
});

describe("raciFromKey", () => {
  it("maps letters, A/R and clearing", () => {
    expect(raciFromKey(key("r"))).toBe("R");
    expect(raciFromKey(key("a"))).toBe("A");
    expect(raciFromKey(key("A", true))).toBe("AR");
    expect(raciFromKey(key("/"))).toBe("AR");
    expect(raciFromKey(key("c"))).toBe("C");
    expect(raciFromKey(key("i"))).toBe("I");
    expect(raciFromKey(key("Delete"))).toBeNull();
    expect(raciFromKey(key("Backspace"))).toBeNull();
    expect(raciFromKey(key("x"))).toBeUndefined();
    expect(raciFromKey({ ...key("a"), ctrlKey: true })).toBeUndefined();
  });
});

import { describe, expect, it } from "vitest";
import { derivedDates, formChanges, taskValues } from "./taskForm.ts";
import { task } from "./testTasks.ts";

const all = () => true;

describe("the task form", () => {
  const t = task("t1", { startDate: "2026-03-02", dueDate: "2026-03-06", duration: 5 });
  const base = taskValues(t);

  it("shows the derived date while the person types", () => {
    const typed = { ...base, duration: "2" };
    const result = derivedDates(typed, ["duration"]);
    expect(result).toEqual({
      ok: true,
      dates: { startDate: "2026-03-02", dueDate: "2026-03-03", duration: 2 },
    });
    expect(derivedDates({ ...base, dueDate: "2026-03-01" }, ["dueDate"])).toMatchObject({
      ok: false,
      field: "dueDate",
    });
  });

  it("sends only what changed, and only the dates that were edited", () => {
    const typed = { ...base, title: "Kick-off", duration: "2", estimateHours: "7.5" };
    expect(formChanges(base, typed, ["duration"], all)).toEqual({
      ok: true,
      changes: { title: "Kick-off", estimateHours: 7.5, duration: 2 },
    });
    expect(formChanges(base, base, [], all)).toEqual({ ok: true, changes: null });
  });

  it("keeps fields a contributor may not change out of the request", () => {
    const typed = { ...base, title: "Renamed", status: "done" as const };
    const contributor = (f: string) => f === "status";
    expect(formChanges(base, typed, [], contributor)).toEqual({
      ok: true,
      changes: { status: "done" },
    });
  });

  it("names the field with a wrong value", () => {
    expect(formChanges(base, { ...base, estimateHours: "lots" }, [], all)).toEqual({
      ok: false,
      errors: { estimateHours: "Enter a number" },
    });
    expect(formChanges(base, { ...base, title: " " }, [], all)).toMatchObject({
      ok: false,
      errors: { title: "Title is required" },
    });
  });
});

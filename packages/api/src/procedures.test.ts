import { initTRPC } from "@trpc/server";
import { describe, expect, it } from "vitest";
import * as z from "zod";
import { listProcedures } from "./procedures.ts";

describe("every procedure of the app router", () => {
  const procedures = listProcedures();

  it("is found by the walker", () => {
    expect(procedures.length).toBeGreaterThan(20);
    expect(procedures.map((p) => p.path)).toContain("project.members.add");
  });

  it.each(procedures.map((p) => [p.path, p] as const))(
    "%s declares a permission, an input schema and an output schema",
    (_path, procedure) => {
      expect(procedure.permission, "permission in meta").toBeDefined();
      expect(procedure.inputCount, "input schema").toBeGreaterThan(0);
      expect(procedure.hasOutput, "output schema").toBe(true);
    },
  );
});

describe("the walker itself", () => {
  it("reports a procedure that lacks a permission or an output schema", () => {
    const t = initTRPC.meta<{ permission?: string }>().create();
    const bad = t.router({
      open: t.procedure.input(z.void()).query(() => 1),
      unknownPermission: t.procedure
        .meta({ permission: "made.up" })
        .input(z.void())
        .output(z.number())
        .query(() => 1),
    });
    const found = listProcedures(bad);
    expect(found.find((p) => p.path === "open")).toMatchObject({
      permission: undefined,
      hasOutput: false,
    });
    expect(found.find((p) => p.path === "unknownPermission")?.permission).toBeUndefined();
  });
});

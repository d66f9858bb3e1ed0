import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { nextRaci, parties, raciValues } from "./enums.ts";
import { defaultPlaybook, mergePlaybook, suggestResponsibilities } from "./playbook.ts";
import { accountableParty, isHandOff, type Responsibilities, raciViolations } from "./raci.ts";

const letter = fc.constantFrom(...raciValues, null);
const responsibilities = fc.record({ ipm: letter, pm: letter, customer: letter, vendor: letter });

describe("the RACI rule (property)", () => {
  it("is valid exactly when one party is accountable and at least one responsible", () => {
    fc.assert(
      fc.property(responsibilities, (r) => {
        const values = parties.map((p) => r[p]);
        const accountable = values.filter((v) => v === "A" || v === "AR").length;
        const responsible = values.filter((v) => v === "R" || v === "AR").length;
        const valid = accountable === 1 && responsible >= 1;
        expect(raciViolations(r).length === 0).toBe(valid);
        expect(accountableParty(r) !== null).toBe(accountable === 1);
      }),
    );
  });

  it("names each broken part once", () => {
    fc.assert(
      fc.property(responsibilities, (r) => {
        const codes = raciViolations(r).map((v) => v.code);
        expect(new Set(codes).size).toBe(codes.length);
        expect(codes.includes("no_accountable") && codes.includes("several_accountable")).toBe(
          false,
        );
      }),
    );
  });

  it("explains the usual mistakes", () => {
    const r = (ipm: Responsibilities["ipm"], pm: Responsibilities["pm"]): Responsibilities => ({
      ipm,
      pm,
      customer: null,
      vendor: null,
    });
    expect(raciViolations(r("AR", "C"))).toEqual([]);
    expect(raciViolations(r("A", "A")).map((v) => v.message)).toEqual([
      "Only one party may be accountable; IPM and PM are",
      "Nobody is responsible (R)",
    ]);
    expect(raciViolations(r(null, null)).map((v) => v.code)).toEqual([
      "no_accountable",
      "no_responsible",
    ]);
    expect(isHandOff(r("R", "A"), "ipm", "pm")).toBe(true);
    expect(isHandOff(r("AR", "C"), "ipm", "pm")).toBe(false);
  });

  it("cycles a matrix cell R → A → A/R → C → I → blank → R", () => {
    const seen = [];
    let v = nextRaci(null);
    for (let i = 0; i < 6; i++) {
      seen.push(v);
      v = nextRaci(v);
    }
    expect(seen).toEqual(["R", "A", "AR", "C", "I", null]);
  });
});

describe("playbook", () => {
  it("gives every category of the default a valid split", () => {
    for (const [category, r] of Object.entries(defaultPlaybook)) {
      expect(raciViolations(r), category).toEqual([]);
    }
    expect(defaultPlaybook.configuration).toMatchObject({ ipm: "AR" });
    expect(defaultPlaybook.budget).toMatchObject({ pm: "AR" });
    expect(defaultPlaybook.review).toMatchObject({ pm: "A", ipm: "R" });
  });

  it("never overwrites a letter someone set, unless asked (property)", () => {
    fc.assert(
      fc.property(
        responsibilities,
        responsibilities,
        fc.boolean(),
        (current, suggestion, overwrite) => {
          const next = suggestResponsibilities(current, suggestion, overwrite);
          for (const p of parties) {
            if (overwrite) expect(next[p]).toBe(suggestion[p]);
            else expect(next[p]).toBe(current[p] ?? suggestion[p]);
          }
        },
      ),
    );
  });

  it("merges an organisation's entries over the default", () => {
    const merged = mergePlaybook({ testing: { ipm: "R", pm: "A", customer: "C", vendor: null } });
    expect(merged.testing.customer).toBe("C");
    expect(merged.training).toEqual(defaultPlaybook.training);
  });
});

import { defaultRiskThresholds } from "@rollout/domain";
import { describe, expect, it } from "vitest";
import {
  changesFrom,
  emptyRaidValues,
  formErrors,
  parseCreate,
  parseUpdate,
  previewScore,
  raidValues,
  rebase,
  statusChoices,
  withPolarity,
} from "./raidForm.ts";
import { raidItem } from "./testItems.ts";

describe("parseCreate", () => {
  it("refuses a risk without ratings, with the server's own messages", () => {
    const result = parseCreate("risk", { ...emptyRaidValues("risk"), title: "Vendor late" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.probability).toBe("A risk needs a probability (1–5)");
    expect(result.errors.impact).toBe("A risk needs an impact (1–5)");
  });

  it("refuses a blank title and half a residual rating", () => {
    const result = parseCreate("risk", {
      ...emptyRaidValues("risk"),
      probability: "4",
      impact: "5",
      residualProbability: "2",
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.title).toBe("Title is required");
    expect(result.errors.residualImpact).toBe("Give residual probability and impact together");
  });

  it("builds the API's input, owner and links included", () => {
    const result = parseCreate("risk", {
      ...emptyRaidValues("risk"),
      title: "  Data quality  ",
      probability: "4",
      impact: "5",
      owner: "stakeholder:s1",
      dueDate: "2026-04-01",
      response: "mitigate",
      taskIds: ["t1"],
    });
    expect(result).toMatchObject({
      ok: true,
      data: {
        kind: "risk",
        title: "Data quality",
        probability: 4,
        impact: 5,
        ownerUserId: null,
        ownerStakeholderId: "s1",
        dueDate: "2026-04-01",
        response: "mitigate",
        taskIds: ["t1"],
        milestoneIds: [],
      },
    });
  });

  it("sends no risk fields for other kinds, whatever the form still holds", () => {
    const result = parseCreate("issue", {
      ...emptyRaidValues("issue"),
      title: "SSO fails",
      probability: "3",
      response: "accept",
      polarity: "opportunity",
    });
    expect(result).toMatchObject({
      ok: true,
      data: { probability: null, response: null, polarity: "threat", severity: "medium" },
    });
  });

  it("refuses a response that does not suit the risk's polarity", () => {
    const result = parseCreate("risk", {
      ...emptyRaidValues("risk"),
      title: "Early delivery",
      probability: "2",
      impact: "3",
      polarity: "opportunity",
      response: "mitigate",
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.response).toMatch(/not a response to an opportunity/);
  });
});

describe("updates", () => {
  const risk = raidItem("risk", 4, {
    title: "Vendor late",
    probability: 3,
    impact: 4,
    owner: { type: "user", id: "u1", name: "Ann" },
    taskIds: ["t1", "t2"],
    version: 7,
  });

  it("sends only what changed, with the version it read", () => {
    const before = raidValues(risk);
    const result = parseUpdate("risk", risk.id, 7, before, { ...before, impact: "5" });
    expect(result).toEqual({ ok: true, data: { changes: { impact: 5 }, links: null } });
  });

  it("sends both owner ids when the owner changes, so the other side is cleared", () => {
    const before = raidValues(risk);
    expect(changesFrom("risk", before, { ...before, owner: "stakeholder:s9" })).toEqual({
      ownerUserId: null,
      ownerStakeholderId: "s9",
    });
    expect(changesFrom("risk", before, { ...before, owner: "" })).toEqual({
      ownerUserId: null,
      ownerStakeholderId: null,
    });
  });

  it("sends links only when the set changed, not their order", () => {
    const before = raidValues(risk);
    const reordered = parseUpdate("risk", risk.id, 7, before, {
      ...before,
      taskIds: ["t2", "t1"],
    });
    expect(reordered).toEqual({ ok: true, data: { changes: null, links: null } });
    const added = parseUpdate("risk", risk.id, 7, before, { ...before, milestoneIds: ["m1"] });
    expect(added).toEqual({
      ok: true,
      data: { changes: null, links: { taskIds: ["t1", "t2"], milestoneIds: ["m1"] } },
    });
  });

  it("checks the whole item against the rules, not just the change", () => {
    const before = raidValues(risk);
    const result = parseUpdate("risk", risk.id, 7, before, { ...before, probability: "" });
    expect(result).toEqual({
      ok: false,
      errors: { probability: "A risk needs a probability (1–5)" },
    });
  });

  it("rebases what was typed on their version after a conflict", () => {
    const before = raidValues(risk);
    const mine = { ...before, impact: "5", taskIds: ["t1"] };
    const theirs = { ...before, title: "Vendor very late", impact: "2" };
    expect(rebase(before, mine, theirs)).toEqual({
      ...theirs,
      impact: "5",
      taskIds: ["t1"],
    });
  });

  it("maps the server's field names onto the form's", () => {
    expect(
      formErrors({
        "changes.title": "Title is required",
        ownerStakeholderId: "Not a stakeholder of this project",
        "taskIds.3": "Invalid id",
      }),
    ).toEqual({
      title: "Title is required",
      owner: "Not a stakeholder of this project",
      taskIds: "Invalid id",
    });
  });
});

describe("form helpers", () => {
  it("previews score and band as the ratings change", () => {
    expect(previewScore("4", "5", defaultRiskThresholds)).toEqual({ score: 20, band: "critical" });
    expect(previewScore("2", "3", defaultRiskThresholds)).toEqual({ score: 6, band: "medium" });
    expect(previewScore("4", "", defaultRiskThresholds)).toBeNull();
  });

  it("drops a response that no longer suits the polarity", () => {
    const v = { ...emptyRaidValues("risk"), response: "mitigate" };
    expect(withPolarity(v, "opportunity").response).toBe("");
    expect(withPolarity({ ...v, response: "accept" }, "opportunity").response).toBe("accept");
  });

  it("offers 'occurred' only to a risk that already occurred", () => {
    expect(statusChoices("risk", "open")).toEqual(["open", "mitigating", "closed"]);
    expect(statusChoices("risk", "occurred")).toEqual(["open", "mitigating", "occurred", "closed"]);
    expect(statusChoices("decision", null)).toEqual(["proposed", "decided", "superseded"]);
  });
});

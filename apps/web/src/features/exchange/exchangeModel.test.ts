import { describe, expect, it } from "vitest";
import { copyKey, exportFileName, previewExport } from "./exchangeModel.ts";

describe("project export files", () => {
  it("names the file after the project and the day", () => {
    expect(exportFileName("ACME-CRM", "2026-11-22")).toBe("ACME-CRM-2026-11-22.rollout.json");
  });

  it("previews an export and refuses anything else", () => {
    const doc = {
      format: "rollout.project",
      exportedAt: "2026-11-22T10:00:00.000Z",
      project: { key: "ACME-CRM", name: "ACME" },
      tasks: [{}, {}],
      raid: [{}],
    };
    expect(previewExport(JSON.stringify(doc))).toEqual({
      ok: true,
      preview: {
        key: "ACME-CRM",
        name: "ACME",
        exportedAt: "2026-11-22T10:00:00.000Z",
        counts: { tasks: 2, milestones: 0, raid: 1, stakeholders: 0, reports: 0 },
      },
    });
    expect(previewExport("{oops")).toMatchObject({
      ok: false,
      message: expect.stringMatching(/not JSON/),
    });
    expect(previewExport('{"format":"other"}')).toMatchObject({ ok: false });
  });

  it("suggests a key for the copy", () => {
    expect(copyKey("ACME-CRM")).toBe("ACME-CRM-COPY");
    expect(copyKey("ACME-CRM-COPY")).toBe("ACME-CRM-COPY");
  });
});

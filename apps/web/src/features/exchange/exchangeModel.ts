/** The file name of a project export: `ACME-CRM-2026-11-22.rollout.json`. */
export function exportFileName(key: string, today: string): string {
  return `${key}-${today}.rollout.json`;
}

export interface ExportPreview {
  key: string;
  name: string;
  exportedAt: string;
  counts: {
    tasks: number;
    milestones: number;
    raid: number;
    stakeholders: number;
    reports: number;
  };
}

/**
 * What a chosen file holds, read in the browser before anything is sent: a clear message when it
 * is not a Rollout export (the server checks everything again).
 */
export function previewExport(
  text: string,
): { ok: true; preview: ExportPreview } | { ok: false; message: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return {
      ok: false,
      message: "This file is not JSON. Choose a file exported from Rollout (.rollout.json).",
    };
  }
  const doc = json as Record<string, unknown> | null;
  if (doc?.format !== "rollout.project") {
    return { ok: false, message: "This is not a Rollout project export." };
  }
  const project = (doc.project ?? {}) as { key?: unknown; name?: unknown };
  const count = (v: unknown) => (Array.isArray(v) ? v.length : 0);
  return {
    ok: true,
    preview: {
      key: typeof project.key === "string" ? project.key : "",
      name: typeof project.name === "string" ? project.name : "",
      exportedAt: typeof doc.exportedAt === "string" ? doc.exportedAt : "",
      counts: {
        tasks: count(doc.tasks),
        milestones: count(doc.milestones),
        raid: count(doc.raid),
        stakeholders: count(doc.stakeholders),
        reports: count(doc.reports),
      },
    },
  };
}

/** A key for the copy that does not clash with the original: ACME-CRM → ACME-CRM-COPY. */
export function copyKey(key: string): string {
  const base = key.replace(/-COPY(-\d+)?$/, "");
  return `${base}-COPY`.slice(0, 24);
}

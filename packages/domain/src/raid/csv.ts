import { CsvSyntaxError, parseCsv, toCsv, unguardCell } from "../csv.ts";
import { isIsoDate } from "../dates.ts";
import {
  type RaidCreateInput,
  type RaidItem,
  type RaidRowError,
  raidCreateInput,
} from "../schemas/raid.ts";
import {
  initialRaidStatus,
  issueSeverities,
  issueSeverityLabels,
  raidKindLabels,
  raidKinds,
  raidStatuses,
  raidStatusLabels,
  riskPolarities,
  riskResponseLabels,
  riskResponses,
} from "./enums.ts";
import { raidFieldProblems } from "./rules.ts";
import { riskBandLabels } from "./scoring.ts";

/** The columns of an export, in order. Import reads them by name, in any order. */
export const raidCsvColumns = [
  "Ref",
  "Kind",
  "Title",
  "Description",
  "Status",
  "Owner",
  "Date",
  "Probability",
  "Impact",
  "Score",
  "Band",
  "Residual probability",
  "Residual impact",
  "Residual score",
  "Polarity",
  "Response",
  "Mitigation",
  "Contingency",
  "Trigger",
  "Severity",
  "Internal only",
] as const;

export function raidItemsToCsv(items: readonly RaidItem[]): string {
  return toCsv([
    raidCsvColumns,
    ...items.map((i) => [
      i.ref,
      raidKindLabels[i.kind],
      i.title,
      i.description,
      raidStatusLabels[i.status],
      i.owner?.name ?? "",
      i.dueDate ?? "",
      i.probability,
      i.impact,
      i.score,
      i.band ? riskBandLabels[i.band] : "",
      i.residualProbability,
      i.residualImpact,
      i.residualScore,
      i.kind === "risk" ? (i.polarity === "threat" ? "Threat" : "Opportunity") : "",
      i.response ? riskResponseLabels[i.response] : "",
      i.mitigation,
      i.contingency,
      i.trigger,
      i.severity ? issueSeverityLabels[i.severity] : "",
      i.internalOnly ? "yes" : "no",
    ]),
  ]);
}

/** Who an "Owner" cell names: a project member or a stakeholder, by name or email. */
export type OwnerMatch =
  | { ownerUserId: string; ownerStakeholderId: null }
  | { ownerUserId: null; ownerStakeholderId: string };
export type OwnerResolver = (text: string) => OwnerMatch | "unknown" | "ambiguous";

/** Matches an enum value by its value or label, ignoring case, spaces, hyphens and underscores. */
function enumValue<T extends string>(
  text: string,
  values: readonly T[],
  labels: Record<T, string>,
): T | undefined {
  const key = text.toLowerCase().replace(/[\s_-]+/g, "");
  return values.find(
    (v) => v.replace(/_/g, "") === key || labels[v].toLowerCase().replace(/[\s_-]+/g, "") === key,
  );
}

const columnOfField: Record<string, string> = {
  kind: "Kind",
  title: "Title",
  description: "Description",
  status: "Status",
  owner: "Owner",
  ownerUserId: "Owner",
  ownerStakeholderId: "Owner",
  dueDate: "Date",
  probability: "Probability",
  impact: "Impact",
  residualProbability: "Residual probability",
  residualImpact: "Residual impact",
  polarity: "Polarity",
  response: "Response",
  mitigation: "Mitigation",
  contingency: "Contingency",
  trigger: "Trigger",
  severity: "Severity",
  internalOnly: "Internal only",
};

export interface RaidCsvRead {
  /** Data rows in the file (not counting the header). */
  total: number;
  rows: { line: number; input: RaidCreateInput }[];
  errors: RaidRowError[];
}

/**
 * Reads an import file: every row checked against the same rules as a form, every problem
 * reported with its line and column. The caller writes nothing unless `errors` is empty.
 */
export function readRaidCsv(text: string, resolveOwner: OwnerResolver): RaidCsvRead {
  let table: ReturnType<typeof parseCsv>;
  try {
    table = parseCsv(text);
  } catch (error) {
    if (error instanceof CsvSyntaxError) {
      return {
        total: 0,
        rows: [],
        errors: [{ line: error.line, column: "", message: error.message }],
      };
    }
    throw error;
  }
  const [header, ...body] = table;
  if (!header)
    return { total: 0, rows: [], errors: [{ line: 1, column: "", message: "The file is empty" }] };
  const known = new Map(raidCsvColumns.map((c) => [c.toLowerCase(), c]));
  const errors: RaidRowError[] = [];
  const index = new Map<string, number>();
  header.cells.forEach((raw, i) => {
    const name = raw.trim().toLowerCase();
    if (name === "") return;
    if (!known.has(name)) {
      errors.push({
        line: header.line,
        column: raw.trim(),
        message: `Unknown column "${raw.trim()}"; the columns are ${raidCsvColumns.join(", ")}`,
      });
    } else if (index.has(name)) {
      errors.push({ line: header.line, column: raw.trim(), message: "This column appears twice" });
    } else index.set(name, i);
  });
  for (const required of ["kind", "title"]) {
    if (!index.has(required)) {
      errors.push({
        line: header.line,
        column: known.get(required) ?? required,
        message: `The file needs a "${known.get(required)}" column`,
      });
    }
  }
  if (errors.length > 0) return { total: body.length, rows: [], errors };
  if (body.length === 0) {
    return {
      total: 0,
      rows: [],
      errors: [{ line: 2, column: "", message: "The file has no rows under its header" }],
    };
  }

  const rows: RaidCsvRead["rows"] = [];
  for (const { line, cells } of body) {
    const cell = (name: string): string => {
      const i = index.get(name);
      return i === undefined ? "" : unguardCell(cells[i] ?? "").trim();
    };
    const rowErrors: RaidRowError[] = [];
    const fail = (column: string, message: string) => rowErrors.push({ line, column, message });
    if (cells.length > header.cells.length) {
      fail("", `This row has ${cells.length} cells but the header has ${header.cells.length}`);
    }

    const kind = enumValue(cell("kind"), raidKinds, raidKindLabels);
    if (!kind) {
      fail("Kind", `"${cell("kind")}" is not a kind; use ${raidKinds.join(", ")}`);
      errors.push(...rowErrors);
      continue;
    }
    const raw: Record<string, unknown> = { kind, title: cell("title") };
    const text = (field: string, column: string) => {
      const v = cell(column);
      if (v !== "") raw[field] = v;
    };
    text("description", "description");
    text("mitigation", "mitigation");
    text("contingency", "contingency");
    text("trigger", "trigger");

    const status = cell("status");
    if (status !== "") {
      const v = enumValue(status, raidStatuses, raidStatusLabels);
      if (v) raw.status = v;
      else fail("Status", `"${status}" is not a status`);
    }
    const date = cell("date");
    if (date !== "") {
      if (isIsoDate(date)) raw.dueDate = date;
      else fail("Date", `"${date}" is not a date; write it as YYYY-MM-DD`);
    }
    for (const [field, column] of [
      ["probability", "probability"],
      ["impact", "impact"],
      ["residualProbability", "residual probability"],
      ["residualImpact", "residual impact"],
    ] as const) {
      const v = cell(column);
      if (v === "") continue;
      if (/^[1-5]$/.test(v)) raw[field] = Number(v);
      else
        fail(known.get(column) ?? column, `"${v}" is not a rating; use a whole number from 1 to 5`);
    }
    const polarity = cell("polarity");
    if (polarity !== "") {
      const v = enumValue(polarity, riskPolarities, {
        threat: "Threat",
        opportunity: "Opportunity",
      });
      if (v) raw.polarity = v;
      else fail("Polarity", `"${polarity}" is not threat or opportunity`);
    }
    const response = cell("response");
    if (response !== "") {
      const v = enumValue(response, riskResponses, riskResponseLabels);
      if (v) raw.response = v;
      else fail("Response", `"${response}" is not a response; use ${riskResponses.join(", ")}`);
    }
    const severity = cell("severity");
    if (severity !== "") {
      const v = enumValue(severity, issueSeverities, issueSeverityLabels);
      if (v) raw.severity = v;
      else fail("Severity", `"${severity}" is not a severity; use ${issueSeverities.join(", ")}`);
    }
    const internal = cell("internal only").toLowerCase();
    if (internal !== "") {
      if (["yes", "y", "true", "1"].includes(internal)) raw.internalOnly = true;
      else if (["no", "n", "false", "0"].includes(internal)) raw.internalOnly = false;
      else fail("Internal only", `"${cell("internal only")}" is not yes or no`);
    }
    const owner = cell("owner");
    if (owner !== "") {
      const match = resolveOwner(owner);
      if (match === "unknown") {
        fail("Owner", `"${owner}" is not a member or stakeholder of this project`);
      } else if (match === "ambiguous") {
        fail("Owner", `"${owner}" matches more than one person; use their email`);
      } else Object.assign(raw, match);
    }

    const parsed = raidCreateInput.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? "");
        fail(columnOfField[field] ?? field, issue.message);
      }
    } else if (rowErrors.length === 0) {
      const input = parsed.data;
      const problems = raidFieldProblems({
        ...input,
        status: input.status ?? initialRaidStatus(kind),
      });
      for (const [field, message] of Object.entries(problems))
        fail(columnOfField[field] ?? field, message);
      if (Object.keys(problems).length === 0) rows.push({ line, input });
    }
    errors.push(...rowErrors);
  }
  return { total: body.length, rows: errors.length > 0 ? [] : rows, errors };
}

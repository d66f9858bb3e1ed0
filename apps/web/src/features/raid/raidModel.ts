import {
  type HeatMap,
  issueSeverities,
  type RaidItem,
  type RaidKind,
  type RaidStatus,
  type RiskBand,
  type RiskThresholds,
  raidKindPluralLabels,
  raidKinds,
  raidStatusesByKind,
  ratingValues,
  riskBand,
  riskResponseLabels,
  riskScore,
} from "@rollout/domain";
import { ACTIVE_STATUS, OWNER_NONE, type RaidSearch, type RaidSortColumn } from "./raidSearch.ts";

/**
 * The RAID page's pure helpers: which columns a kind shows, filtering and sorting the loaded
 * log, heat-map cells, and what the URL becomes when the person switches kind or clears
 * filters. Everything works on the loaded list (thousands of items filter in a few ms).
 */

// ── Columns ──────────────────────────────────────────────────────────────────────────────────

export interface RaidColumn {
  id: RaidSortColumn;
  label: string;
  /** What a screen reader hears when the header is abbreviated ("P" → "Probability"). */
  fullLabel?: string;
  numeric?: boolean;
}

const col = {
  ref: { id: "ref", label: "Ref" },
  title: { id: "title", label: "Title" },
  owner: { id: "owner", label: "Owner" },
  status: { id: "status", label: "Status" },
  probability: { id: "probability", label: "P", fullLabel: "Probability", numeric: true },
  impact: { id: "impact", label: "I", fullLabel: "Impact", numeric: true },
  score: { id: "score", label: "Score" },
  residual: { id: "residual", label: "Residual" },
  response: { id: "response", label: "Response" },
  severity: { id: "severity", label: "Severity" },
} as const satisfies Record<string, RaidColumn>;

const dateColumn = (kind: RaidKind): RaidColumn => ({
  id: "due",
  label: kind === "risk" || kind === "assumption" ? "Review by" : "Due",
});

/** The columns that fit each kind: risks are scored, issues have a severity. */
export function raidColumns(kind: RaidKind): RaidColumn[] {
  const common = [col.ref, col.title, col.owner, col.status];
  switch (kind) {
    case "risk":
      return [
        ...common,
        col.probability,
        col.impact,
        col.score,
        col.residual,
        col.response,
        dateColumn(kind),
      ];
    case "issue":
      return [...common, col.severity, dateColumn(kind)];
    default:
      return [...common, dateColumn(kind)];
  }
}

/** The order a kind opens in: the worst risks and issues first, the rest by date. */
export function defaultSort(kind: RaidKind): { sort: RaidSortColumn; desc: boolean } {
  if (kind === "risk") return { sort: "score", desc: true };
  if (kind === "issue") return { sort: "severity", desc: true };
  return { sort: "due", desc: false };
}

/** The sort in force: the URL's when it names a column of this kind, else the default. */
export function effectiveSort(search: Pick<RaidSearch, "kind" | "sort" | "desc">) {
  if (search.sort && raidColumns(search.kind).some((c) => c.id === search.sort)) {
    return { sort: search.sort, desc: search.desc };
  }
  return defaultSort(search.kind);
}

/** Clicking a header: a new column sorts ascending (numbers descending), the same one flips. */
export function nextSort(
  current: { sort: RaidSortColumn; desc: boolean },
  column: RaidSortColumn,
): { sort: RaidSortColumn; desc: boolean } {
  if (current.sort === column) return { sort: column, desc: !current.desc };
  const worstFirst =
    column === "score" ||
    column === "residual" ||
    column === "probability" ||
    column === "impact" ||
    column === "severity";
  return { sort: column, desc: worstFirst };
}

// ── Heat-map cells ───────────────────────────────────────────────────────────────────────────

export interface Cell {
  probability: number;
  impact: number;
}

export function cellKey(probability: number, impact: number): string {
  return `${probability}-${impact}`;
}

export function parseCell(value: string | undefined): Cell | null {
  const match = value ? /^([1-5])-([1-5])$/.exec(value) : null;
  return match ? { probability: Number(match[1]), impact: Number(match[2]) } : null;
}

/** Clicking the selected cell again clears the selection. */
export function toggleCell(
  current: string | undefined,
  probability: number,
  impact: number,
): string | undefined {
  const key = cellKey(probability, impact);
  return current === key ? undefined : key;
}

export interface HeatCell extends Cell {
  score: number;
  band: RiskBand;
  count: number;
  /** "Probability 4, impact 5: 2 risks". */
  label: string;
}

export function heatCellLabel(probability: number, impact: number, count: number): string {
  return `Probability ${probability}, impact ${impact}: ${count} ${count === 1 ? "risk" : "risks"}`;
}

/** The grid as drawn: rows from probability 5 (top) to 1, impact 1 to 5 left to right. */
export function heatMapRows(map: HeatMap, thresholds: RiskThresholds): HeatCell[][] {
  return [...ratingValues].reverse().map((probability) =>
    ratingValues.map((impact) => {
      const count = map[probability - 1]?.[impact - 1] ?? 0;
      const score = riskScore(probability, impact);
      return {
        probability,
        impact,
        score,
        band: riskBand(score, thresholds),
        count,
        label: heatCellLabel(probability, impact, count),
      };
    }),
  );
}

/** Risks per band on a heat map (for the legend), banded by the organisation's thresholds. */
export function bandCounts(map: HeatMap, thresholds: RiskThresholds): Record<RiskBand, number> {
  const counts: Record<RiskBand, number> = { low: 0, medium: 0, high: 0, critical: 0 };
  map.forEach((row, p) => {
    row.forEach((count, i) => {
      counts[riskBand(riskScore(p + 1, i + 1), thresholds)] += count;
    });
  });
  return counts;
}

export function heatMapTotal(map: HeatMap): number {
  return map.reduce((sum, row) => sum + row.reduce((a, b) => a + b, 0), 0);
}

/** Arrow keys between heat-map cells: the neighbour in that direction, or null at an edge. */
export function stepCell(from: Cell, key: string): Cell | null {
  const moves: Record<string, [number, number]> = {
    ArrowUp: [1, 0],
    ArrowDown: [-1, 0],
    ArrowRight: [0, 1],
    ArrowLeft: [0, -1],
  };
  const move = moves[key];
  if (key === "Home") return { probability: from.probability, impact: 1 };
  if (key === "End") return { probability: from.probability, impact: 5 };
  if (!move) return null;
  const probability = from.probability + move[0];
  const impact = from.impact + move[1];
  if (probability < 1 || probability > 5 || impact < 1 || impact > 5) return null;
  return { probability, impact };
}

// ── Filtering ────────────────────────────────────────────────────────────────────────────────

/** Whether a risk sits in a heat-map cell: only open risks are on the map, as on the server's. */
export function inCell(item: RaidItem, cell: Cell, residual: boolean): boolean {
  if (item.kind !== "risk" || !item.isOpen) return false;
  const p = residual ? item.residualProbability : item.probability;
  const i = residual ? item.residualImpact : item.impact;
  return p === cell.probability && i === cell.impact;
}

const haystacks = new WeakMap<RaidItem, string>();

/** What a text search looks in: ref, title, description, owner, mitigation and trigger. */
function haystack(item: RaidItem): string {
  let text = haystacks.get(item);
  if (text === undefined) {
    text = [
      item.ref,
      item.title,
      item.description,
      item.owner?.name ?? "",
      item.mitigation,
      item.trigger,
    ]
      .join("\n")
      .toLowerCase();
    haystacks.set(item, text);
  }
  return text;
}

/** Whether a status filter from the URL belongs to the kind shown (else it is ignored). */
export function statusFilterFits(kind: RaidKind, status: RaidSearch["status"]): boolean {
  return (
    status === ACTIVE_STATUS ||
    (status !== undefined && raidStatusesByKind[kind].includes(status as RaidStatus))
  );
}

export type RaidFilters = Pick<
  RaidSearch,
  "kind" | "q" | "status" | "band" | "owner" | "overdue" | "cell" | "residual"
>;

/** The items of one kind that pass every filter in the URL. */
export function filterItems(items: readonly RaidItem[], f: RaidFilters): RaidItem[] {
  const words = f.q.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const status = statusFilterFits(f.kind, f.status) ? f.status : undefined;
  const band = f.kind === "risk" ? f.band : undefined;
  const cell = f.kind === "risk" ? parseCell(f.cell) : null;
  return items.filter((item) => {
    if (item.kind !== f.kind) return false;
    if (status === ACTIVE_STATUS ? !item.isOpen : status && item.status !== status) return false;
    if (band && item.band !== band) return false;
    if (f.owner) {
      if (f.owner === OWNER_NONE ? item.owner !== null : item.owner?.id !== f.owner) return false;
    }
    if (f.overdue && !item.overdue) return false;
    if (cell && !inCell(item, cell, f.residual)) return false;
    if (words.length > 0) {
      const text = haystack(item);
      if (!words.every((w) => text.includes(w))) return false;
    }
    return true;
  });
}

/** Whether anything narrows the list (the heat-map cell included). */
export function hasFilters(f: RaidFilters): boolean {
  return (
    f.q.trim() !== "" ||
    statusFilterFits(f.kind, f.status) ||
    (f.kind === "risk" && (f.band !== undefined || parseCell(f.cell) !== null)) ||
    f.owner !== undefined ||
    f.overdue
  );
}

/** The URL patch that clears every filter (sort, side and the open item stay). */
export const clearedFilters = {
  q: "",
  status: undefined,
  band: undefined,
  owner: undefined,
  overdue: false,
  cell: undefined,
} as const satisfies Partial<RaidSearch>;

/**
 * Switching kind: statuses, bands, cells and sort columns belong to a kind, so they go; the text,
 * owner and overdue filters make sense on every kind and stay. The open item closes.
 */
export function switchKind(kind: RaidKind): Partial<RaidSearch> {
  return {
    kind,
    status: undefined,
    band: undefined,
    cell: undefined,
    sort: undefined,
    desc: false,
    item: undefined,
  };
}

// ── Sorting ──────────────────────────────────────────────────────────────────────────────────

const collator = new Intl.Collator(undefined, { sensitivity: "base", numeric: true });

const refNumber = (item: RaidItem) => Number(item.ref.slice(item.ref.lastIndexOf("-") + 1));

type Key = number | string | null;

function sortKey(item: RaidItem, column: RaidSortColumn): Key {
  switch (column) {
    case "ref":
      return refNumber(item);
    case "title":
      return item.title;
    case "owner":
      return item.owner?.name ?? null;
    case "status":
      return raidStatusesByKind[item.kind].indexOf(item.status);
    case "probability":
      return item.probability;
    case "impact":
      return item.impact;
    case "score":
      return item.score;
    case "residual":
      return item.residualScore;
    case "response":
      return item.response ? riskResponseLabels[item.response] : null;
    case "severity":
      return item.severity ? issueSeverities.indexOf(item.severity) : null;
    case "due":
      return item.dueDate;
  }
}

function compareKeys(a: Key, b: Key): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  return collator.compare(String(a), String(b));
}

/**
 * Sorted by one column; empty values always last (a risk without a residual rating is not "the
 * lowest"), ties by reference so the order is stable. A new array: the input stays as it was.
 */
export function sortItems(items: readonly RaidItem[], column: RaidSortColumn, desc: boolean) {
  const keyed = items.map((item) => ({ item, key: sortKey(item, column), ref: refNumber(item) }));
  keyed.sort((x, y) => {
    if (x.key === null || y.key === null) {
      if (x.key === y.key) return x.ref - y.ref;
      return x.key === null ? 1 : -1;
    }
    const c = compareKeys(x.key, y.key);
    if (c !== 0) return desc ? -c : c;
    return x.ref - y.ref;
  });
  return keyed.map((k) => k.item);
}

// ── Counts and owners ────────────────────────────────────────────────────────────────────────

export interface KindCount {
  total: number;
  open: number;
  overdue: number;
}

export function kindCounts(items: readonly RaidItem[]): Record<RaidKind, KindCount> {
  const counts = Object.fromEntries(
    raidKinds.map((k) => [k, { total: 0, open: 0, overdue: 0 }]),
  ) as Record<RaidKind, KindCount>;
  for (const item of items) {
    const c = counts[item.kind];
    c.total += 1;
    if (item.isOpen) c.open += 1;
    if (item.overdue) c.overdue += 1;
  }
  return counts;
}

/** Owners named on items of a kind (for the owner filter), by name; "Nobody" when some have none. */
export function ownerOptions(
  items: readonly RaidItem[],
  kind: RaidKind,
): { value: string; label: string }[] {
  const owners = new Map<string, string>();
  let unowned = false;
  for (const item of items) {
    if (item.kind !== kind) continue;
    if (item.owner) owners.set(item.owner.id, item.owner.name);
    else unowned = true;
  }
  const options = [...owners]
    .map(([value, label]) => ({ value, label }))
    .sort((a, b) => collator.compare(a.label, b.label));
  return unowned ? [...options, { value: OWNER_NONE, label: "Nobody" }] : options;
}

// ── Export ───────────────────────────────────────────────────────────────────────────────────

/**
 * `ACME-CRM-raid-risks-2026-03-04.csv`; `…-raid-risks-filtered-…` for the rows a filter shows;
 * `ACME-CRM-raid-2026-03-04.csv` for the whole log.
 */
export function raidCsvFileName(
  projectKey: string,
  kind: RaidKind | null,
  today: string,
  filtered = false,
): string {
  const scope = kind ? `-${raidKindPluralLabels[kind].toLowerCase()}` : "";
  return `${projectKey}-raid${scope}${filtered ? "-filtered" : ""}-${today}.csv`;
}

// ── Pages ────────────────────────────────────────────────────────────────────────────────────

/** Rows per page: a few hundred Mantine rows render in a blink; thousands do not. */
export const RAID_PAGE_SIZE = 100;

/** The rows of a page (clamped to the last one when the list shrank under it). */
export function pageWindow(total: number, page: number, size = RAID_PAGE_SIZE) {
  const pages = Math.max(1, Math.ceil(total / size));
  const current = Math.min(Math.max(1, page), pages);
  return { page: current, pages, from: (current - 1) * size, to: Math.min(current * size, total) };
}

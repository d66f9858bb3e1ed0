import {
  type CommItem,
  type Quadrant,
  quadrantLabels,
  quadrants,
  type RaidItem,
  riskBands,
  type Stakeholder,
  stakeholderSides,
} from "@rollout/domain";
import type { RegisterSortColumn, StakeholdersSearch } from "./stakeholderSearch.ts";

/** Pure helpers behind the stakeholder page: filters, sort, the grid, the matrix, ownership. */

export type StakeholderFilters = Pick<StakeholdersSearch, "q" | "side" | "quadrant" | "gap">;

/** Matches name, title, email and the linked user's name or email, case-insensitively. */
export function filterStakeholders<T extends Stakeholder>(
  list: readonly T[],
  filters: StakeholderFilters,
): T[] {
  const q = filters.q.trim().toLocaleLowerCase();
  return list.filter((s) => {
    if (filters.side && s.side !== filters.side) return false;
    if (filters.quadrant && s.quadrant !== filters.quadrant) return false;
    if (filters.gap && s.engagementGap <= 0) return false;
    if (!q) return true;
    return [s.name, s.title, s.email ?? "", s.user?.name ?? "", s.user?.email ?? ""].some((f) =>
      f.toLocaleLowerCase().includes(q),
    );
  });
}

const byName = (a: Stakeholder, b: Stakeholder) =>
  a.name.localeCompare(b.name, undefined, { sensitivity: "base" }) || a.id.localeCompare(b.id);

const sortKeys: Record<RegisterSortColumn, (s: Stakeholder) => number> = {
  name: () => 0,
  side: (s) => stakeholderSides.indexOf(s.side),
  power: (s) => s.power,
  interest: (s) => s.interest,
  // Manage closely first, as the grid reads.
  quadrant: (s) => quadrants.indexOf(s.quadrant),
  gap: (s) => s.engagementGap,
  raid: (s) => s.openRaidItems,
};

/** Sorted by one column; ties (and the name column) by name, always A→Z. */
export function sortStakeholders<T extends Stakeholder>(
  list: readonly T[],
  column: RegisterSortColumn,
  desc: boolean,
): T[] {
  const key = sortKeys[column];
  const sign = desc ? -1 : 1;
  return [...list].sort((a, b) => {
    if (column === "name") return sign * byName(a, b);
    return sign * (key(a) - key(b)) || byName(a, b);
  });
}

// ── The power/interest grid ─────────────────────────────────────────────────────────────────

export const RATINGS = [1, 2, 3, 4, 5] as const;
/** Rows top to bottom: power 5 at the top. */
export const GRID_POWERS = [5, 4, 3, 2, 1] as const;
/** Columns left to right: interest 1 at the left. */
export const GRID_INTERESTS = [1, 2, 3, 4, 5] as const;

export interface GridPosition {
  power: number;
  interest: number;
}

export const cellKey = (p: GridPosition) => `${p.power}:${p.interest}`;

/** A cell's accessible name; the browser test finds cells by it. */
export function cellName(p: GridPosition): string {
  return `Power ${p.power}, interest ${p.interest}`;
}

/**
 * Who sits in each cell, name order within a cell (so chips stack the same way every time).
 * `moved` overrides a person's position (a drag or keyboard move not saved yet).
 */
export function placeOnGrid<T extends Stakeholder>(
  list: readonly T[],
  moved?: ReadonlyMap<string, GridPosition>,
): Map<string, T[]> {
  const cells = new Map<string, T[]>();
  for (const s of [...list].sort(byName)) {
    const at = moved?.get(s.id) ?? s;
    const key = cellKey({ power: clampRating(at.power), interest: clampRating(at.interest) });
    const cell = cells.get(key);
    if (cell) cell.push(s);
    else cells.set(key, [s]);
  }
  return cells;
}

export function clampRating(n: number): number {
  return Math.min(5, Math.max(1, Math.round(n)));
}

/**
 * Where an arrow key takes a chip: up raises power, right raises interest; the grid's edge
 * stops it. Any other key gives null.
 */
export function moveByKey(from: GridPosition, key: string): GridPosition | null {
  const step: Record<string, [number, number]> = {
    ArrowUp: [1, 0],
    ArrowDown: [-1, 0],
    ArrowRight: [0, 1],
    ArrowLeft: [0, -1],
  };
  const d = step[key];
  if (!d) return null;
  return { power: clampRating(from.power + d[0]), interest: clampRating(from.interest + d[1]) };
}

/** Which quadrant labels each corner cell of the grid (the quadrant's outer corner). */
export const quadrantCorners: Record<string, Quadrant> = {
  "5:5": "manage_closely",
  "5:1": "keep_satisfied",
  "1:5": "keep_informed",
  "1:1": "monitor",
};

export function countByQuadrant(list: readonly Stakeholder[]): Record<Quadrant, number> {
  const counts: Record<Quadrant, number> = {
    manage_closely: 0,
    keep_satisfied: 0,
    keep_informed: 0,
    monitor: 0,
  };
  for (const s of list) counts[s.quadrant] += 1;
  return counts;
}

// ── Engagement ──────────────────────────────────────────────────────────────────────────────

/** The engagement matrix's order: the biggest gap (most to do) first, then by name. */
export function engagementOrder<T extends Stakeholder>(list: readonly T[]): T[] {
  return [...list].sort((a, b) => b.engagementGap - a.engagementGap || byName(a, b));
}

/** "Raise by 2 levels", "On target", "1 level above need". */
export function gapText(gap: number): string {
  if (gap === 0) return "On target";
  const n = Math.abs(gap);
  const levels = `${n} ${n === 1 ? "level" : "levels"}`;
  return gap > 0 ? `Raise by ${levels}` : `${levels} above need`;
}

// ── RAID ownership ──────────────────────────────────────────────────────────────────────────

export type RaidOwner = NonNullable<RaidItem["owner"]>;
type OwnedItem = Pick<RaidItem, "id" | "ref" | "title" | "band" | "isOpen" | "owner" | "kind">;

export interface OwnerGroup<T extends OwnedItem> {
  key: string;
  /** Null: open items nobody owns. */
  owner: RaidOwner | null;
  items: T[];
}

const bandRank = (band: RaidItem["band"]) => (band ? riskBands.indexOf(band) : -1);

/** The ref's number, so R-2 sorts before R-10. */
function refOrder(a: string, b: string): number {
  return a.localeCompare(b, undefined, { numeric: true });
}

/**
 * Open RAID items grouped by who owns them (members and stakeholders alike): owners by name,
 * then "nobody" last; within an owner the most severe band first, then by ref.
 */
export function groupByOwner<T extends OwnedItem>(items: readonly T[]): OwnerGroup<T>[] {
  const groups = new Map<string, OwnerGroup<T>>();
  for (const item of items) {
    if (!item.isOpen) continue;
    const key = item.owner ? `${item.owner.type}:${item.owner.id}` : "none";
    let group = groups.get(key);
    if (!group) {
      group = { key, owner: item.owner, items: [] };
      groups.set(key, group);
    }
    group.items.push(item);
  }
  for (const g of groups.values()) {
    g.items.sort((a, b) => bandRank(b.band) - bandRank(a.band) || refOrder(a.ref, b.ref));
  }
  return [...groups.values()].sort((a, b) => {
    if (!a.owner || !b.owner) return a.owner ? -1 : b.owner ? 1 : 0;
    return (
      a.owner.name.localeCompare(b.owner.name, undefined, { sensitivity: "base" }) ||
      a.key.localeCompare(b.key)
    );
  });
}

// ── Communication plan ──────────────────────────────────────────────────────────────────────

export type DueState = "overdue" | "today" | "upcoming" | "none";

/** Against the server's today (the list says which day it counted `overdue` on). */
export function dueState(nextDue: string | null, today: string): DueState {
  if (!nextDue) return "none";
  if (nextDue < today) return "overdue";
  if (nextDue === today) return "today";
  return "upcoming";
}

/** "Everyone in Manage closely", or the names. */
export function audienceText(audience: CommItem["audience"]): string {
  if (audience.quadrant) return `Everyone in ${quadrantLabels[audience.quadrant]}`;
  return audience.stakeholders.map((s) => s.name).join(", ") || "Nobody";
}

import * as z from "zod";
import {
  type PortfolioSearch,
  portfolioSearch,
  portfolioSearchDefaults,
} from "../projects/portfolioSearch.ts";

/**
 * Named portfolio views: the URL search (filters and sort) saved under a name, kept in the
 * browser's localStorage per person and organisation. Nothing here is shared or secret, and a
 * view that no longer reads (an old column, a removed stage) falls back to the defaults field
 * by field, through the same schema as the URL.
 */

export const MAX_VIEWS = 30;
export const MAX_VIEW_NAME = 60;

export interface SavedView {
  name: string;
  /** The search without its defaults, as it appears in the URL. */
  search: Partial<PortfolioSearch>;
  savedAt: string;
}

const storedViews = z.object({
  version: z.literal(1),
  views: z
    .array(
      z.object({
        name: z.string().min(1).max(MAX_VIEW_NAME),
        search: z.record(z.string(), z.unknown()),
        savedAt: z.string(),
      }),
    )
    .max(MAX_VIEWS * 2),
});

export function savedViewsKey(userId: string, orgId: string): string {
  return `rollout.portfolioViews.v1:${userId}:${orgId}`;
}

/** The search as the URL carries it: defaults and empty values left out. */
export function compactSearch(search: PortfolioSearch): Partial<PortfolioSearch> {
  const defaults: Partial<Record<string, unknown>> = portfolioSearchDefaults;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(search)) {
    if (value === undefined || defaults[key] === value) continue;
    out[key] = value;
  }
  return out as Partial<PortfolioSearch>;
}

/** The full search a view stands for (unknown or stale fields take their defaults). */
export function viewSearch(view: SavedView): PortfolioSearch {
  return portfolioSearch.parse(view.search);
}

function sameSearch(a: Partial<PortfolioSearch>, b: Partial<PortfolioSearch>): boolean {
  const keysA = Object.keys(a).sort();
  const keysB = Object.keys(b).sort();
  if (keysA.join() !== keysB.join()) return false;
  const recordA: Record<string, unknown> = a;
  const recordB: Record<string, unknown> = b;
  return keysA.every((key) => recordA[key] === recordB[key]);
}

/** The saved view showing right now, if any: the one whose search is the current search. */
export function activeView(
  views: readonly SavedView[],
  search: PortfolioSearch,
): SavedView | undefined {
  const current = compactSearch(search);
  return views.find((view) => sameSearch(compactSearch(viewSearch(view)), current));
}

export function normaliseName(name: string): string {
  return name.trim().replace(/\s+/g, " ").slice(0, MAX_VIEW_NAME);
}

function sameName(a: string, b: string): boolean {
  return a.localeCompare(b, undefined, { sensitivity: "base" }) === 0;
}

export function findView(views: readonly SavedView[], name: string): SavedView | undefined {
  const wanted = normaliseName(name);
  return views.find((view) => sameName(view.name, wanted));
}

export type SaveResult =
  | { ok: true; views: SavedView[]; replaced: boolean; name: string }
  | { ok: false; error: string };

/** Saves (or replaces, by name regardless of case) a view; views stay in name order. */
export function upsertView(
  views: readonly SavedView[],
  rawName: string,
  search: PortfolioSearch,
  now: Date = new Date(),
): SaveResult {
  const name = normaliseName(rawName);
  if (!name) return { ok: false, error: "Give the view a name" };
  const replaced = findView(views, name) !== undefined;
  if (!replaced && views.length >= MAX_VIEWS) {
    return { ok: false, error: `At most ${MAX_VIEWS} views: delete one first` };
  }
  const view: SavedView = { name, search: compactSearch(search), savedAt: now.toISOString() };
  const next = [...views.filter((v) => !sameName(v.name, name)), view].sort((a, b) =>
    a.name.localeCompare(b.name, undefined, { sensitivity: "base", numeric: true }),
  );
  return { ok: true, views: next, replaced, name };
}

export function removeView(views: readonly SavedView[], name: string): SavedView[] {
  return views.filter((view) => !sameName(view.name, name));
}

/** Reads what was stored; anything unreadable counts as no views rather than an error. */
export function parseViews(raw: string | null): SavedView[] {
  if (!raw) return [];
  try {
    const parsed = storedViews.safeParse(JSON.parse(raw));
    if (!parsed.success) return [];
    return parsed.data.views.slice(0, MAX_VIEWS).map((view) => ({
      name: view.name,
      search: compactSearch(portfolioSearch.parse(view.search)),
      savedAt: view.savedAt,
    }));
  } catch {
    return [];
  }
}

export function serialiseViews(views: readonly SavedView[]): string {
  return JSON.stringify({ version: 1, views });
}

type KeyValueStore = Pick<Storage, "getItem" | "setItem">;

export function loadViews(storage: KeyValueStore | undefined, key: string): SavedView[] {
  try {
    return parseViews(storage?.getItem(key) ?? null);
  } catch {
    // Storage can be switched off (private windows, policies): there are simply no views.
    return [];
  }
}

/** False when the browser refused to store (full, or switched off). */
export function storeViews(
  storage: KeyValueStore | undefined,
  key: string,
  views: readonly SavedView[],
): boolean {
  if (!storage) return false;
  try {
    storage.setItem(key, serialiseViews(views));
    return true;
  } catch {
    return false;
  }
}

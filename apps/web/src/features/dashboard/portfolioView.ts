import { type PortfolioItem, projectStatuses, type Rag, rags, stageIndex } from "@rollout/domain";
import type { PortfolioSearch, PortfolioSortColumn } from "../projects/portfolioSearch.ts";

/**
 * The portfolio's rows from the loaded dashboard: filtered and sorted in the browser (a
 * thousand projects take a few milliseconds), with the state in the URL.
 */

/** Whether any open milestone of the project is forecast after its baseline (as the API counts). */
export function isSlipping(item: PortfolioItem): boolean {
  return (item.worstSlip ?? 0) > 0;
}

function includesText(item: PortfolioItem, needle: string): boolean {
  return [item.key, item.name, item.customer, item.ipmName ?? "", item.pmName ?? ""].some((text) =>
    text.toLocaleLowerCase().includes(needle),
  );
}

export function matchesSearch(item: PortfolioItem, search: PortfolioSearch): boolean {
  if (search.stage && item.stage !== search.stage) return false;
  if (search.status && item.status !== search.status) return false;
  if (search.health && item.health.overall !== search.health) return false;
  if (search.slipping && !isSlipping(item)) return false;
  const needle = search.q.trim().toLocaleLowerCase();
  return needle === "" || includesText(item, needle);
}

const severity = (rag: Rag) => rags.indexOf(rag);
const text = new Intl.Collator(undefined, { numeric: true, sensitivity: "base" });

/** A sort key per column; null sorts last whichever the direction. */
type Key = number | string | null;
const sortKeys: Record<PortfolioSortColumn, (item: PortfolioItem) => Key> = {
  key: (i) => i.key,
  name: (i) => i.name,
  // The colour shown, then the computed one (an override hides nothing from the order).
  health: (i) => severity(i.health.overall) * 10 + severity(i.health.computed),
  stage: (i) => stageIndex(i.stage),
  status: (i) => projectStatuses.indexOf(i.status),
  progress: (i) => i.progress,
  nextMilestone: (i) => i.nextMilestone?.forecastDate ?? i.nextMilestone?.baselineDate ?? null,
  risks: (i) => i.openHighRisks,
  goLive: (i) => i.goLiveDate,
  spi: (i) => i.spi,
  cpi: (i) => i.cpi,
};

function compareKeys(a: Key, b: Key): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  return text.compare(String(a), String(b));
}

export function sortItems(
  items: readonly PortfolioItem[],
  sort: PortfolioSortColumn,
  desc: boolean,
): PortfolioItem[] {
  const keyOf = sortKeys[sort];
  const keyed = items.map((item) => ({ item, key: keyOf(item) }));
  keyed.sort((a, b) => {
    if (a.key === null || b.key === null) {
      if (a.key === b.key) return text.compare(a.item.key, b.item.key);
      return a.key === null ? 1 : -1;
    }
    const order = compareKeys(a.key, b.key);
    if (order !== 0) return desc ? -order : order;
    return text.compare(a.item.key, b.item.key);
  });
  return keyed.map((k) => k.item);
}

export function portfolioRows(
  items: readonly PortfolioItem[],
  search: PortfolioSearch,
): PortfolioItem[] {
  return sortItems(
    items.filter((item) => matchesSearch(item, search)),
    search.sort,
    search.desc,
  );
}

/**
 * The strip's counts. Health counts equal the API's summary; "slipping" is counted with the
 * same rule as the "slipping only" filter, so choosing it lists exactly that many projects.
 */
export function portfolioCounts(items: readonly PortfolioItem[]) {
  const counts = { green: 0, amber: 0, red: 0, slipping: 0, overridden: 0 };
  for (const item of items) {
    counts[item.health.overall] += 1;
    if (isSlipping(item)) counts.slipping += 1;
    if (item.health.override?.active) counts.overridden += 1;
  }
  return counts;
}

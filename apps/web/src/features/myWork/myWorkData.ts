import type { MyWorkGroup, MyWorkItem } from "@rollout/domain";

/** Rows a group shows at first, and adds with each "Show more". */
export const MY_WORK_PAGE = 50;
/** The largest page the server gives: the export walks the list in these. */
export const MY_WORK_EXPORT_PAGE = 200;

/**
 * One group's pages: the input and the next cursor for `trpc.myWork.list.infiniteQueryOptions`.
 * The route's loader prefetches each group's first page with these, so the page shares the key
 * (and the cache entry). `today` is the viewer's own date.
 */
export function myWorkGroupInput(group: MyWorkGroup, today: string) {
  return { today, group, limit: MY_WORK_PAGE };
}
export const myWorkNextPage = { getNextPageParam: (page: Page) => page.nextCursor ?? undefined };

export interface MyWorkCounts {
  overdue: number;
  thisWeek: number;
  later: number;
  noDate: number;
}

export const totalOf = (counts: MyWorkCounts) =>
  counts.overdue + counts.thisWeek + counts.later + counts.noDate;

interface Page {
  counts: MyWorkCounts;
  items: MyWorkItem[];
  nextCursor: string | null;
}

/**
 * Every open task of mine, page after page across the groups (for the CSV export), reporting
 * progress after each page. Stops when the server says there is no next page, or when `signal`
 * aborts (the error is the abort's).
 */
export async function fetchAllMyWork(
  fetchPage: (cursor: string | undefined, signal: AbortSignal) => Promise<Page>,
  onProgress: (done: number, total: number) => void,
  signal: AbortSignal,
): Promise<MyWorkItem[]> {
  const items: MyWorkItem[] = [];
  const seen = new Set<string>();
  let cursor: string | undefined;
  do {
    signal.throwIfAborted();
    const page = await fetchPage(cursor, signal);
    // A task moved by someone meanwhile may come twice; it is written once.
    for (const item of page.items) {
      if (seen.has(item.task.id)) continue;
      seen.add(item.task.id);
      items.push(item);
    }
    onProgress(items.length, Math.max(items.length, totalOf(page.counts)));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

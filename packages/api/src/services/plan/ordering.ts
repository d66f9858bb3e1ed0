/**
 * Sort keys are real numbers: a new place between two neighbours takes their midpoint, so a move
 * rewrites one row. When the gap is too fine to split, the siblings are renumbered first.
 */
export interface Ordered {
  id: string;
  sortOrder: number;
}

export const MIN_GAP = 1e-6;

/** The sort key for an item placed before `beforeId` among `siblings` (sorted), or at the end. */
export function sortKeyBefore(
  siblings: readonly Ordered[],
  beforeId: string | null,
): { key: number; renumber: boolean } {
  const others = siblings;
  if (beforeId === null) {
    const last = others.at(-1);
    return { key: last ? Math.floor(last.sortOrder) + 1 : 1, renumber: false };
  }
  const index = others.findIndex((s) => s.id === beforeId);
  if (index < 0) return { key: (others.at(-1)?.sortOrder ?? 0) + 1, renumber: false };
  const next = others[index] as Ordered;
  const prev = index > 0 ? others[index - 1] : undefined;
  if (!prev) return { key: next.sortOrder - 1, renumber: false };
  if (next.sortOrder - prev.sortOrder < MIN_GAP) return { key: 0, renumber: true };
  return { key: (prev.sortOrder + next.sortOrder) / 2, renumber: false };
}

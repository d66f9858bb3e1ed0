import type { Virtualizer } from "@tanstack/react-virtual";
import {
  type FocusEvent,
  type KeyboardEvent,
  type RefObject,
  useCallback,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from "react";

/**
 * Keyboard focus for a virtualized ARIA grid (the roving-tabindex pattern): exactly one cell
 * is in the tab order; arrows, Home/End, Page Up/Down and Ctrl+Home/End move it. The active row
 * is kept rendered by the virtualizer (see `keepIndex`), so focus survives scrolling it away.
 *
 * The active cell is remembered by row key and a *wanted* column: moving down through a row
 * with fewer cells (a phase header) comes back to the same column on the next task, as a caret
 * does through short lines.
 */

export interface CellPos {
  key: string;
  col: number;
}

export interface RovingGridOptions<R> {
  rows: readonly R[];
  rowKey: (row: R) => string;
  /** The focusable columns of a row, ascending. */
  colsOf: (row: R) => readonly number[];
  /** The column focused first. */
  defaultCol: number;
  gridRef: RefObject<HTMLElement | null>;
  rowHeight: number;
}

export const cellId = (key: string, col: number) => `${key}|${col}`;

function nearest(cols: readonly number[], wanted: number): number {
  let best = cols[0] ?? -1;
  for (const c of cols) if (Math.abs(c - wanted) < Math.abs(best - wanted)) best = c;
  return best;
}

export function useRovingGrid<R>(options: RovingGridOptions<R>) {
  const { rows, rowKey, colsOf, defaultCol, gridRef, rowHeight } = options;
  const [active, setActive] = useState<CellPos | null>(null);
  // Bumped to render again (and so run the focus effect) when only a ref changed.
  const [, setFocusTick] = useState(0);
  const focusWanted = useRef(false);
  const requested = useRef<string | null>(null);
  const hadFocus = useRef(false);
  const lastIndex = useRef(0);
  const virtualizer = useRef<Virtualizer<HTMLDivElement, Element> | null>(null);

  const indexByKey = useMemo(() => {
    const map = new Map<string, number>();
    rows.forEach((r, i) => {
      map.set(rowKey(r), i);
    });
    return map;
  }, [rows, rowKey]);

  const found = active ? indexByKey.get(active.key) : undefined;
  // The active row went away (deleted, filtered out): the row now at its place takes over.
  const activeIndex =
    found ?? (rows.length === 0 ? -1 : Math.min(active ? lastIndex.current : 0, rows.length - 1));
  const activeRow = activeIndex >= 0 ? rows[activeIndex] : undefined;
  const activeKey = activeRow ? rowKey(activeRow) : null;
  const activeCol = activeRow ? nearest(colsOf(activeRow), active?.col ?? defaultCol) : -1;
  const lostRow = active !== null && found === undefined;

  useLayoutEffect(() => {
    lastIndex.current = Math.max(0, activeIndex);
  });

  // Focus the active cell after a keyboard move (or when the focused row disappeared). Runs
  // after every render of the grid, and of its rows (`rowsRendered`): the wanted row may appear
  // only later (rows mounting, a row being created). Returns at once when no focus is wanted.
  const tryFocus = useRef<() => void>(() => undefined);
  tryFocus.current = () => {
    // A cell asked for by key that is not there yet (a row about to appear): wait for it.
    if (focusWanted.current && active && found === undefined && requested.current === active.key) {
      return;
    }
    if (lostRow && hadFocus.current) focusWanted.current = true;
    if (!focusWanted.current || activeKey === null) return;
    virtualizer.current?.scrollToIndex(activeIndex, { align: "auto" });
    const el = gridRef.current?.querySelector<HTMLElement>(
      `[data-cell="${cellId(activeKey, activeCol)}"]`,
    );
    if (el) {
      focusWanted.current = false;
      if (document.activeElement !== el) el.focus({ preventScroll: true });
      revealHorizontally(el, virtualizer.current?.scrollElement ?? null);
      requested.current = null;
    }
  };
  useLayoutEffect(() => tryFocus.current());
  /** For the rows' own component: call after it rendered (a layout effect). */
  const rowsRendered = useCallback(() => tryFocus.current(), []);

  const focusCell = useCallback((key: string, col: number) => {
    focusWanted.current = true;
    requested.current = key;
    setActive({ key, col });
    setFocusTick((t) => t + 1);
  }, []);

  /** Puts focus back on the active cell (after an editor closes, a menu returns, …). */
  const refocus = useCallback(() => {
    focusWanted.current = true;
    setFocusTick((t) => t + 1);
  }, []);

  const moveTo = useCallback(
    (index: number, col?: number) => {
      const i = Math.max(0, Math.min(rows.length - 1, index));
      const row = rows[i];
      if (!row) return;
      focusCell(rowKey(row), col ?? active?.col ?? defaultCol);
    },
    [rows, rowKey, focusCell, active, defaultCol],
  );

  const moveCol = useCallback(
    (step: -1 | 1 | "first" | "last") => {
      if (!activeRow || activeKey === null) return;
      const cols = colsOf(activeRow);
      const at = cols.indexOf(activeCol);
      const next =
        step === "first"
          ? cols[0]
          : step === "last"
            ? cols.at(-1)
            : cols[Math.max(0, Math.min(cols.length - 1, at + step))];
      if (next !== undefined) focusCell(activeKey, next);
    },
    [activeRow, activeKey, activeCol, colsOf, focusCell],
  );

  /** Handles the movement keys; true when it did. */
  const navigate = useCallback(
    (event: KeyboardEvent): boolean => {
      const page = Math.max(
        1,
        Math.floor((virtualizer.current?.scrollRect?.height ?? rowHeight * 10) / rowHeight) - 1,
      );
      const ctrl = event.ctrlKey || event.metaKey;
      switch (event.key) {
        case "ArrowDown":
          moveTo(activeIndex + 1);
          return true;
        case "ArrowUp":
          moveTo(activeIndex - 1);
          return true;
        case "ArrowRight":
          moveCol(1);
          return true;
        case "ArrowLeft":
          moveCol(-1);
          return true;
        case "PageDown":
          moveTo(activeIndex + page);
          return true;
        case "PageUp":
          moveTo(activeIndex - page);
          return true;
        case "Home":
          if (ctrl) moveTo(0);
          else moveCol("first");
          return true;
        case "End":
          if (ctrl) moveTo(rows.length - 1);
          else moveCol("last");
          return true;
        default:
          return false;
      }
    },
    [activeIndex, moveTo, moveCol, rows.length, rowHeight],
  );

  /** A click or Tab into a cell makes it the active one. */
  const onFocus = useCallback((event: FocusEvent) => {
    hadFocus.current = true;
    requested.current = null;
    const cell = (event.target as HTMLElement).closest<HTMLElement>("[data-cell]");
    const id = cell?.dataset.cell;
    if (!id) return;
    const bar = id.lastIndexOf("|");
    const key = id.slice(0, bar);
    const col = Number(id.slice(bar + 1));
    setActive((prev) => (prev && prev.key === key && prev.col === col ? prev : { key, col }));
  }, []);

  const onBlur = useCallback(
    (event: FocusEvent) => {
      const next = event.relatedTarget as Node | null;
      if (next && gridRef.current?.contains(next)) return;
      // Focus going to a portal (a menu, a select's list) opened from the grid still counts.
      if (next && (next as HTMLElement).closest?.("[data-portal]")) return;
      hadFocus.current = false;
    },
    [gridRef],
  );

  /** Extra index the virtualizer must render: the active row, wherever the scroll is. */
  const keepIndex = activeIndex;

  return {
    activeKey,
    activeCol,
    activeIndex,
    focusCell,
    refocus,
    moveTo,
    navigate,
    onFocus,
    onBlur,
    keepIndex,
    virtualizer,
    rowsRendered,
    setActiveQuietly: setActive,
  };
}

export type RovingGrid = ReturnType<typeof useRovingGrid>;

/** Scrolls a wide grid sideways so the focused cell is in view (rows start at the left edge). */
function revealHorizontally(el: HTMLElement, scroller: Element | null) {
  if (!(scroller instanceof HTMLElement)) return;
  const left = el.offsetLeft;
  const right = left + el.offsetWidth;
  if (left < scroller.scrollLeft) scroller.scrollLeft = left;
  else if (right > scroller.scrollLeft + scroller.clientWidth) {
    scroller.scrollLeft = right - scroller.clientWidth;
  }
}

/** The default range plus the active row, sorted (what `rangeExtractor` must return). */
export function withIndex(indexes: number[], keep: number): number[] {
  if (keep < 0 || indexes.includes(keep)) return indexes;
  return [...indexes, keep].sort((a, b) => a - b);
}

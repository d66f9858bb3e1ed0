import {
  type PointerEvent as ReactPointerEvent,
  useCallback,
  useEffect,
  useRef,
  useState,
} from "react";
import type { GridPosition } from "./stakeholderModel.ts";

/** Pixels the pointer must travel before a press becomes a drag (below it, it is a click). */
const DRAG_THRESHOLD = 4;

export interface ChipDrag {
  id: string;
  /** Where the pointer is, for the floating chip. */
  x: number;
  y: number;
  /** The cell under the pointer, or null outside the grid. */
  over: GridPosition | null;
}

interface Press {
  id: string;
  pointerId: number;
  startX: number;
  startY: number;
  active: boolean;
}

/** The grid cell at a point: cells carry `data-power` and `data-interest`. */
function cellAt(x: number, y: number): GridPosition | null {
  for (const element of document.elementsFromPoint(x, y)) {
    const cell = (element as HTMLElement).closest<HTMLElement>("[data-grid-cell]");
    if (cell) {
      return { power: Number(cell.dataset.power), interest: Number(cell.dataset.interest) };
    }
  }
  return null;
}

/**
 * Dragging a chip across the grid with pointer events (mouse, pen or touch). The chip captures
 * the pointer, so the drag follows it anywhere; a press that barely moves stays a click, and
 * the click that follows a real drag is swallowed. Escape or a lost capture cancels.
 */
export function useChipDrag({
  enabled,
  onDrop,
}: {
  enabled: (id: string) => boolean;
  onDrop: (id: string, to: GridPosition) => void;
}) {
  const press = useRef<Press | null>(null);
  const swallowClick = useRef(false);
  const [drag, setDrag] = useState<ChipDrag | null>(null);

  const cancel = useCallback(() => {
    press.current = null;
    setDrag(null);
  }, []);

  const dragging = drag !== null;
  useEffect(() => {
    if (!dragging) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      event.preventDefault();
      swallowClick.current = true;
      cancel();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [dragging, cancel]);

  function chipProps(id: string) {
    return {
      onPointerDown: (event: ReactPointerEvent<HTMLElement>) => {
        swallowClick.current = false;
        if (event.button !== 0 || !enabled(id)) return;
        event.currentTarget.setPointerCapture(event.pointerId);
        press.current = {
          id,
          pointerId: event.pointerId,
          startX: event.clientX,
          startY: event.clientY,
          active: false,
        };
      },
      onPointerMove: (event: ReactPointerEvent<HTMLElement>) => {
        const p = press.current;
        if (!p || p.pointerId !== event.pointerId) return;
        if (!p.active) {
          const moved = Math.hypot(event.clientX - p.startX, event.clientY - p.startY);
          if (moved < DRAG_THRESHOLD) return;
          p.active = true;
        }
        setDrag({
          id,
          x: event.clientX,
          y: event.clientY,
          over: cellAt(event.clientX, event.clientY),
        });
      },
      onPointerUp: (event: ReactPointerEvent<HTMLElement>) => {
        const p = press.current;
        if (!p || p.pointerId !== event.pointerId) return;
        press.current = null;
        setDrag(null);
        if (event.currentTarget.hasPointerCapture(event.pointerId)) {
          event.currentTarget.releasePointerCapture(event.pointerId);
        }
        if (!p.active) return;
        swallowClick.current = true;
        const over = cellAt(event.clientX, event.clientY);
        if (over) onDrop(id, over);
      },
      onPointerCancel: cancel,
      onLostPointerCapture: () => {
        if (press.current?.active) cancel();
      },
      /** Wraps the chip's click: a drop is not also a click. */
      consumeClick: () => {
        const swallow = swallowClick.current;
        swallowClick.current = false;
        return swallow;
      },
    };
  }

  return { drag, chipProps };
}

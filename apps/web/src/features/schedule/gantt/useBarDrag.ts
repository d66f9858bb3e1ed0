import type { WorkingCalendar } from "@rollout/domain";
import {
  type PointerEvent as ReactPointerEvent,
  useEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import type { BarHandlers } from "./ganttDraw.tsx";
import type { GanttModel } from "./ganttModel.ts";
import type { Scale } from "./ganttScale.ts";
import { moveChange, type RescheduleChange, resizeChange } from "./reschedule.ts";

interface Drag {
  taskId: string;
  mode: "move" | "resize";
  startX: number;
  days: number;
}

/**
 * Dragging a bar (move) or its right edge (resize), in whole days. The pointer is captured by
 * the chart's SVG, so the drag follows it anywhere; Escape or a lost capture cancels it. A drop
 * that changes nothing is a click (it selects the task); otherwise it proposes the change.
 */
export function useBarDrag({
  model,
  scale,
  calendar,
  editable,
  blocked,
  onPropose,
  onClick,
}: {
  model: GanttModel;
  scale: Scale;
  calendar: WorkingCalendar;
  editable: boolean;
  /** A change is already waiting for Save or Cancel. */
  blocked: boolean;
  onPropose: (change: RescheduleChange) => void;
  onClick: (taskId: string) => void;
}) {
  const [drag, setDrag] = useState<Drag | null>(null);
  const dragRef = useRef<Drag | null>(null);

  const update = (next: Drag | null) => {
    dragRef.current = next;
    setDrag(next);
  };
  const blockedRef = useRef(blocked);
  blockedRef.current = blocked;

  const dragging = drag !== null;
  useEffect(() => {
    if (!dragging) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      dragRef.current = null;
      setDrag(null);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [dragging]);

  function changeFor(d: Drag): RescheduleChange | null {
    const index = model.rowOfTask.get(d.taskId);
    const row = index === undefined ? undefined : model.rows[index];
    if (row?.kind !== "task" || !row.sched) return null;
    return d.mode === "move"
      ? moveChange(row.task, row.sched, d.days, calendar)
      : resizeChange(row.task, row.sched, d.days, calendar);
  }

  // The same object from render to render, so the memoised rows of bars do not redraw.
  const handlers = useMemo<BarHandlers>(
    () => ({
      editable,
      onPointerDown: (event: ReactPointerEvent<SVGElement>, taskId, mode) => {
        if (event.button !== 0 || blockedRef.current) return;
        event.preventDefault();
        event.stopPropagation();
        const svg = event.currentTarget.ownerSVGElement ?? event.currentTarget;
        svg.setPointerCapture(event.pointerId);
        dragRef.current = { taskId, mode, startX: event.clientX, days: 0 };
        setDrag(dragRef.current);
      },
    }),
    [editable],
  );

  const svgProps = {
    onPointerMove: (event: ReactPointerEvent<SVGSVGElement>) => {
      const current = dragRef.current;
      if (!current) return;
      const days = Math.round((event.clientX - current.startX) / scale.px);
      if (days !== current.days) update({ ...current, days });
    },
    onPointerUp: (event: ReactPointerEvent<SVGSVGElement>) => {
      const current = dragRef.current;
      if (!current) return;
      update(null);
      event.currentTarget.releasePointerCapture(event.pointerId);
      const change = changeFor(current);
      if (change) onPropose(change);
      else onClick(current.taskId);
    },
    onPointerCancel: () => update(null),
    onLostPointerCapture: () => update(null),
  };

  return { handlers, svgProps, dragging, change: drag ? changeFor(drag) : null };
}

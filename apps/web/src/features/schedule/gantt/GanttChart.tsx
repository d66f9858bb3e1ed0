import { FocusTrap, Paper } from "@mantine/core";
import type { WorkingCalendar } from "@rollout/domain";
import { useVirtualizer } from "@tanstack/react-virtual";
import {
  type CSSProperties,
  type KeyboardEvent,
  type ReactNode,
  type Ref,
  useCallback,
  useEffect,
  useId,
  useImperativeHandle,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import { formatDate } from "../../../ui/format.ts";
import { dayNumber } from "../calendarDays.ts";
import { GanttListRow } from "./GanttListRow.tsx";
import {
  type DrawOptions,
  GanttBackground,
  GanttDefs,
  HeaderBands,
  LinkLayer,
  RowShapes,
  TodayLine,
} from "./ganttDraw.tsx";
import { type GanttModel, type GanttRow, ROW_HEIGHT, type Span } from "./ganttModel.ts";
import { headerBands, xOf, type Zoom } from "./ganttScale.ts";
import type { RescheduleChange } from "./reschedule.ts";
import { useBarDrag } from "./useBarDrag.ts";

export const LIST_WIDTH = 380;
export const HEADER_HEIGHT = 48;
const OVERSCAN_PX = 320;

export interface GanttChartHandle {
  /** Brings a task's row and bar into view. */
  revealTask: (taskId: string) => void;
  scrollToDay: (day: number) => void;
  /** The rows and the stretch of the axis on screen now (for the image export). */
  visible: () => { first: number; last: number; x0: number; x1: number };
}

interface GanttChartProps {
  model: GanttModel;
  options: DrawOptions;
  zoom: Zoom;
  holidays: readonly string[];
  today: string;
  calendar: WorkingCalendar;
  editable: boolean;
  height: number;
  /** The day to show at the left on first draw. */
  initialDay: number;
  selectedTaskId: string | null;
  onSelectTask: (taskId: string | null) => void;
  onToggleGroup: (groupId: string) => void;
  /** A dropped drag proposes a change; the page previews it and asks to save. */
  pending: RescheduleChange | null;
  onPropose: (change: RescheduleChange) => void;
  /** The confirm popover's content, shown next to the bar (null: no popover, e.g. the form). */
  popover: ReactNode;
  onDismissPopover: () => void;
  ref?: Ref<GanttChartHandle>;
}

const rowHeight = () => ROW_HEIGHT;

/** The days a row draws on: its bar and its baseline ghost. */
function extentOf(row: GanttRow): Span | null {
  if (row.kind === "milestone") return null;
  if (row.kind === "group" || !row.baseline) return row.span;
  if (!row.span) return row.baseline;
  return {
    start: Math.min(row.span.start, row.baseline.start),
    end: Math.max(row.span.end, row.baseline.end),
  };
}

function spanOfChange(change: RescheduleChange): Span {
  return { start: dayNumber(change.newStart), end: dayNumber(change.newFinish) + 1 };
}

export function GanttChart({
  model,
  options,
  zoom,
  holidays,
  today,
  calendar,
  editable,
  height,
  initialDay,
  selectedTaskId,
  onSelectTask,
  onToggleGroup,
  pending,
  onPropose,
  popover,
  onDismissPopover,
  ref,
}: GanttChartProps) {
  const { rows, links } = model;
  const { scale } = options;
  const markerId = useId().replace(/:/g, "");
  const scrollRef = useRef<HTMLDivElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const [view, setView] = useState({ left: 0, top: 0, width: 1200 });
  const [active, setActive] = useState(0);
  const frame = useRef(0);

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: rowHeight,
    overscan: 8,
    scrollMargin: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
    // Stable while the rows are: a new function would have every row's place computed again.
    getItemKey: useCallback((i: number) => rows[i]?.key ?? i, [rows]),
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? -1;

  // The rows follow the vertical scroll through the virtualizer. The view (what is drawn
  // sideways) changes only when scrolled sideways or resized; its top matters only to place the
  // popover of a change waiting to be saved, so scrolling down does not render everything twice.
  const pendingRef = useRef(pending);
  pendingRef.current = pending;
  const measure = useCallback(() => {
    const el = scrollRef.current;
    if (!el) return;
    setView((v) =>
      v.left === el.scrollLeft &&
      v.width === el.clientWidth &&
      (v.top === el.scrollTop || !pendingRef.current)
        ? v
        : { left: el.scrollLeft, top: el.scrollTop, width: el.clientWidth },
    );
  }, []);

  // A change now waiting: its popover needs the view's current top.
  useLayoutEffect(() => {
    if (pending) measure();
  }, [pending, measure]);

  const onScroll = useCallback(() => {
    cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(measure);
  }, [measure]);

  useEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => {
      observer.disconnect();
      cancelAnimationFrame(frame.current);
    };
  }, [measure]);

  // First draw: start a little before `initialDay` (usually today).
  const placed = useRef(false);
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el || placed.current) return;
    placed.current = true;
    el.scrollLeft = Math.max(0, xOf(scale, initialDay) - 7 * scale.px);
    measure();
  }, [scale, initialDay, measure]);

  // A new zoom (or a range that grew after a save) keeps the day in the middle of the view.
  const previous = useRef(scale);
  useLayoutEffect(() => {
    const before = previous.current;
    previous.current = scale;
    const el = scrollRef.current;
    if (!el || (before.px === scale.px && before.from === scale.from)) return;
    const half = (el.clientWidth - LIST_WIDTH) / 2;
    const centre = before.from + (el.scrollLeft + half) / before.px;
    el.scrollLeft = Math.max(0, (centre - scale.from) * scale.px - half);
    measure();
  }, [scale, measure]);

  /** Scrolls sideways so a task's bar is in view (when it is not). */
  const revealBar = useCallback(
    (index: number) => {
      const el = scrollRef.current;
      const row = rows[index];
      if (!el || row?.kind !== "task" || !row.span) return;
      const x0 = xOf(scale, row.span.start);
      const x1 = xOf(scale, row.span.end);
      const inView = x0 >= el.scrollLeft && x1 <= el.scrollLeft + el.clientWidth - LIST_WIDTH;
      if (!inView) el.scrollLeft = Math.max(0, x0 - 10 * scale.px);
    },
    [rows, scale],
  );

  useImperativeHandle(
    ref,
    () => ({
      revealTask: (taskId) => {
        const index = model.rowOfTask.get(taskId);
        const el = scrollRef.current;
        if (index === undefined || !el) return;
        setActive(index);
        virtualizer.scrollToIndex(index, { align: "center" });
        revealBar(index);
      },
      scrollToDay: (day) => {
        const el = scrollRef.current;
        if (!el) return;
        el.scrollLeft = Math.max(0, xOf(scale, day) - 7 * scale.px);
      },
      visible: () => {
        const el = scrollRef.current;
        const top = (el?.scrollTop ?? 0) + 0;
        const bodyHeight = (el?.clientHeight ?? 0) - HEADER_HEIGHT;
        const firstShown = Math.max(0, Math.floor(top / ROW_HEIGHT));
        const lastShown = Math.min(rows.length - 1, Math.ceil((top + bodyHeight) / ROW_HEIGHT) - 1);
        const left = el?.scrollLeft ?? 0;
        const width = (el?.clientWidth ?? 0) - LIST_WIDTH;
        return {
          first: firstShown,
          last: lastShown,
          x0: left,
          x1: Math.min(scale.width, left + width),
        };
      },
    }),
    [model, rows, scale, virtualizer, revealBar],
  );

  // ── Keyboard: one row in the tab order, arrows move, Enter acts ─────────────────────────────
  const focusRow = useCallback(
    (index: number) => {
      const target = Math.max(0, Math.min(rows.length - 1, index));
      setActive(target);
      virtualizer.scrollToIndex(target);
      requestAnimationFrame(() => {
        listRef.current?.querySelector<HTMLElement>(`[data-index="${target}"]`)?.focus();
      });
    },
    [rows.length, virtualizer],
  );

  function activate(index: number) {
    const row = rows[index];
    if (!row) return;
    if (row.kind === "group") onToggleGroup(row.id);
    else if (row.kind === "task") {
      const picked = row.task.id !== selectedTaskId;
      onSelectTask(picked ? row.task.id : null);
      if (picked) revealBar(index);
    }
  }
  // One click handler for every row, the same across renders (the rows are memoised).
  const activateRef = useRef(activate);
  activateRef.current = activate;
  const onRowClick = useCallback((index: number) => {
    setActive(index);
    activateRef.current(index);
  }, []);

  function onListKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const page = Math.max(1, Math.floor((height - HEADER_HEIGHT) / ROW_HEIGHT) - 1);
    const row = rows[active];
    const moves: Record<string, number> = {
      ArrowDown: active + 1,
      ArrowUp: active - 1,
      PageDown: active + page,
      PageUp: active - page,
      Home: 0,
      End: rows.length - 1,
    };
    const to = moves[event.key];
    if (to !== undefined) {
      event.preventDefault();
      focusRow(to);
    } else if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      activate(active);
    } else if (
      row?.kind === "group" &&
      event.key === (row.collapsed ? "ArrowRight" : "ArrowLeft")
    ) {
      event.preventDefault();
      onToggleGroup(row.id);
    }
  }

  // ── Drag to move, drag the right edge to resize ─────────────────────────────────────────────
  const bars = useBarDrag({
    model,
    scale,
    calendar,
    editable,
    blocked: pending !== null,
    onPropose,
    onClick: onSelectTask,
  });
  const dragChange = bars.change;
  const shownChange = dragChange ?? pending;
  const previewFor = shownChange ? shownChange.taskId : null;
  const previewSpan = shownChange ? spanOfChange(shownChange) : null;

  const x0 = Math.max(0, view.left - OVERSCAN_PX);
  // (Hidden, e.g. while printing, the area has no width: draw nothing rather than negative.)
  const x1 = Math.max(x0, Math.min(scale.width, view.left + view.width - LIST_WIDTH + OVERSCAN_PX));
  const y0 = first * ROW_HEIGHT;
  const y1 = (last + 1) * ROW_HEIGHT;
  const bands = useMemo(() => headerBands(scale, zoom, x0, x1), [scale, zoom, x0, x1]);
  const totalHeight = rows.length * ROW_HEIGHT;
  const selectedRow = selectedTaskId ? (model.rowOfTask.get(selectedTaskId) ?? null) : null;

  // The confirm popover sits outside the scrolling area (so it is never clipped), under the
  // bar's new place, or above it when the bar is in the lower half of the chart.
  const pendingRow = pending ? model.rowOfTask.get(pending.taskId) : undefined;
  let popoverStyle: CSSProperties | null = null;
  if (popover && pending && pendingRow !== undefined && previewSpan) {
    const barTop = HEADER_HEIGHT + pendingRow * ROW_HEIGHT - view.top;
    const left = LIST_WIDTH + xOf(scale, previewSpan.start) - view.left;
    const clamped = Math.max(LIST_WIDTH / 2, Math.min(left, view.width - 360));
    popoverStyle =
      barTop > height / 2
        ? { left: clamped, top: barTop - 2, transform: "translateY(-100%)" }
        : { left: clamped, top: barTop + ROW_HEIGHT + 2 };
  }

  return (
    <div className="gantt-wrap">
      <div
        ref={scrollRef}
        className={bars.dragging ? "gantt-scroll gantt-dragging" : "gantt-scroll"}
        style={{ height }}
        onScroll={onScroll}
      >
        <div style={{ width: LIST_WIDTH + scale.width, position: "relative" }}>
          <div
            className="gantt-header"
            style={{ height: HEADER_HEIGHT, width: LIST_WIDTH + scale.width }}
          >
            <div className="gantt-corner" style={{ width: LIST_WIDTH }}>
              <div className="gantt-corner-cols">
                <span>Task</span>
                <span style={{ textAlign: "right" }}>Start</span>
                <span style={{ textAlign: "right" }}>Finish</span>
              </div>
            </div>
            <svg
              aria-hidden="true"
              width={x1 - x0}
              height={HEADER_HEIGHT}
              viewBox={`${x0} 0 ${x1 - x0} ${HEADER_HEIGHT}`}
              style={{ position: "absolute", top: 0, left: LIST_WIDTH + x0 }}
            >
              <HeaderBands
                top={bands.top}
                bottom={bands.bottom}
                height={HEADER_HEIGHT}
                palette={options.palette}
                zoom={zoom}
                scale={scale}
                today={today}
                labelFrom={view.left}
              />
            </svg>
          </div>

          <div className="gantt-body" style={{ height: totalHeight }}>
            <div
              ref={listRef}
              className="gantt-list"
              style={{ width: LIST_WIDTH }}
              role="treegrid"
              aria-label="Tasks on the schedule"
              aria-rowcount={rows.length}
              onKeyDown={onListKeyDown}
            >
              {items.map((item) => {
                const row = rows[item.index];
                if (!row) return null;
                return (
                  <GanttListRow
                    key={item.key}
                    row={row}
                    index={item.index}
                    active={item.index === active}
                    selected={row.kind === "task" && row.task.id === selectedTaskId}
                    onClick={onRowClick}
                  />
                );
              })}
            </div>

            <div
              className="gantt-chart"
              style={{ left: LIST_WIDTH, width: scale.width, height: totalHeight }}
            >
              {last >= first ? (
                <svg
                  aria-hidden="true"
                  width={x1 - x0}
                  height={y1 - y0}
                  viewBox={`${x0} ${y0} ${x1 - x0} ${y1 - y0}`}
                  style={{ left: x0, top: y0 }}
                  {...bars.svgProps}
                >
                  <GanttDefs id={markerId} palette={options.palette} />
                  <GanttBackground
                    scale={scale}
                    zoom={zoom}
                    x0={x0}
                    x1={x1}
                    firstRow={first}
                    lastRow={last}
                    holidays={holidays}
                    bottom={bands.bottom}
                    palette={options.palette}
                    selectedRow={selectedRow}
                  />
                  <LinkLayer
                    links={links}
                    rows={rows}
                    first={first}
                    last={last}
                    options={options}
                    markerId={markerId}
                  />
                  {items.map((item) => {
                    const row = rows[item.index];
                    if (!row) return null;
                    // Only bars that reach into the stretch of time in view are drawn.
                    const extent = extentOf(row);
                    if (
                      extent &&
                      (xOf(scale, extent.end) < x0 || xOf(scale, extent.start) > x1) &&
                      !(row.kind === "task" && row.task.id === previewFor)
                    ) {
                      return null;
                    }
                    return (
                      <RowShapes
                        key={item.key}
                        row={row}
                        index={item.index}
                        options={options}
                        handlers={bars.handlers}
                        preview={
                          row.kind === "task" && row.task.id === previewFor ? previewSpan : null
                        }
                      />
                    );
                  })}
                  <TodayLine
                    scale={scale}
                    today={today}
                    y0={y0}
                    y1={y1}
                    palette={options.palette}
                  />
                </svg>
              ) : null}
            </div>
          </div>
        </div>
        {dragChange ? (
          <div className="visually-hidden" role="status">
            {dragChange.title}: {formatDate(dragChange.newStart)} to{" "}
            {formatDate(dragChange.newFinish)}
          </div>
        ) : null}
      </div>
      {pending && popoverStyle ? (
        <Paper
          className="gantt-popover"
          style={popoverStyle}
          shadow="lg"
          withBorder
          p="sm"
          role="dialog"
          aria-label="Save this change?"
          onKeyDown={(e) => {
            if (e.key === "Escape") {
              e.stopPropagation();
              onDismissPopover();
            }
          }}
        >
          <FocusTrap active>
            <div>{popover}</div>
          </FocusTrap>
        </Paper>
      ) : null}
    </div>
  );
}

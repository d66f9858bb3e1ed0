import { memo, type PointerEvent as ReactPointerEvent } from "react";
import { dayNumber, isWeekend } from "../calendarDays.ts";
import {
  type GanttLink,
  type GanttRow,
  linkPath,
  linksInView,
  MILESTONES_GROUP,
  ROW_HEIGHT,
  type Span,
} from "./ganttModel.ts";
import type { Palette } from "./ganttPalette.ts";
import { type Band, type Scale, xOf, type Zoom } from "./ganttScale.ts";

/**
 * The Gantt's shapes, shared by the interactive chart and the exported image. Colours come from
 * a palette: CSS variables on screen (they follow light and dark), resolved to plain colours
 * for an export (an image cannot read the page's variables).
 */

export interface DrawOptions {
  scale: Scale;
  palette: Palette;
  critical: boolean;
  baseline: boolean;
}

export function GanttDefs({ id, palette }: { id: string; palette: Palette }) {
  const arrow = (suffix: string, fill: string) => (
    <marker
      id={`${id}-${suffix}`}
      viewBox="0 0 8 8"
      refX="7"
      refY="4"
      markerWidth="7"
      markerHeight="7"
      orient="auto-start-reverse"
    >
      <path d="M0 0L8 4L0 8z" fill={fill} />
    </marker>
  );
  return (
    <defs>
      {arrow("arrow", palette.link)}
      {arrow("arrow-critical", palette.linkCritical)}
    </defs>
  );
}

/** Weekends (at day zoom), holidays, grid lines and row lines behind everything. */
export function GanttBackground({
  scale,
  zoom,
  x0,
  x1,
  firstRow,
  lastRow,
  holidays,
  bottom,
  palette,
  selectedRow,
}: {
  scale: Scale;
  zoom: Zoom;
  x0: number;
  x1: number;
  firstRow: number;
  lastRow: number;
  holidays: readonly string[];
  bottom: Band[];
  palette: Palette;
  selectedRow?: number | null;
}) {
  const y0 = firstRow * ROW_HEIGHT;
  const y1 = (lastRow + 1) * ROW_HEIGHT;
  const shaded: number[] = [];
  if (zoom === "day") {
    const first = scale.from + Math.floor(x0 / scale.px);
    const last = scale.from + Math.ceil(x1 / scale.px);
    for (let d = first; d <= last; d++) if (isWeekend(d)) shaded.push(d);
  }
  const rows: number[] = [];
  for (let r = firstRow; r <= lastRow; r++) rows.push(r);
  return (
    <g>
      <rect x={x0} y={y0} width={x1 - x0} height={y1 - y0} fill={palette.background} />
      {selectedRow !== null && selectedRow !== undefined ? (
        <rect
          x={x0}
          y={selectedRow * ROW_HEIGHT}
          width={x1 - x0}
          height={ROW_HEIGHT}
          fill={palette.selected}
        />
      ) : null}
      {shaded.map((d) => (
        <rect
          key={d}
          x={xOf(scale, d)}
          y={y0}
          width={scale.px}
          height={y1 - y0}
          fill={palette.weekend}
        />
      ))}
      {holidays.map((h) => {
        const x = xOf(scale, dayNumber(h));
        if (x + scale.px < x0 || x > x1) return null;
        return (
          <rect
            key={h}
            x={x}
            y={y0}
            width={Math.max(scale.px, 2)}
            height={y1 - y0}
            fill={palette.holiday}
          >
            <title>Holiday</title>
          </rect>
        );
      })}
      {bottom.map((b) => (
        <line
          key={b.key}
          x1={b.x + 0.5}
          x2={b.x + 0.5}
          y1={y0}
          y2={y1}
          stroke={palette.grid}
          strokeOpacity={zoom === "day" ? 0.5 : 0.8}
        />
      ))}
      {rows.map((r) => (
        <line
          key={r}
          x1={x0}
          x2={x1}
          y1={(r + 1) * ROW_HEIGHT - 0.5}
          y2={(r + 1) * ROW_HEIGHT - 0.5}
          stroke={palette.grid}
          strokeOpacity={0.45}
        />
      ))}
    </g>
  );
}

function Diamond({
  cx,
  cy,
  size,
  fill,
  stroke,
}: {
  cx: number;
  cy: number;
  size: number;
  fill: string;
  stroke: string;
}) {
  return (
    <path
      d={`M${cx} ${cy - size}L${cx + size} ${cy}L${cx} ${cy + size}L${cx - size} ${cy}Z`}
      fill={fill}
      stroke={stroke}
      strokeWidth={1.5}
    />
  );
}

export interface BarHandlers {
  editable: boolean;
  onPointerDown: (
    event: ReactPointerEvent<SVGElement>,
    taskId: string,
    mode: "move" | "resize",
  ) => void;
}

/**
 * One row's shapes: a phase's roll-up bar, a task's bar (and ghost), or a milestone's diamond.
 * Memoised: scrolling draws only the rows coming into view.
 */
export const RowShapes = memo(function RowShapes({
  row,
  index,
  options,
  preview,
  handlers,
}: {
  row: GanttRow;
  index: number;
  options: DrawOptions;
  /** Where a dragged bar would land. */
  preview?: Span | null;
  handlers?: BarHandlers;
}) {
  const { scale, palette } = options;
  const top = index * ROW_HEIGHT;
  if (row.kind === "group") {
    // The milestone group has no roll-up: its diamonds say it all.
    if (!row.span || row.id === MILESTONES_GROUP) return null;
    const x0 = xOf(scale, row.span.start);
    const x1 = xOf(scale, row.span.end);
    const color = options.critical && row.critical ? palette.critical : palette.rollup;
    const y = top + 11;
    return (
      <g>
        <rect x={x0} y={y} width={Math.max(2, x1 - x0)} height={6} fill={color} rx={1} />
        <path d={`M${x0} ${y}h6l-6 7z`} fill={color} />
        <path d={`M${x1} ${y}h-6l6 7z`} fill={color} />
      </g>
    );
  }
  if (row.kind === "milestone") {
    const cy = top + ROW_HEIGHT / 2;
    const m = row.milestone;
    const fill = m.actualDate
      ? palette.milestoneDone
      : (m.slip ?? 0) > 0
        ? palette.milestoneLate
        : palette.milestone;
    const bx = row.baselineDay !== null ? xOf(scale, row.baselineDay) + scale.px / 2 : null;
    const cx = row.day !== null ? xOf(scale, row.day) + scale.px / 2 : null;
    return (
      <g>
        {bx !== null && cx !== null && bx !== cx ? (
          <line x1={bx} x2={cx} y1={cy} y2={cy} stroke={fill} strokeOpacity={0.5} strokeWidth={2} />
        ) : null}
        {bx !== null ? (
          <rect x={bx - 1.5} y={cy - 9} width={3} height={18} fill={palette.baseline} rx={1}>
            <title>Baseline</title>
          </rect>
        ) : null}
        {cx !== null ? (
          <>
            <Diamond cx={cx} cy={cy} size={8} fill={fill} stroke={palette.background} />
            <text x={cx + 12} y={cy + 4} fontSize={11} fill={palette.text}>
              {m.name}
            </text>
          </>
        ) : null}
      </g>
    );
  }
  if (!row.span) return null;
  const { task } = row;
  const critical = options.critical && Boolean(row.sched?.critical);
  const x0 = xOf(scale, row.span.start);
  const x1 = xOf(scale, row.span.end);
  const withGhost = options.baseline && row.baseline !== null;
  const barTop = top + (withGhost ? 6 : 8);
  const barHeight = withGhost ? 12 : 14;
  const fill = critical ? palette.critical : palette.bar;
  const progress = critical ? palette.criticalProgress : palette.barProgress;
  const width = Math.max(3, x1 - x0);
  const done = task.status === "done" ? 100 : task.percentComplete;
  const editable = handlers?.editable ?? false;
  return (
    <g>
      {withGhost && row.baseline ? (
        <rect
          x={xOf(scale, row.baseline.start)}
          y={top + 20}
          width={Math.max(3, xOf(scale, row.baseline.end) - xOf(scale, row.baseline.start))}
          height={5}
          rx={1.5}
          fill={palette.baseline}
          data-baseline-for={task.id}
        />
      ) : null}
      <rect
        className={editable ? "gantt-bar gantt-bar-editable" : "gantt-bar"}
        x={x0}
        y={barTop}
        width={width}
        height={barHeight}
        rx={3}
        fill={fill}
        fillOpacity={preview ? 0.35 : task.status === "cancelled" ? 0.3 : 1}
        data-task-id={task.id}
        data-start={row.sched?.earlyStart ?? task.startDate ?? undefined}
        data-finish={row.sched?.earlyFinish ?? task.dueDate ?? undefined}
        data-critical={critical || undefined}
        onPointerDown={editable ? (e) => handlers?.onPointerDown(e, task.id, "move") : undefined}
      />
      {done > 0 ? (
        <rect
          x={x0}
          y={barTop + barHeight - 4}
          width={(width * Math.min(100, done)) / 100}
          height={4}
          rx={2}
          fill={progress}
          pointerEvents="none"
        />
      ) : null}
      {editable ? (
        <rect
          className="gantt-handle"
          data-drag-handle="resize"
          x={x0 + width - 4}
          y={barTop - 2}
          width={9}
          height={barHeight + 4}
          fill="transparent"
          onPointerDown={(e) => handlers?.onPointerDown(e, task.id, "resize")}
        />
      ) : null}
      {preview ? (
        <rect
          x={xOf(scale, preview.start)}
          y={barTop - 1}
          width={Math.max(3, xOf(scale, preview.end) - xOf(scale, preview.start))}
          height={barHeight + 2}
          rx={3}
          fill={fill}
          fillOpacity={0.85}
          stroke={palette.text}
          strokeDasharray="4 2"
          pointerEvents="none"
          data-preview-for={task.id}
        />
      ) : null}
    </g>
  );
});

/** Dependency arrows between rows `first`…`last` (a link counts if either end is among them). */
export function LinkLayer({
  links,
  rows,
  first,
  last,
  options,
  markerId,
}: {
  links: GanttLink[];
  rows: GanttRow[];
  first: number;
  last: number;
  options: DrawOptions;
  markerId: string;
}) {
  const { scale, palette } = options;
  const shown = linksInView(links, first, last);
  const ends = (index: number) => {
    const row = rows[index];
    if (row?.kind !== "task" || !row.span) return null;
    return {
      x0: xOf(scale, row.span.start),
      x1: xOf(scale, row.span.end),
      y: index * ROW_HEIGHT + ROW_HEIGHT / 2,
    };
  };
  const normal: string[] = [];
  const critical: string[] = [];
  for (const l of shown) {
    const a = ends(l.from);
    const b = ends(l.to);
    if (!a || !b) continue;
    (options.critical && l.critical ? critical : normal).push(linkPath(l.type, a, b));
  }
  // One path element per link keeps the arrowheads; critical ones last, so they draw on top.
  return (
    <g fill="none" strokeWidth={1.25}>
      {normal.map((d, i) => (
        <path
          // biome-ignore lint/suspicious/noArrayIndexKey: paths are redrawn whole on each change
          key={i}
          d={d}
          stroke={palette.link}
          markerEnd={`url(#${markerId}-arrow)`}
        />
      ))}
      {critical.map((d, i) => (
        <path
          // biome-ignore lint/suspicious/noArrayIndexKey: as above
          key={`c${i}`}
          d={d}
          stroke={palette.linkCritical}
          strokeWidth={1.75}
          markerEnd={`url(#${markerId}-arrow-critical)`}
        />
      ))}
    </g>
  );
}

export function TodayLine({
  scale,
  today,
  y0,
  y1,
  palette,
}: {
  scale: Scale;
  today: string;
  y0: number;
  y1: number;
  palette: Palette;
}) {
  const x = xOf(scale, dayNumber(today)) + scale.px / 2;
  return (
    <line
      x1={x}
      x2={x}
      y1={y0}
      y2={y1}
      stroke={palette.today}
      strokeWidth={2}
      strokeDasharray="5 3"
      pointerEvents="none"
    />
  );
}

/** The two header bands (e.g. months over weeks), drawn at y = 0…height. Memoised: scrolling
 * down the rows leaves them as they are. */
export const HeaderBands = memo(function HeaderBands({
  top,
  bottom,
  height,
  palette,
  zoom,
  scale,
  today,
  labelFrom = 0,
}: {
  top: Band[];
  bottom: Band[];
  /** The left edge in view: a band that starts before it keeps its label in sight. */
  labelFrom?: number;
  height: number;
  palette: Palette;
  zoom: Zoom;
  scale: Scale;
  today: string;
}) {
  const half = height / 2;
  const tx = xOf(scale, dayNumber(today)) + scale.px / 2;
  return (
    <g fontSize={11}>
      {top.map((b) => {
        // A band that starts off to the left keeps its label in sight while it fits.
        const x = Math.max(b.x + 6, labelFrom + 6);
        const fits = x + b.label.length * 7 <= b.x + b.width;
        return (
          <g key={`t${b.key}`}>
            <line x1={b.x + 0.5} x2={b.x + 0.5} y1={0} y2={half} stroke={palette.grid} />
            {fits ? (
              <text x={x} y={half - 8} fill={palette.text} fontWeight={600}>
                {b.label}
              </text>
            ) : null}
          </g>
        );
      })}
      <line x1={-1e6} x2={1e6} y1={half - 0.5} y2={half - 0.5} stroke={palette.grid} />
      {bottom.map((b) => (
        <g key={`b${b.key}`}>
          {zoom === "day" && b.weekend ? (
            <rect x={b.x} y={half} width={b.width} height={half} fill={palette.weekend} />
          ) : null}
          <line x1={b.x + 0.5} x2={b.x + 0.5} y1={half} y2={height} stroke={palette.grid} />
          <text
            x={zoom === "day" ? b.x + b.width / 2 : b.x + 4}
            y={height - 8}
            fill={palette.dimmed}
            textAnchor={zoom === "day" ? "middle" : "start"}
          >
            {b.label}
          </text>
        </g>
      ))}
      <path d={`M${tx - 5} ${height - 6}h10l-5 6z`} fill={palette.today} />
    </g>
  );
});

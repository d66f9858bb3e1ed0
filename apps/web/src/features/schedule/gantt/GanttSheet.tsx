import { formatDay } from "../calendarDays.ts";
import {
  type DrawOptions,
  GanttBackground,
  GanttDefs,
  HeaderBands,
  LinkLayer,
  RowShapes,
  TodayLine,
} from "./ganttDraw.tsx";
import { type GanttModel, ROW_HEIGHT } from "./ganttModel.ts";
import { headerBands, type Zoom } from "./ganttScale.ts";

const NAMES = 280;
const HEADER = 48;
const TITLE = 34;

export interface SheetView {
  first: number;
  last: number;
  x0: number;
  x1: number;
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * The Gantt as one self-contained SVG (names, time axis, bars, links) with plain colours: what
 * the PNG export rasterises and the print view lays on landscape pages.
 */
export function GanttSheet({
  id,
  title,
  model,
  view,
  options,
  zoom,
  today,
  holidays,
}: {
  id: string;
  title: string;
  model: GanttModel;
  view: SheetView;
  options: DrawOptions;
  zoom: Zoom;
  today: string;
  holidays: readonly string[];
}) {
  const { first, last, x0, x1 } = view;
  const { palette } = options;
  const chartWidth = Math.max(1, x1 - x0);
  const bodyHeight = (last - first + 1) * ROW_HEIGHT;
  const width = NAMES + chartWidth;
  const height = TITLE + HEADER + bodyHeight;
  const bands = headerBands(options.scale, zoom, x0, x1);
  const rows = model.rows.slice(first, last + 1);
  // Chart shapes are drawn in chart coordinates and moved into place.
  const shift = `translate(${NAMES - x0} ${TITLE + HEADER - first * ROW_HEIGHT})`;

  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      fontFamily="Inter, system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif"
      role="img"
      aria-label={title}
    >
      <GanttDefs id={id} palette={palette} />
      <clipPath id={`${id}-chart`}>
        <rect x={x0} y={first * ROW_HEIGHT} width={chartWidth} height={bodyHeight} />
      </clipPath>
      <clipPath id={`${id}-axis`}>
        <rect x={x0} y={0} width={chartWidth} height={HEADER} />
      </clipPath>
      <rect width={width} height={height} fill={palette.background} />
      <text x={8} y={22} fontSize={15} fontWeight={650} fill={palette.text}>
        {title}
      </text>

      <rect x={0} y={TITLE} width={width} height={HEADER} fill={palette.header} />
      <g transform={`translate(${NAMES - x0} ${TITLE})`} clipPath={`url(#${id}-axis)`}>
        <HeaderBands
          top={bands.top}
          bottom={bands.bottom}
          height={HEADER}
          palette={palette}
          zoom={zoom}
          scale={options.scale}
          today={today}
          labelFrom={x0}
        />
      </g>
      <text x={8} y={TITLE + HEADER - 8} fontSize={11} fontWeight={600} fill={palette.dimmed}>
        TASK
      </text>

      <g transform={shift} clipPath={`url(#${id}-chart)`}>
        <GanttBackground
          scale={options.scale}
          zoom={zoom}
          x0={x0}
          x1={x1}
          firstRow={first}
          lastRow={last}
          holidays={holidays}
          bottom={bands.bottom}
          palette={palette}
        />
        <LinkLayer
          links={model.links}
          rows={model.rows}
          first={first}
          last={last}
          options={options}
          markerId={id}
        />
        {rows.map((row, i) => (
          <RowShapes key={row.key} row={row} index={first + i} options={options} />
        ))}
        <TodayLine
          scale={options.scale}
          today={today}
          y0={first * ROW_HEIGHT}
          y1={(last + 1) * ROW_HEIGHT}
          palette={palette}
        />
      </g>

      <g fontSize={12}>
        {rows.map((row, i) => {
          const y = TITLE + HEADER + i * ROW_HEIGHT;
          const indent = row.kind === "group" ? 8 : row.kind === "task" ? 20 + row.depth * 12 : 20;
          const name =
            row.kind === "group"
              ? row.name
              : row.kind === "task"
                ? row.task.title
                : row.milestone.name;
          const span = row.kind === "milestone" ? null : row.span;
          return (
            <g key={row.key}>
              <line
                x1={0}
                x2={NAMES}
                y1={y + ROW_HEIGHT - 0.5}
                y2={y + ROW_HEIGHT - 0.5}
                stroke={palette.grid}
                strokeOpacity={0.45}
              />
              <text
                x={indent}
                y={y + 19}
                fill={palette.text}
                fontWeight={row.kind === "group" ? 650 : 400}
              >
                {row.kind === "milestone" ? "◆ " : ""}
                {clip(name, Math.floor((NAMES - indent - 60) / 6.4))}
              </text>
              {span ? (
                <text x={NAMES - 8} y={y + 19} fill={palette.dimmed} fontSize={10} textAnchor="end">
                  {formatDay(span.start, "dayMonth")}
                </text>
              ) : null}
            </g>
          );
        })}
      </g>
      <line x1={NAMES + 0.5} x2={NAMES + 0.5} y1={TITLE} y2={height} stroke={palette.grid} />
    </svg>
  );
}

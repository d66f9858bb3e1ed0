// The task list beside the chart is an ARIA treegrid of divs, not a <table>: rows are absolutely
// positioned by the virtualizer, which table layout does not allow. Rows (not cells) take focus
// by the roving-tabindex pattern; the list handles their keys in one place (GanttChart).
// biome-ignore-all lint/a11y/useSemanticElements: see above
// biome-ignore-all lint/a11y/useFocusableInteractive: see above
import { IconChevronDown, IconChevronRight } from "@tabler/icons-react";
import { memo } from "react";
import { formatDate } from "../../../ui/format.ts";
import { dayNumber, formatDay } from "../calendarDays.ts";
import { describeDays } from "../scheduleBadges.tsx";
import { type GanttRow, ROW_HEIGHT } from "./ganttModel.ts";

/** Words for a screen reader: what the bar shows. */
function describeRow(row: GanttRow): string {
  if (row.kind === "group") {
    return row.span
      ? `, ${row.count} items, ${formatDay(row.span.start, "dayMonth")} to ${formatDay(row.span.end - 1, "dayMonth")}${row.collapsed ? ", folded" : ""}`
      : `, ${row.count} items`;
  }
  if (row.kind === "milestone") {
    const m = row.milestone;
    return `, milestone, ${m.actualDate ? `achieved ${formatDate(m.actualDate)}` : `forecast ${formatDate(m.forecastDate)}`}, baseline ${formatDate(m.baselineDate)}`;
  }
  const s = row.sched;
  if (!s) return ", not scheduled";
  const float = s.totalFloat > 0 ? `, ${describeDays(s.totalFloat).replace("+", "")} of float` : "";
  const baseline = row.baseline
    ? `, baseline ${formatDay(row.baseline.start, "dayMonth")} to ${formatDay(row.baseline.end - 1, "dayMonth")}`
    : "";
  return `, ${formatDate(s.earlyStart)} to ${formatDate(s.earlyFinish)}${s.critical ? ", critical" : float}${baseline}`;
}

/**
 * One row of the list: a phase (folds), a milestone, or a task with its dates. Memoised (with a
 * click handler that stays the same): scrolling renders only the rows coming into view.
 */
export const GanttListRow = memo(function GanttListRow({
  row,
  index,
  active,
  selected,
  onClick,
}: {
  row: GanttRow;
  index: number;
  active: boolean;
  selected: boolean;
  onClick: (index: number) => void;
}) {
  const style = { top: index * ROW_HEIGHT, height: ROW_HEIGHT };
  const common = {
    "aria-rowindex": index + 1,
    "data-index": index,
    tabIndex: active ? 0 : -1,
    onClick: () => onClick(index),
    style,
  } as const;
  if (row.kind === "group") {
    return (
      <div
        role="row"
        {...common}
        className="gantt-row"
        data-kind="group"
        aria-expanded={!row.collapsed}
        aria-level={1}
        data-critical={row.critical || undefined}
      >
        <div role="gridcell" className="gantt-name">
          {row.collapsed ? (
            <IconChevronRight size={14} aria-hidden />
          ) : (
            <IconChevronDown size={14} aria-hidden />
          )}
          <span>{row.name}</span>
          <span className="visually-hidden">{describeRow(row)}</span>
        </div>
        <div role="gridcell" className="gantt-date">
          {row.span ? formatDay(row.span.start, "dayMonth") : ""}
        </div>
        <div role="gridcell" className="gantt-date">
          {row.span ? formatDay(row.span.end - 1, "dayMonth") : ""}
        </div>
      </div>
    );
  }
  if (row.kind === "milestone") {
    const shown = row.day;
    return (
      <div role="row" {...common} className="gantt-row" data-kind="milestone" aria-level={2}>
        <div role="gridcell" className="gantt-name" style={{ paddingLeft: 18 }}>
          <span aria-hidden style={{ color: "var(--gantt-milestone)" }}>
            ◆
          </span>
          <span>{row.milestone.name}</span>
          <span className="visually-hidden">{describeRow(row)}</span>
        </div>
        <div role="gridcell" className="gantt-date" />
        <div role="gridcell" className="gantt-date">
          {shown !== null ? formatDay(shown, "dayMonth") : "—"}
        </div>
      </div>
    );
  }
  const s = row.sched;
  return (
    <div
      role="row"
      {...common}
      className="gantt-row"
      data-kind="task"
      data-task-row={row.task.id}
      aria-level={2 + row.depth}
      aria-selected={selected}
      data-critical={s?.critical || undefined}
    >
      <div role="gridcell" className="gantt-name" style={{ paddingLeft: 18 + row.depth * 14 }}>
        <span className="gantt-crit" aria-hidden />
        <span title={row.task.title}>{row.task.title}</span>
        <span className="visually-hidden">{describeRow(row)}</span>
      </div>
      <div role="gridcell" className="gantt-date" data-start={s?.earlyStart}>
        {s ? formatDay(dayNumber(s.earlyStart), "dayMonth") : "—"}
      </div>
      <div role="gridcell" className="gantt-date" data-finish={s?.earlyFinish}>
        {s ? formatDay(dayNumber(s.earlyFinish), "dayMonth") : "—"}
      </div>
    </div>
  );
});

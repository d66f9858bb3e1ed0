// An ARIA grid of divs, not a <table>: rows are absolutely positioned by the virtualizer, which
// table layout does not allow. Cells (not rows) take focus, by the roving-tabindex pattern, and
// the grid handles their keys in one place (MatrixGrid's onKeyDown).
// biome-ignore-all lint/a11y/useSemanticElements: see above
// biome-ignore-all lint/a11y/useFocusableInteractive: see above
import { ActionIcon, Menu, UnstyledButton } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import {
  nextRaci,
  type Party,
  type Phase,
  partyLabels,
  type RaciValue,
  raciLabels,
  raciValues,
  type Task,
  taskCategoryLabels,
} from "@rollout/domain";
import {
  IconAlertTriangle,
  IconChevronDown,
  IconChevronRight,
  IconDots,
  IconSparkles,
} from "@tabler/icons-react";
import { defaultRangeExtractor, useVirtualizer, type Virtualizer } from "@tanstack/react-virtual";
import {
  type CSSProperties,
  type KeyboardEvent,
  memo,
  useCallback,
  useLayoutEffect,
  useRef,
  useState,
} from "react";
import { useFillHeight } from "../plan/grid/useFillHeight.ts";
import { cellId, useRovingGrid, withIndex } from "../plan/grid/useRovingGrid.ts";
import type { TaskConflict } from "../plan/PlanGrid.tsx";
import { HEADER_HEIGHT, ROW_HEIGHT } from "../plan/PlanGridRows.tsx";
import { minWidth } from "../plan/planColumns.ts";
import type { PhaseStats, PlanRow } from "../plan/planModel.ts";
import { useBulkUpdate, useSuggest, useTaskWriter } from "../plan/planMutations.ts";
import { RaciChip, raciAria, raciFromKey, raciText } from "../plan/raci.tsx";

interface MatrixGridProps {
  projectId: string;
  rows: PlanRow[];
  parties: readonly Party[];
  canEdit: boolean;
  /** Every task of each phase (what "set the column for this phase" changes). */
  tasksByPhase: ReadonlyMap<string, string[]>;
  onToggleCollapse: (phaseId: string) => void;
  onOpenTask: (taskId: string) => void;
  onConflict: (conflict: TaskConflict) => void;
  label: string;
  layoutKey: unknown;
}

/** Columns: task, category, one per party, and the RACI check with its reason. */
function template(parties: readonly Party[]) {
  const letters = parties.map(() => "58px").join(" ");
  return `minmax(180px, 1.5fr) 126px ${letters} minmax(190px, 1.4fr)`;
}

/**
 * The IPM/PM responsibility matrix. A letter cell cycles R → A → A/R → C → I → blank on click,
 * Enter or Space; R, A, C, I set a letter directly, Shift+A or "/" gives A/R, Delete clears.
 */
export function MatrixGrid(props: MatrixGridProps) {
  const { projectId, rows, parties, canEdit, onConflict, tasksByPhase } = props;
  const gridRef = useRef<HTMLDivElement>(null);
  const scrollRef = useRef<HTMLDivElement | null>(null);
  // The scroll element as state too: the rows' virtualizer (a child) renders before the
  // parent's ref is attached, and must render again once it is.
  const [scrollEl, setScrollEl] = useState<HTMLDivElement | null>(null);
  const attachScroll = useCallback((el: HTMLDivElement | null) => {
    scrollRef.current = el;
    setScrollEl(el);
  }, []);
  const checkCol = 2 + parties.length;
  const cols = template(parties);
  const height = useFillHeight(scrollRef, props.layoutKey);
  const write = useTaskWriter(projectId);
  const runBulk = useBulkUpdate(projectId).run;
  const runSuggest = useSuggest(projectId).run;

  const colsOf = useCallback(
    (row: PlanRow): readonly number[] => {
      if (row.kind === "task") return Array.from({ length: checkCol + 1 }, (_, i) => i);
      if (row.kind === "phase" && canEdit) {
        return [0, ...parties.map((_, i) => i + 2), checkCol];
      }
      return [0];
    },
    [checkCol, canEdit, parties],
  );
  const roving = useRovingGrid({
    rows,
    rowKey: (r: PlanRow) => r.key,
    colsOf,
    defaultCol: 2,
    gridRef,
    rowHeight: ROW_HEIGHT,
  });

  const setLetter = useCallback(
    (task: Task, party: Party, value: RaciValue | null) => {
      if (task.responsibilities[party] === value) return;
      const changes = { responsibilities: { [party]: value } };
      void write(task, changes).then((r) => {
        if (r.ok) return;
        if (r.conflict) {
          onConflict({ taskId: task.id, title: task.title, changes, message: r.message });
        } else {
          notifications.show({
            color: "red",
            title: `“${task.title}” was not saved`,
            message: r.message,
          });
        }
      });
    },
    [write, onConflict],
  );

  const setPhaseColumn = useCallback(
    (phase: Phase, party: Party, value: RaciValue | null) => {
      const ids = tasksByPhase.get(phase.id) ?? [];
      if (ids.length === 0) return;
      void runBulk(ids, { responsibilities: { [party]: value } }).then((r) => {
        notifications.show(
          r.ok
            ? {
                color: "green",
                title: phase.name,
                message: `${partyLabels[party]} is ${value ? raciText(value) : "blank"} on ${ids.length} ${ids.length === 1 ? "task" : "tasks"}.`,
              }
            : { color: "red", title: "Nothing was changed", message: r.ok ? "" : r.message },
        );
      });
    },
    [runBulk, tasksByPhase],
  );

  const suggestPhase = useCallback((phaseId: string) => void runSuggest({ phaseId }), [runSuggest]);

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    const target = e.target as HTMLElement;
    if (!target.dataset.cell) return;
    const row = rows[roving.activeIndex];
    if (!row) return;
    const col = roving.activeCol;
    if (row.kind === "phase" && col === 0) {
      if ((e.key === "ArrowLeft" && !row.collapsed) || (e.key === "ArrowRight" && row.collapsed)) {
        e.preventDefault();
        props.onToggleCollapse(row.phase.id);
        return;
      }
      if (e.key === "Enter" || e.key === " ") {
        e.preventDefault();
        props.onToggleCollapse(row.phase.id);
        return;
      }
    }
    if (target.tagName === "BUTTON" && (e.key === "Enter" || e.key === " ")) return;
    if (roving.navigate(e)) {
      e.preventDefault();
      return;
    }
    if (row.kind !== "task") return;
    const party = parties[col - 2];
    if (col === 0 && e.key === "Enter") {
      e.preventDefault();
      props.onOpenTask(row.task.id);
      return;
    }
    if (!party || !canEdit) return;
    const value = raciFromKey(e);
    if (value !== undefined) {
      e.preventDefault();
      setLetter(row.task, party, value);
    } else if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      setLetter(row.task, party, nextRaci(row.task.responsibilities[party]));
    }
  }

  return (
    <div
      ref={attachScroll}
      className="plan-scroll matrix-scroll"
      style={
        {
          height: Math.min(height, HEADER_HEIGHT + rows.length * ROW_HEIGHT + 2),
          "--plan-cols": cols,
          "--plan-width": `${minWidth(cols.split(/ (?![^(]*\))/))}px`,
        } as CSSProperties
      }
    >
      <div
        ref={gridRef}
        role="grid"
        aria-label={props.label}
        aria-rowcount={rows.length + 1}
        aria-colcount={checkCol + 1}
        aria-readonly={canEdit ? undefined : true}
        className="plan-grid matrix-grid"
        onKeyDown={onKeyDown}
        onFocus={roving.onFocus}
        onBlur={roving.onBlur}
      >
        <div role="rowgroup" className="plan-head">
          <div
            role="row"
            aria-rowindex={1}
            className="plan-row header-row"
            style={{ height: HEADER_HEIGHT }}
          >
            <div role="columnheader" aria-colindex={1} className="plan-cell">
              Task
            </div>
            <div role="columnheader" aria-colindex={2} className="plan-cell">
              Category
            </div>
            {parties.map((p, i) => (
              // "Customer" does not fit a letter column; the full name is the header's label.
              <div
                key={p}
                role="columnheader"
                aria-colindex={i + 3}
                aria-label={partyLabels[p]}
                title={partyLabels[p]}
                className="plan-cell raci-head"
              >
                {p === "customer" ? "Cust." : partyLabels[p]}
              </div>
            ))}
            <div role="columnheader" aria-colindex={checkCol + 1} className="plan-cell">
              RACI check
            </div>
          </div>
        </div>
        <MatrixBody
          rows={rows}
          parties={parties}
          canEdit={canEdit}
          activeKey={roving.activeKey}
          activeCol={roving.activeCol}
          keepIndex={roving.keepIndex}
          scrollElement={scrollEl}
          virtualizerRef={roving.virtualizer}
          onRendered={roving.rowsRendered}
          onLetter={setLetter}
          onToggle={props.onToggleCollapse}
          onSetColumn={setPhaseColumn}
          onSuggest={suggestPhase}
        />
      </div>
    </div>
  );
}

interface MatrixBodyProps {
  rows: PlanRow[];
  parties: readonly Party[];
  canEdit: boolean;
  activeKey: string | null;
  activeCol: number;
  keepIndex: number;
  scrollElement: HTMLDivElement | null;
  virtualizerRef: { current: Virtualizer<HTMLDivElement, Element> | null };
  onRendered: () => void;
  onLetter: (task: Task, party: Party, value: RaciValue | null) => void;
  onToggle: (phaseId: string) => void;
  onSetColumn: (phase: Phase, party: Party, value: RaciValue | null) => void;
  onSuggest: (phaseId: string) => void;
}

/** The rows in view; scrolling re-renders only this (see PlanBody). */
function MatrixBody(props: MatrixBodyProps) {
  const { rows, parties, canEdit, keepIndex } = props;
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => props.scrollElement,
    estimateSize: useCallback(() => ROW_HEIGHT, []),
    overscan: 8,
    getItemKey: useCallback((i: number) => rows[i]?.key ?? i, [rows]),
    scrollMargin: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
    rangeExtractor: useCallback(
      (range: Parameters<typeof defaultRangeExtractor>[0]) =>
        withIndex(defaultRangeExtractor(range), keepIndex),
      [keepIndex],
    ),
  });
  props.virtualizerRef.current = virtualizer;
  const { onRendered } = props;
  useLayoutEffect(() => onRendered());
  return (
    <div
      role="rowgroup"
      className="plan-body"
      style={{ height: virtualizer.getTotalSize() - HEADER_HEIGHT }}
    >
      {virtualizer.getVirtualItems().map((item) => {
        const row = rows[item.index];
        if (!row) return null;
        const common = {
          rowKey: row.key,
          ariaRowIndex: item.index + 2,
          start: item.start - HEADER_HEIGHT,
          parties,
          activeCol: row.key === props.activeKey ? props.activeCol : -1,
          canEdit,
        };
        if (row.kind === "task") {
          return (
            <MatrixTaskRow
              key={row.key}
              {...common}
              task={row.task}
              depth={row.depth}
              onLetter={props.onLetter}
            />
          );
        }
        if (row.kind === "phase") {
          return (
            <MatrixPhaseRow
              key={row.key}
              {...common}
              phase={row.phase}
              stats={row.stats}
              collapsed={row.collapsed}
              onToggle={props.onToggle}
              onSetColumn={props.onSetColumn}
              onSuggest={props.onSuggest}
            />
          );
        }
        return null;
      })}
    </div>
  );
}

interface RowCommon {
  rowKey: string;
  ariaRowIndex: number;
  start: number;
  parties: readonly Party[];
  activeCol: number;
  canEdit: boolean;
}

const MatrixTaskRow = memo(function MatrixTaskRow({
  task,
  depth,
  onLetter,
  ...c
}: RowCommon & {
  task: Task;
  depth: 0 | 1;
  onLetter: (task: Task, party: Party, value: RaciValue | null) => void;
}) {
  const tab = (i: number) => (i === c.activeCol ? 0 : -1);
  const checkCol = 2 + c.parties.length;
  const flagged = task.violations.length > 0;
  return (
    <div
      role="row"
      aria-rowindex={c.ariaRowIndex}
      className="plan-row task-row matrix-row"
      data-violation={flagged || undefined}
      style={{ transform: `translateY(${c.start}px)` }}
    >
      <div
        role="gridcell"
        aria-colindex={1}
        data-cell={cellId(c.rowKey, 0)}
        tabIndex={tab(0)}
        className="plan-cell"
        style={{ paddingLeft: 10 + depth * 22 }}
      >
        {depth === 1 ? (
          <span className="subtask-mark" aria-hidden>
            ↳
          </span>
        ) : null}
        <span className="cell-text">{task.title}</span>
      </div>
      <div
        role="gridcell"
        aria-colindex={2}
        data-cell={cellId(c.rowKey, 1)}
        tabIndex={tab(1)}
        className="plan-cell"
      >
        <span className="cell-text">{taskCategoryLabels[task.category]}</span>
      </div>
      {c.parties.map((p, i) => {
        const value = task.responsibilities[p];
        return (
          // biome-ignore lint/a11y/useKeyWithClickEvents: the grid handles the keys (R, A, C, I, Enter)
          <div
            key={p}
            role="gridcell"
            aria-colindex={i + 3}
            data-cell={cellId(c.rowKey, i + 2)}
            tabIndex={tab(i + 2)}
            className="plan-cell raci-cell"
            aria-label={raciAria(p, value)}
            aria-readonly={c.canEdit ? undefined : true}
            title={c.canEdit ? "Click to cycle R → A → A/R → C → I → blank" : undefined}
            onClick={c.canEdit ? () => onLetter(task, p, nextRaci(value)) : undefined}
          >
            <RaciChip value={value} />
          </div>
        );
      })}
      <div
        role="gridcell"
        aria-colindex={checkCol + 1}
        data-cell={cellId(c.rowKey, checkCol)}
        tabIndex={tab(checkCol)}
        className="plan-cell check-cell"
      >
        {flagged ? (
          <span className="check-reason" title={task.violations.map((v) => v.message).join("; ")}>
            <IconAlertTriangle size={14} aria-hidden />
            <span className="cell-text">{task.violations.map((v) => v.message).join("; ")}</span>
          </span>
        ) : (
          <span className="visually-hidden">fine</span>
        )}
      </div>
    </div>
  );
});

const MatrixPhaseRow = memo(function MatrixPhaseRow({
  phase,
  stats,
  collapsed,
  onToggle,
  onSetColumn,
  onSuggest,
  ...c
}: RowCommon & {
  phase: Phase;
  stats: PhaseStats;
  collapsed: boolean;
  onToggle: (phaseId: string) => void;
  onSetColumn: (phase: Phase, party: Party, value: RaciValue | null) => void;
  onSuggest: (phaseId: string) => void;
}) {
  const tab = (i: number) => (i === c.activeCol ? 0 : -1);
  const checkCol = 2 + c.parties.length;
  return (
    <div
      role="row"
      aria-rowindex={c.ariaRowIndex}
      className="plan-row phase-row"
      style={{ transform: `translateY(${c.start}px)` }}
    >
      <div
        role="gridcell"
        aria-colindex={1}
        aria-colspan={c.canEdit ? 2 : checkCol + 1}
        data-cell={cellId(c.rowKey, 0)}
        tabIndex={tab(0)}
        className="plan-cell phase-title"
        style={{ gridColumn: c.canEdit ? "1 / 3" : "1 / -1" }}
      >
        <button
          type="button"
          tabIndex={-1}
          className="collapse-button"
          aria-expanded={!collapsed}
          aria-label={`${collapsed ? "Expand" : "Collapse"} ${phase.name}`}
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => onToggle(phase.id)}
        >
          {collapsed ? <IconChevronRight size={16} /> : <IconChevronDown size={16} />}
        </button>
        <span className="phase-name">{phase.name}</span>
        <span className="phase-meta">
          <span>
            {stats.taskCount} {stats.taskCount === 1 ? "task" : "tasks"}
          </span>
          {stats.violationCount > 0 ? (
            <span className="phase-violations">
              <IconAlertTriangle size={13} aria-hidden />
              {stats.violationCount} RACI {stats.violationCount === 1 ? "issue" : "issues"}
            </span>
          ) : null}
        </span>
      </div>
      {c.canEdit
        ? c.parties.map((p, i) => (
            <div key={p} role="gridcell" aria-colindex={i + 3} className="plan-cell raci-cell">
              <Menu position="bottom" withinPortal shadow="md" width={240}>
                <Menu.Target>
                  <UnstyledButton
                    className="set-column"
                    tabIndex={tab(i + 2)}
                    data-cell={cellId(c.rowKey, i + 2)}
                    aria-label={`Set ${partyLabels[p]} for every task in ${phase.name}`}
                  >
                    set <IconChevronDown size={12} aria-hidden />
                  </UnstyledButton>
                </Menu.Target>
                <Menu.Dropdown data-portal>
                  <Menu.Label>
                    Set {partyLabels[p]} to… for this phase ({stats.taskCount})
                  </Menu.Label>
                  {raciValues.map((v) => (
                    <Menu.Item
                      key={v}
                      leftSection={<RaciChip value={v} />}
                      onClick={() => onSetColumn(phase, p, v)}
                    >
                      {raciLabels[v]}
                    </Menu.Item>
                  ))}
                  <Menu.Item onClick={() => onSetColumn(phase, p, null)}>Blank (clear)</Menu.Item>
                </Menu.Dropdown>
              </Menu>
            </div>
          ))
        : null}
      {c.canEdit ? (
        <div role="gridcell" aria-colindex={checkCol + 1} className="plan-cell">
          <Menu position="bottom-end" withinPortal shadow="md" width={280}>
            <Menu.Target>
              <ActionIcon
                variant="subtle"
                color="gray"
                size="sm"
                tabIndex={tab(checkCol)}
                data-cell={cellId(c.rowKey, checkCol)}
                aria-label={`More for phase ${phase.name}`}
              >
                <IconDots size={16} aria-hidden />
              </ActionIcon>
            </Menu.Target>
            <Menu.Dropdown data-portal>
              <Menu.Item
                leftSection={<IconSparkles size={15} aria-hidden />}
                onClick={() => onSuggest(phase.id)}
              >
                Fill blanks from the playbook
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        </div>
      ) : null}
    </div>
  );
});

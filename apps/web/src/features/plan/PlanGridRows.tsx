// An ARIA grid of divs, not a <table>: rows are absolutely positioned by the virtualizer, which
// table layout does not allow. Cells (not rows) take focus, by the roving-tabindex pattern, and
// the grid handles their keys in one place (PlanGrid's onKeyDown).
// biome-ignore-all lint/a11y/useSemanticElements: see above
// biome-ignore-all lint/a11y/useFocusableInteractive: see above
import { ActionIcon, Menu, Tooltip } from "@mantine/core";
import type { Party, Phase, Plan, Task } from "@rollout/domain";
import {
  IconAlertTriangle,
  IconArrowDown,
  IconArrowUp,
  IconBulb,
  IconChevronDown,
  IconChevronRight,
  IconDots,
  IconLock,
  IconPencil,
  IconPlus,
  IconSparkles,
  IconTrash,
} from "@tabler/icons-react";
import { createContext, type KeyboardEvent, memo, use, useEffect, useRef, useState } from "react";
import { formatNumber } from "../../ui/format.ts";
import { CellEditor, type EditMove, FieldDisplay } from "./cells.tsx";
import { cellId } from "./grid/useRovingGrid.ts";
import {
  canEditAny,
  canEditField,
  columnTitles,
  type EditRights,
  type FieldColumn,
  type PlanColumn,
} from "./planColumns.ts";
import type { PhaseStats } from "./planModel.ts";
import { RaciChip, raciAria } from "./raci.tsx";

export const ROW_HEIGHT = 36;

/** A panel opening to the right; one small SVG, as thousands of rows may draw it. */
const openIcon = (
  <svg
    width="16"
    height="16"
    viewBox="0 0 24 24"
    fill="none"
    stroke="currentColor"
    strokeWidth="2"
    strokeLinecap="round"
    aria-hidden="true"
  >
    <rect x="3" y="4" width="18" height="16" rx="2" />
    <path d="M15 4v16M8 10l2 2-2 2" />
  </svg>
);
export const HEADER_HEIGHT = 38;

export interface EditingCell {
  key: string;
  col: number;
  seed: string | null;
  viaPointer: boolean;
  error: string | null;
}

export type DropHint = "before" | "after" | "inside";

/** What rows ask the grid to do; one stable object, so memoised rows do not re-render. */
export interface GridActions {
  startEdit: (key: string, col: number, seed: string | null, viaPointer: boolean) => void;
  commitEdit: (task: Task, column: FieldColumn, raw: string, move: EditMove) => void;
  cancelEdit: () => void;
  toggleSelect: (taskId: string, range: boolean) => void;
  togglePhaseSelect: (phaseId: string) => void;
  cycleRaci: (task: Task, party: Party) => void;
  openTask: (taskId: string) => void;
  toggleCollapse: (phaseId: string) => void;
  renamePhase: (phase: Phase, name: string, move: EditMove) => void;
  createTask: (phaseId: string, title: string) => Promise<boolean>;
  createPhase: (name: string) => Promise<boolean>;
  focusAddRow: (phaseId: string) => void;
  suggestPhase: (phaseId: string) => void;
  movePhase: (phase: Phase, direction: -1 | 1) => void;
  deletePhase: (phase: Phase, taskCount: number) => void;
  /** "Lessons for this phase": the lessons library's matches, in a side panel. */
  showLessons: (phase: Phase) => void;
  dragStart: (task: Task, event: React.DragEvent) => void;
  dragOver: (key: string, event: React.DragEvent) => void;
  drop: (key: string, event: React.DragEvent) => void;
  dragEnd: () => void;
}

export const GridActionsContext = createContext<GridActions | null>(null);

function useActions(): GridActions {
  const actions = use(GridActionsContext);
  if (!actions) throw new Error("GridActionsContext missing");
  return actions;
}

/** Rows are placed by the virtualizer; their columns come from the grid's `--plan-cols`. */
const rowStyle = (start: number) => ({ transform: `translateY(${start}px)` });

// ── Task row ──────────────────────────────────────────────────────────────────────────────────

interface TaskRowProps {
  task: Task;
  rowKey: string;
  depth: 0 | 1;
  hasChildren: boolean;
  ariaRowIndex: number;
  start: number;
  columns: PlanColumn[];
  /** The focused column in this row, or -1. */
  activeCol: number;
  editing: EditingCell | null;
  selected: boolean;
  rights: EditRights;
  people: Plan["people"];
  today: string;
  dropHint: DropHint | null;
}

export const TaskRow = memo(function TaskRow(props: TaskRowProps) {
  const { task, rowKey, columns, activeCol, editing, selected, rights, dropHint } = props;
  const actions = useActions();
  const editable = canEditAny(rights, task);
  const dragging = rights.plan;
  return (
    <div
      role="row"
      aria-rowindex={props.ariaRowIndex}
      aria-selected={rights.plan ? selected : undefined}
      className="plan-row task-row"
      data-selected={selected || undefined}
      data-drop={dropHint ?? undefined}
      data-depth={props.depth}
      style={rowStyle(props.start)}
      onDragOver={dragging ? (e) => actions.dragOver(rowKey, e) : undefined}
      onDrop={dragging ? (e) => actions.drop(rowKey, e) : undefined}
    >
      {columns.map((column, ci) => {
        const isActive = ci === activeCol;
        // No aria-colindex: every column is in the document (it is only needed when some are
        // not); one attribute less on each of thousands of cells rendered while scrolling.
        const common = {
          "data-cell": cellId(rowKey, ci),
          tabIndex: isActive ? 0 : -1,
          className: `plan-cell col-${column.id}${column.kind === "field" && column.align === "end" ? " end" : ""}`,
        } as const;
        switch (column.kind) {
          case "select":
            return (
              <div key={column.id} role="gridcell" {...common}>
                <span
                  className="drag-grip"
                  draggable
                  onDragStart={(e) => actions.dragStart(task, e)}
                  onDragEnd={actions.dragEnd}
                  title="Drag to move (or Alt+↑/↓)"
                  aria-hidden
                />
                {/* biome-ignore lint/a11y/useKeyWithClickEvents: Space on the row's cells selects it */}
                <span
                  role="checkbox"
                  aria-checked={selected}
                  aria-label={`Select ${task.title}`}
                  className="row-check"
                  onMouseDown={(e) => e.preventDefault()}
                  onClick={(e) => actions.toggleSelect(task.id, e.shiftKey)}
                />
              </div>
            );
          case "field": {
            const isEditing = editing?.col === ci;
            const mayEdit = canEditField(rights, task, column.field);
            return (
              <div
                key={column.id}
                role="gridcell"
                {...common}
                aria-readonly={mayEdit ? undefined : true}
                data-editing={isEditing || undefined}
                onDoubleClick={
                  mayEdit && !isEditing
                    ? () => actions.startEdit(rowKey, ci, null, true)
                    : undefined
                }
                style={column.id === "title" ? { paddingLeft: 10 + props.depth * 22 } : undefined}
              >
                {isEditing && editing ? (
                  <CellEditor
                    column={column}
                    task={task}
                    seed={editing.seed}
                    viaPointer={editing.viaPointer}
                    people={props.people}
                    error={editing.error}
                    onCommit={(raw, move) => actions.commitEdit(task, column, raw, move)}
                    onCancel={actions.cancelEdit}
                  />
                ) : (
                  <>
                    {column.id === "title" && props.depth === 1 ? (
                      <span className="subtask-mark" aria-hidden>
                        ↳
                      </span>
                    ) : null}
                    <FieldDisplay column={column} task={task} today={props.today} />
                    {column.id === "title" && task.internalOnly ? (
                      <span
                        className="internal-mark"
                        title="Internal only: stakeholders never see it"
                      >
                        <IconLock size={12} aria-hidden />
                        <span className="visually-hidden">(internal only)</span>
                      </span>
                    ) : null}
                  </>
                )}
              </div>
            );
          }
          case "raci": {
            const value = task.responsibilities[column.party];
            const mayEdit = rights.plan;
            return (
              // biome-ignore lint/a11y/useKeyWithClickEvents: the grid handles the keys (R, A, C, I, Enter)
              <div
                key={column.id}
                role="gridcell"
                {...common}
                className={`${common.className} raci-cell`}
                aria-label={raciAria(column.party, value)}
                aria-readonly={mayEdit ? undefined : true}
                onClick={mayEdit ? () => actions.cycleRaci(task, column.party) : undefined}
              >
                <RaciChip value={value} />
              </div>
            );
          }
          case "flag":
            return (
              <div key={column.id} role="gridcell" {...common} aria-label={flagLabel(task)}>
                {task.violations.length > 0 ? (
                  <Tooltip
                    label={task.violations.map((v) => v.message).join(" · ")}
                    withArrow
                    openDelay={150}
                  >
                    <span className="violation-flag">
                      <IconAlertTriangle size={16} aria-hidden />
                    </span>
                  </Tooltip>
                ) : null}
              </div>
            );
          case "open":
            return (
              <div key={column.id} role="gridcell" {...common}>
                <button
                  type="button"
                  tabIndex={-1}
                  className="open-button"
                  aria-label={`Open details of ${task.title}`}
                  title={editable ? "Open details (Shift+Enter)" : "Open details"}
                  onClick={() => actions.openTask(task.id)}
                >
                  {openIcon}
                </button>
              </div>
            );
        }
        return null;
      })}
    </div>
  );
});

function flagLabel(task: Task): string {
  return task.violations.length === 0
    ? "RACI check: fine"
    : `RACI check: ${task.violations.map((v) => v.message).join("; ")}`;
}

// ── Phase row ─────────────────────────────────────────────────────────────────────────────────

interface PhaseRowProps {
  phase: Phase;
  rowKey: string;
  stats: PhaseStats;
  collapsed: boolean;
  ariaRowIndex: number;
  start: number;
  columns: PlanColumn[];
  activeCol: number;
  editing: EditingCell | null;
  rights: EditRights;
  /** Tasks of the phase that match the filters, and how many of them are selected. */
  selectedCount: number;
  shownCount: number;
  isFirst: boolean;
  isLast: boolean;
  dropHint: DropHint | null;
}

export const PhaseRow = memo(function PhaseRow(props: PhaseRowProps) {
  const { phase, rowKey, stats, columns, activeCol, rights, editing } = props;
  const actions = useActions();
  const selectable = columns[0]?.kind === "select";
  const titleCol = selectable ? 1 : 0;
  const menuCol = columns.length - 1;
  const all = props.shownCount > 0 && props.selectedCount === props.shownCount;
  const some = props.selectedCount > 0 && !all;
  const tab = (ci: number) => (ci === activeCol ? 0 : -1);
  const isEditing = editing?.col === titleCol;
  return (
    <div
      role="row"
      aria-rowindex={props.ariaRowIndex}
      className="plan-row phase-row"
      data-drop={props.dropHint ?? undefined}
      style={rowStyle(props.start)}
      onDragOver={rights.plan ? (e) => actions.dragOver(rowKey, e) : undefined}
      onDrop={rights.plan ? (e) => actions.drop(rowKey, e) : undefined}
    >
      {selectable ? (
        <div
          role="gridcell"
          aria-colindex={1}
          data-cell={cellId(rowKey, 0)}
          tabIndex={tab(0)}
          className="plan-cell col-select"
          aria-label={`Select every task in ${phase.name}`}
        >
          <input
            type="checkbox"
            tabIndex={-1}
            checked={all}
            ref={(el) => {
              if (el) el.indeterminate = some;
            }}
            disabled={props.shownCount === 0}
            aria-label={`Select every task in ${phase.name}`}
            onMouseDown={(e) => e.preventDefault()}
            onChange={() => actions.togglePhaseSelect(phase.id)}
          />
        </div>
      ) : null}
      <div
        role="gridcell"
        aria-colindex={titleCol + 1}
        aria-colspan={menuCol - titleCol + (rights.plan ? 0 : 1)}
        data-cell={cellId(rowKey, titleCol)}
        tabIndex={tab(titleCol)}
        className="plan-cell phase-title"
        style={{ gridColumn: `${titleCol + 1} / ${rights.plan ? -2 : -1}` }}
        onDoubleClick={
          rights.plan && !isEditing
            ? () => actions.startEdit(rowKey, titleCol, null, true)
            : undefined
        }
      >
        <button
          type="button"
          tabIndex={-1}
          className="collapse-button"
          aria-expanded={!props.collapsed}
          aria-label={`${props.collapsed ? "Expand" : "Collapse"} ${phase.name}`}
          onClick={() => actions.toggleCollapse(phase.id)}
          onMouseDown={(e) => e.preventDefault()}
        >
          {props.collapsed ? <IconChevronRight size={16} /> : <IconChevronDown size={16} />}
        </button>
        {isEditing && editing ? (
          <PhaseNameEditor
            phase={phase}
            error={editing.error}
            onCommit={(name, move) => actions.renamePhase(phase, name, move)}
            onCancel={actions.cancelEdit}
          />
        ) : (
          <span className="phase-name">{phase.name}</span>
        )}
        <span className="phase-meta">
          <span>
            {stats.taskCount} {stats.taskCount === 1 ? "task" : "tasks"}
          </span>
          <span className="phase-progress" title="Estimate-weighted progress">
            <span className="pct-bar wide" aria-hidden>
              <span style={{ width: `${stats.progress}%` }} />
            </span>
            {formatNumber(stats.progress, { maximumFractionDigits: 0 })}% done
          </span>
          {stats.violationCount > 0 ? (
            <span className="phase-violations">
              <IconAlertTriangle size={13} aria-hidden />
              {stats.violationCount} RACI {stats.violationCount === 1 ? "issue" : "issues"}
            </span>
          ) : null}
        </span>
      </div>
      {rights.plan ? (
        <div role="gridcell" aria-colindex={menuCol + 1} className="plan-cell col-open">
          <PhaseMenu {...props} rowKey={rowKey} menuCol={menuCol} tabIndex={tab(menuCol)} />
        </div>
      ) : null}
    </div>
  );
});

function PhaseMenu({
  phase,
  stats,
  columns,
  rowKey,
  menuCol,
  tabIndex,
  isFirst,
  isLast,
}: PhaseRowProps & { menuCol: number; tabIndex: number }) {
  const actions = useActions();
  return (
    <Menu position="bottom-end" withinPortal shadow="md" width={250}>
      <Menu.Target>
        <ActionIcon
          variant="subtle"
          color="gray"
          size="sm"
          tabIndex={tabIndex}
          data-cell={cellId(rowKey, menuCol)}
          aria-label={`Actions for phase ${phase.name}`}
        >
          <IconDots size={16} aria-hidden />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown data-portal>
        <Menu.Item
          leftSection={<IconPlus size={15} aria-hidden />}
          onClick={() => actions.focusAddRow(phase.id)}
        >
          Add a task
        </Menu.Item>
        <Menu.Item
          leftSection={<IconPencil size={15} aria-hidden />}
          onClick={() =>
            actions.startEdit(rowKey, columns[0]?.kind === "select" ? 1 : 0, null, false)
          }
        >
          Rename phase
        </Menu.Item>
        <Menu.Item
          leftSection={<IconSparkles size={15} aria-hidden />}
          onClick={() => actions.suggestPhase(phase.id)}
        >
          Suggest responsibilities from the playbook
        </Menu.Item>
        <Menu.Item
          leftSection={<IconBulb size={15} aria-hidden />}
          onClick={() => actions.showLessons(phase)}
        >
          Lessons for this phase
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item
          leftSection={<IconArrowUp size={15} aria-hidden />}
          disabled={isFirst}
          onClick={() => actions.movePhase(phase, -1)}
        >
          Move phase up
        </Menu.Item>
        <Menu.Item
          leftSection={<IconArrowDown size={15} aria-hidden />}
          disabled={isLast}
          onClick={() => actions.movePhase(phase, 1)}
        >
          Move phase down
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item
          color="red"
          leftSection={<IconTrash size={15} aria-hidden />}
          onClick={() => actions.deletePhase(phase, stats.taskCount)}
        >
          Delete phase…
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

function PhaseNameEditor({
  phase,
  error,
  onCommit,
  onCancel,
}: {
  phase: Phase;
  error: string | null;
  onCommit: (name: string, move: EditMove) => void;
  onCancel: () => void;
}) {
  const [value, setValue] = useState(phase.name);
  const done = useRef(false);
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    ref.current?.focus({ preventScroll: true });
    ref.current?.select();
  }, []);
  useEffect(() => {
    if (error) done.current = false;
  }, [error]);
  const finish = (move: EditMove) => {
    if (done.current) return;
    done.current = true;
    onCommit(value, move);
  };
  return (
    <>
      <input
        ref={ref}
        className="cell-editor phase-editor"
        aria-label="Phase name"
        value={value}
        maxLength={120}
        aria-invalid={error ? true : undefined}
        onChange={(e) => setValue(e.currentTarget.value)}
        onKeyDown={(e) => {
          e.stopPropagation();
          if (e.key === "Enter") {
            e.preventDefault();
            finish("stay");
          } else if (e.key === "Escape") {
            e.preventDefault();
            done.current = true;
            onCancel();
          }
        }}
        onBlur={() => finish("none")}
      />
      {error ? (
        <span className="cell-error" role="alert">
          {error}
        </span>
      ) : null}
    </>
  );
}

// ── Add rows ──────────────────────────────────────────────────────────────────────────────────

interface AddRowProps {
  rowKey: string;
  ariaRowIndex: number;
  start: number;
  titleCol: number;
  active: boolean;
  label: string;
  placeholder: string;
  onSubmit: (text: string) => Promise<boolean>;
  dropHint?: DropHint | null;
  onDragOver?: (e: React.DragEvent) => void;
  onDrop?: (e: React.DragEvent) => void;
  kind: "add" | "addPhase";
}

/** "Add a task" / "Add a phase": type, Enter creates it, and focus stays for the next one. */
export const AddRow = memo(function AddRow(props: AddRowProps) {
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { titleCol } = props;

  async function submit() {
    const title = text.trim();
    if (!title) {
      setError(props.kind === "add" ? "Type a title first" : "Type a name first");
      return;
    }
    setError(null);
    setBusy(true);
    // Cleared at once so the next title can be typed while this one saves.
    setText("");
    const ok = await props.onSubmit(title);
    setBusy(false);
    if (!ok) setText((current) => current || title);
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === "Enter") {
      e.preventDefault();
      e.stopPropagation();
      void submit();
    } else if (e.key === "Escape") {
      e.stopPropagation();
      setText("");
      setError(null);
    } else if (
      e.key !== "ArrowUp" &&
      e.key !== "ArrowDown" &&
      e.key !== "PageUp" &&
      e.key !== "PageDown"
    ) {
      // Everything else belongs to the text box (the arrows up/down leave it).
      e.stopPropagation();
    }
  }

  return (
    <div
      role="row"
      aria-rowindex={props.ariaRowIndex}
      className={`plan-row add-row ${props.kind === "addPhase" ? "add-phase-row" : ""}`}
      data-drop={props.dropHint ?? undefined}
      style={rowStyle(props.start)}
      onDragOver={props.onDragOver}
      onDrop={props.onDrop}
    >
      {titleCol > 0 ? <div role="gridcell" aria-colindex={1} className="plan-cell" /> : null}
      <div
        role="gridcell"
        aria-colindex={titleCol + 1}
        className="plan-cell add-cell"
        style={{ gridColumn: `${titleCol + 1} / -1` }}
      >
        <IconPlus size={14} aria-hidden className="add-icon" />
        <input
          className="add-input"
          data-cell={cellId(props.rowKey, titleCol)}
          tabIndex={props.active ? 0 : -1}
          aria-label={props.label}
          placeholder={props.placeholder}
          value={text}
          maxLength={props.kind === "add" ? 300 : 120}
          aria-invalid={error ? true : undefined}
          aria-busy={busy || undefined}
          onChange={(e) => {
            setText(e.currentTarget.value);
            if (error) setError(null);
          }}
          onKeyDown={onKeyDown}
        />
        {error ? (
          <span className="cell-error inline" role="alert">
            {error}
          </span>
        ) : null}
      </div>
    </div>
  );
});

/** The header row: column names, and "select all shown" for editors. */
export function HeaderRow({
  columns,
  allSelected,
  someSelected,
  onSelectAll,
}: {
  columns: PlanColumn[];
  allSelected: boolean;
  someSelected: boolean;
  onSelectAll: (on: boolean) => void;
}) {
  return (
    <div
      role="row"
      aria-rowindex={1}
      className="plan-row header-row"
      style={{ height: HEADER_HEIGHT }}
    >
      {columns.map((c, ci) => (
        <div
          key={c.id}
          role="columnheader"
          aria-colindex={ci + 1}
          className={`plan-cell col-${c.id}${c.kind === "field" && c.align === "end" ? " end" : ""}`}
          title={columnTitles[c.id]}
          aria-label={columnTitles[c.id] ?? c.label}
        >
          {c.kind === "select" ? (
            <input
              type="checkbox"
              checked={allSelected}
              ref={(el) => {
                if (el) el.indeterminate = someSelected;
              }}
              aria-label="Select every task shown"
              onChange={(e) => onSelectAll(e.currentTarget.checked)}
            />
          ) : c.kind === "flag" ? (
            <IconAlertTriangle size={14} aria-hidden />
          ) : c.kind === "open" ? null : (
            c.label
          )}
        </div>
      ))}
    </div>
  );
}

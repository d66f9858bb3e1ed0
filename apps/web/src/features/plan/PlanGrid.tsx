// biome-ignore-all lint/a11y/useSemanticElements: an ARIA grid of divs; see PlanGridRows.tsx
import { notifications } from "@mantine/notifications";
import {
  nextRaci,
  type Party,
  type Phase,
  type Plan,
  type RaciValue,
  type Task,
  type TaskCategory,
} from "@rollout/domain";
import {
  type CSSProperties,
  type DragEvent,
  type KeyboardEvent,
  type Ref,
  useCallback,
  useEffect,
  useImperativeHandle,
  useMemo,
  useRef,
  useState,
} from "react";
import { errorInfo } from "../../lib/trpc.ts";
import { PhaseLessonsDrawer } from "../lessons/PhaseLessonsDrawer.tsx";
import { type EditMove, parseEdit } from "./cells.tsx";
import { useFillHeight } from "./grid/useFillHeight.ts";
import { type RovingGrid, useRovingGrid } from "./grid/useRovingGrid.ts";
import { PhaseDeleteModal } from "./PhaseDeleteModal.tsx";
import { PlanBody } from "./PlanBody.tsx";
import {
  type DropHint,
  type EditingCell,
  type GridActions,
  GridActionsContext,
  HEADER_HEIGHT,
  HeaderRow,
  ROW_HEIGHT,
} from "./PlanGridRows.tsx";
import {
  canEditField,
  type EditRights,
  type FieldColumn,
  minWidth,
  type PlanColumn,
} from "./planColumns.ts";
import { addKey, type PlanIndex, type PlanRow, sortOrderBefore, stepTarget } from "./planModel.ts";
import {
  useCreateTask,
  useMoveTask,
  usePhaseWrites,
  usePlanStore,
  useSuggest,
  useTaskWriter,
  type WriteResult,
} from "./planMutations.ts";
import { raciFromKey } from "./raci.tsx";
import { patchFor } from "./taskPatch.ts";

/** A change the server refused because someone else saved first; kept until the person decides. */
export interface TaskConflict {
  taskId: string;
  title: string;
  changes: Parameters<ReturnType<typeof useTaskWriter>>[1];
  message: string;
}

export interface PlanGridHandle {
  focusRow: (key: string) => void;
}

interface PlanGridProps {
  projectId: string;
  plan: Plan;
  index: PlanIndex;
  rows: PlanRow[];
  columns: PlanColumn[];
  rights: EditRights;
  today: string;
  selected: ReadonlySet<string>;
  /** Tasks of each phase that the filters show (what a phase's checkbox selects). */
  shownByPhase: ReadonlyMap<string, string[]>;
  onToggleSelect: (taskId: string, range: boolean) => void;
  onSelect: (taskIds: readonly string[], on: boolean) => void;
  onToggleCollapse: (phaseId: string, collapsed?: boolean) => void;
  onOpenTask: (taskId: string) => void;
  onConflict: (conflict: TaskConflict) => void;
  handle?: Ref<PlanGridHandle>;
  label: string;
  /** Changes when something above the grid appears or goes (its height is measured again). */
  layoutKey: unknown;
  /** A row whose first cell takes focus when the grid appears. */
  initialFocus?: string | null;
}

const nullable = new Set<string>([
  "startDate",
  "dueDate",
  "duration",
  "estimateHours",
  "assigneeId",
]);
const isPrintable = (e: KeyboardEvent) =>
  e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey && e.key !== " ";

function rowKeyOf(row: PlanRow): string {
  return row.key;
}

/**
 * The plan as a virtualized grid: phases and tasks flattened into one list of fixed-height rows,
 * of which only those in view (plus the focused one) are in the document.
 */
export function PlanGrid(props: PlanGridProps) {
  const { projectId, plan, index, rows, columns, rights, selected } = props;
  const gridRef = useRef<HTMLDivElement>(null);
  const scrollRef = useRef<HTMLDivElement | null>(null);
  // The scroll element as state too: the rows' virtualizer (a child) renders before the
  // parent's ref is attached, and must render again once it is.
  const [scrollEl, setScrollEl] = useState<HTMLDivElement | null>(null);
  const attachScroll = useCallback((el: HTMLDivElement | null) => {
    scrollRef.current = el;
    setScrollEl(el);
  }, []);
  const selectable = columns[0]?.kind === "select";
  const titleCol = selectable ? 1 : 0;
  const template = columns.map((c) => c.width).join(" ");
  const height = useFillHeight(scrollRef, props.layoutKey);

  const colsOf = useCallback(
    (row: PlanRow): readonly number[] => {
      switch (row.kind) {
        case "task":
          return columns.map((_, i) => i);
        case "phase":
          return rights.plan ? [0, titleCol, columns.length - 1] : [titleCol];
        default:
          return [titleCol];
      }
    },
    [columns, rights.plan, titleCol],
  );

  const roving = useRovingGrid({
    rows,
    rowKey: rowKeyOf,
    colsOf,
    defaultCol: titleCol,
    gridRef,
    rowHeight: ROW_HEIGHT,
  });
  const { initialFocus } = props;
  const { focusCell } = roving;
  useEffect(() => {
    if (initialFocus) focusCell(initialFocus, titleCol);
  }, [initialFocus, focusCell, titleCol]);

  useImperativeHandle(props.handle, () => ({
    focusRow: (key: string) => roving.focusCell(key, titleCol),
  }));

  const [editing, setEditing] = useState<EditingCell | null>(null);
  const [dropAt, setDropAt] = useState<{ key: string; hint: DropHint } | null>(null);
  const [phaseToDelete, setPhaseToDelete] = useState<{ phase: Phase; count: number } | null>(null);
  const [lessonsFor, setLessonsFor] = useState<Phase | null>(null);
  const dragged = useRef<Task | null>(null);

  const write = useTaskWriter(projectId);
  const createTask = useCreateTask(projectId);
  const moveTask = useMoveTask(projectId);
  const phases = usePhaseWrites(projectId);
  const suggest = useSuggest(projectId);
  const store = usePlanStore(projectId);

  function report(task: Task, changes: TaskConflict["changes"], result: WriteResult) {
    if (result.ok) return;
    if (result.conflict) {
      props.onConflict({ taskId: task.id, title: task.title, changes, message: result.message });
    } else {
      notifications.show({
        color: "red",
        title: `“${task.title}” was not saved`,
        message: result.message,
      });
    }
  }

  function after(move: EditMove, r: RovingGrid = roving) {
    if (move === "none") return;
    if (move === "stay") r.refocus();
    else if (move === "up") r.moveTo(r.activeIndex - 1);
    else if (move === "down") r.moveTo(r.activeIndex + 1);
    else {
      const row = rows[r.activeIndex];
      if (!row) return;
      const cols = colsOf(row);
      const at = cols.indexOf(r.activeCol) + (move === "right" ? 1 : -1);
      const next = cols[Math.max(0, Math.min(cols.length - 1, at))];
      if (next !== undefined) r.focusCell(row.key, next);
    }
  }

  function setRaci(task: Task, party: Party, value: RaciValue | null) {
    if (task.responsibilities[party] === value) return;
    const changes = { responsibilities: { [party]: value } };
    void write(task, changes).then((r) => report(task, changes, r));
  }

  function moveStep(task: Task, direction: -1 | 1) {
    const target = stepTarget(index, task, direction);
    if (!target) return;
    const siblings = task.parentId
      ? (index.children.get(task.parentId) ?? [])
      : (index.topLevel.get(target.phaseId) ?? []);
    void moveTask(task, target, sortOrderBefore(siblings, target.beforeTaskId, task.id)).then(
      (r) => {
        if (!r.ok) notifications.show({ color: "red", title: "Not moved", message: r.message });
      },
    );
    roving.refocus();
  }

  // Drag and drop: a task's grip onto another task (before/after it), a phase header (first in
  // that phase) or an add row (last in that phase). Subtasks move among their siblings only.
  function dropTarget(
    key: string,
    event: DragEvent,
  ): { hint: DropHint; phaseId: string; beforeTaskId: string | null } | null {
    const task = dragged.current;
    if (!task) return null;
    const row = rows.find((r) => r.key === key);
    if (!row) return null;
    if (row.kind === "task") {
      const other = row.task;
      if (other.id === task.id || other.parentId === task.id) return null;
      const sameLevel = task.parentId ? other.parentId === task.parentId : other.parentId === null;
      if (!sameLevel) return null;
      const rect = (event.currentTarget as HTMLElement).getBoundingClientRect();
      const before = event.clientY < rect.top + rect.height / 2;
      const list = task.parentId
        ? (index.children.get(task.parentId) ?? [])
        : (index.topLevel.get(other.phaseId) ?? []);
      const at = list.findIndex((t) => t.id === other.id);
      const beforeTaskId = before ? other.id : (list[at + 1]?.id ?? null);
      return { hint: before ? "before" : "after", phaseId: other.phaseId, beforeTaskId };
    }
    if (task.parentId) return null;
    if (row.kind === "phase") {
      const first = (index.topLevel.get(row.phase.id) ?? []).find((t) => t.id !== task.id);
      return { hint: "inside", phaseId: row.phase.id, beforeTaskId: first?.id ?? null };
    }
    if (row.kind === "add") return { hint: "before", phaseId: row.phaseId, beforeTaskId: null };
    return null;
  }

  const actionsRef = useRef<GridActions>(null as unknown as GridActions);
  actionsRef.current = {
    startEdit: (key, col, seed, viaPointer) => {
      roving.setActiveQuietly({ key, col });
      setEditing({ key, col, seed, viaPointer, error: null });
    },
    commitEdit: (task, column, raw, move) => {
      const parsed = parseEdit(column, raw, task);
      if (parsed === null) {
        setEditing(null);
        after(move);
        return;
      }
      const check = parsed.ok ? patchFor(task, parsed.changes, plan.people) : null;
      const problem = !parsed.ok ? parsed.message : check && !check.ok ? check.message : null;
      if (problem || !parsed.ok) {
        if (move === "none") {
          setEditing(null);
          notifications.show({ color: "orange", title: "Not saved", message: problem ?? "" });
        } else {
          setEditing((e) => (e ? { ...e, error: problem } : e));
        }
        return;
      }
      setEditing(null);
      after(move);
      void write(task, parsed.changes, plan.people).then((r) => report(task, parsed.changes, r));
    },
    cancelEdit: () => {
      setEditing(null);
      roving.refocus();
    },
    toggleSelect: (taskId, range) => props.onToggleSelect(taskId, range),
    togglePhaseSelect: (phaseId) => {
      const ids = props.shownByPhase.get(phaseId) ?? [];
      const all = ids.length > 0 && ids.every((id) => selected.has(id));
      props.onSelect(ids, !all);
    },
    cycleRaci: (task, party) => setRaci(task, party, nextRaci(task.responsibilities[party])),
    openTask: (taskId) => props.onOpenTask(taskId),
    toggleCollapse: (phaseId) => props.onToggleCollapse(phaseId),
    renamePhase: (phase, name, move) => {
      const trimmed = name.trim();
      if (!trimmed) {
        setEditing((e) => (e ? { ...e, error: "A phase needs a name" } : e));
        return;
      }
      if (trimmed === phase.name) {
        setEditing(null);
        after(move);
        return;
      }
      phases.rename.mutate(
        { projectId, phaseId: phase.id, version: phase.version, name: trimmed },
        {
          onSuccess: () => {
            setEditing(null);
            after(move);
          },
          onError: async (error) => {
            const info = errorInfo(error);
            if (info.code === "CONFLICT") await store.reload();
            setEditing((e) =>
              e
                ? {
                    ...e,
                    error:
                      info.code === "CONFLICT"
                        ? "Someone changed this phase meanwhile. Press Enter to save your name over theirs."
                        : (info.fieldErrors.name ?? info.message),
                  }
                : e,
            );
          },
        },
      );
    },
    createTask: async (phaseId, title) => {
      const list = index.topLevel.get(phaseId) ?? [];
      const category: TaskCategory = list.at(-1)?.category ?? "planning";
      try {
        await createTask({ phaseId, title, category });
        roving.refocus();
        return true;
      } catch (error) {
        notifications.show({
          color: "red",
          title: "Task not added",
          message: errorInfo(error).message,
        });
        return false;
      }
    },
    createPhase: async (name) => {
      try {
        const phase = await phases.create.mutateAsync({ projectId, name, beforePhaseId: null });
        roving.focusCell(addKey(phase.id), titleCol);
        return true;
      } catch (error) {
        const info = errorInfo(error);
        notifications.show({
          color: "red",
          title: "Phase not added",
          message: info.fieldErrors.name ?? info.message,
        });
        return false;
      }
    },
    focusAddRow: (phaseId) => {
      props.onToggleCollapse(phaseId, false);
      roving.focusCell(addKey(phaseId), titleCol);
    },
    suggestPhase: (phaseId) => void suggest.run({ phaseId }),
    movePhase: (phase, direction) => {
      const at = index.phases.findIndex((p) => p.id === phase.id);
      const beforePhaseId =
        direction === -1 ? (index.phases[at - 1]?.id ?? null) : (index.phases[at + 2]?.id ?? null);
      if (direction === -1 && at <= 0) return;
      phases.move.mutate(
        { projectId, phaseId: phase.id, version: phase.version, beforePhaseId },
        {
          onError: (error) =>
            notifications.show({
              color: "red",
              title: "Phase not moved",
              message: errorInfo(error).message,
            }),
        },
      );
    },
    deletePhase: (phase, count) => setPhaseToDelete({ phase, count }),
    showLessons: (phase) => setLessonsFor(phase),
    dragStart: (task, event) => {
      dragged.current = task;
      event.dataTransfer.effectAllowed = "move";
      event.dataTransfer.setData("text/plain", task.title);
      const row = (event.currentTarget as HTMLElement).closest(".plan-row");
      if (row) event.dataTransfer.setDragImage(row, 24, ROW_HEIGHT / 2);
    },
    dragOver: (key, event) => {
      const target = dropTarget(key, event);
      if (!target) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = "move";
      setDropAt((prev) =>
        prev?.key === key && prev.hint === target.hint ? prev : { key, hint: target.hint },
      );
    },
    drop: (key, event) => {
      const task = dragged.current;
      const target = dropTarget(key, event);
      dragged.current = null;
      setDropAt(null);
      if (!task || !target) return;
      event.preventDefault();
      const siblings = task.parentId
        ? (index.children.get(task.parentId) ?? [])
        : (index.topLevel.get(target.phaseId) ?? []);
      const nextSibling = siblings[siblings.findIndex((t) => t.id === task.id) + 1]?.id ?? null;
      if (
        target.phaseId === task.phaseId &&
        (target.beforeTaskId === task.id || target.beforeTaskId === nextSibling)
      ) {
        return;
      }
      const { hint: _hint, ...to } = target;
      void moveTask(task, to, sortOrderBefore(siblings, to.beforeTaskId, task.id)).then((r) => {
        if (!r.ok) notifications.show({ color: "red", title: "Not moved", message: r.message });
      });
    },
    dragEnd: () => {
      dragged.current = null;
      setDropAt(null);
    },
  };
  // One stable object whose methods call the latest closures (rows are memoised on it).
  const actions = useMemo<GridActions>(
    () =>
      new Proxy({} as GridActions, {
        get:
          (_target, name) =>
          (...args: unknown[]) =>
            (actionsRef.current[name as keyof GridActions] as (...a: unknown[]) => unknown)(
              ...args,
            ),
      }),
    [],
  );

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    const target = e.target as HTMLElement;
    if (!target.dataset.cell || editing) return;
    const row = rows[roving.activeIndex];
    const column = columns[roving.activeCol];
    if (!row || !column) return;
    if (e.altKey && (e.key === "ArrowUp" || e.key === "ArrowDown")) {
      if (row.kind === "task" && rights.plan) {
        e.preventDefault();
        moveStep(row.task, e.key === "ArrowUp" ? -1 : 1);
      }
      return;
    }
    if (row.kind === "phase" && roving.activeCol === titleCol) {
      if ((e.key === "ArrowLeft" && !row.collapsed) || (e.key === "ArrowRight" && row.collapsed)) {
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
    if (row.kind === "add" || row.kind === "addPhase") return;
    if (row.kind === "phase") {
      if (e.key === " " || (e.key === "Enter" && roving.activeCol === 0 && selectable)) {
        e.preventDefault();
        if (rights.plan) actions.togglePhaseSelect(row.phase.id);
      } else if (e.key === "Enter" || e.key === "F2") {
        e.preventDefault();
        if (rights.plan) actions.startEdit(row.key, titleCol, null, false);
        else props.onToggleCollapse(row.phase.id);
      }
      return;
    }
    const task = row.task;
    if (e.key === " ") {
      e.preventDefault();
      if (selectable) props.onToggleSelect(task.id, e.shiftKey);
      return;
    }
    if (e.key === "Enter" && e.shiftKey) {
      e.preventDefault();
      props.onOpenTask(task.id);
      return;
    }
    switch (column.kind) {
      case "select":
        if (e.key === "Enter") {
          e.preventDefault();
          props.onToggleSelect(task.id, false);
        }
        return;
      case "open":
      case "flag":
        if (e.key === "Enter") {
          e.preventDefault();
          props.onOpenTask(task.id);
        }
        return;
      case "raci": {
        if (!rights.plan) return;
        const value = raciFromKey(e);
        if (value !== undefined) {
          e.preventDefault();
          setRaci(task, column.party, value);
        } else if (e.key === "Enter") {
          e.preventDefault();
          setRaci(task, column.party, nextRaci(task.responsibilities[column.party]));
        }
        return;
      }
      case "field": {
        if (!canEditField(rights, task, column.field)) return;
        if (e.key === "Enter" || e.key === "F2") {
          e.preventDefault();
          actions.startEdit(row.key, roving.activeCol, null, false);
        } else if ((e.key === "Backspace" || e.key === "Delete") && nullable.has(column.field)) {
          e.preventDefault();
          actions.commitEdit(task, column as FieldColumn, "", "stay");
        } else if (isPrintable(e)) {
          e.preventDefault();
          actions.startEdit(row.key, roving.activeCol, e.key, false);
        }
        return;
      }
    }
  }

  const shownTaskIds = useMemo(
    () => rows.flatMap((r) => (r.kind === "task" ? [r.task.id] : [])),
    [rows],
  );
  const selectedShown = shownTaskIds.filter((id) => selected.has(id)).length;

  return (
    <GridActionsContext value={actions}>
      <div
        ref={attachScroll}
        className="plan-scroll"
        style={
          {
            // As tall as the window allows, but no taller than the rows need.
            height: Math.min(height, HEADER_HEIGHT + rows.length * ROW_HEIGHT + 2),
            "--plan-cols": template,
            "--plan-width": `${minWidth(columns.map((c) => c.width))}px`,
          } as CSSProperties
        }
        data-dragging={dropAt ? true : undefined}
      >
        <div
          ref={gridRef}
          role="grid"
          aria-label={props.label}
          aria-rowcount={rows.length + 1}
          aria-colcount={columns.length}
          aria-readonly={!rights.plan && !rights.own ? true : undefined}
          aria-multiselectable={selectable || undefined}
          className="plan-grid"
          onKeyDown={onKeyDown}
          onFocus={roving.onFocus}
          onBlur={roving.onBlur}
          onDragLeave={(e) => {
            if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDropAt(null);
          }}
        >
          <div role="rowgroup" className="plan-head">
            <HeaderRow
              columns={columns}
              allSelected={shownTaskIds.length > 0 && selectedShown === shownTaskIds.length}
              someSelected={selectedShown > 0 && selectedShown < shownTaskIds.length}
              onSelectAll={(on) => props.onSelect(shownTaskIds, on)}
            />
          </div>
          <PlanBody
            rows={rows}
            columns={columns}
            rights={rights}
            people={plan.people}
            today={props.today}
            phases={index.phases}
            selected={selected}
            shownByPhase={props.shownByPhase}
            editing={editing}
            dropAt={dropAt}
            activeKey={roving.activeKey}
            activeCol={roving.activeCol}
            keepIndex={roving.keepIndex}
            titleCol={titleCol}
            scrollElement={scrollEl}
            virtualizerRef={roving.virtualizer}
            onRendered={roving.rowsRendered}
          />
        </div>
      </div>
      <PhaseDeleteModal
        projectId={projectId}
        target={phaseToDelete}
        onClose={() => setPhaseToDelete(null)}
      />
      <PhaseLessonsDrawer
        projectId={projectId}
        phase={lessonsFor}
        onClose={() => setLessonsFor(null)}
      />
    </GridActionsContext>
  );
}

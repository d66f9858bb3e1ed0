import {
  isIsoDate,
  type Plan,
  type Task,
  type TaskChanges,
  taskCategories,
  taskCategoryLabels,
  taskStatuses,
  taskStatusLabels,
} from "@rollout/domain";
import { type KeyboardEvent, useEffect, useRef, useState } from "react";
import { formatDate, formatNumber } from "../../ui/format.ts";
import type { FieldColumn } from "./planColumns.ts";
import { isOverdue } from "./planModel.ts";

/** How an editor was left: where the active cell goes next. */
export type EditMove = "stay" | "left" | "right" | "up" | "down" | "none";

/** The text an editor starts with. */
export function editValue(column: FieldColumn, task: Task): string {
  const v = task[column.field];
  if (v === null || v === undefined) return "";
  return String(v);
}

type Parsed = { ok: true; changes: TaskChanges } | { ok: false; message: string };

/** What a typed value means for the task; `null` changes nothing (same as before). */
export function parseEdit(column: FieldColumn, raw: string, task: Task): Parsed | null {
  const text = raw.trim();
  const field = column.field;
  let value: unknown;
  switch (column.editor) {
    case "text":
      if (!text) return { ok: false, message: "A task needs a title" };
      if (text.length > 300) return { ok: false, message: "At most 300 characters" };
      value = text;
      break;
    case "choice":
      value = text === "" ? null : text;
      if (field === "category" && !(taskCategories as readonly string[]).includes(text))
        return null;
      if (field === "status" && !(taskStatuses as readonly string[]).includes(text)) return null;
      break;
    case "date":
      if (text && !isIsoDate(text)) return { ok: false, message: "Enter a valid date" };
      value = text || null;
      break;
    case "int": {
      if (!text) {
        if (field === "percentComplete") return { ok: false, message: "0 to 100" };
        value = null;
        break;
      }
      const n = Number(text.replace(/%$/, ""));
      if (!Number.isInteger(n)) return { ok: false, message: "A whole number" };
      if (field === "percentComplete" && (n < 0 || n > 100))
        return { ok: false, message: "0 to 100" };
      if (field === "duration" && (n < 1 || n > 5000)) {
        return { ok: false, message: "At least 1 working day" };
      }
      value = n;
      break;
    }
    case "decimal": {
      if (!text) {
        value = null;
        break;
      }
      const n = Number(text.replace(",", "."));
      if (!Number.isFinite(n) || n < 0) return { ok: false, message: "Hours, 0 or more" };
      if (Math.round(n * 100) !== n * 100) return { ok: false, message: "At most two decimals" };
      value = n;
      break;
    }
  }
  if (value === task[field]) return null;
  return { ok: true, changes: { [field]: value } as TaskChanges };
}

const statusClass: Record<Task["status"], string> = {
  not_started: "st-not-started",
  in_progress: "st-in-progress",
  blocked: "st-blocked",
  done: "st-done",
  cancelled: "st-cancelled",
};

/** A field cell's content when not editing. */
export function FieldDisplay({
  column,
  task,
  today,
}: {
  column: FieldColumn;
  task: Task;
  today: string;
}) {
  switch (column.id) {
    case "title":
      return (
        <span className="cell-text" title={task.title}>
          {task.title}
        </span>
      );
    case "category":
      return <span className="cell-text">{taskCategoryLabels[task.category]}</span>;
    case "status":
      return (
        <span className={`status-dot ${statusClass[task.status]}`}>
          {taskStatusLabels[task.status]}
        </span>
      );
    case "assignee":
      return task.assigneeName ? (
        <span className="cell-text">{task.assigneeName}</span>
      ) : (
        <span className="cell-empty">—</span>
      );
    case "startDate":
      return task.startDate ? (
        <time dateTime={task.startDate}>{formatDate(task.startDate)}</time>
      ) : (
        <span className="cell-empty">—</span>
      );
    case "dueDate":
      return task.dueDate ? (
        <time
          dateTime={task.dueDate}
          className={isOverdue(task, today) ? "overdue" : undefined}
          title={isOverdue(task, today) ? "Overdue" : undefined}
        >
          {formatDate(task.dueDate)}
        </time>
      ) : (
        <span className="cell-empty">—</span>
      );
    case "duration":
      return task.duration === null ? <span className="cell-empty">—</span> : task.duration;
    case "percentComplete":
      return (
        <span className="pct">
          <span className="pct-bar" aria-hidden>
            <span style={{ width: `${task.percentComplete}%` }} />
          </span>
          {task.percentComplete}%
        </span>
      );
    case "estimateHours":
      return task.estimateHours === null ? (
        <span className="cell-empty">—</span>
      ) : (
        formatNumber(task.estimateHours)
      );
  }
}

function choiceOptions(column: FieldColumn, people: Plan["people"]) {
  if (column.field === "category") {
    return taskCategories.map((c) => ({ value: c, label: taskCategoryLabels[c] }));
  }
  if (column.field === "status") {
    return taskStatuses.map((s) => ({ value: s, label: taskStatusLabels[s] }));
  }
  return [
    { value: "", label: "Unassigned" },
    ...people
      .filter((p) => p.role !== "stakeholder")
      .map((p) => ({ value: p.userId, label: p.name })),
  ];
}

/** Typing a letter on a list cell picks the first option starting with it, as a select does. */
function initialValue(
  column: FieldColumn,
  task: Task,
  seed: string | null,
  people: Plan["people"],
): string {
  if (seed === null) return editValue(column, task);
  if (column.editor === "choice") {
    const s = seed.toLowerCase();
    const hit = choiceOptions(column, people).find((o) => o.label.toLowerCase().startsWith(s));
    return hit ? hit.value : editValue(column, task);
  }
  if (column.editor === "date") return editValue(column, task);
  return seed;
}

interface EditorProps {
  column: FieldColumn;
  task: Task;
  /** A key typed to start editing replaces the value (text and numbers). */
  seed: string | null;
  /** Opened with the mouse: a list opens its options at once. */
  viaPointer: boolean;
  people: Plan["people"];
  error: string | null;
  onCommit: (raw: string, move: EditMove) => void;
  onCancel: () => void;
}

const moves: Record<string, EditMove> = { ArrowUp: "up", ArrowDown: "down" };

/** The editor inside a cell: Enter saves, Tab/Shift+Tab save and move, Esc cancels. */
export function CellEditor({
  column,
  task,
  seed,
  viaPointer,
  people,
  error,
  onCommit,
  onCancel,
}: EditorProps) {
  const initial = initialValue(column, task, seed, people);
  const [value, setValue] = useState(initial);
  const done = useRef(false);
  const ref = useRef<HTMLInputElement & HTMLSelectElement>(null);

  useEffect(() => {
    const el: HTMLElement | null = ref.current;
    if (!el) return;
    el.focus({ preventScroll: true });
    if (el instanceof HTMLInputElement && el.type === "text" && seed === null) {
      el.setSelectionRange(el.value.length, el.value.length);
    }
    if (el instanceof HTMLSelectElement && viaPointer) {
      try {
        el.showPicker();
      } catch {
        // Not supported, or not allowed without a gesture: the select is focused anyway.
      }
    }
  }, [seed, viaPointer]);

  // A failed save (e.g. due before start) keeps the editor open for another try.
  useEffect(() => {
    if (error) done.current = false;
  }, [error]);

  function finish(move: EditMove) {
    if (done.current) return;
    done.current = true;
    onCommit(ref.current?.value ?? value, move);
  }

  function onKeyDown(event: KeyboardEvent<HTMLElement>) {
    event.stopPropagation();
    if (event.key === "Enter") {
      event.preventDefault();
      finish("stay");
    } else if (event.key === "Escape") {
      event.preventDefault();
      done.current = true;
      onCancel();
    } else if (event.key === "Tab") {
      event.preventDefault();
      finish(event.shiftKey ? "left" : "right");
    } else if (column.editor !== "choice" && column.editor !== "date" && event.key in moves) {
      event.preventDefault();
      finish(moves[event.key] ?? "stay");
    }
  }

  const common = {
    "aria-label": `${column.label} of ${task.title}`,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": error ? `cell-error-${task.id}` : undefined,
    className: "cell-editor",
    onKeyDown,
    onBlur: () => finish("none"),
  };

  let input: React.ReactNode;
  if (column.editor === "choice") {
    const options = choiceOptions(column, people);
    input = (
      <select {...common} ref={ref} value={value} onChange={(e) => setValue(e.currentTarget.value)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    );
  } else {
    input = (
      <input
        {...common}
        ref={ref}
        type={column.editor === "date" ? "date" : "text"}
        inputMode={
          column.editor === "int" ? "numeric" : column.editor === "decimal" ? "decimal" : undefined
        }
        value={value}
        onChange={(e) => setValue(e.currentTarget.value)}
        style={column.align === "end" ? { textAlign: "right" } : undefined}
      />
    );
  }
  return (
    <>
      {input}
      {error ? (
        <span className="cell-error" id={`cell-error-${task.id}`} role="alert">
          {error}
        </span>
      ) : null}
    </>
  );
}

import { dueFrom, type Task, type WorkingCalendar } from "@rollout/domain";
import { addDays } from "../calendarDays.ts";
import type { ScheduledTask } from "./ganttModel.ts";

/**
 * A change to one task's dates, as the Gantt proposes it (by dragging, or typed in the
 * reschedule form): what the preview and the save send, and where the bar would go.
 * Dates land on working days; durations are working days, start and finish both counted.
 */
export interface RescheduleChange {
  taskId: string;
  title: string;
  version: number;
  how: "move" | "resize" | "form";
  /**
   * Start and due together: the API derives the duration from them (given a start alone it
   * would keep the old due date, and refuse one before the new start).
   */
  input: { startDate: string; dueDate: string };
  newStart: string;
  newFinish: string;
}

export function scheduledDuration(sched: ScheduledTask, calendar: WorkingCalendar): number {
  return Math.max(1, calendar.between(sched.earlyStart, sched.earlyFinish) + 1);
}

function onWorkingDay(calendar: WorkingCalendar, date: string, direction: 1 | -1): string {
  return calendar.dateOf(calendar.dayOf(date, direction));
}

/** Start and due for a task of `duration` working days (the API's own rule, Mon–Fri). */
function datesFor(start: string, duration: number) {
  return { startDate: start, dueDate: dueFrom(start, duration) };
}

/**
 * The bar moved by `days` calendar days: the start moves (to the nearest working day in the
 * direction of the drag) and the duration stays.
 */
export function moveChange(
  task: Task,
  sched: ScheduledTask,
  days: number,
  calendar: WorkingCalendar,
): RescheduleChange | null {
  if (days === 0) return null;
  const duration = scheduledDuration(sched, calendar);
  const start = onWorkingDay(calendar, addDays(sched.earlyStart, days), days > 0 ? 1 : -1);
  if (start === sched.earlyStart) return null;
  return {
    taskId: task.id,
    title: task.title,
    version: task.version,
    how: "move",
    input: datesFor(start, duration),
    newStart: start,
    newFinish: calendar.dateOf(calendar.dayOf(start) + duration - 1),
  };
}

/** The bar's right edge moved by `days`: the duration changes, the start stays. */
export function resizeChange(
  task: Task,
  sched: ScheduledTask,
  days: number,
  calendar: WorkingCalendar,
): RescheduleChange | null {
  if (days === 0) return null;
  const startDay = calendar.dayOf(sched.earlyStart);
  const finishDay = Math.max(
    startDay,
    calendar.dayOf(addDays(sched.earlyFinish, days), days > 0 ? 1 : -1),
  );
  const duration = finishDay - startDay + 1;
  if (duration === scheduledDuration(sched, calendar)) return null;
  return {
    taskId: task.id,
    title: task.title,
    version: task.version,
    how: "resize",
    // The planned start stays (it may be earlier than the scheduled one); the due date follows.
    input: datesFor(task.startDate ?? sched.earlyStart, duration),
    newStart: sched.earlyStart,
    newFinish: calendar.dateOf(finishDay),
  };
}

/** Start and duration as typed in the reschedule form. */
export function formChange(
  task: Task,
  start: string,
  duration: number,
  calendar: WorkingCalendar,
): RescheduleChange {
  const first = onWorkingDay(calendar, start, 1);
  return {
    taskId: task.id,
    title: task.title,
    version: task.version,
    how: "form",
    input: datesFor(start, duration),
    newStart: first,
    newFinish: calendar.dateOf(calendar.dayOf(first) + duration - 1),
  };
}

import {
  Badge,
  Button,
  CloseButton,
  Group,
  NumberInput,
  Paper,
  Stack,
  Text,
  TextInput,
} from "@mantine/core";
import { type Task, taskStatusLabels, type WorkingCalendar } from "@rollout/domain";
import { type FormEvent, type ReactNode, useState } from "react";
import { formatDate } from "../../../ui/format.ts";
import { describeDays } from "../scheduleBadges.tsx";
import type { ScheduledTask } from "./ganttModel.ts";
import { formChange, type RescheduleChange, scheduledDuration } from "./reschedule.ts";

/**
 * The selected task under the chart: its scheduled dates and float and, for editors, a small
 * form to reschedule it by keyboard (start and duration → preview → save).
 */
export function TaskPanel({
  task,
  sched,
  calendar,
  editable,
  preview,
  onPropose,
  onClose,
}: {
  task: Task;
  sched: ScheduledTask | null;
  calendar: WorkingCalendar;
  editable: boolean;
  /** The preview of a change proposed here, with its Save and Cancel. */
  preview: ReactNode;
  onPropose: (change: RescheduleChange) => void;
  onClose: () => void;
}) {
  const duration = sched ? scheduledDuration(sched, calendar) : (task.duration ?? 1);
  const [start, setStart] = useState(sched?.earlyStart ?? task.startDate ?? "");
  const [days, setDays] = useState<number | string>(duration);
  const [error, setError] = useState<string | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    const n = typeof days === "number" ? days : Number.parseInt(days, 10);
    if (!start) return setError("Enter a start date");
    if (!Number.isInteger(n) || n < 1) return setError("Duration is at least 1 working day");
    setError(null);
    onPropose(formChange(task, start, n, calendar));
  }

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label={`Task: ${task.title}`}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Stack gap={2}>
            <Group gap="xs">
              <Text fw={650}>{task.title}</Text>
              <Badge variant="light" color="gray" size="sm">
                {taskStatusLabels[task.status]}
              </Badge>
              {sched?.critical ? (
                <Badge variant="filled" color="red" size="sm">
                  Critical
                </Badge>
              ) : null}
            </Group>
            {sched ? (
              <Text size="sm" c="dimmed">
                Scheduled {formatDate(sched.earlyStart)} → {formatDate(sched.earlyFinish)} (
                {duration} working {duration === 1 ? "day" : "days"})
                {sched.critical
                  ? "; on the critical path: moving it moves the finish"
                  : `; can slip ${describeDays(sched.totalFloat).replace("+", "")} without moving the finish`}
              </Text>
            ) : (
              <Text size="sm" c="dimmed">
                Not scheduled.
              </Text>
            )}
          </Stack>
          <CloseButton aria-label="Close the task" onClick={onClose} />
        </Group>
        {editable && sched ? (
          <form onSubmit={submit} noValidate aria-label="Reschedule this task">
            <Group align="flex-end" gap="sm" wrap="wrap">
              <TextInput
                type="date"
                label="Start"
                value={start}
                onChange={(e) => setStart(e.currentTarget.value)}
                w={170}
              />
              <NumberInput
                label="Working days"
                min={1}
                max={5000}
                allowDecimal={false}
                value={days}
                onChange={setDays}
                w={200}
              />
              <Button type="submit" variant="light">
                Preview changes
              </Button>
            </Group>
            {error ? (
              <Text size="sm" c="red" mt={4} role="alert">
                {error}
              </Text>
            ) : null}
          </form>
        ) : null}
        {preview}
      </Stack>
    </Paper>
  );
}

import { Alert, Button, Group, List, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import {
  type Party,
  partyLabels,
  type RaciValue,
  type TaskChanges,
  taskCategoryLabels,
  taskStatusLabels,
} from "@rollout/domain";
import { IconRefreshAlert } from "@tabler/icons-react";
import { useState } from "react";
import { formatDate } from "../../ui/format.ts";
import type { TaskConflict } from "./PlanGrid.tsx";
import { usePlanStore, useTaskWriter } from "./planMutations.ts";
import { raciText } from "./raci.tsx";

const labels: Record<string, string> = {
  title: "Title",
  description: "Description",
  category: "Category",
  status: "Status",
  startDate: "Start",
  dueDate: "Due",
  duration: "Duration",
  percentComplete: "Done",
  estimateHours: "Estimate",
  actualHours: "Actual hours",
  assigneeId: "Assignee",
  internalOnly: "Internal only",
};

/** "Due → 3 Mar 2026": the typed change, so the person sees exactly what was not saved. */
export function describeChanges(changes: TaskChanges): string {
  const parts: string[] = [];
  for (const [field, value] of Object.entries(changes)) {
    if (field === "responsibilities" && value && typeof value === "object") {
      for (const [p, v] of Object.entries(value as Record<Party, RaciValue | null>)) {
        parts.push(`${partyLabels[p as Party]} → ${v ? raciText(v) : "none"}`);
      }
      continue;
    }
    let shown = value === null || value === "" ? "empty" : String(value);
    if (field === "status") shown = taskStatusLabels[value as keyof typeof taskStatusLabels];
    if (field === "category") shown = taskCategoryLabels[value as keyof typeof taskCategoryLabels];
    if ((field === "startDate" || field === "dueDate") && typeof value === "string") {
      shown = formatDate(value);
    }
    if (field === "assigneeId") shown = value ? "someone else" : "unassigned";
    parts.push(`${labels[field] ?? field} → ${shown}`);
  }
  return parts.join(", ");
}

/**
 * Cell edits the server refused because someone saved the task first. Nothing typed is lost:
 * reload and apply the change again on top of theirs, or drop it.
 */
export function ConflictBanner({
  projectId,
  conflicts,
  onDone,
}: {
  projectId: string;
  conflicts: TaskConflict[];
  onDone: (taskIds: string[]) => void;
}) {
  const store = usePlanStore(projectId);
  const write = useTaskWriter(projectId);
  const [busy, setBusy] = useState(false);
  if (conflicts.length === 0) return null;

  async function applyMine() {
    setBusy(true);
    const plan = await store.reload();
    const done: string[] = [];
    for (const c of conflicts) {
      const task = plan?.tasks.find((t) => t.id === c.taskId);
      if (!task) {
        done.push(c.taskId);
        continue;
      }
      const r = await write(task, c.changes);
      if (r.ok) done.push(c.taskId);
      else if (!r.conflict) {
        done.push(c.taskId);
        notifications.show({
          color: "red",
          title: `“${c.title}” was not saved`,
          message: r.message,
        });
      }
    }
    setBusy(false);
    onDone(done);
  }

  async function discard() {
    setBusy(true);
    await store.reload();
    setBusy(false);
    onDone(conflicts.map((c) => c.taskId));
  }

  return (
    <Alert
      color="orange"
      variant="light"
      icon={<IconRefreshAlert size={18} aria-hidden />}
      title={
        conflicts.length === 1
          ? "A change was not saved"
          : `${conflicts.length} changes were not saved`
      }
      role="alert"
      className="no-print"
    >
      <Text size="sm">Someone else changed these tasks after you loaded the plan:</Text>
      <List size="sm" mt={4} spacing={2}>
        {conflicts.map((c) => (
          <List.Item key={c.taskId}>
            <b>{c.title}</b>: {describeChanges(c.changes)}
          </List.Item>
        ))}
      </List>
      <Group mt="sm" gap="sm">
        <Button size="xs" color="orange" loading={busy} onClick={() => void applyMine()}>
          Reload and apply my changes
        </Button>
        <Button size="xs" variant="default" disabled={busy} onClick={() => void discard()}>
          Reload and drop them
        </Button>
      </Group>
    </Alert>
  );
}

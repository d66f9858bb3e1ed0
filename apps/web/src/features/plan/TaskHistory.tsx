import { Stack, Text, Timeline } from "@mantine/core";
import { type Plan, type RaciValue, taskCategoryLabels, taskStatusLabels } from "@rollout/domain";
import { IconHistory } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "../../lib/trpc.ts";
import { ErrorAlert } from "../../ui/ErrorAlert.tsx";
import { formatDate, formatTimestamp } from "../../ui/format.ts";
import { LoadingRows } from "../../ui/Loading.tsx";
import { raciText } from "./raci.tsx";

const fieldLabels: Record<string, string> = {
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
  phaseId: "Phase",
  raciIpm: "IPM",
  raciPm: "PM",
  raciCustomer: "Customer",
  raciVendor: "Vendor",
  milestoneId: "Milestone",
};

const ignored = new Set(["version", "updatedAt", "sortOrder", "parentId", "createdAt"]);

const verbs: Record<string, string> = {
  create: "created the task",
  update: "changed the task",
  move: "moved the task",
  bulk_update: "changed the task (bulk edit)",
  delete: "deleted the task",
  restore: "restored the task",
  suggest_responsibilities: "filled responsibilities from the playbook",
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

interface Names {
  people: Map<string, string>;
  phases: Map<string, string>;
}

function show(field: string, value: unknown, names: Names): string {
  if (value === null || value === undefined || value === "") return "empty";
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "number") {
    if (field === "percentComplete") return `${value}%`;
    if (field === "duration") return `${value} working ${value === 1 ? "day" : "days"}`;
    if (field.endsWith("Hours")) return `${value} h`;
    return String(value);
  }
  if (typeof value !== "string") return JSON.stringify(value);
  if (field === "status") return taskStatusLabels[value as keyof typeof taskStatusLabels] ?? value;
  if (field === "category") {
    return taskCategoryLabels[value as keyof typeof taskCategoryLabels] ?? value;
  }
  if (field.startsWith("raci")) return raciText(value as RaciValue);
  if (field === "assigneeId") return names.people.get(value) ?? "someone no longer on the project";
  if (field === "phaseId") return names.phases.get(value) ?? "a deleted phase";
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value);
  return value.length > 60 ? `${value.slice(0, 57)}…` : value;
}

function changes(entry: { before?: unknown; after?: unknown }, names: Names): string[] {
  if (!isRecord(entry.after)) return [];
  const before = isRecord(entry.before) ? entry.before : {};
  const after = entry.after;
  return Object.keys(after)
    .filter((f) => !ignored.has(f) && f in fieldLabels)
    .filter((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f]))
    .map((f) =>
      f === "description"
        ? "Description changed"
        : `${fieldLabels[f]}: ${show(f, before[f], names)} → ${show(f, after[f], names)}`,
    );
}

/** Who changed the task, what and when (newest first). */
export function TaskHistory({
  projectId,
  taskId,
  plan,
}: {
  projectId: string;
  taskId: string;
  plan: Plan;
}) {
  const trpc = useTRPC();
  const history = useQuery(trpc.plan.task.history.queryOptions({ projectId, taskId, limit: 40 }));
  const names: Names = {
    people: new Map(plan.people.map((p) => [p.userId, p.name])),
    phases: new Map(plan.phases.map((p) => [p.id, p.name])),
  };
  if (history.isPending) return <LoadingRows rows={3} label="Loading history" />;
  if (history.isError) {
    return (
      <ErrorAlert
        error={history.error}
        title="History could not be loaded"
        onRetry={() => void history.refetch()}
      />
    );
  }
  if (history.data.length === 0) {
    return (
      <Text c="dimmed" size="sm">
        No changes yet.
      </Text>
    );
  }
  return (
    <Timeline bulletSize={22} lineWidth={2} active={-1}>
      {history.data.map((entry) => {
        const lines = entry.action === "create" ? [] : changes(entry, names);
        return (
          <Timeline.Item
            key={entry.id}
            bullet={<IconHistory size={12} aria-hidden />}
            title={
              <Text size="sm" fw={500}>
                {entry.actorName ?? "Someone"}{" "}
                {verbs[entry.action] ?? entry.action.replace(/_/g, " ")}
              </Text>
            }
          >
            <Stack gap={2}>
              {lines.map((line) => (
                <Text key={line} size="xs" c="dimmed">
                  {line}
                </Text>
              ))}
              <Text size="xs" c="dimmed" component="time" dateTime={entry.createdAt}>
                {formatTimestamp(entry.createdAt)}
              </Text>
            </Stack>
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}

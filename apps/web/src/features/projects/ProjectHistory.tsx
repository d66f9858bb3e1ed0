import { Paper, Stack, Text, Timeline, Title } from "@mantine/core";
import {
  type AuditEntry,
  formatMoney,
  type Project,
  projectKindLabels,
  projectRoleLabels,
  projectStageLabels,
  projectStatusLabels,
} from "@rollout/domain";
import { IconHistory } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "../../lib/trpc.ts";
import { ErrorAlert } from "../../ui/ErrorAlert.tsx";
import { formatDate, formatTimestamp } from "../../ui/format.ts";
import { LoadingRows } from "../../ui/Loading.tsx";

/** An audit row as the API sends it (before/after may be absent). */
type HistoryEntry = Pick<AuditEntry, "entityType" | "action"> & {
  before?: unknown;
  after?: unknown;
};

const fieldLabels: Record<string, string> = {
  key: "Key",
  name: "Name",
  customer: "Customer",
  kind: "Kind",
  stage: "Stage",
  status: "Status",
  startDate: "Start date",
  targetGoLive: "Target go-live",
  actualGoLive: "Actual go-live",
  plannedBudget: "Planned budget",
  actualCost: "Actual cost",
  currency: "Currency",
  objectives: "Objectives",
  role: "Role",
  healthOverrideRag: "Health",
  healthOverrideReason: "Reason",
  healthOverrideExpiresOn: "Override until",
};

const valueLabels: Record<string, Record<string, string>> = {
  stage: projectStageLabels,
  status: projectStatusLabels,
  kind: projectKindLabels,
  role: projectRoleLabels,
  healthOverrideRag: { green: "Green", amber: "Amber", red: "Red" },
};

// Bookkeeping, or already said by the summary ("archived the project").
const ignored = new Set([
  "id",
  "version",
  "createdAt",
  "updatedAt",
  "organizationId",
  "projectId",
  "archivedAt",
  "healthOverrideBy",
  "healthOverrideAt",
]);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function show(field: string, value: unknown, currency: string): string {
  if (value === null || value === undefined || value === "") return "empty";
  if (typeof value === "number" && (field === "plannedBudget" || field === "actualCost")) {
    try {
      return formatMoney(value, currency);
    } catch {
      return String(value);
    }
  }
  if (typeof value === "string") {
    const label = valueLabels[field]?.[value];
    if (label) return label;
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value);
    if (/^\d{4}-\d{2}-\d{2}T/.test(value)) return formatTimestamp(value);
    return value.length > 60 ? `${value.slice(0, 57)}…` : value;
  }
  return JSON.stringify(value);
}

/** "Name: Old → New" for each field an update changed. */
function changes(entry: HistoryEntry, currency: string): string[] {
  if (!isRecord(entry.before) || !isRecord(entry.after)) return [];
  const before = entry.before;
  const after = entry.after;
  return Object.keys(after)
    .filter((field) => !ignored.has(field))
    .filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]))
    .map(
      (field) =>
        `${fieldLabels[field] ?? field}: ${show(field, before[field], currency)} → ${show(field, after[field], currency)}`,
    );
}

const entityLabels: Record<string, string> = {
  project: "the project",
  project_member: "a member",
  invitation: "an invitation",
};

function summary(entry: HistoryEntry): string {
  const what = entityLabels[entry.entityType] ?? entry.entityType.replace(/_/g, " ");
  const verbs: Record<string, string> = {
    create: entry.entityType === "project_member" ? "added" : "created",
    update: "changed",
    delete: entry.entityType === "project_member" ? "removed" : "deleted",
    archive: "archived",
    unarchive: "unarchived",
    revoke: "revoked",
    override_health: "set the health of",
    clear_health_override: "cleared the health override of",
  };
  return `${verbs[entry.action] ?? entry.action} ${what}`;
}

/** The latest changes to the project (who, what, when). Not shown to stakeholders. */
export function ProjectHistory({ project }: { project: Project }) {
  const trpc = useTRPC();
  const history = useQuery(trpc.project.history.queryOptions({ projectId: project.id, limit: 15 }));
  return (
    <Paper withBorder radius="md" p="lg">
      <Title order={2} fz="h4" mb="md">
        Recent changes
      </Title>
      {history.isPending ? (
        <LoadingRows rows={3} label="Loading history" />
      ) : history.isError ? (
        <ErrorAlert
          error={history.error}
          title="History could not be loaded"
          onRetry={() => void history.refetch()}
        />
      ) : history.data.length === 0 ? (
        <Text c="dimmed" size="sm">
          No changes yet.
        </Text>
      ) : (
        <Timeline bulletSize={22} lineWidth={2} active={-1}>
          {history.data.map((entry) => {
            const lines = changes(entry, project.currency);
            return (
              <Timeline.Item
                key={entry.id}
                bullet={<IconHistory size={12} aria-hidden />}
                title={
                  <Text size="sm" fw={500}>
                    {entry.actorName ?? "Someone"} {summary(entry)}
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
      )}
    </Paper>
  );
}

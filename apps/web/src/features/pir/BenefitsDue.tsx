import { Badge, Button, Group, Paper, Table, Text, Title } from "@mantine/core";
import type { MyBenefit } from "@rollout/domain";
import { IconAlertTriangle, IconChartLine, IconClock } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "../../lib/trpc.ts";
import { ErrorAlert } from "../../ui/ErrorAlert.tsx";
import { formatDate, relativeDays, todayLocal } from "../../ui/format.ts";
import { AnchorLink } from "../../ui/links.tsx";
import { RecordModal } from "./KpiSection.tsx";
import { usePirWrites } from "./pirData.ts";
import { figure } from "./pirModel.ts";

/**
 * Benefits I own whose re-measurement (3 or 6 months after go-live) is due within a week or
 * overdue, with "Record" for each. Nothing shows when none is due.
 */
export function BenefitsDue() {
  const trpc = useTRPC();
  const due = useQuery(trpc.myWork.benefits.queryOptions());
  const [recording, setRecording] = useState<MyBenefit | null>(null);
  if (due.isPending) return null;
  if (due.isError) {
    return (
      <ErrorAlert
        error={due.error}
        title="Benefits to measure could not be loaded"
        onRetry={() => void due.refetch()}
      />
    );
  }
  if (due.data.length === 0) return null;
  const today = todayLocal();
  const id = "my-work-benefits";
  return (
    // Not a landmark region: the task groups below are the page's regions, this sits above them.
    <Paper withBorder radius="md" p="md">
      <Group gap={8} mb="sm">
        <IconChartLine size={18} aria-hidden />
        <Title order={2} fz="h4" id={id}>
          Benefits to measure
        </Title>
        <Badge variant="light" color={due.data.some((b) => b.overdue) ? "red" : "orange"}>
          {due.data.length}
        </Badge>
      </Group>
      <Table.ScrollContainer minWidth={720} type="native">
        <Table verticalSpacing="xs" aria-labelledby={id}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={110}>Project</Table.Th>
              <Table.Th>KPI</Table.Th>
              <Table.Th w={170}>Baseline → target</Table.Th>
              <Table.Th w={190}>Due</Table.Th>
              <Table.Th w={100}>
                <span className="visually-hidden">Actions</span>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {due.data.map((b) => (
              <Table.Tr key={b.measurementId}>
                <Table.Td>
                  <AnchorLink
                    to="/projects/$projectId/review"
                    params={{ projectId: b.projectId }}
                    fw={600}
                    size="sm"
                    title={`${b.projectName}: review`}
                  >
                    {b.projectKey}
                  </AnchorLink>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {b.kpiName}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {b.monthsAfterGoLive} months after go-live
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">
                    {figure(b.baseline, b.unit)} → {figure(b.target, b.unit)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    {b.overdue ? (
                      <IconAlertTriangle
                        size={14}
                        color="var(--mantine-color-red-filled)"
                        aria-hidden
                      />
                    ) : (
                      <IconClock size={14} color="var(--mantine-color-orange-filled)" aria-hidden />
                    )}
                    <Text
                      size="sm"
                      component="time"
                      dateTime={b.dueOn}
                      c={b.overdue ? "red" : undefined}
                      fw={b.overdue ? 600 : undefined}
                    >
                      {formatDate(b.dueOn)}
                    </Text>
                  </Group>
                  <Text size="xs" c={b.overdue ? "red" : "dimmed"}>
                    {b.overdue ? "Overdue · " : "Due "}
                    {relativeDays(b.dueOn, today)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Button
                    size="compact-sm"
                    variant="light"
                    aria-label={`Record ${b.kpiName} for ${b.projectKey}`}
                    onClick={() => setRecording(b)}
                  >
                    Record
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {recording ? <RecordFor benefit={recording} onClose={() => setRecording(null)} /> : null}
    </Paper>
  );
}

function RecordFor({ benefit, onClose }: { benefit: MyBenefit; onClose: () => void }) {
  const writes = usePirWrites(benefit.projectId);
  return (
    <RecordModal
      projectId={benefit.projectId}
      kpi={{ name: benefit.kpiName, unit: benefit.unit }}
      measurement={{
        id: benefit.measurementId,
        version: benefit.version,
        monthsAfterGoLive: benefit.monthsAfterGoLive,
        dueOn: benefit.dueOn,
      }}
      writes={writes}
      onClose={onClose}
    />
  );
}

import { Alert, Badge, Group, Paper, Table, Text, Title } from "@mantine/core";
import { IconFlag, IconRocket } from "@tabler/icons-react";
import { useMemo } from "react";
import { ErrorAlert } from "../../ui/ErrorAlert.tsx";
import { formatDate, formatNumber } from "../../ui/format.ts";
import { LoadingRows } from "../../ui/Loading.tsx";
import { useHolidays, useTemplate } from "./templateData.ts";
import { previewTemplate } from "./templatePreview.ts";

/** The plan a template gives from `startDate`: phases with their dates, milestones, go-live. */
export function TemplatePreviewPanel({
  templateId,
  startDate,
}: {
  templateId: string;
  startDate: string;
}) {
  const template = useTemplate(templateId);
  const holidays = useHolidays();
  const dates = useMemo(() => holidays.data?.map((h) => h.date) ?? [], [holidays.data]);
  const preview = useMemo(
    () => (template.data ? previewTemplate(template.data.body, startDate, dates) : null),
    [template.data, startDate, dates],
  );

  if (template.isPending) return <LoadingRows rows={4} label="Loading the template's plan" />;
  if (template.isError) {
    return (
      <ErrorAlert
        error={template.error}
        title="The template could not be loaded"
        onRetry={() => void template.refetch()}
      />
    );
  }
  const t = template.data;
  return (
    <Paper withBorder radius="md" p="md" mt="md" aria-labelledby="template-preview-title">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <div>
          <Title order={3} fz="h5" id="template-preview-title">
            {t.name}: the plan from {preview ? formatDate(startDate) : "your start date"}
          </Title>
          <Text size="xs" c="dimmed">
            {formatNumber(t.taskCount)} tasks, {formatNumber(t.dependencyCount)} dependencies,{" "}
            {formatNumber(t.milestoneCount)} milestones. Weekends and the organisation's holidays
            are skipped.
          </Text>
        </div>
        {preview?.goLive ? (
          <Badge
            size="lg"
            variant="light"
            color="green"
            leftSection={<IconRocket size={14} aria-hidden />}
            aria-label={`Go-live on ${formatDate(preview.goLive)}`}
          >
            Go-live {formatDate(preview.goLive)}
          </Badge>
        ) : null}
      </Group>
      {!preview ? (
        <Alert color="gray" mt="sm">
          Enter a start date to see the dates.
        </Alert>
      ) : (
        <Table.ScrollContainer minWidth={520} type="native" mt="sm">
          <Table verticalSpacing={4} fz="sm" aria-label={`Phases of ${t.name}`}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Phase</Table.Th>
                <Table.Th scope="col" ta="right">
                  Tasks
                </Table.Th>
                <Table.Th scope="col">From</Table.Th>
                <Table.Th scope="col">To</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {preview.phases.map((p) => (
                <Table.Tr key={p.key}>
                  <Table.Th scope="row" fw={500}>
                    {p.name}
                  </Table.Th>
                  <Table.Td ta="right">{formatNumber(p.tasks)}</Table.Td>
                  <Table.Td>{formatDate(p.start)}</Table.Td>
                  <Table.Td>{formatDate(p.end)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {preview.milestones.length > 0 ? (
            <Group gap="xs" mt="sm" wrap="wrap" aria-label="Milestones">
              {preview.milestones.map((m) => (
                <Badge
                  key={m.key}
                  variant={m.isGoLive ? "filled" : "light"}
                  color={m.isGoLive ? "green" : m.isGate ? "indigo" : "gray"}
                  leftSection={m.isGate ? <IconFlag size={12} aria-hidden /> : undefined}
                  tt="none"
                >
                  {m.name}: {formatDate(m.date)}
                </Badge>
              ))}
            </Group>
          ) : null}
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}

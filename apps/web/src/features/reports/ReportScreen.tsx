import { Badge, Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import type { Project } from "@rollout/domain";
import { IconArrowLeft, IconFileOff, IconLock, IconPrinter } from "@tabler/icons-react";
import { errorInfo } from "../../lib/trpc.ts";
import { EmptyState } from "../../ui/EmptyState.tsx";
import { ErrorAlert } from "../../ui/ErrorAlert.tsx";
import { formatTimestamp } from "../../ui/format.ts";
import { LoadingRows } from "../../ui/Loading.tsx";
import { ReportDocument } from "./ReportDocument.tsx";
import { ReportDownloads } from "./ReportDownloads.tsx";
import { ReportEditor } from "./ReportEditor.tsx";
import { reportRights, useReport } from "./reportData.ts";
import { formatPeriod } from "./reportPeriod.ts";
import type { OnReportsSearch, ReportsSearch } from "./reportsSearch.ts";

/** One report: the editor for a draft (to its editors), otherwise the one-page report. */
export function ReportScreen({
  project,
  reportId,
  search,
  onSearch,
}: {
  project: Project;
  reportId: string;
  search: ReportsSearch;
  onSearch: OnReportsSearch;
}) {
  const query = useReport(project.id, reportId);
  const rights = reportRights(project);
  const close = () => onSearch({ report: undefined, view: "edit" }, false);

  const back = (
    <Button
      variant="subtle"
      size="compact-sm"
      leftSection={<IconArrowLeft size={14} aria-hidden />}
      onClick={close}
      className="no-print"
      style={{ alignSelf: "flex-start" }}
    >
      All reports
    </Button>
  );

  if (query.isPending) {
    return (
      <Stack gap="md">
        {back}
        <LoadingRows rows={8} label="Loading the report" />
      </Stack>
    );
  }
  if (query.isError) {
    const missing = errorInfo(query.error).code === "NOT_FOUND";
    return (
      <Stack gap="md">
        {back}
        {missing ? (
          <EmptyState
            icon={<IconFileOff size={28} aria-hidden />}
            title="This report is not here"
            description="It was a draft that has been deleted, or it is not published yet."
            action={<Button onClick={close}>See all reports</Button>}
          />
        ) : (
          <ErrorAlert
            error={query.error}
            title="The report could not be loaded"
            onRetry={() => void query.refetch()}
          />
        )}
      </Stack>
    );
  }

  const report = query.data;
  const published = report.status === "published";
  const editable = !published && rights.edit;

  return (
    <Stack gap="md" className="report-screen">
      {back}
      <Group justify="space-between" align="flex-start" gap="sm" wrap="wrap">
        <Stack gap={2} style={{ flex: "1 1 22rem", minWidth: 0 }}>
          <Group gap="xs" align="center">
            <Title order={2} fz="h3">
              Status report {report.number}
            </Title>
            {published ? (
              <Badge color="green" variant="light" leftSection={<IconLock size={12} aria-hidden />}>
                Published
              </Badge>
            ) : (
              <Badge color="gray" variant="outline">
                Draft
              </Badge>
            )}
          </Group>
          <Text size="sm">
            {formatPeriod(report.periodStart, report.periodEnd)}
            <Text span size="sm" c="dimmed">
              {published
                ? ` · published ${report.publishedByName ? `by ${report.publishedByName} ` : ""}on ${formatTimestamp(report.publishedAt)}`
                : ` · drafted ${report.createdByName ? `by ${report.createdByName}` : ""}, last saved ${formatTimestamp(report.updatedAt)}`}
            </Text>
          </Text>
        </Stack>
        <Group gap="xs" className="no-print">
          <ReportDownloads projectId={project.id} reportId={report.id} />
          <Button
            variant="default"
            leftSection={<IconPrinter size={16} aria-hidden />}
            onClick={() => window.print()}
          >
            Print
          </Button>
        </Group>
      </Group>

      {editable ? (
        <ReportEditor
          key={report.id}
          projectId={project.id}
          report={report}
          rights={rights}
          view={search.view}
          onView={(view) => onSearch({ view })}
          onDeleted={close}
        />
      ) : (
        <>
          {published ? (
            <Text size="xs" c="dimmed" className="no-print">
              Published reports never change: the figures are as they stood when it was published.
              {rights.edit ? " Start a new report for the next period." : ""}
            </Text>
          ) : (
            <Text size="xs" c="dimmed" className="no-print">
              A draft: the project's managers are still writing it.
            </Text>
          )}
          <Paper withBorder radius="md" p="lg" className="report-paper">
            <ReportDocument report={report} />
          </Paper>
        </>
      )}
    </Stack>
  );
}

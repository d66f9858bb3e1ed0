import { Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import type { Project } from "@rollout/domain";
import { IconFileDescription, IconFileSpreadsheet, IconPlus } from "@tabler/icons-react";
import { type ReactNode, useId, useState } from "react";
import { downloadCsv } from "../../lib/download.ts";
import { EmptyState } from "../../ui/EmptyState.tsx";
import { ErrorAlert } from "../../ui/ErrorAlert.tsx";
import { LoadingRows } from "../../ui/Loading.tsx";
import { ShareLinks } from "../share/ShareLinks.tsx";
import { MilestoneTrend } from "./MilestoneTrend.tsx";
import { NewReportModal } from "./NewReportModal.tsx";
import { ReportHistory } from "./ReportHistory.tsx";
import { ReportScreen } from "./ReportScreen.tsx";
import { reportRights, useReportList } from "./reportData.ts";
import { reportHistoryCsv } from "./reportHistoryCsv.ts";
import type { OnReportsSearch, ReportsSearch } from "./reportsSearch.ts";
import "./reports.css";

function Panel({
  title,
  description,
  children,
}: {
  title: string;
  description?: ReactNode;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={id}>
      <Title order={3} fz="h4" id={id}>
        {title}
      </Title>
      {description ? (
        <Text size="sm" c="dimmed" mb="sm">
          {description}
        </Text>
      ) : null}
      {children}
    </Paper>
  );
}

/**
 * The Reports tab: the history of weekly status reports, how milestone forecasts moved across
 * them, and (for the PM) links that share the stakeholder view. An open report replaces the
 * list; it is in the URL, so Back returns here.
 */
export function ReportsPage({
  project,
  search,
  onSearch,
}: {
  project: Project;
  search: ReportsSearch;
  onSearch: OnReportsSearch;
}) {
  const rights = reportRights(project);
  const list = useReportList(project.id);
  const [creating, setCreating] = useState(false);
  const open = (reportId: string) => onSearch({ report: reportId, view: "edit" }, false);

  if (search.report) {
    return (
      <ReportScreen
        key={search.report}
        project={project}
        reportId={search.report}
        search={search}
        onSearch={onSearch}
      />
    );
  }

  // Exactly the rows the history lists; nothing is fetched for the export.
  const reports = list.data ?? [];
  let history: ReactNode;
  if (list.isPending) {
    history = <LoadingRows rows={4} label="Loading the status reports" />;
  } else if (list.isError) {
    history = (
      <ErrorAlert
        error={list.error}
        title="The status reports could not be loaded"
        onRetry={() => void list.refetch()}
      />
    );
  } else if (list.data.length === 0) {
    history = (
      <EmptyState
        icon={<IconFileDescription size={28} aria-hidden />}
        title={rights.edit ? "No status reports yet" : "No report has been published yet"}
        description={
          rights.edit
            ? "Start the first: it comes pre-filled from the project (colours by the health rules, milestones, top risks, work done and due next), so you only write what the numbers cannot say."
            : "The project manager publishes a status report each week; it appears here."
        }
        action={
          rights.edit ? (
            <Button
              leftSection={<IconPlus size={16} aria-hidden />}
              onClick={() => setCreating(true)}
            >
              Start the first report
            </Button>
          ) : undefined
        }
      />
    );
  } else {
    history = <ReportHistory reports={list.data} onOpen={open} />;
  }

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <Stack gap={2} style={{ flex: "1 1 24rem" }}>
          <Title order={2} fz="h3">
            Status reports
          </Title>
          <Text size="sm" c="dimmed">
            The weekly status, pre-filled from the project's live data. A published report never
            changes and keeps the figures it was published with.
            {rights.edit ? "" : " The project's managers write them."}
          </Text>
        </Stack>
        {rights.edit || reports.length > 0 ? (
          <Group gap="xs" className="no-print">
            {reports.length > 0 ? (
              <Button
                variant="default"
                leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
                aria-label="Export CSV of the status reports"
                onClick={() =>
                  downloadCsv(`${project.key}-status-reports.csv`, reportHistoryCsv(reports))
                }
              >
                Export CSV
              </Button>
            ) : null}
            {rights.edit ? (
              <Button
                leftSection={<IconPlus size={16} aria-hidden />}
                onClick={() => setCreating(true)}
              >
                New report
              </Button>
            ) : null}
          </Group>
        ) : null}
      </Group>

      <Panel title="History">{history}</Panel>

      <Panel
        title="Milestone trend"
        description="Each milestone's forecast as it stood in each published report."
      >
        <MilestoneTrend projectId={project.id} />
      </Panel>

      {rights.share ? (
        <Paper withBorder radius="md" p="md" className="no-print">
          <ShareLinks projectId={project.id} />
        </Paper>
      ) : null}

      {rights.edit ? (
        <NewReportModal
          projectId={project.id}
          opened={creating}
          reports={list.data ?? []}
          onClose={() => setCreating(false)}
          onCreated={(reportId) => {
            setCreating(false);
            open(reportId);
          }}
        />
      ) : null}
    </Stack>
  );
}

import { Accordion, Group, Text, type TitleOrder } from "@mantine/core";
import type { StatusReport } from "@rollout/domain";
import { RagBadge } from "../../ui/badges.tsx";
import { formatDate } from "../../ui/format.ts";
import { ReportDocument } from "../reports/ReportDocument.tsx";
import { PdfButton } from "../reports/ReportDownloads.tsx";
import { formatPeriod } from "../reports/reportPeriod.ts";

/**
 * The published status reports, newest first; the latest open. Each opens into its one-page
 * layout; a signed-in reader can also save it as a PDF (the public page cannot make one).
 */
export function PublishedReports({
  reports,
  projectId,
  signedIn,
  headingLevel,
}: {
  reports: StatusReport[];
  projectId: string;
  signedIn: boolean;
  headingLevel: TitleOrder;
}) {
  const docLevel = Math.min(6, headingLevel + 1) as TitleOrder;
  return (
    <Accordion
      multiple
      variant="separated"
      defaultValue={reports[0] ? [reports[0].id] : []}
      chevronPosition="left"
      className="sv-reports"
    >
      {reports.map((r) => (
        <Accordion.Item key={r.id} value={r.id} data-testid="sv-report">
          <Accordion.Control>
            <Group gap="sm" wrap="wrap" justify="space-between">
              <Group gap="sm" wrap="nowrap">
                <Text fw={600} size="sm">
                  Report {r.number}
                </Text>
                <Text size="sm">{formatPeriod(r.periodStart, r.periodEnd)}</Text>
              </Group>
              <Group gap="sm" wrap="nowrap">
                <RagBadge rag={r.overall} size="sm" />
                <Text size="xs" c="dimmed">
                  Published {formatDate(r.publishedAt)}
                </Text>
              </Group>
            </Group>
          </Accordion.Control>
          <Accordion.Panel>
            {signedIn ? (
              <Group justify="flex-end" mb="sm" className="no-print">
                <PdfButton projectId={projectId} reportId={r.id} size="xs" />
              </Group>
            ) : null}
            <ReportDocument report={r} headingLevel={docLevel} />
          </Accordion.Panel>
        </Accordion.Item>
      ))}
    </Accordion>
  );
}

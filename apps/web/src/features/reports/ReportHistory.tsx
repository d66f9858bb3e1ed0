import { Badge, Table, Text, UnstyledButton } from "@mantine/core";
import type { reportSummaryOutput } from "@rollout/domain";
import { IconLock } from "@tabler/icons-react";
import type * as z from "zod";
import { RagBadge } from "../../ui/badges.tsx";
import { formatDate, formatTimestamp } from "../../ui/format.ts";
import { ragStrip } from "./ReportDocument.tsx";
import { formatPeriod } from "./reportPeriod.ts";

/** Badges never truncate (see ui/badges.tsx). */
const whole = { minWidth: "max-content" } as const;

export type ReportSummary = z.infer<typeof reportSummaryOutput>;

/**
 * Every report, newest first: its colours, whether it is a draft, who published it. The number
 * opens it (a button, so Enter and Space work); the whole row is a pointer target too.
 */
export function ReportHistory({
  reports,
  onOpen,
}: {
  reports: readonly ReportSummary[];
  onOpen: (reportId: string) => void;
}) {
  return (
    <Table.ScrollContainer minWidth={660} type="native">
      <Table
        highlightOnHover
        verticalSpacing={6}
        horizontalSpacing="xs"
        fz="sm"
        aria-label="Status reports"
        className="reports-table"
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Report</Table.Th>
            <Table.Th>Period</Table.Th>
            {ragStrip.map((r) => (
              <Table.Th key={r.key}>{r.label}</Table.Th>
            ))}
            <Table.Th>Status</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {reports.map((r) => (
            <Table.Tr key={r.id} style={{ cursor: "pointer" }} onClick={() => onOpen(r.id)}>
              <Table.Td>
                <UnstyledButton
                  className="report-open"
                  onClick={(e) => {
                    e.stopPropagation();
                    onOpen(r.id);
                  }}
                  aria-label={`Open report ${r.number}, ${formatPeriod(r.periodStart, r.periodEnd)}`}
                >
                  <Text span size="sm" fw={600} c="var(--mantine-color-anchor)">
                    No. {r.number}
                  </Text>
                </UnstyledButton>
              </Table.Td>
              <Table.Td className="nowrap">{formatPeriod(r.periodStart, r.periodEnd)}</Table.Td>
              {ragStrip.map(({ key }) => (
                <Table.Td key={key}>
                  <RagBadge rag={r[key]} size="sm" />
                </Table.Td>
              ))}
              <Table.Td>
                {r.status === "published" ? (
                  <>
                    <Badge
                      color="green"
                      variant="light"
                      size="sm"
                      leftSection={<IconLock size={10} aria-hidden />}
                      style={whole}
                    >
                      Published
                    </Badge>
                    <Text size="xs" c="dimmed" title={formatTimestamp(r.publishedAt)}>
                      {[r.publishedByName, formatDate(r.publishedAt)].filter(Boolean).join(" · ")}
                    </Text>
                  </>
                ) : (
                  <Badge color="gray" variant="outline" size="sm" style={whole}>
                    Draft
                  </Badge>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

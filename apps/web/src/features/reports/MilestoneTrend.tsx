import { Skeleton, Stack, Table, Text } from "@mantine/core";
import { IconChartLine } from "@tabler/icons-react";
import { lazy, Suspense, useMemo } from "react";
import { DateText } from "../../ui/DateText.tsx";
import { EmptyState } from "../../ui/EmptyState.tsx";
import { ErrorAlert } from "../../ui/ErrorAlert.tsx";
import { LoadingRows } from "../../ui/Loading.tsx";
import { SlipBadge, slipColor } from "../schedule/scheduleBadges.tsx";
import { useReportTrend } from "./reportData.ts";
import {
  movedShort,
  movedText,
  periodLabel,
  type MilestoneTrend as Trend,
  trendChartData,
  trendTableRows,
} from "./trendModel.ts";

const TrendChart = lazy(() => import("./TrendChart.tsx"));

/** Periods shown as columns in the table; older ones are in the chart. */
const TABLE_PERIODS = 6;

/**
 * How each milestone's forecast moved from one published report to the next: a line chart for
 * the eye, and the same figures as a table for screen readers, print and exact dates.
 */
export function MilestoneTrend({ projectId }: { projectId: string }) {
  const trend = useReportTrend(projectId);
  if (trend.isPending) return <LoadingRows rows={4} label="Loading the milestone trend" />;
  if (trend.isError) {
    return (
      <ErrorAlert
        error={trend.error}
        title="The milestone trend could not be loaded"
        onRetry={() => void trend.refetch()}
      />
    );
  }
  if (trend.data.periods.length === 0 || trend.data.milestones.length === 0) {
    return (
      <EmptyState
        icon={<IconChartLine size={28} aria-hidden />}
        title="No trend yet"
        description={
          trend.data.periods.length === 0
            ? "Each published report records every milestone's forecast. The trend draws them once the first report is published."
            : "The published reports hold no milestones. Add milestones to the plan; the next report records them."
        }
      />
    );
  }
  return <TrendView trend={trend.data} />;
}

function TrendView({ trend }: { trend: Trend }) {
  const chart = useMemo(() => trendChartData(trend), [trend]);
  const rows = useMemo(() => trendTableRows(trend), [trend]);
  const first = Math.max(0, trend.periods.length - TABLE_PERIODS);
  const periods = trend.periods.slice(first);
  return (
    <Stack gap="sm">
      {trend.periods.length > 1 ? (
        <figure className="trend-figure">
          {/* The table below holds the same figures: the drawing is for the eye only. */}
          <div aria-hidden className="trend-chart">
            <Suspense fallback={<Skeleton h={300} />}>
              <TrendChart data={chart} />
            </Suspense>
          </div>
          <Text component="figcaption" size="xs" c="dimmed">
            Forecast date of each milestone in each published report. Flat is stable, rising is
            slipping; the dashed line of the same colour is its baseline.
          </Text>
        </figure>
      ) : (
        <Text size="sm" c="dimmed">
          One report published so far: the lines are drawn from the second one on.
        </Text>
      )}
      <Table.ScrollContainer minWidth={560} type="native">
        <Table
          fz="sm"
          verticalSpacing={4}
          horizontalSpacing="xs"
          aria-label="Milestone forecasts by report"
          className="reports-table"
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Milestone</Table.Th>
              <Table.Th>Baseline</Table.Th>
              {periods.map((p) => (
                <Table.Th key={p.reportId} className="nowrap">
                  {periodLabel(p.number)}
                </Table.Th>
              ))}
              <Table.Th>Slip now</Table.Th>
              <Table.Th>
                Moved<span className="visually-hidden"> since the first report</span>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.id}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {row.name}
                  </Text>
                </Table.Td>
                <Table.Td className="nowrap">
                  <DateText value={row.baselineDate} size="sm" />
                </Table.Td>
                {row.forecasts.slice(first).map((f, i) => (
                  <Table.Td key={periods[i]?.reportId ?? i} className="nowrap">
                    <DateText value={f} size="sm" />
                  </Table.Td>
                ))}
                <Table.Td>
                  <SlipBadge days={row.slip} size="sm" />
                </Table.Td>
                <Table.Td className="nowrap">
                  <Text
                    size="sm"
                    c={row.moved && row.moved > 0 ? slipColor(row.moved) : undefined}
                    fw={row.moved ? 600 : undefined}
                    title={movedText(row.moved)}
                  >
                    <span aria-hidden>{movedShort(row.moved)}</span>
                    <span className="visually-hidden">{movedText(row.moved)}</span>
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {first > 0 ? (
        <Text size="xs" c="dimmed">
          The table shows the latest {TABLE_PERIODS} reports; the chart shows all{" "}
          {trend.periods.length}.
        </Text>
      ) : null}
    </Stack>
  );
}

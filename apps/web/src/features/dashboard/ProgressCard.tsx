import { Group, Skeleton, Stack, Text } from "@mantine/core";
import type { ProjectDashboard } from "@rollout/domain";
import { lazy, Suspense, useMemo } from "react";
import { formatDate } from "../../ui/format.ts";
import { burnUpRows, burnUpTodayPoint, latestBurnUp } from "./chartData.ts";
import { DashCard, Figure } from "./DashCard.tsx";
import { percentText, progressGap } from "./dashboardFormat.ts";
import { ProgressBar } from "./ProgressBar.tsx";

const BurnUpChart = lazy(() => import("./BurnUpChart.tsx"));

/** Percent complete against plan now, and the burn-up of both since the start. */
export function ProgressCard({ dashboard }: { dashboard: ProjectDashboard }) {
  const { progress, plannedProgress, today } = dashboard;
  const rows = useMemo(() => burnUpRows(dashboard.burnUp), [dashboard.burnUp]);
  const gap = progressGap(progress, plannedProgress);
  const latest = latestBurnUp(rows);
  const summary = latest
    ? `Burn-up: on ${formatDate(latest.date)} ${percentText(latest.Actual ?? 0)} complete against ${percentText(latest.Planned)} planned; the plan reaches ${percentText(rows.at(-1)?.Planned ?? 0)} by ${formatDate(rows.at(-1)?.date)}.`
    : "Burn-up: nothing recorded yet.";

  return (
    <DashCard title="Progress" testId="progress-card">
      <Stack gap="sm">
        <Group gap="xl" align="flex-end" wrap="wrap">
          <Figure label="complete" value={percentText(progress)} />
          <Figure label="planned by today" value={percentText(plannedProgress)} />
          <Text size="sm" fw={600} c={gap.behind ? "orange" : "teal"} pb={2}>
            {gap.text}
          </Text>
        </Group>
        <ProgressBar actual={progress} planned={plannedProgress} height={10} />
        {rows.length >= 2 && rows.some((r) => r.Planned > 0 || (r.Actual ?? 0) > 0) ? (
          <figure style={{ margin: 0 }}>
            <div className="chart-box" role="img" aria-label={summary}>
              <Suspense fallback={<Skeleton height={220} />}>
                <BurnUpChart rows={rows} today={burnUpTodayPoint(rows, today)} />
              </Suspense>
            </div>
            <Text component="figcaption" size="xs" c="dimmed">
              Percent complete by estimate, planned (dashed) and as recorded each week; the red line
              is today.
            </Text>
          </figure>
        ) : (
          <Text size="sm" c="dimmed">
            Progress over time appears once the plan has tasks with dates.
          </Text>
        )}
      </Stack>
    </DashCard>
  );
}

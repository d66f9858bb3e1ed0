import { Group, Stack, Text } from "@mantine/core";
import { riskBandLabels } from "@rollout/domain";
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useTRPC } from "../../lib/trpc.ts";
import { ErrorAlert } from "../../ui/ErrorAlert.tsx";
import { AnchorLink } from "../../ui/links.tsx";
import { heatRows, heatTotal } from "./chartData.ts";
import { DashCard } from "./DashCard.tsx";

/**
 * Open risks on the 5×5 probability × impact grid, counts per cell in their band's colour.
 * A cell holding risks links to the RAID log filtered to it.
 */
export function RiskHeatCard({
  projectId,
  openHighRisks,
}: {
  projectId: string;
  openHighRisks: number;
}) {
  const trpc = useTRPC();
  const heat = useQuery(trpc.raid.heatMap.queryOptions({ projectId }));
  const link = (
    <AnchorLink to="/projects/$projectId/raid" params={{ projectId }} size="sm">
      RAID log
    </AnchorLink>
  );
  if (heat.isError) {
    return (
      <DashCard title="Risks" action={link}>
        <ErrorAlert
          error={heat.error}
          title="The heat map could not be loaded"
          onRetry={() => void heat.refetch()}
        />
      </DashCard>
    );
  }
  const total = heat.data ? heatTotal(heat.data.current) : null;
  const rows = heat.data ? heatRows(heat.data.current, heat.data.thresholds) : null;
  return (
    <DashCard title="Risks" action={link} testId="risk-card">
      <Stack gap="xs">
        <Text size="sm">
          {total === null ? "Loading…" : `${total} open ${total === 1 ? "risk" : "risks"}`}
          {openHighRisks > 0 ? (
            <Text span size="sm" c="orange" fw={600}>
              {" "}
              · {openHighRisks} high or critical
            </Text>
          ) : null}
        </Text>
        {rows ? (
          <Group gap={6} align="stretch" wrap="nowrap">
            <div className="mini-axis" style={{ writingMode: "vertical-rl", rotate: "180deg" }}>
              Probability
            </div>
            <div>
              <div className="mini-grid">
                {rows.map((row) => [
                  <span key={`p${row[0]?.probability}`} className="mini-axis" aria-hidden>
                    {row[0]?.probability}
                  </span>,
                  ...row.map((cell) => {
                    const label = `Probability ${cell.probability}, impact ${cell.impact}: ${cell.count} ${cell.count === 1 ? "risk" : "risks"}, ${riskBandLabels[cell.band].toLowerCase()} band`;
                    return cell.count > 0 ? (
                      <Link
                        key={`${cell.probability}-${cell.impact}`}
                        to="/projects/$projectId/raid"
                        params={{ projectId }}
                        search={{ kind: "risk", cell: `${cell.probability}-${cell.impact}` }}
                        className="mini-heat-cell"
                        data-band={cell.band}
                        data-filled
                        aria-label={label}
                      >
                        {cell.count}
                      </Link>
                    ) : (
                      <span
                        key={`${cell.probability}-${cell.impact}`}
                        className="mini-heat-cell"
                        data-band={cell.band}
                        aria-hidden
                      />
                    );
                  }),
                ])}
                <span aria-hidden />
                {[1, 2, 3, 4, 5].map((i) => (
                  <span key={i} className="mini-axis" aria-hidden>
                    {i}
                  </span>
                ))}
              </div>
              <Text size="xs" c="dimmed" ta="center" pl={16} aria-hidden>
                Impact
              </Text>
            </div>
          </Group>
        ) : (
          <div style={{ height: 180 }} aria-busy="true" />
        )}
        {total === 0 ? (
          <Text size="sm" c="dimmed">
            No open risks. Raise them in the RAID log as they appear.
          </Text>
        ) : null}
      </Stack>
    </DashCard>
  );
}

import { Skeleton, Stack, Table, Text } from "@mantine/core";
import type { RaidItemDetail } from "@rollout/domain";
import { lazy, Suspense, useMemo } from "react";
import { formatDate, formatTimestamp } from "../../ui/format.ts";

const ScoreChart = lazy(() => import("./ScoreChart.tsx"));

type Point = RaidItemDetail["scoreHistory"][number];

const rated = (p: number | null, i: number | null) =>
  p === null || i === null ? "—" : `${p} × ${i}`;

/**
 * How a risk's score moved: current and residual over time as a chart, and the same points as a
 * table (what a screen reader and the printed page get). The first point is the score it was
 * raised with.
 */
export function ScoreHistory({ history }: { history: Point[] }) {
  const data = useMemo(
    () =>
      history.map((p) => ({
        at: formatDate(p.at),
        Score: p.score,
        Residual: p.residualScore,
      })),
    [history],
  );
  if (history.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No ratings recorded yet.
      </Text>
    );
  }
  return (
    <Stack gap="sm">
      {history.length > 1 ? (
        <div aria-hidden className="no-print">
          <Suspense fallback={<Skeleton h={180} />}>
            <ScoreChart data={data} />
          </Suspense>
        </div>
      ) : null}
      <Table.ScrollContainer minWidth={420} type="native">
        <Table fz="sm" verticalSpacing={4} aria-label="Score history" withRowBorders>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>When</Table.Th>
              <Table.Th>By</Table.Th>
              <Table.Th>P × I</Table.Th>
              <Table.Th>Score</Table.Th>
              <Table.Th>Residual</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {history
              .map((p, n) => ({ ...p, n }))
              .reverse()
              .map((p) => (
                <Table.Tr key={p.n}>
                  <Table.Td style={{ whiteSpace: "nowrap" }}>{formatTimestamp(p.at)}</Table.Td>
                  <Table.Td>{p.byName ?? "—"}</Table.Td>
                  <Table.Td>{rated(p.probability, p.impact)}</Table.Td>
                  <Table.Td fw={600}>{p.score ?? "—"}</Table.Td>
                  <Table.Td>
                    {p.residualScore === null
                      ? "—"
                      : `${p.residualScore} (${rated(p.residualProbability, p.residualImpact)})`}
                  </Table.Td>
                </Table.Tr>
              ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

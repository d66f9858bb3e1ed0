import { Badge, Table, Text } from "@mantine/core";
import { useElementSize } from "@mantine/hooks";
import type { ProjectDashboard } from "@rollout/domain";
import { IconRocket } from "@tabler/icons-react";
import { formatDate } from "../../ui/format.ts";
import { AnchorLink } from "../../ui/links.tsx";
import { dayNumber, formatDay, isoOfDay, monthStarts } from "../schedule/calendarDays.ts";
import { timelineSpan } from "./chartData.ts";
import { DashCard } from "./DashCard.tsx";
import { slipView } from "./dashboardFormat.ts";

type Milestone = ProjectDashboard["milestones"][number];

const LANE = 26;
const AXIS = 22;
const LABEL = 140;

function fillOf(m: Milestone): string {
  if (m.actualDate) return "var(--mantine-color-green-7)";
  const slip = m.slip ?? 0;
  if (slip > 5) return "var(--mantine-color-red-7)";
  if (slip > 0) return "var(--mantine-color-orange-6)";
  return "var(--mantine-color-blue-6)";
}

function describe(m: Milestone): string {
  const when = m.actualDate
    ? `achieved ${formatDate(m.actualDate)}`
    : `forecast ${formatDate(m.forecastDate)}`;
  const slip = slipView(m.slip);
  return `${m.name}: baseline ${formatDate(m.baselineDate)}, ${when}, ${slip ? slip.long : "no baseline"}`;
}

/** Each milestone on one axis: a grey tick at its baseline, a diamond at its forecast or actual. */
function Timeline({ milestones, today }: { milestones: Milestone[]; today: string }) {
  const { ref, width } = useElementSize();
  const { from, to } = timelineSpan(milestones, today);
  const plot = Math.max(160, width - LABEL - 12);
  const x = (iso: string) => LABEL + ((dayNumber(iso) - from) / (to - from)) * plot;
  const height = AXIS + milestones.length * LANE + 6;
  const months = monthStarts(from, to).filter((m) => m >= from);
  const step = Math.max(1, Math.ceil((months.length * 44) / plot));
  return (
    <div ref={ref} style={{ width: "100%" }}>
      {width > 0 ? (
        <svg
          width={width}
          height={height}
          role="img"
          aria-label={`Milestone timeline. ${milestones.map(describe).join("; ")}`}
          style={{ display: "block" }}
        >
          {months.map((m, i) => {
            const mx = LABEL + ((m - from) / (to - from)) * plot;
            return (
              <g key={m}>
                <line
                  x1={mx}
                  x2={mx}
                  y1={AXIS - 4}
                  y2={height}
                  style={{ stroke: "var(--mantine-color-default-border)" }}
                />
                {i % step === 0 ? (
                  <text
                    x={mx + 3}
                    y={12}
                    style={{ fill: "var(--mantine-color-dimmed)", fontSize: 10 }}
                  >
                    {formatDay(m, "month")}
                    {i === 0 || isoOfDay(m).endsWith("-01-01") ? ` ${formatDay(m, "year")}` : ""}
                  </text>
                ) : null}
              </g>
            );
          })}
          {milestones.map((m, i) => {
            const y = AXIS + i * LANE + LANE / 2;
            const shown = m.actualDate ?? m.forecastDate;
            const bx = m.baselineDate ? x(m.baselineDate) : null;
            const fx = shown ? x(shown) : null;
            const late = (m.slip ?? 0) > 0;
            return (
              <g key={m.id}>
                <text x={4} y={y + 4} style={{ fill: "var(--mantine-color-text)", fontSize: 11 }}>
                  {m.name.length > 21 ? `${m.name.slice(0, 20)}…` : m.name}
                </text>
                {bx !== null && fx !== null && bx !== fx ? (
                  <line
                    x1={bx}
                    x2={fx}
                    y1={y}
                    y2={y}
                    style={{
                      stroke: late ? "var(--mantine-color-red-5)" : "var(--mantine-color-green-5)",
                      strokeWidth: 3,
                    }}
                  />
                ) : null}
                {bx !== null ? (
                  <line
                    x1={bx}
                    x2={bx}
                    y1={y - 8}
                    y2={y + 8}
                    style={{ stroke: "var(--mantine-color-gray-6)", strokeWidth: 3 }}
                  />
                ) : null}
                {fx !== null ? (
                  <path
                    d={`M${fx} ${y - 7} L${fx + 7} ${y} L${fx} ${y + 7} L${fx - 7} ${y} Z`}
                    style={{
                      fill: fillOf(m),
                      stroke: "var(--mantine-color-body)",
                      strokeWidth: 1.5,
                    }}
                  />
                ) : null}
              </g>
            );
          })}
          <line
            x1={x(today)}
            x2={x(today)}
            y1={AXIS - 6}
            y2={height}
            style={{
              stroke: "var(--mantine-color-red-6)",
              strokeWidth: 1.5,
              strokeDasharray: "4 3",
            }}
          />
          <text
            x={x(today) + 3}
            y={AXIS - 1}
            style={{ fill: "var(--mantine-color-red-6)", fontSize: 10, fontWeight: 600 }}
          >
            Today
          </text>
        </svg>
      ) : null}
    </div>
  );
}

/** Milestones against their baseline: the picture, then the dates and slip in a table. */
export function MilestonesCard({
  projectId,
  dashboard,
}: {
  projectId: string;
  dashboard: ProjectDashboard;
}) {
  const { milestones, today } = dashboard;
  return (
    <DashCard
      title="Milestones"
      testId="milestones-card"
      action={
        <AnchorLink to="/projects/$projectId/milestones" params={{ projectId }} size="sm">
          Milestones & gates
        </AnchorLink>
      }
    >
      {milestones.length === 0 ? (
        <Text size="sm" c="dimmed">
          No milestones yet. Add the first on the Milestones page, with its baseline date, to track
          slip here.
        </Text>
      ) : (
        <>
          <Timeline milestones={milestones} today={today} />
          <Table.ScrollContainer minWidth={420} type="native" mt="xs">
            <Table verticalSpacing={4} fz="sm" className="dense-table" aria-label="Milestone dates">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Milestone</Table.Th>
                  <Table.Th scope="col">Baseline</Table.Th>
                  <Table.Th scope="col">Forecast / actual</Table.Th>
                  <Table.Th scope="col" className="num">
                    Slip
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {milestones.map((m) => {
                  const slip = slipView(m.slip);
                  return (
                    <Table.Tr key={m.id}>
                      <Table.Td style={{ whiteSpace: "normal" }}>
                        {m.name}
                        {m.isGoLive ? (
                          <Badge
                            ml={6}
                            size="xs"
                            color="grape"
                            variant="light"
                            leftSection={<IconRocket size={10} aria-hidden />}
                          >
                            Go-live
                          </Badge>
                        ) : null}
                      </Table.Td>
                      <Table.Td>{formatDate(m.baselineDate)}</Table.Td>
                      <Table.Td>
                        {m.actualDate ? (
                          <Text span size="sm" c="teal">
                            {formatDate(m.actualDate)} (achieved)
                          </Text>
                        ) : (
                          formatDate(m.forecastDate)
                        )}
                      </Table.Td>
                      <Table.Td className="num">
                        {slip ? (
                          <Text
                            span
                            size="sm"
                            fw={slip.late ? 700 : 400}
                            c={slip.late ? slip.color : undefined}
                          >
                            <span aria-hidden>{slip.short}</span>
                            <span className="visually-hidden">{slip.long}</span>
                          </Text>
                        ) : (
                          "—"
                        )}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
    </DashCard>
  );
}

import { Group, Text } from "@mantine/core";
import { useElementSize } from "@mantine/hooks";
import type { Milestone, MilestoneStatus } from "@rollout/domain";
import { formatDate } from "../../../ui/format.ts";
import { dayNumber, formatDay, isoOfDay, monthStarts } from "../calendarDays.ts";
import { describeSlip } from "../scheduleBadges.tsx";

const LANE = 30;
const AXIS = 26;
const LABEL = 170;

const statusFill: Record<MilestoneStatus, string> = {
  planned: "var(--mantine-color-blue-6)",
  at_risk: "var(--mantine-color-orange-6)",
  achieved: "var(--mantine-color-green-6)",
  missed: "var(--mantine-color-red-6)",
};

function Diamond({ x, y, size, fill }: { x: number; y: number; size: number; fill: string }) {
  return (
    <path
      d={`M${x} ${y - size} L${x + size} ${y} L${x} ${y + size} L${x - size} ${y} Z`}
      style={{ fill, stroke: "var(--mantine-color-body)", strokeWidth: 1.5 }}
    />
  );
}

/**
 * Each milestone on one time axis: a grey tick at its baseline, a diamond at its forecast (or
 * actual) date and, between them, the slip. The table beside it says the same in words, so the
 * drawing is one image with a summary for screen readers.
 */
export function MilestoneTimeline({
  milestones,
  today,
}: {
  milestones: Milestone[];
  today: string;
}) {
  const { ref, width } = useElementSize();
  const dates = milestones.flatMap((m) =>
    [m.baselineDate, m.forecastDate, m.actualDate].filter((d): d is string => d !== null),
  );
  const days = [...dates.map(dayNumber), dayNumber(today)];
  const from = Math.min(...days) - 10;
  const to = Math.max(...days) + 10;
  const plot = Math.max(200, width - LABEL - 16);
  const x = (day: number) => LABEL + ((day - from) / (to - from)) * plot;
  const height = AXIS + milestones.length * LANE + 8;
  const months = monthStarts(from, to).filter((m) => m >= from);
  const summary = milestones
    .map((m) => {
      const when = m.actualDate
        ? `achieved ${formatDate(m.actualDate)}`
        : `forecast ${formatDate(m.forecastDate)}`;
      return `${m.name}: baseline ${formatDate(m.baselineDate)}, ${when}, ${describeSlip(m.slip)}`;
    })
    .join("; ");

  return (
    <div ref={ref} className="milestone-timeline">
      {width > 0 ? (
        <svg
          width={width}
          height={height}
          role="img"
          aria-label={`Milestone timeline. ${summary}`}
          style={{ display: "block" }}
        >
          {months.map((m, i) => (
            <g key={m}>
              <line
                x1={x(m)}
                x2={x(m)}
                y1={AXIS - 6}
                y2={height}
                style={{ stroke: "var(--mantine-color-default-border)" }}
              />
              {/* Skip labels that would collide at this width. */}
              {x(months[i + 1] ?? to) - x(m) > 34 || i === months.length - 1 ? (
                <text
                  x={x(m) + 4}
                  y={14}
                  style={{ fill: "var(--mantine-color-dimmed)", fontSize: 11 }}
                >
                  {i === 0 || isoOfDay(m).endsWith("-01-01")
                    ? `${formatDay(m, "month")} ${formatDay(m, "year")}`
                    : formatDay(m, "month")}
                </text>
              ) : null}
            </g>
          ))}
          {milestones.map((m, i) => {
            const y = AXIS + i * LANE + LANE / 2;
            const shown = m.actualDate ?? m.forecastDate;
            const bx = m.baselineDate ? x(dayNumber(m.baselineDate)) : null;
            const fx = shown ? x(dayNumber(shown)) : null;
            const late = (m.slip ?? 0) > 0;
            return (
              <g key={m.id}>
                <text
                  x={8}
                  y={y + 4}
                  style={{ fill: "var(--mantine-color-text)", fontSize: 12, fontWeight: 500 }}
                >
                  {m.name.length > 24 ? `${m.name.slice(0, 23)}…` : m.name}
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
                      strokeLinecap: "round",
                    }}
                  />
                ) : null}
                {bx !== null ? (
                  <line
                    x1={bx}
                    x2={bx}
                    y1={y - 9}
                    y2={y + 9}
                    style={{ stroke: "var(--mantine-color-gray-6)", strokeWidth: 3 }}
                  >
                    <title>Baseline {formatDate(m.baselineDate)}</title>
                  </line>
                ) : null}
                {fx !== null ? (
                  <g>
                    <title>
                      {m.actualDate ? "Achieved" : "Forecast"} {formatDate(shown)}
                    </title>
                    <Diamond x={fx} y={y} size={8} fill={statusFill[m.status]} />
                  </g>
                ) : null}
              </g>
            );
          })}
          <line
            x1={x(dayNumber(today))}
            x2={x(dayNumber(today))}
            y1={AXIS - 8}
            y2={height}
            style={{
              stroke: "var(--mantine-color-red-6)",
              strokeWidth: 1.5,
              strokeDasharray: "4 3",
            }}
          />
          <text
            x={x(dayNumber(today)) + 4}
            y={AXIS - 2}
            style={{ fill: "var(--mantine-color-red-6)", fontSize: 10, fontWeight: 600 }}
          >
            Today
          </text>
        </svg>
      ) : null}
      <Group gap="lg" mt={4} className="timeline-legend" aria-hidden>
        <Group gap={6}>
          <span className="legend-tick" />
          <Text size="xs" c="dimmed">
            Baseline
          </Text>
        </Group>
        <Group gap={6}>
          <span className="legend-diamond" />
          <Text size="xs" c="dimmed">
            Forecast or actual
          </Text>
        </Group>
        <Group gap={6}>
          <span className="legend-slip" />
          <Text size="xs" c="dimmed">
            Slip
          </Text>
        </Group>
      </Group>
    </div>
  );
}

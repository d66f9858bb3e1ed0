import { List, Paper, Skeleton, Stack, Text, Title, type TitleOrder } from "@mantine/core";
import { healthDimensionLabels, healthDimensions, type StakeholderView } from "@rollout/domain";
import { IconHandStop } from "@tabler/icons-react";
import { lazy, type ReactNode, Suspense, useId, useMemo } from "react";
import { RagBadge } from "../../ui/badges.tsx";
import { DateText } from "../../ui/DateText.tsx";
import { formatDate, formatNumber } from "../../ui/format.ts";
import { SlipBadge } from "../schedule/scheduleBadges.tsx";
import { burnUpPoints, latestActual, planGap } from "./stakeholderModel.ts";

const BurnUpMini = lazy(() => import("./BurnUpMini.tsx"));

const ragWords = { green: "Green", amber: "Amber", red: "Red" } as const;
const percent = (value: number) =>
  formatNumber(value / 100, { style: "percent", maximumFractionDigits: 0 });

export function Panel({
  title,
  order,
  children,
  testId,
}: {
  title: string;
  order: TitleOrder;
  children: ReactNode;
  testId?: string;
}) {
  const id = useId();
  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      component="section"
      aria-labelledby={id}
      h="100%"
      data-testid={testId}
      className="sv-panel"
    >
      <Title order={order} fz="h4" id={id} mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/** Overall health and each dimension with the reasons the rules give; a PM's call beside them. */
export function HealthPanel({ view, order }: { view: StakeholderView; order: TitleOrder }) {
  const { health } = view;
  const override = health.override?.active ? health.override : null;
  return (
    <Panel title="Health" order={order} testId="sv-health">
      <Stack gap="sm">
        <div className="sv-overall">
          <RagBadge rag={health.overall} size="xl" />
          {override ? (
            <Text size="xs" c="dimmed">
              By the written rules: {ragWords[health.computed]}
            </Text>
          ) : null}
        </div>
        {override ? (
          <Text size="sm" className="sv-override">
            <IconHandStop size={14} aria-hidden /> Set to {ragWords[override.rag]} by the project
            manager: {override.reason}
            {override.expiresOn ? ` (until ${formatDate(override.expiresOn)})` : ""}
          </Text>
        ) : null}
        <ul className="sv-dimensions" aria-label="Health by dimension">
          {healthDimensions.map((d) => {
            const { rag, reasons } = health.dimensions[d];
            return (
              <li key={d}>
                <div className="sv-dimension-head">
                  <Text size="sm" fw={600}>
                    {healthDimensionLabels[d]}
                  </Text>
                  <RagBadge rag={rag} size="sm" />
                </div>
                {reasons.length > 0 ? (
                  <List size="xs" spacing={0} c="dimmed">
                    {reasons.map((reason) => (
                      <List.Item key={reason}>{reason}</List.Item>
                    ))}
                  </List>
                ) : (
                  <Text size="xs" c="dimmed">
                    No rule triggered.
                  </Text>
                )}
              </li>
            );
          })}
        </ul>
      </Stack>
    </Panel>
  );
}

/** Percent complete against the plan for today, with the burn-up since the start. */
export function ProgressPanel({ view, order }: { view: StakeholderView; order: TitleOrder }) {
  const points = useMemo(() => burnUpPoints(view.burnUp), [view.burnUp]);
  const gap = planGap(view.progress, view.plannedProgress);
  const latest = latestActual(points);
  const summary = latest
    ? `Burn-up: on ${formatDate(latest.date)} ${percent(latest.Actual ?? 0)} complete against ${percent(latest.Planned)} planned.`
    : "Burn-up: nothing recorded yet.";
  return (
    <Panel title="Progress" order={order} testId="sv-progress">
      <Stack gap="sm">
        <div className="sv-figures">
          <div>
            <div className="sv-figure">{percent(view.progress)}</div>
            <Text size="xs" c="dimmed">
              complete
            </Text>
          </div>
          <div>
            <div className="sv-figure sv-figure-muted">{percent(view.plannedProgress)}</div>
            <Text size="xs" c="dimmed">
              planned by today
            </Text>
          </div>
          <Text size="sm" fw={600} c={gap.behind ? "orange.8" : "teal.8"}>
            {gap.text}
          </Text>
        </div>
        <div
          className="sv-bar"
          role="img"
          aria-label={`${percent(view.progress)} complete; ${percent(view.plannedProgress)} planned by today`}
        >
          <div className="sv-bar-fill" style={{ width: `${Math.min(100, view.progress)}%` }} />
          <div
            className="sv-bar-plan"
            style={{ left: `${Math.min(100, view.plannedProgress)}%` }}
          />
        </div>
        {points.length >= 2 ? (
          <figure className="sv-burnup">
            <div role="img" aria-label={summary}>
              <Suspense fallback={<Skeleton h={150} />}>
                <BurnUpMini points={points} />
              </Suspense>
            </div>
            <Text component="figcaption" size="xs" c="dimmed">
              Planned (dashed) and recorded percent complete since the start.
            </Text>
          </figure>
        ) : null}
      </Stack>
    </Panel>
  );
}

/** The go-live date as the schedule forecasts it, against its baseline. */
export function GoLivePanel({ view, order }: { view: StakeholderView; order: TitleOrder }) {
  const { project, goLive, daysToGoLive } = view;
  return (
    <Panel title="Go-live" order={order} testId="sv-golive">
      <Stack gap="xs">
        {project.actualGoLive ? (
          <>
            <DateText value={project.actualGoLive} fz="xl" fw={700} />
            <Text size="sm" c="teal.8" fw={600}>
              Live
            </Text>
          </>
        ) : (
          <>
            <DateText value={goLive?.date ?? project.targetGoLive} fz="xl" fw={700} />
            <Text size="sm" c="dimmed">
              {goLive ? "Forecast by the schedule" : "Target date"}
              {daysToGoLive !== null
                ? ` · ${new Intl.RelativeTimeFormat(undefined, { numeric: "auto" }).format(daysToGoLive, "day")}`
                : ""}
            </Text>
          </>
        )}
        <dl className="sv-facts">
          <div>
            <dt>Target</dt>
            <dd>
              <DateText value={project.targetGoLive} size="sm" />
            </dd>
          </div>
          <div>
            <dt>Baseline</dt>
            <dd>
              <DateText value={goLive?.baselineDate ?? null} size="sm" />
            </dd>
          </div>
          <div>
            <dt>Slip</dt>
            <dd>
              <SlipBadge days={goLive?.slip ?? null} label="Go-live slip" />
            </dd>
          </div>
        </dl>
      </Stack>
    </Panel>
  );
}

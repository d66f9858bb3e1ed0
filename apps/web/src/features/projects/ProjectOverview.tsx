import { Grid, Group, Paper, Progress, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { formatMoney, type Project, projectAllows, projectKindLabels } from "@rollout/domain";
import type { ReactNode } from "react";
import { RagBadge } from "../../ui/badges.tsx";
import { DateText } from "../../ui/DateText.tsx";
import { daysFromToday, formatNumber, formatTimestamp, relativeDays } from "../../ui/format.ts";
import { ProjectHistory } from "./ProjectHistory.tsx";

function Card({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder radius="md" p="lg">
      <Title order={2} fz="h4" mb="md">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600} style={{ letterSpacing: "0.04em" }}>
        {label}
      </Text>
      <div>{children}</div>
    </div>
  );
}

function money(minor: number, currency: string): string {
  try {
    return formatMoney(minor, currency);
  } catch {
    return `${formatNumber(minor / 100)} ${currency}`;
  }
}

function Budget({ project }: { project: Project }) {
  const { plannedBudget: planned, actualCost: actual, currency } = project;
  const share = planned > 0 ? actual / planned : null;
  const over = actual - planned;
  const color = share === null ? "gray" : share > 1.1 ? "red" : share > 1 ? "orange" : "blue";
  return (
    <Card title="Budget">
      <Stack gap="md">
        <SimpleGrid cols={2}>
          <Fact label="Planned">
            <Text fw={600}>{money(planned, currency)}</Text>
          </Fact>
          <Fact label="Spent so far">
            <Text fw={600}>{money(actual, currency)}</Text>
          </Fact>
        </SimpleGrid>
        {share !== null ? (
          <Stack gap={4}>
            <Progress
              value={Math.min(share, 1) * 100}
              color={color}
              size="lg"
              radius="xl"
              aria-label={`Spent ${formatNumber(share, { style: "percent" })} of the planned budget`}
            />
            <Text size="sm" c={over > 0 ? "red" : "dimmed"}>
              {over > 0
                ? `${money(over, currency)} over plan (${formatNumber(share, { style: "percent" })} spent)`
                : `${formatNumber(share, { style: "percent" })} spent, ${money(-over, currency)} left`}
            </Text>
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            No budget planned.
          </Text>
        )}
      </Stack>
    </Card>
  );
}

function Dates({ project }: { project: Project }) {
  const days = daysFromToday(project.targetGoLive);
  const open = project.status === "active" || project.status === "on_hold";
  return (
    <Card title="Dates">
      <Stack gap="sm">
        <Fact label="Start">
          <DateText value={project.startDate} fw={500} />
        </Fact>
        <Fact label="Target go-live">
          <Group gap={8}>
            <DateText value={project.targetGoLive} fw={500} />
            {!project.actualGoLive && open ? (
              <Text size="sm" c={days !== null && days < 0 ? "red" : "dimmed"}>
                {relativeDays(project.targetGoLive)}
              </Text>
            ) : null}
          </Group>
        </Fact>
        <Fact label="Actual go-live">
          {project.actualGoLive ? (
            <DateText value={project.actualGoLive} fw={500} />
          ) : (
            <Text c="dimmed" size="sm">
              Not live yet
            </Text>
          )}
        </Fact>
      </Stack>
    </Card>
  );
}

function Health({ project }: { project: Project }) {
  const override = project.healthOverride;
  return (
    <Card title="Health">
      {override ? (
        <Stack gap={6}>
          <Group gap="xs">
            <RagBadge rag={override.rag} size="lg" />
            <Text size="sm" c="dimmed">
              set by hand
            </Text>
          </Group>
          <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
            {override.reason}
          </Text>
          <Text size="xs" c="dimmed">
            {override.byName}, {formatTimestamp(override.at)}
          </Text>
        </Stack>
      ) : (
        <Text size="sm" c="dimmed">
          No health set by hand. Health computed from the plan, budget and risks arrives with those
          areas.
        </Text>
      )}
    </Card>
  );
}

/** The project at a glance, read-only for everyone. */
export function ProjectOverview({ project }: { project: Project }) {
  const seesHistory = projectAllows("project.audit.read", project.myRole);
  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 7, lg: 8 }}>
        <Stack gap="lg">
          <Card title="Objectives">
            {project.objectives.trim() ? (
              <Text size="sm" style={{ whiteSpace: "pre-wrap", lineHeight: 1.65 }}>
                {project.objectives}
              </Text>
            ) : (
              <Text size="sm" c="dimmed">
                No objectives written yet.
                {project.canEdit
                  ? " Add them in Settings so everyone knows what success means."
                  : ""}
              </Text>
            )}
          </Card>
          {seesHistory ? <ProjectHistory project={project} /> : null}
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 5, lg: 4 }}>
        <Stack gap="lg">
          <Dates project={project} />
          <Budget project={project} />
          <Health project={project} />
          <Card title="Details">
            <SimpleGrid cols={2}>
              <Fact label="Customer">
                <Text size="sm">{project.customer || "—"}</Text>
              </Fact>
              <Fact label="Kind">
                <Text size="sm">{projectKindLabels[project.kind]}</Text>
              </Fact>
              <Fact label="Created">
                <DateText value={project.createdAt} size="sm" />
              </Fact>
              <Fact label="Last changed">
                <DateText value={project.updatedAt} size="sm" />
              </Fact>
            </SimpleGrid>
          </Card>
        </Stack>
      </Grid.Col>
    </Grid>
  );
}

import { Grid, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import {
  type Project,
  type ProjectDashboard,
  projectAllows,
  projectKindLabels,
} from "@rollout/domain";
import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useTRPC } from "../../lib/trpc.ts";
import { DateText } from "../../ui/DateText.tsx";
import { ErrorAlert } from "../../ui/ErrorAlert.tsx";
import { daysFromToday, relativeDays } from "../../ui/format.ts";
import { LoadingRows } from "../../ui/Loading.tsx";
import { BudgetCard } from "../dashboard/BudgetCard.tsx";
import { slipView } from "../dashboard/dashboardFormat.ts";
import { HealthCard } from "../dashboard/HealthCard.tsx";
import { MilestonesCard } from "../dashboard/MilestonesCard.tsx";
import { ProgressCard } from "../dashboard/ProgressCard.tsx";
import { RiskHeatCard } from "../dashboard/RiskHeatCard.tsx";
import { StakeholderThumb } from "../dashboard/StakeholderThumb.tsx";
import { TasksByRoleCard } from "../dashboard/TasksByRoleCard.tsx";
import { ProjectHistory } from "./ProjectHistory.tsx";
import "../dashboard/dashboard.css";

function Card({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder radius="md" p="md" h="100%">
      <Title order={2} fz="h4" mb="sm">
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

/** The project's dates and identity, with the go-live forecast the schedule gives. */
function Facts({
  project,
  dashboard,
}: {
  project: Project;
  dashboard: ProjectDashboard | undefined;
}) {
  const open = project.status === "active" || project.status === "on_hold";
  const days = daysFromToday(project.targetGoLive);
  const goLive = dashboard?.goLive;
  const slip = slipView(goLive?.slip ?? null);
  // The go-live milestone can be achieved before anyone records the project's actual go-live.
  const reached = dashboard?.milestones.find((m) => m.isGoLive)?.actualDate ?? null;
  return (
    <Card title="Facts">
      <SimpleGrid cols={2} spacing="sm" verticalSpacing="sm">
        <Fact label="Customer">
          <Text size="sm">{project.customer || "—"}</Text>
        </Fact>
        <Fact label="Kind">
          <Text size="sm">{projectKindLabels[project.kind]}</Text>
        </Fact>
        <Fact label="Start">
          <DateText value={project.startDate} size="sm" />
        </Fact>
        <Fact label="Target go-live">
          <DateText value={project.targetGoLive} size="sm" />
          {!project.actualGoLive && open ? (
            <Text size="xs" c={days !== null && days < 0 ? "red" : "dimmed"}>
              {relativeDays(project.targetGoLive)}
            </Text>
          ) : null}
        </Fact>
        <Fact label={project.actualGoLive || reached ? "Actual go-live" : "Go-live forecast"}>
          {project.actualGoLive || reached ? (
            <DateText value={project.actualGoLive ?? reached} size="sm" />
          ) : goLive ? (
            <>
              <DateText value={goLive.date} size="sm" />
              {slip?.late ? (
                <Text size="xs" c={slip.color} fw={600}>
                  {slip.long} against baseline
                </Text>
              ) : null}
            </>
          ) : (
            <Text size="sm" c="dimmed">
              —
            </Text>
          )}
        </Fact>
        <Fact label="Last changed">
          <DateText value={project.updatedAt} size="sm" />
        </Fact>
      </SimpleGrid>
    </Card>
  );
}

function Objectives({ project }: { project: Project }) {
  return (
    <Card title="Objectives">
      {project.objectives.trim() ? (
        <Text size="sm" style={{ whiteSpace: "pre-wrap", lineHeight: 1.65 }}>
          {project.objectives}
        </Text>
      ) : (
        <Text size="sm" c="dimmed">
          No objectives written yet.
          {project.canEdit ? " Add them in Settings so everyone knows what success means." : ""}
        </Text>
      )}
    </Card>
  );
}

/**
 * The project at a glance, for the team and for stakeholders alike: health with its reasons,
 * progress against plan, milestones, risks, budget and earned value, open work by role, and
 * the project's facts. Everything refreshes when anyone changes the project.
 */
export function ProjectOverview({ project }: { project: Project }) {
  const trpc = useTRPC();
  const dashboard = useQuery(trpc.dashboard.project.queryOptions({ projectId: project.id }));
  const seesHistory = projectAllows("project.audit.read", project.myRole);
  const canOverride = projectAllows("project.health.override", project.myRole);
  const data = dashboard.data;

  let figures: ReactNode;
  if (dashboard.isPending) {
    figures = (
      <Grid.Col span={12}>
        <Paper withBorder radius="md" p="md">
          <LoadingRows rows={6} label="Loading the project's figures" />
        </Paper>
      </Grid.Col>
    );
  } else if (dashboard.isError || !data) {
    figures = (
      <Grid.Col span={12}>
        <ErrorAlert
          error={dashboard.error}
          title="The project's figures could not be loaded"
          onRetry={() => void dashboard.refetch()}
        />
      </Grid.Col>
    );
  } else {
    figures = (
      <>
        <Grid.Col span={{ base: 12, lg: 5 }} order={1}>
          <HealthCard health={data.health} project={project} canOverride={canOverride} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 7 }} order={2}>
          <ProgressCard dashboard={data} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 8 }} order={3}>
          <MilestonesCard projectId={project.id} dashboard={data} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6, lg: 4 }} order={4}>
          <RiskHeatCard projectId={project.id} openHighRisks={data.openHighRisks} />
        </Grid.Col>
        {/* Beside the risks when two columns fit, beside the budget when three do. */}
        <Grid.Col span={{ base: 12, lg: 8 }} order={{ base: 6, lg: 5 }}>
          <BudgetCard dashboard={data} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6, lg: 4 }} order={{ base: 5, lg: 6 }}>
          <Stack gap="md" h="100%">
            {data.stakeholders ? (
              <StakeholderThumb projectId={project.id} people={data.stakeholders} />
            ) : null}
            <Facts project={project} dashboard={data} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={12} order={7}>
          <TasksByRoleCard projectId={project.id} dashboard={data} />
        </Grid.Col>
      </>
    );
  }

  return (
    <Grid gap="md" className="dash-grid">
      {figures}
      <Grid.Col span={{ base: 12, lg: seesHistory ? 6 : 12 }} order={8}>
        <Stack gap="md">
          <Objectives project={project} />
          {data ? null : <Facts project={project} dashboard={undefined} />}
        </Stack>
      </Grid.Col>
      {seesHistory ? (
        <Grid.Col span={{ base: 12, lg: 6 }} order={9}>
          <ProjectHistory project={project} />
        </Grid.Col>
      ) : null}
    </Grid>
  );
}

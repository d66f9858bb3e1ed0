import { Badge, Group, Stack, Text, Title } from "@mantine/core";
import { type Project, projectKindLabels } from "@rollout/domain";
import { IconArchive, IconCalendarEvent, IconHandStop } from "@tabler/icons-react";
import { ProjectRoleBadge, StageBadge, StatusBadge } from "../../ui/badges.tsx";
import { formatDate, relativeDays, todayLocal } from "../../ui/format.ts";
import { ragColors, ragLabels } from "../dashboard/dashboardFormat.ts";

/** Key, name, customer and the facts people look for first. */
export function ProjectHeader({ project }: { project: Project }) {
  const live = project.actualGoLive;
  // The PM's call, while in force (the Overview shows it beside the computed colour).
  const override =
    project.healthOverride &&
    (!project.healthOverride.expiresOn || project.healthOverride.expiresOn >= todayLocal())
      ? project.healthOverride
      : null;
  return (
    <Stack gap={6} mb="md">
      <Group gap="xs">
        <Text size="sm" fw={700} c="dimmed" ff="monospace">
          {project.key}
        </Text>
        {project.archivedAt ? (
          <Badge color="gray" variant="light" leftSection={<IconArchive size={12} aria-hidden />}>
            Archived
          </Badge>
        ) : null}
      </Group>
      <Title order={1} fz="h2">
        {project.name}
      </Title>
      <Text c="dimmed" size="sm">
        {[project.customer || null, `${projectKindLabels[project.kind]} rollout`]
          .filter(Boolean)
          .join(" · ")}
      </Text>
      <Group gap="xs" mt={4} wrap="wrap">
        <StageBadge stage={project.stage} size="lg" />
        <StatusBadge status={project.status} size="lg" />
        {override ? (
          <Badge
            variant="filled"
            color={ragColors[override.rag]}
            size="lg"
            tt="none"
            leftSection={<IconHandStop size={14} aria-hidden />}
            title={`Health overridden by ${override.byName}: ${override.reason}`}
          >
            {ragLabels[override.rag]} · override
          </Badge>
        ) : null}
        <Badge
          variant="default"
          size="lg"
          leftSection={<IconCalendarEvent size={14} aria-hidden />}
          tt="none"
        >
          {live
            ? `Live since ${formatDate(live)}`
            : `Go-live ${formatDate(project.targetGoLive)} · ${relativeDays(project.targetGoLive)}`}
        </Badge>
        <ProjectRoleBadge
          role={project.myRole}
          projectRole={project.projectRole}
          size="lg"
          tt="none"
        />
      </Group>
    </Stack>
  );
}

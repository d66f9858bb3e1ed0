import { Badge, Group, Stack, Text, Title } from "@mantine/core";
import { type Project, projectKindLabels } from "@rollout/domain";
import { IconArchive, IconCalendarEvent } from "@tabler/icons-react";
import { ProjectRoleBadge, RagBadge, StageBadge, StatusBadge } from "../../ui/badges.tsx";
import { formatDate, relativeDays } from "../../ui/format.ts";

/** Key, name, customer and the facts people look for first. */
export function ProjectHeader({ project }: { project: Project }) {
  const live = project.actualGoLive;
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
        {project.healthOverride ? <RagBadge rag={project.healthOverride.rag} size="lg" /> : null}
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

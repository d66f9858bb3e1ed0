import { Paper, Stack, Text, Title } from "@mantine/core";
import { type Project, projectAllows } from "@rollout/domain";
import { IconLock } from "@tabler/icons-react";
import { EmptyState } from "../../ui/EmptyState.tsx";
import { ActivityFeed } from "./ActivityFeed.tsx";

/** The project's Activity tab: its whole history in sentences (the team's view only). */
export function ProjectActivity({ project }: { project: Project }) {
  if (!projectAllows("activity.read", project.myRole)) {
    return (
      <EmptyState
        icon={<IconLock size={28} aria-hidden />}
        title="Activity is the project team's view"
        description="The overview shows the project's progress, milestones and gates."
      />
    );
  }
  return (
    <Stack gap="md">
      <Stack gap={2}>
        <Title order={2} fz="h3">
          Activity
        </Title>
        <Text size="sm" c="dimmed">
          Who changed what on {project.key}, and every comment, newest first. Dates are shown in
          your locale.
        </Text>
      </Stack>
      <Paper withBorder radius="md" p="lg">
        <ActivityFeed projectId={project.id} role={project.myRole} withFilter />
      </Paper>
    </Stack>
  );
}

import { Group, Paper, Stack, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import type { Project } from "@rollout/domain";
import { IconArchive, IconArchiveOff } from "@tabler/icons-react";
import { errorInfo } from "../../lib/trpc.ts";
import { ConfirmButton } from "../../ui/ConfirmButton.tsx";
import { useArchiveProject } from "./projectMutations.ts";

/** Archiving hides a finished or abandoned project from the portfolio; nothing is deleted. */
export function ArchiveCard({ project }: { project: Project }) {
  const archive = useArchiveProject();
  const archived = Boolean(project.archivedAt);
  const run = () =>
    archive.mutate(
      { projectId: project.id, version: project.version, archived: !archived },
      {
        onSuccess: () =>
          notifications.show({
            color: "green",
            title: archived ? "Project restored" : "Project archived",
            message: archived
              ? `${project.key} is back in the portfolio.`
              : `${project.key} is hidden from the portfolio unless "Include archived" is on.`,
          }),
        onError: (error) =>
          notifications.show({
            color: "red",
            title: archived ? "Could not restore" : "Could not archive",
            message: errorInfo(error).message,
          }),
      },
    );
  return (
    <Paper withBorder radius="md" p="lg">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="md">
        <Stack gap={4} maw={560}>
          <Title order={2} fz="h4">
            {archived ? "Archived project" : "Archive project"}
          </Title>
          <Text size="sm" c="dimmed">
            {archived
              ? "This project is hidden from the portfolio. Restore it to show it again."
              : "Hide the project from the portfolio once it is over. Everything is kept and it can be restored at any time."}
          </Text>
        </Stack>
        <ConfirmButton
          variant="light"
          color={archived ? "blue" : "red"}
          leftSection={
            archived ? (
              <IconArchiveOff size={16} aria-hidden />
            ) : (
              <IconArchive size={16} aria-hidden />
            )
          }
          loading={archive.isPending}
          title={archived ? `Restore ${project.key}?` : `Archive ${project.key}?`}
          message={
            archived
              ? "The project shows in the portfolio again."
              : "The project leaves the portfolio. Its members can still open it by its link."
          }
          confirmLabel={archived ? "Restore" : "Archive"}
          onConfirm={run}
        >
          {archived ? "Unarchive project" : "Archive project"}
        </ConfirmButton>
      </Group>
    </Paper>
  );
}

import { Badge, Drawer, Group, Stack, Text } from "@mantine/core";
import { taskCategoryLabels } from "@rollout/domain";
import { IconBulb } from "@tabler/icons-react";
import { skipToken, useQuery } from "@tanstack/react-query";
import { errorCode, useTRPC } from "../../lib/trpc.ts";
import { EmptyState } from "../../ui/EmptyState.tsx";
import { ErrorAlert } from "../../ui/ErrorAlert.tsx";
import { LoadingRows } from "../../ui/Loading.tsx";
import { LessonCard } from "./LessonCard.tsx";

/**
 * "Lessons for this phase": lessons whose category is one of the phase's tasks' categories,
 * from the organisation's other projects of the same kind. Opened from a phase's menu.
 */
export function PhaseLessonsDrawer({
  projectId,
  phase,
  onClose,
}: {
  projectId: string;
  phase: { id: string; name: string } | null;
  onClose: () => void;
}) {
  const trpc = useTRPC();
  const lessons = useQuery(
    trpc.lesson.forPhase.queryOptions(
      phase ? { projectId, phaseId: phase.id, limit: 20 } : skipToken,
    ),
  );
  let body: React.ReactNode;
  if (!phase || lessons.isPending) {
    body = <LoadingRows rows={4} label="Loading the lessons for this phase" />;
  } else if (lessons.isError) {
    body =
      errorCode(lessons.error) === "FORBIDDEN" ? (
        <Text size="sm" c="dimmed">
          The lessons library is for project teams.
        </Text>
      ) : (
        <ErrorAlert error={lessons.error} title="The lessons could not be loaded" />
      );
  } else {
    const { categories, items } = lessons.data;
    body = (
      <Stack gap="sm">
        {categories.length > 0 ? (
          <Group gap={4}>
            <Text size="sm" c="dimmed">
              Matching its tasks' categories:
            </Text>
            {categories.map((c) => (
              <Badge key={c} variant="light" color="gray" size="sm" tt="none">
                {taskCategoryLabels[c]}
              </Badge>
            ))}
          </Group>
        ) : null}
        {items.length === 0 ? (
          <EmptyState
            icon={<IconBulb size={28} aria-hidden />}
            title="No lessons for this phase yet"
            description={
              categories.length === 0
                ? "The phase has no tasks yet: lessons are matched on its tasks' categories."
                : "No other project of this kind has recorded a lesson in these categories yet."
            }
          />
        ) : (
          items.map((l) => <LessonCard key={l.id} lesson={l} compact linkTags />)
        )}
      </Stack>
    );
  }
  return (
    <Drawer
      opened={phase !== null}
      onClose={onClose}
      position="right"
      size="md"
      title={
        <Group gap={6}>
          <IconBulb size={18} aria-hidden />
          <Text fw={600}>Lessons for {phase?.name ?? "this phase"}</Text>
        </Group>
      }
    >
      {body}
    </Drawer>
  );
}

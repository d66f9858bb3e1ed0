import { Group, Paper, Stack, Text } from "@mantine/core";
import { type LessonResult, projectKindLabels, taskCategoryLabels } from "@rollout/domain";
import { formatDate } from "../../ui/format.ts";
import { LessonKindBadge } from "../pir/pirBadges.tsx";
import { LessonTags } from "./LessonTags.tsx";

/** One lesson of the library: what happened, the recommendation, where it comes from. */
export function LessonCard({
  lesson,
  linkTags = false,
  compact = false,
}: {
  lesson: LessonResult;
  linkTags?: boolean;
  compact?: boolean;
}) {
  return (
    <Paper
      withBorder
      radius="md"
      p={compact ? "sm" : "md"}
      component="article"
      className="lesson-card"
      aria-label={lesson.summary}
    >
      <Stack gap={6}>
        <Group gap={8} justify="space-between" wrap="wrap">
          <Group gap={6}>
            <LessonKindBadge kind={lesson.kind} size="sm" />
            <Text size="xs" fw={500}>
              {taskCategoryLabels[lesson.category]}
            </Text>
          </Group>
          <Text size="xs" c="dimmed">
            {lesson.project.key} · {lesson.project.name} · {projectKindLabels[lesson.project.kind]}{" "}
            · {formatDate(lesson.createdAt)}
          </Text>
        </Group>
        <Text size="sm" fw={600}>
          {lesson.summary}
        </Text>
        {lesson.recommendation ? (
          <Text size="sm">
            <Text span size="sm" c="dimmed">
              Recommendation:{" "}
            </Text>
            {lesson.recommendation}
          </Text>
        ) : null}
        <LessonTags tags={lesson.tags} linked={linkTags} />
      </Stack>
    </Paper>
  );
}

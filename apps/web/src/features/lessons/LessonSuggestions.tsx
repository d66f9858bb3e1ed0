import { Paper, Skeleton, Stack, Text, Title } from "@mantine/core";
import { type ProjectKind, projectKindLabels } from "@rollout/domain";
import { IconBulb } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useId } from "react";
import { useTRPC } from "../../lib/trpc.ts";
import { AnchorLink } from "../../ui/links.tsx";
import { LessonCard } from "./LessonCard.tsx";

/**
 * "Lessons from earlier <kind> projects", beside the new-project form: what the organisation
 * learned on projects like this one. Shows nothing when there are none (or when the library is
 * not open to the reader).
 */
export function LessonSuggestions({ kind }: { kind: ProjectKind }) {
  const trpc = useTRPC();
  const id = useId();
  const suggestions = useQuery(trpc.lesson.suggestions.queryOptions({ kind, limit: 5 }));
  const label = projectKindLabels[kind].toLowerCase();
  if (suggestions.isError) return null;
  return (
    <Paper withBorder radius="md" p="md" component="aside" aria-labelledby={id}>
      <Stack gap="sm">
        <Title order={2} fz="h5" id={id} style={{ display: "flex", gap: 6, alignItems: "center" }}>
          <IconBulb size={18} aria-hidden />
          Lessons from earlier {label} projects
        </Title>
        {suggestions.isPending ? (
          <Skeleton height={80} radius="md" />
        ) : suggestions.data.length === 0 ? (
          <Text size="sm" c="dimmed">
            No {label} project has recorded lessons yet. They appear here once a review holds some.
          </Text>
        ) : (
          <>
            {suggestions.data.map((l) => (
              <LessonCard key={l.id} lesson={l} compact />
            ))}
            <AnchorLink to="/lessons" search={{ kind }} size="sm">
              All lessons from {label} projects
            </AnchorLink>
          </>
        )}
      </Stack>
    </Paper>
  );
}

import {
  ActionIcon,
  Button,
  Group,
  NativeSelect,
  SegmentedControl,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  Textarea,
} from "@mantine/core";
import {
  type LessonKind,
  lessonKindLabels,
  lessonKinds,
  MAX_LESSON_TAGS,
  normaliseTag,
  type Pir,
  type PirLesson,
  splitTags,
  type TaskCategory,
  taskCategories,
  taskCategoryLabels,
} from "@rollout/domain";
import { IconBulb, IconPencil, IconPlus, IconTrash } from "@tabler/icons-react";
import { useCallback, useState } from "react";
import { isOneOf } from "../../lib/isOneOf.ts";
import { ConflictNotice } from "../../ui/ConflictNotice.tsx";
import { EmptyState } from "../../ui/EmptyState.tsx";
import { LessonTags } from "../lessons/LessonTags.tsx";
import { ConfirmIcon } from "../schedule/ConfirmIcon.tsx";
import { FormModal } from "./FormModal.tsx";
import { LessonKindBadge } from "./pirBadges.tsx";
import { notifyFailure, type PirRights, type PirWrites } from "./pirData.ts";
import { Section } from "./Section.tsx";
import { useFreshRow } from "./useFreshRow.ts";
import { useSave } from "./useSave.ts";

/** What went well and what to improve: kept in the organisation's lessons library. */
export function LessonsSection({
  projectId,
  review,
  rights,
  writes,
}: {
  projectId: string;
  review: Pir;
  rights: PirRights;
  writes: PirWrites;
}) {
  const [editing, setEditing] = useState<PirLesson | "new" | null>(null);
  const groups = lessonKinds
    .map((kind) => ({ kind, lessons: review.lessons.filter((l) => l.kind === kind) }))
    .filter((g) => g.lessons.length > 0);

  return (
    <Section
      title="Lessons learned"
      description="What went well and what to do better next time. Every lesson is also found in the organisation's lessons library."
      testId="pir-lessons"
      actions={
        rights.edit ? (
          <Button
            size="sm"
            variant="light"
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() => setEditing("new")}
          >
            Add lesson
          </Button>
        ) : null
      }
    >
      {review.lessons.length === 0 ? (
        <EmptyState
          icon={<IconBulb size={28} aria-hidden />}
          title="No lessons yet"
          description={
            rights.edit
              ? "Add the first: what happened, and what the next project should do."
              : "The project's managers record what went well and what to improve here."
          }
        />
      ) : (
        <SimpleGrid cols={{ base: 1, md: groups.length > 1 ? 2 : 1 }} spacing="lg">
          {groups.map((g) => (
            <Stack key={g.kind} gap="sm">
              <Text fw={600} size="sm">
                {lessonKindLabels[g.kind]} ({g.lessons.length})
              </Text>
              <ul className="pir-lesson-list" aria-label={lessonKindLabels[g.kind]}>
                {g.lessons.map((l) => (
                  <li key={l.id} className="pir-lesson">
                    <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
                      <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
                        <Group gap={6}>
                          <LessonKindBadge kind={l.kind} size="xs" />
                          <Text size="xs" c="dimmed">
                            {taskCategoryLabels[l.category]}
                          </Text>
                        </Group>
                        <Text size="sm" fw={500}>
                          {l.summary}
                        </Text>
                        {l.recommendation ? (
                          <Text size="sm">
                            <Text span size="sm" c="dimmed">
                              Recommendation:{" "}
                            </Text>
                            {l.recommendation}
                          </Text>
                        ) : null}
                        <LessonTags tags={l.tags} />
                      </Stack>
                      {rights.edit ? (
                        <Group gap={2} wrap="nowrap" className="no-print">
                          <ActionIcon
                            variant="subtle"
                            color="gray"
                            aria-label={`Edit lesson “${l.summary}”`}
                            onClick={() => setEditing(l)}
                          >
                            <IconPencil size={16} aria-hidden />
                          </ActionIcon>
                          <ConfirmIcon
                            label={`Delete lesson “${l.summary}”`}
                            title="Delete this lesson?"
                            message="It is removed from the review and from the lessons library."
                            confirmLabel="Delete"
                            icon={<IconTrash size={16} aria-hidden />}
                            onConfirm={() =>
                              writes.deleteLesson.mutate(
                                { projectId, lessonId: l.id, version: l.version },
                                { onError: (error) => notifyFailure("Not deleted", error) },
                              )
                            }
                          />
                        </Group>
                      ) : null}
                    </Group>
                  </li>
                ))}
              </ul>
            </Stack>
          ))}
        </SimpleGrid>
      )}
      {editing ? (
        <LessonModal
          projectId={projectId}
          pirId={review.id}
          lesson={editing === "new" ? null : editing}
          writes={writes}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </Section>
  );
}

interface Values {
  kind: LessonKind;
  category: TaskCategory;
  summary: string;
  recommendation: string;
  tags: string[];
}
const fields = ["kind", "category", "summary", "recommendation", "tags"] as const;
const valuesOf = (l: PirLesson | null): Values => ({
  kind: l?.kind ?? "improve",
  category: l?.category ?? "planning",
  summary: l?.summary ?? "",
  recommendation: l?.recommendation ?? "",
  tags: l?.tags ?? [],
});
/** Tags as stored: normalised, without blanks or repeats, in the order given. */
function withTags(current: string[], added: string[]): string[] {
  return [...new Set([...current, ...added].map(normaliseTag).filter((t) => t.length > 0))];
}

const categoryOptions = taskCategories.map((c) => ({ value: c, label: taskCategoryLabels[c] }));

function LessonModal({
  projectId,
  pirId,
  lesson,
  writes,
  onClose,
}: {
  projectId: string;
  pirId: string;
  lesson: PirLesson | null;
  writes: PirWrites;
  onClose: () => void;
}) {
  const [values, setValues] = useState<Values>(() => valuesOf(lesson));
  const [base, setBase] = useState(lesson);
  // Text typed in the tags box but not yet made a tag is kept when saving.
  const [tagText, setTagText] = useState("");
  const save = useSave(fields);
  const pick = useCallback((r: Pir) => r.lessons.find((l) => l.id === lesson?.id), [lesson?.id]);
  const fresh = useFreshRow(projectId, pick);
  const set = <K extends keyof Values>(key: K, value: Values[K]) =>
    setValues((v) => ({ ...v, [key]: value }));

  async function submit() {
    const typed = {
      ...values,
      tags: withTags(values.tags, splitTags(tagText)),
    };
    setValues(typed);
    setTagText("");
    const saved = await save.run(() => {
      if (!base) return writes.addLesson.mutateAsync({ projectId, pirId, ...typed });
      const before = valuesOf(base);
      const changes = Object.fromEntries(
        fields
          .filter((f) => JSON.stringify(typed[f]) !== JSON.stringify(before[f]))
          .map((f) => [f, typed[f]]),
      );
      if (Object.keys(changes).length === 0) return Promise.resolve();
      return writes.updateLesson.mutateAsync({
        projectId,
        lessonId: base.id,
        version: base.version,
        changes,
      });
    });
    if (saved) onClose();
  }

  return (
    <FormModal
      opened
      title={lesson ? "Edit lesson" : "Add a lesson"}
      onClose={onClose}
      onSubmit={() => void submit()}
      saving={save.saving}
      failure={save.failure}
      errors={save.errors}
      submitLabel={lesson ? "Save" : "Add lesson"}
      notice={
        save.conflict ? (
          <ConflictNotice
            message={save.conflict}
            load={fresh}
            onReload={(row) => {
              setBase(row);
              setValues(valuesOf(row));
              save.reset();
            }}
            onKeep={(row) => {
              setBase(row);
              save.setConflict(null);
            }}
            onGone={onClose}
          />
        ) : null
      }
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <Stack gap={4}>
          <Text size="sm" fw={500} id="lesson-kind-label">
            Kind
          </Text>
          <SegmentedControl
            aria-labelledby="lesson-kind-label"
            value={values.kind}
            onChange={(v) => {
              if (isOneOf(lessonKinds, v)) set("kind", v);
            }}
            data={lessonKinds.map((k) => ({ value: k, label: lessonKindLabels[k] }))}
          />
        </Stack>
        <NativeSelect
          label="Category"
          description="The kind of work it is about (as on tasks)"
          data={categoryOptions}
          value={values.category}
          onChange={(e) => {
            const v = e.currentTarget.value;
            if (isOneOf(taskCategories, v)) set("category", v);
          }}
          error={save.errors.category}
        />
      </SimpleGrid>
      <Textarea
        label="What happened"
        required
        autosize
        minRows={2}
        maxLength={2000}
        value={values.summary}
        onChange={(e) => set("summary", e.currentTarget.value)}
        error={save.errors.summary}
        data-autofocus
      />
      <Textarea
        label="Recommendation"
        description="What the next project should do"
        autosize
        minRows={2}
        maxLength={2000}
        value={values.recommendation}
        onChange={(e) => set("recommendation", e.currentTarget.value)}
        error={save.errors.recommendation}
      />
      <TagsInput
        label="Tags"
        description={`Up to ${MAX_LESSON_TAGS}: lower-case letters, digits and hyphens (e.g. data-quality). Press Enter or comma after each.`}
        value={values.tags}
        onChange={(tags) => set("tags", withTags([], tags.flatMap(splitTags)))}
        searchValue={tagText}
        onSearchChange={setTagText}
        maxTags={MAX_LESSON_TAGS}
        splitChars={[",", ";"]}
        clearable
        error={save.errors.tags}
      />
    </FormModal>
  );
}

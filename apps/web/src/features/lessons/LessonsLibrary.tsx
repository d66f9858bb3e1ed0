import { Button, Group, NativeSelect, Stack, Text, TextInput } from "@mantine/core";
import { useDebouncedCallback } from "@mantine/hooks";
import {
  lessonKindLabels,
  lessonKinds,
  normaliseTag,
  projectKindLabels,
  projectKinds,
  taskCategories,
  taskCategoryLabels,
} from "@rollout/domain";
import { IconBooks, IconFilterOff, IconLock, IconSearch, IconTag } from "@tabler/icons-react";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { isOneOf } from "../../lib/isOneOf.ts";
import { errorCode, useTRPC } from "../../lib/trpc.ts";
import { EmptyState } from "../../ui/EmptyState.tsx";
import { ErrorAlert } from "../../ui/ErrorAlert.tsx";
import { LoadingRows } from "../../ui/Loading.tsx";
import { LessonCard } from "./LessonCard.tsx";
import { isFiltered, type LessonsSearch, searchInput } from "./lessonsSearch.ts";
import "./lessons.css";

type OnSearch = (patch: Partial<LessonsSearch>) => void;

/** Typed text shows at once; the URL (and the search) follow after a pause. */
function SearchBox({ value, onChange }: { value: string; onChange: (q: string) => void }) {
  const [text, setText] = useState(value);
  const commit = useDebouncedCallback(onChange, 250);
  useEffect(() => {
    if (!commit.isPending()) setText(value);
  }, [value, commit]);
  return (
    <TextInput
      label="Search the lessons"
      placeholder="e.g. data migration, vendor contract"
      leftSection={<IconSearch size={16} aria-hidden />}
      value={text}
      onChange={(e) => {
        setText(e.currentTarget.value);
        commit(e.currentTarget.value);
      }}
      w={{ base: "100%", sm: 340 }}
      type="search"
      maxLength={200}
    />
  );
}

/** A tag to narrow by: normalised like stored tags, applied on Enter or when leaving the box. */
function TagBox({
  value,
  onChange,
}: {
  value: string | undefined;
  onChange: (t?: string) => void;
}) {
  const [text, setText] = useState(value ?? "");
  useEffect(() => setText(value ?? ""), [value]);
  const apply = () => {
    const tag = normaliseTag(text);
    onChange(/^[a-z0-9-]{1,30}$/.test(tag) ? tag : undefined);
  };
  return (
    <TextInput
      label="Tag"
      placeholder="e.g. hypercare"
      leftSection={<IconTag size={16} aria-hidden />}
      value={text}
      onChange={(e) => setText(e.currentTarget.value)}
      onBlur={apply}
      onKeyDown={(e) => {
        if (e.key === "Enter") {
          e.preventDefault();
          apply();
        }
      }}
      w={{ base: "48%", sm: 170 }}
    />
  );
}

const categoryOptions = [
  { value: "", label: "Any category" },
  ...taskCategories.map((c) => ({ value: c, label: taskCategoryLabels[c] })),
];
const kindOptions = [
  { value: "", label: "Any kind of project" },
  ...projectKinds.map((k) => ({ value: k, label: projectKindLabels[k] })),
];
const lessonOptions = [
  { value: "", label: "Both" },
  ...lessonKinds.map((k) => ({ value: k, label: lessonKindLabels[k] })),
];

/**
 * The lessons library: every lesson of every project of the organisation, searched by words
 * (best match first) or browsed newest first, narrowed by category, tag, project kind and kind
 * of lesson. Twenty at a time, with more on request.
 */
export function LessonsLibrary({
  search,
  onSearch,
}: {
  search: LessonsSearch;
  onSearch: OnSearch;
}) {
  const trpc = useTRPC();
  const pages = useInfiniteQuery(
    trpc.lesson.search.infiniteQueryOptions(searchInput(search), {
      getNextPageParam: (page) => page.nextCursor ?? undefined,
    }),
  );
  const filtered = isFiltered(search);
  const items = pages.data?.pages.flatMap((p) => p.items) ?? [];

  if (pages.isError && errorCode(pages.error) === "FORBIDDEN") {
    return (
      <EmptyState
        icon={<IconLock size={28} aria-hidden />}
        title="The lessons library is for project teams"
        description="It holds what every project of the organisation learned. Ask a project manager to add you to a project's team."
      />
    );
  }
  let results: React.ReactNode;
  if (pages.isPending) {
    results = <LoadingRows rows={6} label="Searching the lessons" />;
  } else if (pages.isError) {
    results = (
      <ErrorAlert
        error={pages.error}
        title="The lessons could not be loaded"
        onRetry={() => void pages.refetch()}
      />
    );
  } else if (items.length === 0) {
    results = filtered ? (
      <EmptyState
        icon={<IconSearch size={28} aria-hidden />}
        title="No lessons match"
        description="Try other words, or fewer filters."
        action={
          <Button
            variant="light"
            leftSection={<IconFilterOff size={16} aria-hidden />}
            onClick={() =>
              onSearch({
                q: "",
                category: undefined,
                tag: undefined,
                kind: undefined,
                lesson: undefined,
              })
            }
          >
            Clear the search
          </Button>
        }
      />
    ) : (
      <EmptyState
        icon={<IconBooks size={28} aria-hidden />}
        title="No lessons yet"
        description="Lessons are written in each project's post-implementation review (its Review tab). Every one appears here, for the whole organisation."
      />
    );
  } else {
    results = (
      <Stack gap="sm">
        <Text size="sm" c="dimmed" role="status">
          {search.q.trim() ? "Best matches first" : "Newest first"} · {items.length}
          {pages.hasNextPage ? "+" : ""} {items.length === 1 ? "lesson" : "lessons"}
        </Text>
        <div className="lesson-results">
          {items.map((l) => (
            <LessonCard key={l.id} lesson={l} linkTags />
          ))}
        </div>
        {pages.hasNextPage ? (
          <Group justify="center">
            <Button
              variant="default"
              loading={pages.isFetchingNextPage}
              onClick={() => void pages.fetchNextPage()}
              className="no-print"
            >
              Show more lessons
            </Button>
          </Group>
        ) : null}
      </Stack>
    );
  }

  return (
    <Stack gap="md">
      <Group gap="sm" align="flex-end" wrap="wrap" className="no-print" role="search">
        <SearchBox value={search.q} onChange={(q) => onSearch({ q })} />
        <NativeSelect
          label="Category"
          data={categoryOptions}
          value={search.category ?? ""}
          onChange={(e) => {
            const v = e.currentTarget.value;
            onSearch({ category: isOneOf(taskCategories, v) ? v : undefined });
          }}
          w={{ base: "48%", sm: 190 }}
        />
        <TagBox value={search.tag} onChange={(tag) => onSearch({ tag })} />
        <NativeSelect
          label="Project kind"
          data={kindOptions}
          value={search.kind ?? ""}
          onChange={(e) => {
            const v = e.currentTarget.value;
            onSearch({ kind: isOneOf(projectKinds, v) ? v : undefined });
          }}
          w={{ base: "48%", sm: 190 }}
        />
        <NativeSelect
          label="Lesson"
          data={lessonOptions}
          value={search.lesson ?? ""}
          onChange={(e) => {
            const v = e.currentTarget.value;
            onSearch({ lesson: isOneOf(lessonKinds, v) ? v : undefined });
          }}
          w={{ base: "48%", sm: 150 }}
        />
      </Group>
      {results}
    </Stack>
  );
}

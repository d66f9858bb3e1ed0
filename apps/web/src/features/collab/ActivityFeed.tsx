import { Button, Group, SegmentedControl, Stack, Text, Title } from "@mantine/core";
import type { ActivityFeed as Feed, ProjectAccessRole } from "@rollout/domain";
import { IconHistory } from "@tabler/icons-react";
import { useMemo, useState } from "react";
import { EmptyState } from "../../ui/EmptyState.tsx";
import { ErrorAlert } from "../../ui/ErrorAlert.tsx";
import { formatDate, formatTimestamp } from "../../ui/format.ts";
import { LoadingRows } from "../../ui/Loading.tsx";
import { useActivity } from "./collabData.ts";
import { dayLabel, formatTimeOfDay, groupByDay } from "./collabTime.ts";
import { TargetLink } from "./TargetLink.tsx";
import "./collab.css";

type Entry = Feed["items"][number];

/** The kinds of thing the page filter offers (what a sentence is about). */
const kinds = [
  { value: "all", label: "Everything" },
  { value: "task", label: "Tasks" },
  { value: "milestone", label: "Milestones" },
  { value: "raid_item", label: "RAID" },
  { value: "other", label: "Other" },
] as const;
type KindFilter = (typeof kinds)[number]["value"];

const named = new Set(["task", "milestone", "raid_item"]);

/** The thing a sentence is about: its first linked part. */
export function entryKind(entry: Pick<Entry, "parts">): string | null {
  for (const p of entry.parts) if (p.kind === "entity") return p.entityType;
  return null;
}

export function matchesKind(entry: Pick<Entry, "parts">, filter: KindFilter): boolean {
  if (filter === "all") return true;
  const kind = entryKind(entry);
  return filter === "other" ? kind === null || !named.has(kind) : kind === filter;
}

function Sentence({
  entry,
  projectId,
  role,
  self,
}: {
  entry: Entry;
  projectId: string;
  role: ProjectAccessRole;
  /** The thing whose history this is: named, not linked (the reader is already on it). */
  self: string | null;
}) {
  let n = 0;
  return (
    <span className="activity-sentence">
      {entry.parts.map((p) => {
        const key = `${entry.id}:${n++}`;
        switch (p.kind) {
          case "text":
            return <span key={key}>{p.text}</span>;
          case "actor":
            return <strong key={key}>{p.text}</strong>;
          case "entity":
            return p.entityId === self ? (
              <strong key={key}>{p.text}</strong>
            ) : (
              <TargetLink
                key={key}
                projectId={projectId}
                entityType={p.entityType}
                entityId={p.entityId}
                role={role}
              >
                {p.text}
              </TargetLink>
            );
          case "date":
            return p.date ? (
              <time key={key} dateTime={p.date}>
                {formatDate(p.date)}
              </time>
            ) : (
              <span key={key}>no date</span>
            );
          default:
            return null;
        }
      })}
    </span>
  );
}

interface ActivityFeedProps {
  projectId: string;
  role: ProjectAccessRole;
  /** One thing's history only (e.g. a task in its drawer). */
  entity?: { type: string; id: string } | null;
  /** Offer the filter by kind of thing (the project page). */
  withFilter?: boolean;
  pageSize?: number;
}

/**
 * What happened on the project (or to one thing), newest first, told as sentences and grouped
 * by the reader's day; older pages load on request.
 */
export function ActivityFeed({
  projectId,
  role,
  entity = null,
  withFilter = false,
  pageSize = 50,
}: ActivityFeedProps) {
  const feed = useActivity(projectId, entity, pageSize);
  const [filter, setFilter] = useState<KindFilter>("all");
  const all = useMemo(() => feed.data?.pages.flatMap((p) => p.items) ?? [], [feed.data]);
  const shown = useMemo(() => all.filter((e) => matchesKind(e, filter)), [all, filter]);
  const groups = useMemo(() => groupByDay(shown), [shown]);

  if (feed.isPending) return <LoadingRows rows={5} label="Loading activity" />;
  if (feed.isError) {
    return (
      <ErrorAlert
        error={feed.error}
        title="Activity could not be loaded"
        onRetry={() => void feed.refetch()}
      />
    );
  }
  if (all.length === 0) {
    return (
      <EmptyState
        icon={<IconHistory size={28} aria-hidden />}
        title="Nothing has happened here yet"
        description={
          entity
            ? "Changes and comments show up here as they are made."
            : "Every change to the plan, milestones, RAID log and reports, and every comment, is told here as it happens."
        }
      />
    );
  }

  return (
    <Stack gap="md">
      {withFilter ? (
        <Group justify="space-between" wrap="wrap" gap="sm" className="no-print">
          <SegmentedControl
            size="xs"
            value={filter}
            onChange={(v) =>
              setFilter((kinds.find((k) => k.value === v)?.value ?? "all") as KindFilter)
            }
            data={kinds.map((k) => ({ value: k.value, label: k.label }))}
            aria-label="Show activity about"
          />
          {filter !== "all" ? (
            <Text size="xs" c="dimmed" aria-live="polite">
              {shown.length} of the {all.length} changes loaded
            </Text>
          ) : null}
        </Group>
      ) : null}
      {shown.length === 0 ? (
        <Text size="sm" c="dimmed">
          Nothing of this kind in the history loaded so far
          {feed.hasNextPage ? " — load more to look further back." : "."}
        </Text>
      ) : (
        <div>
          {groups.map((g) => (
            <section key={g.day} className="activity-day" aria-label={dayLabel(g.day)}>
              <Title order={entity ? 4 : 3} fz={entity ? "sm" : "h5"} mb={4}>
                {dayLabel(g.day)}
              </Title>
              <ul className="activity-list">
                {g.items.map((e) => (
                  <li key={e.id} className="activity-item">
                    <time className="activity-time" dateTime={e.at} title={formatTimestamp(e.at)}>
                      {formatTimeOfDay(e.at)}
                    </time>
                    <Sentence
                      entry={e}
                      projectId={projectId}
                      role={role}
                      self={entity?.id ?? null}
                    />
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      )}
      {feed.hasNextPage ? (
        <Group justify="center" className="no-print">
          <Button
            variant="default"
            size="xs"
            loading={feed.isFetchingNextPage}
            onClick={() => void feed.fetchNextPage()}
          >
            Load more
          </Button>
        </Group>
      ) : all.length > 10 ? (
        <Text size="xs" c="dimmed" ta="center">
          That is everything since the project began.
        </Text>
      ) : null}
    </Stack>
  );
}

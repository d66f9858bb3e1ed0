import {
  Button,
  Group,
  List,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  Title,
  UnstyledButton,
} from "@mantine/core";
import { IconArrowDown, IconArrowsSort, IconArrowUp } from "@tabler/icons-react";
import { useMemo, useState } from "react";
import { DateText } from "../../../ui/DateText.tsx";
import { ErrorAlert } from "../../../ui/ErrorAlert.tsx";
import { formatTimestamp } from "../../../ui/format.ts";
import { LoadingRows } from "../../../ui/Loading.tsx";
import { SlipBadge } from "../scheduleBadges.tsx";
import { useBaselineCompare } from "../scheduleData.ts";

type Sort<K extends string> = { key: K; desc: boolean };

function SortHeader<K extends string>({
  label,
  column,
  sort,
  onSort,
}: {
  label: string;
  column: K;
  sort: Sort<K>;
  onSort: (s: Sort<K>) => void;
}) {
  const active = sort.key === column;
  const Icon = !active ? IconArrowsSort : sort.desc ? IconArrowDown : IconArrowUp;
  return (
    <Table.Th scope="col" aria-sort={active ? (sort.desc ? "descending" : "ascending") : "none"}>
      <UnstyledButton
        className="sort-button"
        onClick={() => onSort({ key: column, desc: active ? !sort.desc : column !== "name" })}
      >
        <Text span size="sm" fw={600}>
          {label}
        </Text>
        <Icon size={14} aria-hidden opacity={active ? 1 : 0.45} />
      </UnstyledButton>
    </Table.Th>
  );
}

/** Sorts by a number (nulls last) or by text. */
function compareBy<T>(get: (row: T) => number | string | null, desc: boolean) {
  return (a: T, b: T) => {
    const x = get(a);
    const y = get(b);
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    const order =
      typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y));
    return desc ? -order : order;
  };
}

const TASKS_SHOWN = 100;

/** Now against a chosen baseline: milestones and tasks with their variance, added and removed. */
export function BaselineCompare({
  projectId,
  baselineId,
}: {
  projectId: string;
  baselineId: string;
}) {
  const compare = useBaselineCompare(projectId, baselineId);
  const [mSort, setMSort] = useState<Sort<"name" | "variance">>({ key: "variance", desc: true });
  const [tSort, setTSort] = useState<Sort<"name" | "startVariance" | "dueVariance">>({
    key: "dueVariance",
    desc: true,
  });
  const [onlyMoved, setOnlyMoved] = useState(true);
  const [showAll, setShowAll] = useState(false);
  const data = compare.data;

  const milestones = useMemo(() => {
    if (!data) return [];
    const get = (r: (typeof data.milestones)[number]) =>
      mSort.key === "name" ? r.name : r.variance;
    const order = compareBy(get, mSort.desc);
    return [...data.milestones].sort((a, b) => order(a, b) || a.name.localeCompare(b.name));
  }, [data, mSort]);

  const tasks = useMemo(() => {
    if (!data) return [];
    const rows = onlyMoved
      ? data.tasks.filter((t) => (t.dueVariance ?? 0) !== 0 || (t.startVariance ?? 0) !== 0)
      : data.tasks;
    const get = (r: (typeof data.tasks)[number]) => (tSort.key === "name" ? r.title : r[tSort.key]);
    const order = compareBy(get, tSort.desc);
    return [...rows].sort((a, b) => order(a, b) || a.title.localeCompare(b.title));
  }, [data, tSort, onlyMoved]);

  if (compare.isPending) return <LoadingRows rows={4} label="Comparing with the baseline" />;
  if (compare.isError) {
    return (
      <ErrorAlert
        error={compare.error}
        title="The comparison could not be loaded"
        onRetry={() => void compare.refetch()}
      />
    );
  }
  const b = compare.data.baseline;
  const shown = showAll ? tasks : tasks.slice(0, TASKS_SHOWN);

  return (
    <Stack gap="lg" aria-label={`Comparison with ${b.name}`} component="section">
      <Text size="sm" c="dimmed">
        Today's schedule against <b>{b.name}</b>, saved by {b.createdByName ?? "someone"} on{" "}
        {formatTimestamp(b.createdAt)}. Variance is in working days; positive is later than planned.
      </Text>

      <Stack gap="xs">
        <Title order={4} fz="h5">
          Milestones
        </Title>
        <Table.ScrollContainer minWidth={520}>
          <Table verticalSpacing={6} aria-label={`Milestone variance against ${b.name}`}>
            <Table.Thead>
              <Table.Tr>
                <SortHeader label="Milestone" column="name" sort={mSort} onSort={setMSort} />
                <Table.Th>Baseline</Table.Th>
                <Table.Th>Now</Table.Th>
                <SortHeader label="Variance" column="variance" sort={mSort} onSort={setMSort} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {milestones.map((m) => (
                <Table.Tr key={m.milestoneId}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {m.name}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <DateText value={m.baselineDate} size="sm" />
                  </Table.Td>
                  <Table.Td>
                    <DateText value={m.currentDate} size="sm" />
                  </Table.Td>
                  <Table.Td>
                    <SlipBadge days={m.variance} label="Variance" />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>

      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap">
          <Title order={4} fz="h5">
            Tasks
          </Title>
          <Switch
            label="Only tasks that moved"
            checked={onlyMoved}
            onChange={(e) => setOnlyMoved(e.currentTarget.checked)}
          />
        </Group>
        {tasks.length === 0 ? (
          <Text size="sm" c="dimmed">
            {onlyMoved ? "No task moved since this baseline." : "No tasks in both."}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={760}>
            <Table verticalSpacing={4} aria-label={`Task variance against ${b.name}`}>
              <Table.Thead>
                <Table.Tr>
                  <SortHeader label="Task" column="name" sort={tSort} onSort={setTSort} />
                  <Table.Th>Baseline</Table.Th>
                  <Table.Th>Now</Table.Th>
                  <SortHeader
                    label="Start variance"
                    column="startVariance"
                    sort={tSort}
                    onSort={setTSort}
                  />
                  <SortHeader
                    label="Finish variance"
                    column="dueVariance"
                    sort={tSort}
                    onSort={setTSort}
                  />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {shown.map((t) => (
                  <Table.Tr key={t.taskId}>
                    <Table.Td>
                      <Text size="sm">{t.title}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        <DateText value={t.baselineStart} size="xs" />
                        <Text size="xs" c="dimmed">
                          →
                        </Text>
                        <DateText value={t.baselineDue} size="xs" />
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        <DateText value={t.currentStart} size="xs" />
                        <Text size="xs" c="dimmed">
                          →
                        </Text>
                        <DateText value={t.currentDue} size="xs" />
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <SlipBadge days={t.startVariance} size="sm" label="Start variance" />
                    </Table.Td>
                    <Table.Td>
                      <SlipBadge days={t.dueVariance} size="sm" label="Finish variance" />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {tasks.length > TASKS_SHOWN ? (
          <Group>
            <Button variant="subtle" size="xs" onClick={() => setShowAll((v) => !v)}>
              {showAll ? `Show the first ${TASKS_SHOWN}` : `Show all ${tasks.length} tasks`}
            </Button>
          </Group>
        ) : null}
      </Stack>

      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Stack gap={4}>
          <Title order={4} fz="h5">
            Added since ({compare.data.added.length})
          </Title>
          {compare.data.added.length === 0 ? (
            <Text size="sm" c="dimmed">
              No tasks added.
            </Text>
          ) : (
            <List size="sm" spacing={2}>
              {compare.data.added.map((t) => (
                <List.Item key={t.taskId}>{t.title}</List.Item>
              ))}
            </List>
          )}
        </Stack>
        <Stack gap={4}>
          <Title order={4} fz="h5">
            Removed since ({compare.data.removed.length})
          </Title>
          {compare.data.removed.length === 0 ? (
            <Text size="sm" c="dimmed">
              No tasks removed.
            </Text>
          ) : (
            <List size="sm" spacing={2}>
              {compare.data.removed.map((t) => (
                <List.Item key={t.taskId}>{t.title}</List.Item>
              ))}
            </List>
          )}
        </Stack>
      </SimpleGrid>
    </Stack>
  );
}

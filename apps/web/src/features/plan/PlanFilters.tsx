import { Chip, Group, NativeSelect, TextInput } from "@mantine/core";
import { useDebouncedCallback } from "@mantine/hooks";
import {
  type Plan,
  taskCategories,
  taskCategoryLabels,
  taskStatuses,
  taskStatusLabels,
} from "@rollout/domain";
import { IconSearch } from "@tabler/icons-react";
import { useEffect, useState } from "react";
import { isOneOf } from "../../lib/isOneOf.ts";
import type { PlanSearch } from "./planSearch.ts";

const statusOptions = [
  { value: "", label: "All statuses" },
  ...taskStatuses.map((s) => ({ value: s, label: taskStatusLabels[s] })),
];
const categoryOptions = [
  { value: "", label: "All categories" },
  ...taskCategories.map((c) => ({ value: c, label: taskCategoryLabels[c] })),
];

/** Typed text shows at once; the URL (and the grid) follow after a pause. */
export function SearchBox({
  value,
  onChange,
  label = "Search tasks",
  placeholder = "Title or assignee",
}: {
  value: string;
  onChange: (q: string) => void;
  label?: string;
  placeholder?: string;
}) {
  const [text, setText] = useState(value);
  const commit = useDebouncedCallback(onChange, 200);
  useEffect(() => {
    if (!commit.isPending()) setText(value);
  }, [value, commit]);
  return (
    <TextInput
      label={label}
      placeholder={placeholder}
      leftSection={<IconSearch size={16} aria-hidden />}
      value={text}
      onChange={(e) => {
        setText(e.currentTarget.value);
        commit(e.currentTarget.value);
      }}
      w={{ base: "100%", sm: 220 }}
      type="search"
    />
  );
}

export function PlanFilters({
  search,
  people,
  onChange,
}: {
  search: PlanSearch;
  people: Plan["people"];
  onChange: (patch: Partial<PlanSearch>) => void;
}) {
  const assigneeOptions = [
    { value: "", label: "Anyone" },
    { value: "none", label: "Unassigned" },
    ...people
      .filter((p) => p.role !== "stakeholder")
      .map((p) => ({ value: p.userId, label: p.name })),
  ];
  return (
    <Group gap="sm" align="flex-end" wrap="wrap" role="search" className="no-print">
      <SearchBox value={search.q} onChange={(q) => onChange({ q })} />
      <NativeSelect
        label="Status"
        data={statusOptions}
        value={search.status ?? ""}
        onChange={(e) => {
          const v = e.currentTarget.value;
          onChange({ status: isOneOf(taskStatuses, v) ? v : undefined });
        }}
        w={{ base: "48%", sm: 150 }}
      />
      <NativeSelect
        label="Category"
        data={categoryOptions}
        value={search.category ?? ""}
        onChange={(e) => {
          const v = e.currentTarget.value;
          onChange({ category: isOneOf(taskCategories, v) ? v : undefined });
        }}
        w={{ base: "48%", sm: 170 }}
      />
      <NativeSelect
        label="Assignee"
        data={assigneeOptions}
        value={search.assignee ?? ""}
        onChange={(e) => onChange({ assignee: e.currentTarget.value || undefined })}
        w={{ base: "48%", sm: 160 }}
      />
      <Group gap={6} mb={4}>
        <Chip
          size="sm"
          checked={search.overdue}
          onChange={(on) => onChange({ overdue: on })}
          color="red"
        >
          Overdue
        </Chip>
        <Chip
          size="sm"
          checked={search.violations}
          onChange={(on) => onChange({ violations: on })}
          color="orange"
        >
          RACI issues
        </Chip>
      </Group>
    </Group>
  );
}

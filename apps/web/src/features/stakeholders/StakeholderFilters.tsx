import { Button, Group, NativeSelect, Switch, Text, TextInput } from "@mantine/core";
import { useDebouncedCallback } from "@mantine/hooks";
import {
  quadrantLabels,
  quadrants,
  stakeholderSideLabels,
  stakeholderSides,
} from "@rollout/domain";
import { IconFilterOff, IconSearch } from "@tabler/icons-react";
import { useEffect, useState } from "react";
import { isOneOf } from "../../lib/isOneOf.ts";
import { clearedFilters, hasFilters, type StakeholdersSearch } from "./stakeholderSearch.ts";

const sideOptions = [
  { value: "", label: "All sides" },
  ...stakeholderSides.map((s) => ({ value: s, label: stakeholderSideLabels[s] })),
];
const quadrantOptions = [
  { value: "", label: "All quadrants" },
  ...quadrants.map((q) => ({ value: q, label: quadrantLabels[q] })),
];

/** Typed text shows at once; the URL (and the lists) follow after a pause. */
function SearchBox({ value, onChange }: { value: string; onChange: (q: string) => void }) {
  const [text, setText] = useState(value);
  const commit = useDebouncedCallback(onChange, 200);
  useEffect(() => {
    if (!commit.isPending()) setText(value);
  }, [value, commit]);
  return (
    <TextInput
      label="Search"
      placeholder="Name, title or email"
      leftSection={<IconSearch size={16} aria-hidden />}
      value={text}
      onChange={(e) => {
        setText(e.currentTarget.value);
        commit(e.currentTarget.value);
      }}
      w={{ base: "100%", xs: 240 }}
      type="search"
    />
  );
}

/** The filters the register, the grid and the engagement matrix share (kept in the URL). */
export function StakeholderFilters({
  search,
  shown,
  total,
  onChange,
}: {
  search: StakeholdersSearch;
  shown: number;
  total: number;
  onChange: (patch: Partial<StakeholdersSearch>) => void;
}) {
  const filtered = hasFilters(search);
  return (
    <Group gap="sm" align="flex-end" wrap="wrap" className="no-print" role="search">
      <SearchBox value={search.q} onChange={(q) => onChange({ q })} />
      <NativeSelect
        label="Side"
        data={sideOptions}
        value={search.side ?? ""}
        onChange={(e) => {
          const v = e.currentTarget.value;
          onChange({ side: isOneOf(stakeholderSides, v) ? v : undefined });
        }}
        w={{ base: "48%", xs: 150 }}
      />
      <NativeSelect
        label="Quadrant"
        data={quadrantOptions}
        value={search.quadrant ?? ""}
        onChange={(e) => {
          const v = e.currentTarget.value;
          onChange({ quadrant: isOneOf(quadrants, v) ? v : undefined });
        }}
        w={{ base: "48%", xs: 170 }}
      />
      <Switch
        label="Engagement gap only"
        checked={search.gap}
        onChange={(e) => onChange({ gap: e.currentTarget.checked })}
        mb={8}
      />
      <Group gap="sm" mb={6} ml="auto" wrap="nowrap">
        <Text size="sm" c="dimmed" aria-live="polite">
          {filtered
            ? `Showing ${shown} of ${total}`
            : `${total} ${total === 1 ? "stakeholder" : "stakeholders"}`}
        </Text>
        {filtered ? (
          <Button
            size="compact-sm"
            variant="subtle"
            leftSection={<IconFilterOff size={14} aria-hidden />}
            onClick={() => onChange(clearedFilters)}
          >
            Clear filters
          </Button>
        ) : null}
      </Group>
    </Group>
  );
}

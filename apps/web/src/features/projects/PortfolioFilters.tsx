import { Group, NativeSelect, Switch, TextInput } from "@mantine/core";
import { useDebouncedCallback } from "@mantine/hooks";
import {
  projectStageLabels,
  projectStages,
  projectStatuses,
  projectStatusLabels,
  rags,
} from "@rollout/domain";
import { IconSearch } from "@tabler/icons-react";
import { useEffect, useState } from "react";
import { isOneOf } from "../../lib/isOneOf.ts";
import { ragLabels } from "../dashboard/dashboardFormat.ts";
import type { PortfolioSearch } from "./portfolioSearch.ts";

interface PortfolioFiltersProps {
  search: PortfolioSearch;
  onChange: (patch: Partial<PortfolioSearch>) => void;
}

const stageOptions = [
  { value: "", label: "All stages" },
  ...projectStages.map((s) => ({ value: s, label: projectStageLabels[s] })),
];
const statusOptions = [
  { value: "", label: "All statuses" },
  ...projectStatuses.map((s) => ({ value: s, label: projectStatusLabels[s] })),
];

const healthOptions = [
  { value: "", label: "Any health" },
  ...rags.map((r) => ({ value: r, label: ragLabels[r] })),
];

/** The search box: typed text shows at once; the URL (and the table) follow after a pause. */
function SearchBox({ value, onChange }: { value: string; onChange: (q: string) => void }) {
  const [text, setText] = useState(value);
  const commit = useDebouncedCallback(onChange, 200);
  // A change from outside (e.g. "Clear filters", back button) replaces what is shown.
  useEffect(() => {
    if (!commit.isPending()) setText(value);
  }, [value, commit]);
  return (
    <TextInput
      label="Search"
      placeholder="Key, name, customer or person"
      leftSection={<IconSearch size={16} aria-hidden />}
      value={text}
      onChange={(e) => {
        setText(e.currentTarget.value);
        commit(e.currentTarget.value);
      }}
      w={{ base: "100%", sm: 300 }}
      type="search"
    />
  );
}

export function PortfolioFilters({ search, onChange }: PortfolioFiltersProps) {
  return (
    <Group gap="sm" align="flex-end" mb="md" wrap="wrap" className="no-print" role="search">
      <SearchBox value={search.q} onChange={(q) => onChange({ q })} />
      <NativeSelect
        label="Stage"
        data={stageOptions}
        value={search.stage ?? ""}
        onChange={(e) => {
          const value = e.currentTarget.value;
          onChange({ stage: isOneOf(projectStages, value) ? value : undefined });
        }}
        w={{ base: "48%", sm: 170 }}
      />
      <NativeSelect
        label="Status"
        data={statusOptions}
        value={search.status ?? ""}
        onChange={(e) => {
          const value = e.currentTarget.value;
          onChange({ status: isOneOf(projectStatuses, value) ? value : undefined });
        }}
        w={{ base: "48%", sm: 170 }}
      />
      <NativeSelect
        label="Health"
        data={healthOptions}
        value={search.health ?? ""}
        onChange={(e) => {
          const value = e.currentTarget.value;
          onChange({ health: isOneOf(rags, value) ? value : undefined });
        }}
        w={{ base: "48%", sm: 140 }}
      />
      <Switch
        label="Slipping only"
        checked={search.slipping}
        onChange={(e) => onChange({ slipping: e.currentTarget.checked })}
        mb={8}
      />
      <Switch
        label="Include archived"
        checked={search.archived}
        onChange={(e) => onChange({ archived: e.currentTarget.checked })}
        mb={8}
      />
    </Group>
  );
}

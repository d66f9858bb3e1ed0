import {
  Button,
  Group,
  Loader,
  Menu,
  NativeSelect,
  SegmentedControl,
  Select,
  Switch,
  Text,
} from "@mantine/core";
import type { Task } from "@rollout/domain";
import { IconCalendarDown, IconDownload, IconFileTypePdf, IconPhoto } from "@tabler/icons-react";
import { useId, useMemo } from "react";
import type { GanttSearch } from "../scheduleSearch.ts";

const zoomOptions = [
  { value: "day", label: "Day" },
  { value: "week", label: "Week" },
  { value: "month", label: "Month" },
];

/** Zoom, critical path, baseline ghosts, jump to today or a task, export. Choices live in the URL. */
export function GanttToolbar({
  search,
  onSearch,
  baselines,
  comparing,
  tasks,
  onToday,
  onGoTo,
  onExportPng,
  onPrint,
}: {
  search: GanttSearch;
  onSearch: (patch: Partial<GanttSearch>) => void;
  baselines: Array<{ id: string; name: string }>;
  comparing: boolean;
  tasks: Task[];
  onToday: () => void;
  onGoTo: (taskId: string) => void;
  onExportPng: () => void;
  onPrint: () => void;
}) {
  const zoomLabel = useId();
  const taskOptions = useMemo(() => tasks.map((t) => ({ value: t.id, label: t.title })), [tasks]);
  return (
    <Group gap="md" wrap="wrap" align="flex-end" className="no-print">
      <div>
        <Text size="sm" fw={500} mb={4} id={zoomLabel}>
          Zoom
        </Text>
        <SegmentedControl
          aria-labelledby={zoomLabel}
          data={zoomOptions}
          value={search.zoom}
          onChange={(v) =>
            onSearch({ zoom: v === "day" ? "day" : v === "month" ? "month" : "week" })
          }
          size="sm"
        />
      </div>
      <Switch
        label="Critical path"
        checked={search.critical}
        onChange={(e) => onSearch({ critical: e.currentTarget.checked })}
        mb={8}
        color="red"
      />
      <NativeSelect
        label="Baseline"
        data={[
          { value: "", label: "No baseline" },
          ...baselines.map((b) => ({ value: b.id, label: b.name })),
        ]}
        value={search.baseline ?? ""}
        onChange={(e) => onSearch({ baseline: e.currentTarget.value || undefined })}
        rightSection={comparing ? <Loader size={14} /> : undefined}
        w={210}
      />
      <Select
        label="Go to task"
        placeholder="Search tasks"
        data={taskOptions}
        searchable
        limit={30}
        value={null}
        onChange={(id) => id && onGoTo(id)}
        nothingFoundMessage="No task matches"
        w={240}
      />
      <Group gap="xs" ml="auto">
        <Button
          variant="default"
          leftSection={<IconCalendarDown size={16} aria-hidden />}
          onClick={onToday}
        >
          Today
        </Button>
        <Menu position="bottom-end" shadow="md">
          <Menu.Target>
            <Button variant="default" leftSection={<IconDownload size={16} aria-hidden />}>
              Export
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item leftSection={<IconPhoto size={16} aria-hidden />} onClick={onExportPng}>
              Image of this view (PNG)
            </Menu.Item>
            <Menu.Item leftSection={<IconFileTypePdf size={16} aria-hidden />} onClick={onPrint}>
              Whole plan as PDF (print)
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      </Group>
    </Group>
  );
}

/** What the colours and shapes mean. */
export function GanttLegend({
  baseline,
  critical,
  editable,
}: {
  baseline: boolean;
  critical: boolean;
  editable: boolean;
}) {
  return (
    <div className="gantt-legend no-print">
      <span className="gantt-legend-item">
        <i style={{ background: "var(--gantt-bar)" }} />
        Task (scheduled dates)
      </span>
      {critical ? (
        <span className="gantt-legend-item">
          <i style={{ background: "var(--gantt-critical)" }} />
          Critical path
        </span>
      ) : null}
      {baseline ? (
        <span className="gantt-legend-item">
          <i style={{ background: "var(--gantt-baseline)", height: 4 }} />
          Baseline
        </span>
      ) : null}
      <span className="gantt-legend-item">
        <i style={{ background: "var(--gantt-rollup)", height: 5 }} />
        Phase
      </span>
      <span className="gantt-legend-item">
        <span style={{ color: "var(--gantt-milestone)" }} aria-hidden>
          ◆
        </span>
        Milestone
      </span>
      <span className="gantt-legend-item">
        <i style={{ background: "var(--gantt-today)", width: 3, height: 12 }} />
        Today
      </span>
      {editable ? (
        <span className="gantt-legend-item">
          Drag a bar to move it, its right edge to change its length; or pick a row and press Enter
          to reschedule by keyboard.
        </span>
      ) : null}
    </div>
  );
}

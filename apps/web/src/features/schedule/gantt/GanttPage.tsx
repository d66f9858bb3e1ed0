import { Paper, Stack } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type Plan, type Project, type ScheduleView, WorkingCalendar } from "@rollout/domain";
import { IconChartBar } from "@tabler/icons-react";
import { useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from "react";
import { flushSync } from "react-dom";
import { errorInfo } from "../../../lib/trpc.ts";
import { EmptyState } from "../../../ui/EmptyState.tsx";
import { ErrorAlert } from "../../../ui/ErrorAlert.tsx";
import { formatDate, todayLocal } from "../../../ui/format.ts";
import { LoadingRows } from "../../../ui/Loading.tsx";
import { ButtonLink } from "../../../ui/links.tsx";
import { dayNumber } from "../calendarDays.ts";
import {
  useBaselineCompare,
  useBaselines,
  usePlanChanged,
  useSchedule,
  useSchedulePlan,
  useScheduleRights,
  useTaskScheduleWrite,
} from "../scheduleData.ts";
import type { GanttSearch } from "../scheduleSearch.ts";
import { downloadSvgAsPng } from "./exportGantt.ts";
import { GanttChart, type GanttChartHandle } from "./GanttChart.tsx";
import { GanttSheet } from "./GanttSheet.tsx";
import { GanttLegend, GanttToolbar } from "./GanttToolbar.tsx";
import type { DrawOptions } from "./ganttDraw.tsx";
import { type BaselineDates, buildGantt } from "./ganttModel.ts";
import { cssPalette, resolvedPalette } from "./ganttPalette.ts";
import { makeScale, pxPerDay, type Zoom } from "./ganttScale.ts";
import { ReschedulePreview } from "./ReschedulePreview.tsx";
import type { RescheduleChange } from "./reschedule.ts";
import { TaskPanel } from "./TaskPanel.tsx";
import "./gantt.css";

interface GanttPageProps {
  project: Project;
  search: GanttSearch;
  onSearch: (patch: Partial<GanttSearch>) => void;
}

export function GanttPage(props: GanttPageProps) {
  const plan = useSchedulePlan(props.project.id);
  const schedule = useSchedule(props.project.id);
  if (plan.isPending || schedule.isPending)
    return <LoadingRows rows={10} label="Loading the Gantt" />;
  const failed = plan.isError ? plan : schedule.isError ? schedule : null;
  if (failed?.error) {
    return (
      <ErrorAlert
        error={failed.error}
        title="The Gantt could not be loaded"
        onRetry={() => void failed.refetch()}
      />
    );
  }
  if (!plan.data || !schedule.data) return null;
  if (plan.data.tasks.length === 0) {
    return (
      <Paper withBorder radius="md" p="lg">
        <EmptyState
          icon={<IconChartBar size={28} aria-hidden />}
          title="No tasks to draw yet"
          description="The Gantt draws the plan's tasks on their computed schedule. Add tasks and their dependencies in the plan first."
          action={
            <ButtonLink to="/projects/$projectId/plan" params={{ projectId: props.project.id }}>
              Open the plan
            </ButtonLink>
          }
        />
      </Paper>
    );
  }
  return <LoadedGantt {...props} plan={plan.data} schedule={schedule.data} />;
}

/** The height that makes the chart end at the bottom of the window (the page does not scroll). */
function useFillHeight(ref: React.RefObject<HTMLElement | null>, min = 360) {
  const [height, setHeight] = useState(min);
  useLayoutEffect(() => {
    const measure = () => {
      const el = ref.current;
      if (!el) return;
      const top = el.getBoundingClientRect().top + window.scrollY;
      setHeight(Math.max(min, Math.floor(window.innerHeight - top - 56)));
    };
    measure();
    window.addEventListener("resize", measure);
    return () => window.removeEventListener("resize", measure);
  }, [ref, min]);
  return height;
}

function LoadedGantt({
  project,
  search,
  onSearch,
  plan,
  schedule,
}: GanttPageProps & { plan: Plan; schedule: ScheduleView }) {
  const rights = useScheduleRights(project);
  const editable = plan.canEditPlan && rights.edit;
  const baselines = useBaselines(project.id);
  const baselineKnown = baselines.data?.some((b) => b.id === search.baseline) ?? false;
  const compare = useBaselineCompare(project.id, baselineKnown ? search.baseline : undefined);
  const write = useTaskScheduleWrite(project.id);
  const planChanged = usePlanChanged(project.id);
  const chart = useRef<GanttChartHandle>(null);
  const chartBox = useRef<HTMLDivElement>(null);
  const height = useFillHeight(chartBox);
  const sheetId = useId().replace(/:/g, "");
  const today = todayLocal();
  const zoom: Zoom = search.zoom;

  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set());
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [pending, setPending] = useState<RescheduleChange | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [printing, setPrinting] = useState(false);

  const baselineDates = useMemo<BaselineDates | null>(() => {
    if (!compare.data) return null;
    return {
      tasks: new Map(
        compare.data.tasks.map((t) => [t.taskId, { start: t.baselineStart, due: t.baselineDue }]),
      ),
      milestones: new Map(compare.data.milestones.map((m) => [m.milestoneId, m.baselineDate])),
    };
  }, [compare.data]);

  const model = useMemo(
    () => buildGantt({ plan, schedule, baseline: baselineDates, collapsed, today }),
    [plan, schedule, baselineDates, collapsed, today],
  );
  const scale = useMemo(() => makeScale(model.range, zoom), [model.range, zoom]);
  const calendar = useMemo(
    () => new WorkingCalendar(project.startDate, schedule.holidays),
    [project.startDate, schedule.holidays],
  );
  const options: DrawOptions = useMemo(
    () => ({
      scale,
      palette: cssPalette,
      critical: search.critical,
      baseline: baselineDates !== null,
    }),
    [scale, search.critical, baselineDates],
  );
  const selected = selectedId ? plan.tasks.find((t) => t.id === selectedId) : undefined;
  const selectedSched = selected
    ? (schedule.tasks.find((t) => t.id === selected.id) ?? null)
    : null;

  const onToggleGroup = useCallback((id: string) => {
    setCollapsed((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }, []);

  const propose = useCallback((change: RescheduleChange) => {
    setFailure(null);
    setPending(change);
    setSelectedId(change.taskId);
  }, []);

  const cancel = useCallback(() => {
    setPending(null);
    setFailure(null);
  }, []);

  function save() {
    if (!pending) return;
    const change = pending;
    setFailure(null);
    write.mutate(
      {
        projectId: project.id,
        taskId: change.taskId,
        version: change.version,
        changes: change.input,
      },
      {
        onSuccess: () => {
          setPending(null);
          notifications.show({
            color: "green",
            title: "Rescheduled",
            message: `${change.title} now runs ${formatDate(change.newStart)} → ${formatDate(change.newFinish)}.`,
          });
        },
        onError: (error) => {
          const info = errorInfo(error);
          if (info.code === "CONFLICT") {
            setFailure(
              "Someone changed this task after the Gantt was loaded. It has been reloaded: cancel and try again on the latest dates.",
            );
            void planChanged();
            return;
          }
          setFailure(info.message);
        },
      },
    );
  }

  // Printing (the Export menu, or the browser's own Print) swaps in the whole plan as one sheet.
  useEffect(() => {
    const before = () => flushSync(() => setPrinting(true));
    const after = () => setPrinting(false);
    window.addEventListener("beforeprint", before);
    window.addEventListener("afterprint", after);
    return () => {
      window.removeEventListener("beforeprint", before);
      window.removeEventListener("afterprint", after);
    };
  }, []);

  // Print: every row (up to what a printer takes) and the whole span, fitted to a page width.
  const printSetup = useMemo(() => {
    if (!printing) return null;
    const px = Math.max(
      1,
      Math.min(pxPerDay.day, 1500 / (model.range.end - model.range.start + 60)),
    );
    const printZoom: Zoom = px >= 20 ? "day" : px >= 5 ? "week" : "month";
    const printScale = makeScale(model.range, printZoom, px);
    return {
      zoom: printZoom,
      options: { ...options, scale: printScale },
      view: { first: 0, last: Math.min(model.rows.length, 1500) - 1, x0: 0, x1: printScale.width },
    };
  }, [printing, model, options]);

  const title = `${project.key} · ${project.name} — schedule as of ${formatDate(today)}`;

  async function exportPng() {
    const view = chart.current?.visible();
    if (!view || view.last < view.first) return;
    try {
      await downloadSvgAsPng(
        <GanttSheet
          id={`${sheetId}-png`}
          title={title}
          model={model}
          view={view}
          options={{ ...options, palette: resolvedPalette() }}
          zoom={zoom}
          today={today}
          holidays={schedule.holidays}
        />,
        `${project.key}-gantt-${today}.png`,
      );
    } catch (error) {
      notifications.show({ color: "red", title: "No image", message: errorInfo(error).message });
    }
  }

  const preview = pending ? (
    <ReschedulePreview
      key={`${pending.taskId}:${pending.newStart}:${pending.newFinish}`}
      projectId={project.id}
      change={pending}
      saving={write.isPending}
      failure={failure}
      onSave={save}
      onCancel={cancel}
    />
  ) : null;

  return (
    <Stack gap="sm">
      <div className="gantt-screen">
        <Stack gap="sm">
          <GanttToolbar
            search={search}
            onSearch={onSearch}
            baselines={baselines.data ?? []}
            comparing={compare.isFetching}
            tasks={plan.tasks}
            onToday={() => chart.current?.scrollToDay(dayNumber(today))}
            onGoTo={(id) => {
              setSelectedId(id);
              chart.current?.revealTask(id);
            }}
            onExportPng={() => void exportPng()}
            onPrint={() => window.print()}
          />
          <div ref={chartBox}>
            <GanttChart
              ref={chart}
              model={model}
              options={options}
              zoom={zoom}
              holidays={schedule.holidays}
              today={today}
              calendar={calendar}
              editable={editable}
              height={height}
              initialDay={model.range.start}
              selectedTaskId={selectedId}
              onSelectTask={setSelectedId}
              onToggleGroup={onToggleGroup}
              pending={pending}
              onPropose={propose}
              popover={pending && pending.how !== "form" ? preview : null}
              onDismissPopover={cancel}
            />
          </div>
          <GanttLegend
            baseline={baselineDates !== null}
            critical={search.critical}
            editable={editable}
          />
          {selected ? (
            <TaskPanel
              key={`${selected.id}:${selected.version}`}
              task={selected}
              sched={selectedSched}
              calendar={calendar}
              editable={editable}
              preview={pending?.how === "form" && pending.taskId === selected.id ? preview : null}
              onPropose={propose}
              onClose={() => {
                setSelectedId(null);
                if (pending?.how === "form") cancel();
              }}
            />
          ) : null}
        </Stack>
      </div>
      {printSetup ? (
        <div className="gantt-print">
          <GanttSheet
            id={`${sheetId}-print`}
            title={title}
            model={model}
            view={printSetup.view}
            options={printSetup.options}
            zoom={printSetup.zoom}
            today={today}
            holidays={schedule.holidays}
          />
        </div>
      ) : null}
    </Stack>
  );
}

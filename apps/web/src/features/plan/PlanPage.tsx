import {
  ActionIcon,
  Button,
  Group,
  Kbd,
  Menu,
  Paper,
  Popover,
  Stack,
  Table,
  Text,
  TextInput,
  Tooltip,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type Project, projectAllows } from "@rollout/domain";
import {
  IconFileSpreadsheet,
  IconFilterOff,
  IconFolderPlus,
  IconKeyboard,
  IconLayoutList,
  IconListDetails,
  IconPlus,
  IconSparkles,
} from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useCallback, useMemo, useRef, useState } from "react";
import { errorInfo, useTRPC } from "../../lib/trpc.ts";
import { EmptyState } from "../../ui/EmptyState.tsx";
import { ErrorAlert } from "../../ui/ErrorAlert.tsx";
import { todayLocal } from "../../ui/format.ts";
import { LoadingRows } from "../../ui/Loading.tsx";
import { BulkBar } from "./BulkBar.tsx";
import { ConflictBanner } from "./ConflictBanner.tsx";
import { PlanFilters } from "./PlanFilters.tsx";
import { PlanGrid, type PlanGridHandle, type TaskConflict } from "./PlanGrid.tsx";
import { type EditRights, planColumns } from "./planColumns.ts";
import {
  addKey,
  addPhaseKey,
  flattenPlan,
  hasFilters,
  indexPlan,
  matchesFilters,
  phaseTasks,
  usedParties,
} from "./planModel.ts";
import {
  type BulkChanges,
  useBulkUpdate,
  useDeleteTasks,
  usePhaseWrites,
  usePlan,
  useSuggest,
} from "./planMutations.ts";
import type { PlanSearch } from "./planSearch.ts";
import { TaskDrawer } from "./TaskDrawer.tsx";
import "./plan.css";
import { downloadCsv } from "../../lib/download.ts";
import { planCsv } from "./planCsv.ts";

/** Which phases each person folded, per project, for as long as the tab is open. */
const collapsedByProject = new Map<string, Set<string>>();

interface PlanPageProps {
  project: Project;
  search: PlanSearch;
  onSearch: (patch: Partial<PlanSearch>, replace?: boolean) => void;
}

export function PlanPage({ project, search, onSearch }: PlanPageProps) {
  const trpc = useTRPC();
  const plan = usePlan(project.id);
  const session = useQuery(trpc.session.get.queryOptions());
  const userId = session.data?.user.id ?? null;

  if (plan.isPending) return <LoadingRows rows={8} label="Loading the plan" />;
  if (plan.isError) {
    return (
      <ErrorAlert
        error={plan.error}
        title="The plan could not be loaded"
        onRetry={() => void plan.refetch()}
      />
    );
  }
  const rights: EditRights = {
    plan: plan.data.canEditPlan,
    own: plan.data.canEditOwnTasks,
    userId,
  };
  return (
    <LoadedPlan
      project={project}
      plan={plan.data}
      rights={rights}
      search={search}
      onSearch={onSearch}
    />
  );
}

function LoadedPlan({
  project,
  plan,
  rights,
  search,
  onSearch,
}: PlanPageProps & { plan: NonNullable<ReturnType<typeof usePlan>["data"]>; rights: EditRights }) {
  const projectId = project.id;
  const today = todayLocal();
  const index = useMemo(() => indexPlan(plan), [plan]);
  const [collapsed, setCollapsed] = useState<Set<string>>(
    () => collapsedByProject.get(projectId) ?? new Set(),
  );
  const [selected, setSelected] = useState<Set<string>>(() => new Set());
  const [conflicts, setConflicts] = useState<TaskConflict[]>([]);
  // After the first phase is added from the empty state: its "add a task" row takes focus.
  const [focusFirst, setFocusFirst] = useState<string | null>(null);
  const anchor = useRef<string | null>(null);
  const grid = useRef<PlanGridHandle>(null);
  const bulk = useBulkUpdate(projectId);
  const remove = useDeleteTasks(projectId);
  const suggest = useSuggest(projectId);

  const filters = useMemo(
    () => ({
      q: search.q,
      status: search.status,
      category: search.category,
      assignee: search.assignee,
      overdue: search.overdue,
      violations: search.violations,
    }),
    [search.q, search.status, search.category, search.assignee, search.overdue, search.violations],
  );
  const filtering = hasFilters(filters);
  const rows = useMemo(
    () => flattenPlan(index, { collapsed, filters, today, withAddRows: rights.plan }),
    [index, collapsed, filters, today, rights.plan],
  );
  const shownByPhase = useMemo(() => {
    const map = new Map<string, string[]>();
    for (const p of index.phases) {
      map.set(
        p.id,
        phaseTasks(index, p.id)
          .filter((t) => !filtering || matchesFilters(t, filters, today))
          .map((t) => t.id),
      );
    }
    return map;
  }, [index, filters, filtering, today]);
  const parties = useMemo(() => usedParties(plan.tasks), [plan.tasks]);
  const columns = useMemo(
    () => planColumns({ selectable: rights.plan, parties }),
    [rights.plan, parties],
  );
  // Selected tasks that are still in the plan (a delete or a refetch may have removed some).
  const liveSelected = useMemo(() => {
    const live = new Set<string>();
    for (const id of selected) if (index.byId.has(id)) live.add(id);
    return live.size === selected.size ? selected : live;
  }, [selected, index]);

  const setCollapse = useCallback(
    (phaseId: string, value?: boolean) => {
      setCollapsed((prev) => {
        const next = new Set(prev);
        const fold = value ?? !prev.has(phaseId);
        if (fold) next.add(phaseId);
        else next.delete(phaseId);
        collapsedByProject.set(projectId, next);
        return next;
      });
    },
    [projectId],
  );

  const onToggleSelect = useCallback(
    (taskId: string, range: boolean) => {
      setSelected((prev) => {
        const next = new Set(prev);
        const shown = rows.flatMap((r) => (r.kind === "task" ? [r.task.id] : []));
        const from = anchor.current ? shown.indexOf(anchor.current) : -1;
        const to = shown.indexOf(taskId);
        if (range && from >= 0 && to >= 0) {
          const [a, b] = from < to ? [from, to] : [to, from];
          for (const id of shown.slice(a, b + 1)) next.add(id);
        } else if (next.has(taskId)) {
          next.delete(taskId);
        } else {
          next.add(taskId);
        }
        anchor.current = taskId;
        return next;
      });
    },
    [rows],
  );

  const onSelect = useCallback((ids: readonly string[], on: boolean) => {
    setSelected((prev) => {
      const next = new Set(prev);
      for (const id of ids) {
        if (on) next.add(id);
        else next.delete(id);
      }
      return next;
    });
  }, []);

  const onConflict = useCallback((c: TaskConflict) => {
    setConflicts((prev) => {
      const same = prev.find((p) => p.taskId === c.taskId);
      if (!same) return [...prev, c];
      const merged = {
        ...same.changes,
        ...c.changes,
        ...(same.changes.responsibilities || c.changes.responsibilities
          ? {
              responsibilities: { ...same.changes.responsibilities, ...c.changes.responsibilities },
            }
          : {}),
      };
      return prev.map((p) => (p.taskId === c.taskId ? { ...c, changes: merged } : p));
    });
  }, []);

  const openTask = useCallback((taskId: string) => onSearch({ task: taskId }, false), [onSearch]);

  async function applyBulk(changes: BulkChanges, what: string) {
    const ids = [...liveSelected];
    const result = await bulk.run(ids, changes);
    if (result.ok) {
      notifications.show({
        color: "green",
        title: `${ids.length} ${ids.length === 1 ? "task" : "tasks"} changed`,
        message: what,
      });
    } else {
      notifications.show({
        color: result.conflict ? "orange" : "red",
        title: "Nothing was changed",
        message: result.conflict
          ? `${result.message} The plan was reloaded: check the selection and try again.`
          : result.message,
      });
    }
  }

  const taskCount = plan.tasks.length;
  const shownCount = rows.reduce((n, r) => n + (r.kind === "task" ? 1 : 0), 0);
  const canReadHistory = projectAllows("project.audit.read", project.myRole);

  const toolbar = (
    <Group justify="space-between" align="flex-end" gap="sm" wrap="wrap">
      <PlanFilters search={search} people={plan.people} onChange={(patch) => onSearch(patch)} />
      <Group gap="xs" className="no-print">
        <Button
          size="sm"
          variant="default"
          leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
          onClick={() => downloadCsv(`${project.key}-plan.csv`, planCsv(index))}
        >
          Export CSV
        </Button>
        {rights.plan ? (
          <>
            <Button
              size="sm"
              variant="default"
              leftSection={<IconPlus size={16} aria-hidden />}
              onClick={() => {
                if (filtering) {
                  onSearch({
                    q: "",
                    status: undefined,
                    category: undefined,
                    assignee: undefined,
                    overdue: false,
                    violations: false,
                  });
                }
                // The add-phase row is the last row; the grid scrolls to it and focuses it.
                requestAnimationFrame(() => grid.current?.focusRow(addPhaseKey));
              }}
            >
              Add phase
            </Button>
            <Menu position="bottom-end" shadow="md" width={280}>
              <Menu.Target>
                <Button
                  size="sm"
                  variant="default"
                  leftSection={<IconSparkles size={16} aria-hidden />}
                  loading={suggest.pending}
                >
                  Suggest
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Label>Responsibilities from the playbook</Menu.Label>
                <Menu.Item onClick={() => void suggest.run({})}>
                  Fill blank letters in the whole plan
                </Menu.Item>
                <Menu.Item color="orange" onClick={() => void suggest.run({ overwrite: true })}>
                  Replace every letter with the playbook’s
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </>
        ) : null}
        <Tooltip label={collapsed.size > 0 ? "Expand every phase" : "Collapse every phase"}>
          <ActionIcon
            variant="default"
            size="lg"
            aria-label={collapsed.size > 0 ? "Expand every phase" : "Collapse every phase"}
            onClick={() => {
              const next =
                collapsed.size > 0 ? new Set<string>() : new Set(index.phases.map((p) => p.id));
              collapsedByProject.set(projectId, next);
              setCollapsed(next);
            }}
          >
            {collapsed.size > 0 ? <IconListDetails size={18} /> : <IconLayoutList size={18} />}
          </ActionIcon>
        </Tooltip>
        <KeyboardHelp editable={rights.plan} />
      </Group>
    </Group>
  );

  if (index.phases.length === 0) {
    return (
      <Paper withBorder radius="md" p="lg">
        {rights.plan ? (
          <EmptyState
            icon={<IconFolderPlus size={28} aria-hidden />}
            title="No tasks yet — add the first phase"
            description="A plan is a list of phases (Discovery, Configure, Data migration, Testing…), each with its tasks and who is responsible for them."
            action={
              <FirstPhaseForm
                projectId={projectId}
                onCreated={(phaseId) => setFocusFirst(addKey(phaseId))}
              />
            }
          />
        ) : (
          <EmptyState
            icon={<IconListDetails size={28} aria-hidden />}
            title="No tasks yet"
            description="The implementation PM or the project manager has not laid out the plan yet."
          />
        )}
      </Paper>
    );
  }

  return (
    <Stack gap="sm">
      {toolbar}
      <ConflictBanner
        projectId={projectId}
        conflicts={conflicts}
        onDone={(ids) => setConflicts((prev) => prev.filter((c) => !ids.includes(c.taskId)))}
      />
      <Group justify="space-between" gap="sm" mih={30}>
        <Text size="sm" c="dimmed" aria-live="polite">
          {filtering
            ? `Showing ${shownCount} of ${taskCount} ${taskCount === 1 ? "task" : "tasks"}`
            : `${taskCount} ${taskCount === 1 ? "task" : "tasks"} in ${index.phases.length} ${index.phases.length === 1 ? "phase" : "phases"}`}
          {!rights.plan && rights.own ? " · you can update the tasks assigned to you" : ""}
          {!rights.plan && !rights.own ? " · read-only" : ""}
        </Text>
        {filtering ? (
          <Button
            size="compact-sm"
            variant="subtle"
            leftSection={<IconFilterOff size={14} aria-hidden />}
            onClick={() =>
              onSearch({
                q: "",
                status: undefined,
                category: undefined,
                assignee: undefined,
                overdue: false,
                violations: false,
              })
            }
          >
            Clear filters
          </Button>
        ) : null}
      </Group>
      {rights.plan && liveSelected.size > 0 ? (
        <BulkBar
          count={liveSelected.size}
          people={plan.people}
          parties={parties}
          pending={bulk.pending || remove.pending}
          onApply={(changes, what) => void applyBulk(changes, what)}
          onSuggest={() => void suggest.run({ taskIds: [...liveSelected] })}
          onDelete={() => {
            const ids = [...liveSelected];
            void remove.run(ids).then((ok) => {
              if (ok) setSelected(new Set());
            });
          }}
          onClear={() => setSelected(new Set())}
        />
      ) : null}
      {rows.length === 0 ? (
        <Paper withBorder radius="md" p="lg">
          <EmptyState
            icon={<IconFilterOff size={28} aria-hidden />}
            title="No tasks match these filters"
            description="Try another search, or clear the filters to see the whole plan."
          />
        </Paper>
      ) : (
        <PlanGrid
          handle={grid}
          label={`Plan of ${project.key}`}
          projectId={projectId}
          plan={plan}
          index={index}
          rows={rows}
          columns={columns}
          rights={rights}
          today={today}
          selected={liveSelected}
          shownByPhase={shownByPhase}
          onToggleSelect={onToggleSelect}
          onSelect={onSelect}
          onToggleCollapse={setCollapse}
          onOpenTask={openTask}
          onConflict={onConflict}
          layoutKey={`${liveSelected.size > 0}-${conflicts.length}-${filtering}`}
          initialFocus={focusFirst}
        />
      )}
      <TaskDrawer
        projectId={projectId}
        plan={plan}
        taskId={search.task}
        rights={rights}
        canReadHistory={canReadHistory}
        onOpenTask={openTask}
        onClose={() => onSearch({ task: undefined }, false)}
      />
    </Stack>
  );
}

/** The empty plan's first step: name a phase. */
function FirstPhaseForm({
  projectId,
  onCreated,
}: {
  projectId: string;
  onCreated: (phaseId: string) => void;
}) {
  const { create } = usePhaseWrites(projectId);
  const [name, setName] = useState("Discovery");
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      aria-label="Add the first phase"
      onSubmit={(e) => {
        e.preventDefault();
        setError(null);
        // Awaited rather than per-call callbacks: this form unmounts the moment the phase is
        // in the cache (the grid replaces the empty state), and those would never run.
        create
          .mutateAsync({ projectId, name, beforePhaseId: null })
          .then((phase) => onCreated(phase.id))
          .catch((err: unknown) =>
            setError(errorInfo(err).fieldErrors.name ?? errorInfo(err).message),
          );
      }}
    >
      <Group gap="sm" align="flex-start" justify="center">
        <TextInput
          aria-label="Phase name"
          placeholder="Phase name, e.g. Discovery"
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={error}
          maxLength={120}
          data-autofocus
          w={260}
        />
        <Button
          type="submit"
          loading={create.isPending}
          leftSection={<IconPlus size={16} aria-hidden />}
        >
          Add phase
        </Button>
      </Group>
    </form>
  );
}

const keys: Array<[string, string]> = [
  ["↑ ↓ ← →", "Move between cells"],
  ["Enter or F2", "Edit the cell (Enter again saves)"],
  ["Type", "Start editing with what you type"],
  ["Esc", "Cancel the edit"],
  ["Tab / Shift+Tab", "Save and move right / left"],
  ["Delete", "Clear a date, duration, estimate or assignee"],
  ["R A C I, / or Shift+A", "Set a responsibility letter (A/R)"],
  ["Space", "Select the row"],
  ["Shift+Enter", "Open the task's details"],
  ["Alt+↑ / Alt+↓", "Move the task up or down"],
  ["← / → on a phase", "Collapse or expand it"],
];

function KeyboardHelp({ editable }: { editable: boolean }) {
  return (
    <Popover position="bottom-end" shadow="md" width={360} withArrow>
      <Popover.Target>
        <ActionIcon variant="default" size="lg" aria-label="Keyboard shortcuts">
          <IconKeyboard size={18} aria-hidden />
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown>
        <Text size="sm" fw={600} mb={6}>
          Keyboard
        </Text>
        <Table verticalSpacing={3} fz="xs">
          <Table.Tbody>
            {keys.slice(0, editable ? keys.length : 1).map(([k, what]) => (
              <Table.Tr key={k}>
                <Table.Td>
                  <Kbd size="xs">{k}</Kbd>
                </Table.Td>
                <Table.Td>{what}</Table.Td>
              </Table.Tr>
            ))}
            {editable ? null : (
              <Table.Tr>
                <Table.Td>
                  <Kbd size="xs">Shift+Enter</Kbd>
                </Table.Td>
                <Table.Td>Open the task's details</Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </Popover.Dropdown>
    </Popover>
  );
}

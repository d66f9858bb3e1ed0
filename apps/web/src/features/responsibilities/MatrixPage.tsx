import { Button, Chip, Group, Menu, Paper, Stack, Switch, Table, Text, Title } from "@mantine/core";
import { parties as allParties, type Party, type Project, partyLabels } from "@rollout/domain";
import { IconDownload, IconListDetails, IconPrinter, IconSparkles } from "@tabler/icons-react";
import { useNavigate } from "@tanstack/react-router";
import { useCallback, useEffect, useMemo, useState } from "react";
import { flushSync } from "react-dom";
import { EmptyState } from "../../ui/EmptyState.tsx";
import { ErrorAlert } from "../../ui/ErrorAlert.tsx";
import { todayLocal } from "../../ui/format.ts";
import { LoadingRows } from "../../ui/Loading.tsx";
import { ConflictBanner } from "../plan/ConflictBanner.tsx";
import { SearchBox } from "../plan/PlanFilters.tsx";
import type { TaskConflict } from "../plan/PlanGrid.tsx";
import { flattenPlan, indexPlan, noFilters, phaseTasks, usedParties } from "../plan/planModel.ts";
import { usePlan, useSuggest } from "../plan/planMutations.ts";
import type { MatrixSearch } from "../plan/planSearch.ts";
import { raciText } from "../plan/raci.tsx";
import { MatrixGrid } from "./MatrixGrid.tsx";
import { MatrixSummary } from "./MatrixSummary.tsx";
import { matrixCsv } from "./matrixModel.ts";
import "../plan/plan.css";
import "./matrix.css";
import { downloadCsv } from "../../lib/download.ts";

const collapsedByProject = new Map<string, Set<string>>();

export function MatrixPage({
  project,
  search,
  onSearch,
}: {
  project: Project;
  search: MatrixSearch;
  onSearch: (patch: Partial<MatrixSearch>) => void;
}) {
  const plan = usePlan(project.id);
  const navigate = useNavigate();
  const suggest = useSuggest(project.id);
  const today = todayLocal();
  const [collapsed, setCollapsed] = useState<Set<string>>(
    () => collapsedByProject.get(project.id) ?? new Set(),
  );
  const [extraOn, setExtraOn] = useState<boolean | null>(null);
  const [printing, setPrinting] = useState(false);
  const [conflicts, setConflicts] = useState<TaskConflict[]>([]);

  const index = useMemo(() => (plan.data ? indexPlan(plan.data) : null), [plan.data]);
  const used = useMemo(() => (plan.data ? usedParties(plan.data.tasks) : []), [plan.data]);
  // Customer and vendor columns: shown when a task uses them, or when asked for.
  const showExtra = extraOn ?? used.length > 2;
  const parties: Party[] = showExtra ? [...allParties] : ["ipm", "pm"];
  const filters = useMemo(
    () => ({ ...noFilters, q: search.q, violations: search.violations }),
    [search.q, search.violations],
  );
  const rows = useMemo(
    () => (index ? flattenPlan(index, { collapsed, filters, today, withAddRows: false }) : []),
    [index, collapsed, filters, today],
  );
  const tasksByPhase = useMemo(() => {
    const map = new Map<string, string[]>();
    if (index)
      for (const p of index.phases)
        map.set(
          p.id,
          phaseTasks(index, p.id).map((t) => t.id),
        );
    return map;
  }, [index]);

  // The matrix prints as a plain table of every row (the screen version renders only what is
  // in view). It is rendered just for printing: before the browser lays out the page.
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

  const toggle = useCallback(
    (phaseId: string) =>
      setCollapsed((prev) => {
        const next = new Set(prev);
        if (next.has(phaseId)) next.delete(phaseId);
        else next.add(phaseId);
        collapsedByProject.set(project.id, next);
        return next;
      }),
    [project.id],
  );
  const openTask = useCallback(
    (taskId: string) =>
      void navigate({
        to: "/projects/$projectId/plan",
        params: { projectId: project.id },
        search: { task: taskId },
      }),
    [navigate, project.id],
  );
  const onConflict = useCallback(
    (c: TaskConflict) => setConflicts((prev) => [...prev.filter((p) => p.taskId !== c.taskId), c]),
    [],
  );

  if (plan.isPending) return <LoadingRows rows={8} label="Loading the matrix" />;
  if (plan.isError || !index) {
    return (
      <ErrorAlert
        error={plan.error}
        title="The matrix could not be loaded"
        onRetry={() => void plan.refetch()}
      />
    );
  }
  const canEdit = plan.data.canEditPlan;

  if (plan.data.tasks.length === 0) {
    return (
      <Paper withBorder radius="md" p="lg">
        <EmptyState
          icon={<IconListDetails size={28} aria-hidden />}
          title="No tasks yet"
          description="The matrix fills in as the plan gets tasks: each says who is responsible and who is accountable."
          action={
            <Button
              variant="light"
              onClick={() =>
                void navigate({
                  to: "/projects/$projectId/plan",
                  params: { projectId: project.id },
                })
              }
            >
              Open the plan
            </Button>
          }
        />
      </Paper>
    );
  }

  function exportCsv() {
    if (!index) return;
    downloadCsv(`${project.key}-responsibilities.csv`, matrixCsv(index));
  }

  const violations = plan.data.tasks.filter((t) => t.violations.length > 0).length;

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end" gap="sm" className="no-print">
        <Group gap="sm" align="flex-end" role="search">
          <SearchBox value={search.q} onChange={(q) => onSearch({ q })} />
          <Chip
            size="sm"
            mb={4}
            color="orange"
            checked={search.violations}
            onChange={(on) => onSearch({ violations: on })}
          >
            RACI issues only ({violations})
          </Chip>
          <Switch
            mb={8}
            label="Customer and vendor"
            checked={showExtra}
            onChange={(e) => setExtraOn(e.currentTarget.checked)}
          />
        </Group>
        <Group gap="xs">
          {canEdit ? (
            <Menu position="bottom-end" shadow="md" width={280}>
              <Menu.Target>
                <Button
                  variant="default"
                  leftSection={<IconSparkles size={16} aria-hidden />}
                  loading={suggest.pending}
                >
                  Suggest
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Label>From the organisation’s playbook</Menu.Label>
                <Menu.Item onClick={() => void suggest.run({})}>
                  Fill blank letters in the whole plan
                </Menu.Item>
                <Menu.Item color="orange" onClick={() => void suggest.run({ overwrite: true })}>
                  Replace every letter
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          ) : null}
          <Button
            variant="default"
            leftSection={<IconPrinter size={16} aria-hidden />}
            onClick={() => {
              flushSync(() => setPrinting(true));
              window.print();
            }}
          >
            Print
          </Button>
          <Button
            variant="default"
            leftSection={<IconDownload size={16} aria-hidden />}
            onClick={exportCsv}
          >
            Export CSV
          </Button>
        </Group>
      </Group>
      <ConflictBanner
        projectId={project.id}
        conflicts={conflicts}
        onDone={(ids) => setConflicts((prev) => prev.filter((c) => !ids.includes(c.taskId)))}
      />
      {printing ? <PrintMatrix index={index} parties={parties} projectName={project.name} /> : null}
      <div className="matrix-layout">
        <div className="matrix-main no-print">
          <Text size="sm" c="dimmed" mb={6} className="no-print">
            {canEdit
              ? "Click a letter to cycle R → A → A/R → C → I → blank, or type R, A, C, I (Shift+A or / for A/R; Delete clears)."
              : "Read-only."}
          </Text>
          {rows.length === 0 ? (
            <Paper withBorder radius="md" p="lg">
              <EmptyState
                icon={<IconListDetails size={28} aria-hidden />}
                title={search.violations ? "No RACI issues" : "No tasks match"}
                description={
                  search.violations
                    ? "Every task has exactly one accountable party and at least one responsible."
                    : "Try another search."
                }
              />
            </Paper>
          ) : (
            <MatrixGrid
              projectId={project.id}
              label={`Responsibility matrix of ${project.key}`}
              rows={rows}
              parties={parties}
              canEdit={canEdit}
              tasksByPhase={tasksByPhase}
              onToggleCollapse={toggle}
              onOpenTask={openTask}
              onConflict={onConflict}
              layoutKey={conflicts.length}
            />
          )}
        </div>
        <MatrixSummary index={index} parties={parties} onOpenTask={openTask} printing={printing} />
      </div>
    </Stack>
  );
}

/** Every task as a plain table, for paper. */
function PrintMatrix({
  index,
  parties,
  projectName,
}: {
  index: NonNullable<ReturnType<typeof indexPlan>>;
  parties: readonly Party[];
  projectName: string;
}) {
  return (
    <div className="print-only">
      <Title order={2} fz="h4" mb="sm">
        Responsibility matrix — {projectName}
      </Title>
      <Table withTableBorder withColumnBorders fz="xs" verticalSpacing={2}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Phase</Table.Th>
            <Table.Th>Task</Table.Th>
            {parties.map((p) => (
              <Table.Th key={p}>{partyLabels[p]}</Table.Th>
            ))}
            <Table.Th>RACI check</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {index.phases.flatMap((phase) =>
            phaseTasks(index, phase.id).map((t) => (
              <Table.Tr key={t.id}>
                <Table.Td>{phase.name}</Table.Td>
                <Table.Td>{t.parentId ? `↳ ${t.title}` : t.title}</Table.Td>
                {parties.map((p) => (
                  <Table.Td key={p}>{raciText(t.responsibilities[p])}</Table.Td>
                ))}
                <Table.Td>{t.violations.map((v) => v.message).join("; ")}</Table.Td>
              </Table.Tr>
            )),
          )}
        </Table.Tbody>
      </Table>
    </div>
  );
}

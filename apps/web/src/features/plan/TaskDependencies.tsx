import {
  ActionIcon,
  Alert,
  Anchor,
  Button,
  Group,
  NativeSelect,
  NumberInput,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from "@mantine/core";
import {
  type Dependency,
  type DependencyType,
  dependencyTypeLabels,
  dependencyTypes,
  type Plan,
  type Task,
} from "@rollout/domain";
import { IconAlertTriangle, IconTrash } from "@tabler/icons-react";
import { useMemo, useState } from "react";
import { errorInfo } from "../../lib/trpc.ts";
import { useDependencyWrites } from "./planMutations.ts";

const typeOptions = dependencyTypes.map((t) => ({
  value: t,
  label: `${t} · ${dependencyTypeLabels[t]}`,
}));

function lagText(lag: number): string {
  if (lag === 0) return "no lag";
  const days = Math.abs(lag) === 1 ? "working day" : "working days";
  return lag > 0 ? `+${lag} ${days}` : `${lag} ${days} (lead)`;
}

/** The links of one task: what it waits for, what waits for it, and adding or removing one. */
export function TaskDependencies({
  projectId,
  task,
  plan,
  canEdit,
  onOpenTask,
}: {
  projectId: string;
  task: Task;
  plan: Plan;
  canEdit: boolean;
  onOpenTask: (taskId: string) => void;
}) {
  const writes = useDependencyWrites(projectId);
  const byId = useMemo(() => new Map(plan.tasks.map((t) => [t.id, t])), [plan.tasks]);
  const phaseName = useMemo(() => new Map(plan.phases.map((p) => [p.id, p.name])), [plan.phases]);
  const predecessors = plan.dependencies.filter((d) => d.successorId === task.id);
  const successors = plan.dependencies.filter((d) => d.predecessorId === task.id);
  const [error, setError] = useState<string | null>(null);

  function list(
    title: string,
    deps: Dependency[],
    other: (d: Dependency) => string,
    empty: string,
  ) {
    return (
      <div>
        <Title order={3} fz="sm" mb={6}>
          {title}
        </Title>
        {deps.length === 0 ? (
          <Text size="sm" c="dimmed">
            {empty}
          </Text>
        ) : (
          <Table withRowBorders verticalSpacing={4} aria-label={title}>
            <Table.Tbody>
              {deps.map((d) => {
                const t = byId.get(other(d));
                return (
                  <Table.Tr key={d.id}>
                    <Table.Td>
                      <Anchor
                        component="button"
                        type="button"
                        size="sm"
                        onClick={() => t && onOpenTask(t.id)}
                      >
                        {t?.title ?? "A task you cannot see"}
                      </Anchor>
                      {t ? (
                        <Text size="xs" c="dimmed">
                          {phaseName.get(t.phaseId)}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td w={canEdit ? 190 : 150}>
                      {canEdit ? (
                        <DependencyEdit
                          dependency={d}
                          onSave={(type, lag) => {
                            setError(null);
                            writes.update.mutate(
                              { projectId, dependencyId: d.id, version: d.version, type, lag },
                              { onError: (e) => setError(errorInfo(e).message) },
                            );
                          }}
                        />
                      ) : (
                        <Text size="sm">
                          {d.type} · {lagText(d.lag)}
                        </Text>
                      )}
                    </Table.Td>
                    {canEdit ? (
                      <Table.Td w={40}>
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={`Remove the link with ${t?.title ?? "this task"}`}
                          onClick={() => {
                            setError(null);
                            writes.remove.mutate(
                              { projectId, dependencyId: d.id },
                              { onError: (e) => setError(errorInfo(e).message) },
                            );
                          }}
                        >
                          <IconTrash size={16} aria-hidden />
                        </ActionIcon>
                      </Table.Td>
                    ) : null}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        )}
      </div>
    );
  }

  return (
    <Stack gap="md">
      {list(
        "Waits for (predecessors)",
        predecessors,
        (d) => d.predecessorId,
        "Nothing: this task can start on its own.",
      )}
      {list(
        "Waiting for this task (successors)",
        successors,
        (d) => d.successorId,
        "Nothing waits for this task.",
      )}
      {error ? (
        <Alert
          color="red"
          variant="light"
          icon={<IconAlertTriangle size={18} aria-hidden />}
          role="alert"
          title="Not linked"
        >
          {error}
        </Alert>
      ) : null}
      {canEdit ? (
        <AddDependency
          task={task}
          plan={plan}
          phaseName={phaseName}
          pending={writes.add.isPending}
          onAdd={(input, done) => {
            setError(null);
            writes.add.mutate(
              { projectId, ...input },
              { onSuccess: done, onError: (e) => setError(errorInfo(e).message) },
            );
          }}
        />
      ) : null}
    </Stack>
  );
}

function DependencyEdit({
  dependency,
  onSave,
}: {
  dependency: Dependency;
  onSave: (type: DependencyType, lag: number) => void;
}) {
  const [lag, setLag] = useState<string | number>(dependency.lag);
  const saveLag = () => {
    const n = typeof lag === "number" ? lag : Number(lag);
    if (Number.isInteger(n) && n !== dependency.lag) onSave(dependency.type, n);
  };
  return (
    <Group gap={6} wrap="nowrap">
      <NativeSelect
        size="xs"
        aria-label="Link type"
        data={dependencyTypes.map((t) => ({ value: t, label: t }))}
        value={dependency.type}
        onChange={(e) => onSave(e.currentTarget.value as DependencyType, dependency.lag)}
        w={70}
      />
      <NumberInput
        size="xs"
        aria-label="Lag in working days"
        value={lag}
        onChange={setLag}
        onBlur={saveLag}
        onKeyDown={(e) => {
          if (e.key === "Enter") saveLag();
        }}
        allowDecimal={false}
        min={-500}
        max={500}
        w={90}
        suffix=" d"
      />
    </Group>
  );
}

function AddDependency({
  task,
  plan,
  phaseName,
  pending,
  onAdd,
}: {
  task: Task;
  plan: Plan;
  phaseName: Map<string, string>;
  pending: boolean;
  onAdd: (
    input: { predecessorId: string; successorId: string; type: DependencyType; lag: number },
    done: () => void,
  ) => void;
}) {
  const [direction, setDirection] = useState<"predecessor" | "successor">("predecessor");
  const [other, setOther] = useState<string | null>(null);
  const [type, setType] = useState<DependencyType>("FS");
  const [lag, setLag] = useState<string | number>(0);
  const data = useMemo(
    () =>
      plan.tasks
        .filter((t) => t.id !== task.id)
        .map((t) => ({ value: t.id, label: `${t.title} · ${phaseName.get(t.phaseId) ?? ""}` })),
    [plan.tasks, task.id, phaseName],
  );
  return (
    <form
      aria-label="Add a link"
      onSubmit={(e) => {
        e.preventDefault();
        if (!other) return;
        const n = typeof lag === "number" ? lag : Number(lag) || 0;
        const input =
          direction === "predecessor"
            ? { predecessorId: other, successorId: task.id, type, lag: n }
            : { predecessorId: task.id, successorId: other, type, lag: n };
        onAdd(input, () => {
          setOther(null);
          setLag(0);
        });
      }}
    >
      <Stack gap="xs">
        <Title order={3} fz="sm">
          Add a link
        </Title>
        <SegmentedControl
          size="xs"
          value={direction}
          onChange={(v) => setDirection(v as typeof direction)}
          data={[
            { value: "predecessor", label: "This task waits for…" },
            { value: "successor", label: "…waits for this task" },
          ]}
        />
        <Select
          label="Task"
          placeholder="Search the plan"
          data={data}
          value={other}
          onChange={setOther}
          searchable
          limit={50}
          nothingFoundMessage="No task matches"
          comboboxProps={{ withinPortal: true }}
        />
        <Group gap="sm" align="flex-end">
          <NativeSelect
            label="Type"
            data={typeOptions}
            value={type}
            onChange={(e) => setType(e.currentTarget.value as DependencyType)}
            w={200}
          />
          <NumberInput
            label="Lag (days)"
            value={lag}
            onChange={setLag}
            allowDecimal={false}
            min={-500}
            max={500}
            w={120}
          />
          <Button type="submit" disabled={!other} loading={pending}>
            Add link
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

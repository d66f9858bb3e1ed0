import { Alert, Button, Group, NativeSelect, SimpleGrid, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import {
  type Party,
  parties,
  partyLabels,
  type RaciValue,
  raciLabels,
  raciValues,
  type Task,
  taskCategoryLabels,
} from "@rollout/domain";
import { IconAlertTriangle, IconCircleCheck, IconSparkles } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "../../lib/trpc.ts";
import { useSuggest, useTaskWriter } from "./planMutations.ts";
import { raciText } from "./raci.tsx";

const options = [
  { value: "", label: "— none" },
  ...raciValues.map((v) => ({ value: v, label: `${raciText(v)} · ${raciLabels[v]}` })),
];

function describe(r: Task["responsibilities"]): string {
  const parts = parties.filter((p) => r[p]).map((p) => `${partyLabels[p]} ${raciText(r[p])}`);
  return parts.length > 0 ? parts.join(", ") : "nothing";
}

/** One letter per party, saved as it is picked; the rule's verdict right below. */
export function TaskResponsibilities({
  projectId,
  task,
  canEdit,
  onConflict,
}: {
  projectId: string;
  task: Task;
  canEdit: boolean;
  onConflict: (message: string) => void;
}) {
  const trpc = useTRPC();
  const write = useTaskWriter(projectId);
  const suggest = useSuggest(projectId);
  const playbook = useQuery(trpc.playbook.get.queryOptions());
  const entry = playbook.data?.find((e) => e.category === task.category);

  function change(party: Party, value: RaciValue | null) {
    const changes = { responsibilities: { [party]: value } };
    void write(task, changes).then((r) => {
      if (r.ok) return;
      if (r.conflict) onConflict(r.message);
      else notifications.show({ color: "red", title: "Not saved", message: r.message });
    });
  }

  return (
    <Stack gap="sm">
      <SimpleGrid cols={2} spacing="sm">
        {parties.map((p) =>
          canEdit ? (
            <NativeSelect
              key={p}
              label={partyLabels[p]}
              data={options}
              value={task.responsibilities[p] ?? ""}
              onChange={(e) => {
                const v = e.currentTarget.value;
                change(p, v === "" ? null : (v as RaciValue));
              }}
            />
          ) : (
            <div key={p}>
              <Text size="sm" fw={500}>
                {partyLabels[p]}
              </Text>
              <Text size="sm">
                {task.responsibilities[p]
                  ? `${raciText(task.responsibilities[p])} · ${raciLabels[task.responsibilities[p]]}`
                  : "—"}
              </Text>
            </div>
          ),
        )}
      </SimpleGrid>
      {task.violations.length > 0 ? (
        <Alert
          color="orange"
          variant="light"
          icon={<IconAlertTriangle size={18} aria-hidden />}
          title="Breaks the RACI rule"
        >
          <Stack gap={2}>
            {task.violations.map((v) => (
              <Text key={v.code} size="sm">
                {v.message}
              </Text>
            ))}
          </Stack>
          <Text size="xs" c="dimmed" mt={6}>
            Exactly one party is accountable (A or A/R) and at least one is responsible (R or A/R).
          </Text>
        </Alert>
      ) : (
        <Group gap={6}>
          <IconCircleCheck size={16} color="var(--mantine-color-green-filled)" aria-hidden />
          <Text size="sm" c="dimmed">
            One party accountable, at least one responsible.
          </Text>
        </Group>
      )}
      {entry ? (
        <Text size="xs" c="dimmed">
          Playbook for {taskCategoryLabels[task.category]}: {describe(entry.responsibilities)}.
        </Text>
      ) : null}
      {canEdit ? (
        <Group gap="sm">
          <Button
            size="xs"
            variant="light"
            leftSection={<IconSparkles size={14} aria-hidden />}
            loading={suggest.pending}
            onClick={() => void suggest.run({ taskIds: [task.id] })}
          >
            Suggest from playbook
          </Button>
          <Button
            size="xs"
            variant="subtle"
            color="gray"
            disabled={suggest.pending}
            onClick={() => void suggest.run({ taskIds: [task.id], overwrite: true })}
          >
            Replace with playbook
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}

import {
  Alert,
  Badge,
  Button,
  Group,
  NativeSelect,
  Paper,
  Table,
  Text,
  Tooltip,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import {
  defaultPlaybook,
  type Party,
  parties,
  partyLabels,
  type RaciValue,
  raciLabels,
  raciValues,
  raciViolations,
  type TaskCategory,
  taskCategoryLabels,
} from "@rollout/domain";
import { IconAlertTriangle, IconRefreshAlert, IconRestore } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { errorInfo, useTRPC } from "../../lib/trpc.ts";
import { ErrorAlert } from "../../ui/ErrorAlert.tsx";
import { LoadingRows } from "../../ui/Loading.tsx";
import { RaciChip, raciText } from "../plan/raci.tsx";
import "../plan/plan.css";

type Entry = {
  category: TaskCategory;
  responsibilities: Record<Party, RaciValue | null>;
  customised: boolean;
  version: number;
};

const options = [
  { value: "", label: "—" },
  ...raciValues.map((v) => ({ value: v, label: raciText(v) })),
];

function describe(r: Entry["responsibilities"]): string {
  const parts = parties.filter((p) => r[p]).map((p) => `${partyLabels[p]} ${raciText(r[p])}`);
  return parts.length > 0 ? parts.join(", ") : "nothing";
}

/**
 * The organisation's playbook: for each task category, the letters a new task gets (and what
 * "Suggest" fills in). Owners and admins edit it; a category someone else changed meanwhile is
 * not overwritten silently.
 */
export function PlaybookTable({ canManage }: { canManage: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const playbook = useQuery(trpc.playbook.get.queryOptions());
  const key = trpc.playbook.get.queryKey();
  const refresh = () => queryClient.invalidateQueries(trpc.playbook.get.pathFilter());
  const [conflict, setConflict] = useState<{
    entry: Entry;
    mine: Entry["responsibilities"];
    message: string;
  } | null>(null);
  const update = useMutation(trpc.playbook.update.mutationOptions());
  const reset = useMutation(trpc.playbook.reset.mutationOptions());

  function save(entry: Entry, next: Entry["responsibilities"]) {
    setConflict(null);
    const before = queryClient.getQueryData(key);
    queryClient.setQueryData(key, (old) =>
      old?.map((e) =>
        e.category === entry.category ? { ...e, responsibilities: next, customised: true } : e,
      ),
    );
    update.mutate(
      { category: entry.category, version: entry.version, responsibilities: next },
      {
        onSuccess: () => void refresh(),
        onError: async (error) => {
          const info = errorInfo(error);
          if (before) queryClient.setQueryData(key, before);
          if (info.code === "CONFLICT") {
            await refresh();
            const fresh = queryClient.getQueryData(key)?.find((e) => e.category === entry.category);
            if (fresh) setConflict({ entry: fresh, mine: next, message: info.message });
            return;
          }
          notifications.show({ color: "red", title: "Playbook not saved", message: info.message });
        },
      },
    );
  }

  if (playbook.isPending) return <LoadingRows rows={8} label="Loading the playbook" />;
  if (playbook.isError) {
    return (
      <ErrorAlert
        error={playbook.error}
        title="The playbook could not be loaded"
        onRetry={() => void playbook.refetch()}
      />
    );
  }

  return (
    <Paper withBorder radius="md" p="md">
      {conflict ? (
        <Alert
          color="orange"
          variant="light"
          icon={<IconRefreshAlert size={18} aria-hidden />}
          title="Not saved"
          mb="md"
          role="alert"
        >
          <Text size="sm">
            Someone changed {taskCategoryLabels[conflict.entry.category]} while you were editing. It
            now reads: {describe(conflict.entry.responsibilities)}. Yours was:{" "}
            {describe(conflict.mine)}.
          </Text>
          <Group mt="sm" gap="sm">
            <Button size="xs" color="orange" onClick={() => save(conflict.entry, conflict.mine)}>
              Save mine over theirs
            </Button>
            <Button size="xs" variant="default" onClick={() => setConflict(null)}>
              Keep theirs
            </Button>
          </Group>
        </Alert>
      ) : null}
      <Table.ScrollContainer minWidth={760} type="native">
        <Table verticalSpacing={6} highlightOnHover aria-label="Playbook">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Task category</Table.Th>
              {parties.map((p) => (
                <Table.Th key={p} scope="col" ta="center">
                  {partyLabels[p]}
                </Table.Th>
              ))}
              <Table.Th scope="col">RACI check</Table.Th>
              <Table.Th scope="col">
                <span className="visually-hidden">Default</span>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {playbook.data.map((entry) => {
              const problems = raciViolations(entry.responsibilities);
              const label = taskCategoryLabels[entry.category];
              return (
                <Table.Tr key={entry.category}>
                  <Table.Th scope="row" fw={500}>
                    {label}
                    {entry.customised ? (
                      <Badge ml={8} size="xs" variant="light" color="indigo">
                        Customised
                      </Badge>
                    ) : null}
                  </Table.Th>
                  {parties.map((p) => (
                    <Table.Td key={p} ta="center">
                      {canManage ? (
                        <NativeSelect
                          size="xs"
                          w={76}
                          mx="auto"
                          aria-label={`${partyLabels[p]} for ${label}`}
                          data={options}
                          value={entry.responsibilities[p] ?? ""}
                          disabled={
                            update.isPending && update.variables?.category === entry.category
                          }
                          title={
                            entry.responsibilities[p]
                              ? raciLabels[entry.responsibilities[p]]
                              : "None"
                          }
                          onChange={(e) => {
                            const v = e.currentTarget.value;
                            save(entry, {
                              ...entry.responsibilities,
                              [p]: v === "" ? null : (v as RaciValue),
                            });
                          }}
                        />
                      ) : (
                        <RaciChip value={entry.responsibilities[p]} />
                      )}
                    </Table.Td>
                  ))}
                  <Table.Td>
                    {problems.length > 0 ? (
                      <Text size="xs" c="orange" fw={600} className="inline-flag">
                        <IconAlertTriangle size={14} aria-hidden />
                        {problems.map((v) => v.message).join("; ")}
                      </Text>
                    ) : (
                      <Text size="xs" c="dimmed">
                        Fine
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {canManage && entry.customised ? (
                      <Tooltip label={`Default: ${describe(defaultPlaybook[entry.category])}`}>
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          leftSection={<IconRestore size={14} aria-hidden />}
                          loading={reset.isPending && reset.variables?.category === entry.category}
                          onClick={() =>
                            reset.mutate(
                              { category: entry.category },
                              {
                                onSuccess: () => {
                                  void refresh();
                                  notifications.show({
                                    color: "green",
                                    title: "Back to the default",
                                    message: `${label}: ${describe(defaultPlaybook[entry.category])}.`,
                                  });
                                },
                                onError: (error) =>
                                  notifications.show({
                                    color: "red",
                                    title: "Not reset",
                                    message: errorInfo(error).message,
                                  }),
                              },
                            )
                          }
                        >
                          Reset to default
                        </Button>
                      </Tooltip>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

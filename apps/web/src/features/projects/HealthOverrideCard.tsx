import { Button, Group, NativeSelect, Paper, Stack, Text, Textarea, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type Project, type Rag, rags } from "@rollout/domain";
import { type FormEvent, useState } from "react";
import { isOneOf } from "../../lib/isOneOf.ts";
import { errorInfo } from "../../lib/trpc.ts";
import { RagBadge } from "../../ui/badges.tsx";
import { formatTimestamp } from "../../ui/format.ts";
import { useOverrideHealth } from "./projectMutations.ts";

const ragOptions = rags.map((r) => ({ value: r, label: r[0]?.toUpperCase() + r.slice(1) }));

/** A PM's call on the project's health, with the reason everyone sees. */
export function HealthOverrideCard({ project }: { project: Project }) {
  const override = project.healthOverride;
  const mutation = useOverrideHealth();
  const [rag, setRag] = useState<Rag>(override?.rag ?? "amber");
  const [reason, setReason] = useState(override?.reason ?? "");
  const [error, setError] = useState<string | null>(null);

  function save(value: { rag: Rag; reason: string } | null) {
    setError(null);
    mutation.mutate(
      { projectId: project.id, version: project.version, override: value },
      {
        onSuccess: () =>
          notifications.show({
            color: "green",
            title: value ? "Health set" : "Health override cleared",
            message: project.key,
          }),
        onError: (failure) => {
          const info = errorInfo(failure);
          setError(info.fieldErrors["override.reason"] ?? info.message);
        },
      },
    );
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!reason.trim()) {
      setError("Say why, so everyone reading the project understands the call");
      return;
    }
    save({ rag, reason: reason.trim() });
  }

  return (
    <Paper withBorder radius="md" p="lg">
      <form onSubmit={submit} noValidate aria-label="Health override">
        <Stack gap="sm">
          <Title order={2} fz="h4">
            Health override
          </Title>
          <Text size="sm" c="dimmed">
            Set the project's overall health by hand when the numbers do not tell the whole story.
          </Text>
          {override ? (
            <Group gap="xs">
              <Text size="sm">Now:</Text>
              <RagBadge rag={override.rag} />
              <Text size="xs" c="dimmed">
                by {override.byName}, {formatTimestamp(override.at)}
              </Text>
            </Group>
          ) : null}
          <Group align="flex-start" gap="md" wrap="wrap">
            <NativeSelect
              label="Health"
              data={ragOptions}
              value={rag}
              onChange={(e) => {
                const value = e.currentTarget.value;
                if (isOneOf(rags, value)) setRag(value);
              }}
              w={140}
            />
            <Textarea
              label="Reason"
              required
              autosize
              minRows={2}
              maxLength={1000}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              error={error}
              style={{ flex: "1 1 18rem" }}
            />
          </Group>
          <Group justify="flex-end" gap="sm">
            {override ? (
              <Button variant="default" onClick={() => save(null)} disabled={mutation.isPending}>
                Clear override
              </Button>
            ) : null}
            <Button type="submit" variant="light" loading={mutation.isPending}>
              {override ? "Update health" : "Set health"}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

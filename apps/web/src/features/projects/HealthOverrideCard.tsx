import {
  Button,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type Project, type Rag, rags } from "@rollout/domain";
import { type FormEvent, useState } from "react";
import { isOneOf } from "../../lib/isOneOf.ts";
import { errorInfo } from "../../lib/trpc.ts";
import { RagBadge } from "../../ui/badges.tsx";
import { formatDate, formatTimestamp, todayLocal } from "../../ui/format.ts";
import { useOverrideHealth } from "./projectMutations.ts";

const ragOptions = rags.map((r) => ({ value: r, label: r[0]?.toUpperCase() + r.slice(1) }));

interface HealthOverrideFormProps {
  project: Project;
  /** Called after a successful save or clear (e.g. to close a dialog). */
  onDone?: () => void;
}

/**
 * A PM's call on the project's overall health: colour, the reason everyone sees, and optionally
 * the last day it applies (after that the rules' colour shows again). The computed colour and
 * its reasons stay visible beside it on every dashboard.
 */
export function HealthOverrideForm({ project, onDone }: HealthOverrideFormProps) {
  const override = project.healthOverride;
  const mutation = useOverrideHealth();
  const [rag, setRag] = useState<Rag>(override?.rag ?? "amber");
  const [reason, setReason] = useState(override?.reason ?? "");
  const [expiresOn, setExpiresOn] = useState(override?.expiresOn ?? "");
  const [errors, setErrors] = useState<{ reason?: string; expiresOn?: string; form?: string }>({});
  const today = todayLocal();

  function save(value: { rag: Rag; reason: string; expiresOn: string | null } | null) {
    setErrors({});
    mutation.mutate(
      { projectId: project.id, version: project.version, override: value },
      {
        onSuccess: () => {
          notifications.show({
            color: "green",
            title: value ? "Health set" : "Health override cleared",
            message: project.key,
          });
          onDone?.();
        },
        onError: (failure) => {
          const info = errorInfo(failure);
          setErrors({
            reason: info.fieldErrors["override.reason"],
            expiresOn: info.fieldErrors["override.expiresOn"],
            form:
              info.fieldErrors["override.reason"] || info.fieldErrors["override.expiresOn"]
                ? undefined
                : info.message,
          });
        },
      },
    );
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const problems: typeof errors = {};
    if (!reason.trim())
      problems.reason = "Say why, so everyone reading the project understands the call";
    if (expiresOn && expiresOn < today) problems.expiresOn = "Choose today or a later day";
    if (problems.reason || problems.expiresOn) {
      setErrors(problems);
      return;
    }
    save({ rag, reason: reason.trim(), expiresOn: expiresOn || null });
  }

  return (
    <form onSubmit={submit} noValidate aria-label="Health override">
      <Stack gap="sm">
        {override ? (
          <Group gap="xs">
            <Text size="sm">Now:</Text>
            <RagBadge rag={override.rag} />
            <Text size="xs" c="dimmed">
              by {override.byName}, {formatTimestamp(override.at)}
              {override.expiresOn ? ` · until ${formatDate(override.expiresOn)}` : ""}
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
          <TextInput
            type="date"
            label="Until (optional)"
            description="The last day it applies"
            min={today}
            value={expiresOn}
            onChange={(e) => setExpiresOn(e.currentTarget.value)}
            error={errors.expiresOn}
            w={190}
          />
        </Group>
        <Textarea
          label="Reason"
          required
          autosize
          minRows={2}
          maxLength={1000}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={errors.reason}
        />
        {errors.form ? (
          <Text size="sm" c="red" role="alert">
            {errors.form}
          </Text>
        ) : null}
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
  );
}

/** The override in the project's settings. */
export function HealthOverrideCard({ project }: { project: Project }) {
  return (
    <Paper withBorder radius="md" p="lg">
      <Stack gap="sm">
        <Title order={2} fz="h4">
          Health override
        </Title>
        <Text size="sm" c="dimmed">
          Set the project's overall health by hand when the numbers do not tell the whole story. The
          colour the rules give stays visible beside it.
        </Text>
        <HealthOverrideForm project={project} />
      </Stack>
    </Paper>
  );
}

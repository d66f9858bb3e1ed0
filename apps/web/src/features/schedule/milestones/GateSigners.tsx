import {
  Alert,
  Badge,
  Button,
  Group,
  List,
  Paper,
  Select,
  Stack,
  Text,
  Textarea,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import type { Milestone, Plan } from "@rollout/domain";
import { IconCircleCheck, IconClock, IconUserMinus } from "@tabler/icons-react";
import { type FormEvent, useState } from "react";
import { errorInfo } from "../../../lib/trpc.ts";
import { formatTimestamp } from "../../../ui/format.ts";
import { ConfirmIcon } from "../ConfirmIcon.tsx";
import { useGateWrites } from "../scheduleData.ts";

/**
 * Who signs the gate off, and who has. Editors name people from the project; a person named
 * signs it off here (once) — the API refuses everyone else.
 */
export function GateSigners({
  projectId,
  milestone,
  people,
  canEdit,
  userId,
}: {
  projectId: string;
  milestone: Milestone;
  people: Plan["people"];
  canEdit: boolean;
  userId: string | null;
}) {
  const writes = useGateWrites(projectId);
  const named = new Set(milestone.signers.map((s) => s.userId));
  const mine = milestone.signers.find((s) => s.userId === userId);
  const candidates = people
    .filter((p) => !named.has(p.userId))
    .map((p) => ({ value: p.userId, label: p.name }));

  return (
    <Stack gap="sm">
      {mine && !mine.signedAt ? <SignOff projectId={projectId} milestone={milestone} /> : null}
      {milestone.signers.length === 0 ? (
        <Text size="sm" c="dimmed">
          Nobody is named to sign this gate off yet.
        </Text>
      ) : (
        <List spacing="xs" listStyleType="none" aria-label="Sign-offs">
          {milestone.signers.map((s) => (
            <List.Item key={s.userId}>
              <Group gap="sm" wrap="nowrap" align="flex-start">
                {s.signedAt ? (
                  <IconCircleCheck size={20} color="var(--mantine-color-green-6)" aria-hidden />
                ) : (
                  <IconClock size={20} color="var(--mantine-color-dimmed)" aria-hidden />
                )}
                <Stack gap={0} style={{ flex: 1, minWidth: 0 }}>
                  <Group gap="xs">
                    <Text size="sm" fw={500}>
                      {s.name}
                      {s.userId === userId ? (
                        <Text span size="xs" c="dimmed" ml={6}>
                          (you)
                        </Text>
                      ) : null}
                    </Text>
                    {s.signedAt ? (
                      <Badge color="green" variant="light" size="sm">
                        Signed
                      </Badge>
                    ) : (
                      <Badge color="gray" variant="light" size="sm">
                        Waiting
                      </Badge>
                    )}
                  </Group>
                  {s.signedAt ? (
                    <Text size="xs" c="dimmed">
                      {formatTimestamp(s.signedAt)}
                      {s.comment ? ` · “${s.comment}”` : ""}
                    </Text>
                  ) : null}
                </Stack>
                {canEdit ? (
                  <ConfirmIcon
                    label={`Remove ${s.name}`}
                    title={`Remove ${s.name} from this gate?`}
                    message={
                      s.signedAt
                        ? "Their sign-off is removed with them."
                        : "They will no longer be asked to sign it off."
                    }
                    confirmLabel="Remove"
                    icon={<IconUserMinus size={16} aria-hidden />}
                    onConfirm={() =>
                      writes.removeSigner.mutate(
                        { projectId, milestoneId: milestone.id, userId: s.userId },
                        {
                          onError: (error) =>
                            notifications.show({
                              color: "red",
                              title: "Not removed",
                              message: errorInfo(error).message,
                            }),
                        },
                      )
                    }
                  />
                ) : null}
              </Group>
            </List.Item>
          ))}
        </List>
      )}
      {canEdit && candidates.length > 0 ? (
        <Select
          label="Name someone to sign off"
          placeholder="Choose a person on this project"
          data={candidates}
          value={null}
          searchable
          disabled={writes.addSigner.isPending}
          onChange={(id) => {
            if (!id) return;
            writes.addSigner.mutate(
              { projectId, milestoneId: milestone.id, userId: id },
              {
                onError: (error) =>
                  notifications.show({
                    color: "red",
                    title: "Not added",
                    message: errorInfo(error).message,
                  }),
              },
            );
          }}
          maw={360}
        />
      ) : null}
    </Stack>
  );
}

/** The named person's own sign-off, with an optional comment. */
function SignOff({ projectId, milestone }: { projectId: string; milestone: Milestone }) {
  const { signOff } = useGateWrites(projectId);
  const [comment, setComment] = useState("");
  const [error, setError] = useState<string | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    signOff.mutate(
      { projectId, milestoneId: milestone.id, comment },
      {
        onSuccess: () =>
          notifications.show({
            color: "green",
            title: "Signed off",
            message: `You signed off ${milestone.name}.`,
          }),
        onError: (failure) => setError(errorInfo(failure).message),
      },
    );
  }

  return (
    <Paper withBorder radius="md" p="md" className="signoff-box">
      <form onSubmit={submit} noValidate aria-label={`Sign off ${milestone.name}`}>
        <Stack gap="xs">
          <Text fw={600}>Your sign-off is requested</Text>
          <Text size="sm" c="dimmed">
            Signing says you agree {milestone.name} may go ahead on the readiness shown here.
          </Text>
          {error ? (
            <Alert color="red" variant="light" role="alert">
              {error}
            </Alert>
          ) : null}
          <Textarea
            label="Comment (optional)"
            autosize
            minRows={1}
            maxLength={2000}
            value={comment}
            onChange={(e) => setComment(e.currentTarget.value)}
          />
          <Group>
            <Button type="submit" color="green" loading={signOff.isPending}>
              Sign off
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

import {
  Alert,
  Badge,
  Button,
  Group,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import type { Milestone } from "@rollout/domain";
import { type FormEvent, useId, useState } from "react";
import { errorInfo } from "../../../lib/trpc.ts";
import { formatTimestamp } from "../../../ui/format.ts";
import { useGateWrites } from "../scheduleData.ts";

type Decision = "go" | "no_go";

export function DecisionBadge({ decision }: { decision: Decision }) {
  return (
    <Badge variant="filled" color={decision === "go" ? "green" : "red"} size="lg">
      {decision === "go" ? "Go" : "No-go"}
    </Badge>
  );
}

/**
 * The go/no-go call: the last one (who, when, why) for everyone; a PM or org admin records a
 * new one with a reason. A refused save (someone decided first) keeps the reason typed.
 */
export function GateDecision({
  projectId,
  milestone,
  canDecide,
}: {
  projectId: string;
  milestone: Milestone;
  canDecide: boolean;
}) {
  const { decide } = useGateWrites(projectId);
  const labelId = useId();
  const last = milestone.decision;
  const [decision, setDecision] = useState<Decision>("go");
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!reason.trim()) {
      setError("Say why: the team reads this when the gate is reviewed");
      return;
    }
    setError(null);
    setNotice(null);
    decide.mutate(
      { projectId, milestoneId: milestone.id, version: milestone.version, decision, reason },
      {
        onSuccess: () => {
          notifications.show({
            color: decision === "go" ? "green" : "orange",
            title: `${decision === "go" ? "Go" : "No-go"} recorded`,
            message: milestone.name,
          });
          setReason("");
        },
        onError: (failure) => {
          const info = errorInfo(failure);
          if (info.code === "CONFLICT") {
            setNotice(
              `${info.message}. Your reason is kept; check the latest decision above and record yours again if it still stands.`,
            );
            return;
          }
          setError(info.fieldErrors.reason ?? info.message);
        },
      },
    );
  }

  return (
    <Stack gap="sm">
      {last ? (
        <Paper withBorder p="sm" radius="md" aria-label="Last decision">
          <Group gap="sm" align="flex-start" wrap="nowrap">
            <DecisionBadge decision={last.decision} />
            <Stack gap={2} style={{ minWidth: 0 }}>
              <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
                {last.reason}
              </Text>
              <Text size="xs" c="dimmed">
                {last.byName}, {formatTimestamp(last.at)}
              </Text>
            </Stack>
          </Group>
        </Paper>
      ) : (
        <Text size="sm" c="dimmed">
          No go/no-go decision yet.
        </Text>
      )}
      {canDecide ? (
        <form onSubmit={submit} noValidate aria-label="Record a go/no-go decision">
          <Stack gap="xs">
            {notice ? (
              <Alert color="orange" variant="light" role="alert">
                {notice}
              </Alert>
            ) : null}
            <Group align="flex-start" gap="sm" wrap="wrap">
              <div>
                <Text size="sm" fw={500} mb={4} id={labelId}>
                  Decision
                </Text>
                <SegmentedControl
                  aria-labelledby={labelId}
                  data={[
                    { value: "go", label: "Go" },
                    { value: "no_go", label: "No-go" },
                  ]}
                  value={decision}
                  onChange={(v) => setDecision(v === "no_go" ? "no_go" : "go")}
                  color={decision === "go" ? "green" : "red"}
                />
              </div>
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
            <Group justify="flex-end">
              <Button type="submit" variant="light" loading={decide.isPending}>
                Record decision
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}
    </Stack>
  );
}

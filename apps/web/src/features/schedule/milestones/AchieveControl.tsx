import { Alert, Button, Group, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import type { Milestone } from "@rollout/domain";
import { IconAlertTriangle, IconCircleCheck } from "@tabler/icons-react";
import { type FormEvent, useState } from "react";
import { errorInfo } from "../../../lib/trpc.ts";
import { todayLocal } from "../../../ui/format.ts";
import { useMilestoneWrites } from "../scheduleData.ts";

/**
 * "Mark achieved": sets the actual date. A gate with a required criterion unmet is refused by
 * the API with its reason; a PM (or org admin) then gets a second step, "Achieve anyway", which
 * needs a reason of their own and is recorded in the history.
 */
export function AchieveControl({
  projectId,
  milestone,
  canDecide,
}: {
  projectId: string;
  milestone: Milestone;
  canDecide: boolean;
}) {
  const { update } = useMilestoneWrites(projectId);
  const [open, setOpen] = useState(false);
  const [date, setDate] = useState(todayLocal);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [reason, setReason] = useState("");
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  function achieve(override: { reason: string } | null) {
    setFailure(null);
    update.mutate(
      {
        projectId,
        milestoneId: milestone.id,
        version: milestone.version,
        changes: { actualDate: date },
        overrideUnmetCriteria: override,
      },
      {
        onSuccess: () => {
          notifications.show({
            color: "green",
            title: `${milestone.name} achieved`,
            message: override ? "Achieved over unmet criteria; the reason is recorded." : date,
          });
          setOpen(false);
          setRefusal(null);
          setReason("");
        },
        onError: (error) => {
          const info = errorInfo(error);
          if (info.code === "BAD_REQUEST" && info.fieldErrors.actualDate && !override) {
            setRefusal(info.message);
            return;
          }
          setFailure(
            info.code === "CONFLICT"
              ? `${info.message}. The milestone has been reloaded: try again.`
              : info.message,
          );
        },
      },
    );
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    achieve(null);
  }

  function submitAnyway(event: FormEvent) {
    event.preventDefault();
    if (!reason.trim()) {
      setReasonError("Say why the gate is achieved although criteria are unmet");
      return;
    }
    setReasonError(null);
    achieve({ reason: reason.trim() });
  }

  if (!open) {
    return (
      <Button
        variant="light"
        color="green"
        leftSection={<IconCircleCheck size={16} aria-hidden />}
        onClick={() => setOpen(true)}
      >
        Mark achieved
      </Button>
    );
  }

  return (
    <Stack gap="sm" className="achieve-box">
      <form onSubmit={submit} noValidate aria-label={`Mark ${milestone.name} achieved`}>
        <Group align="flex-end" gap="sm">
          <TextInput
            type="date"
            label="Achieved on"
            required
            value={date}
            onChange={(e) => setDate(e.currentTarget.value)}
            w={180}
          />
          <Button type="submit" color="green" loading={update.isPending && !refusal}>
            Mark achieved
          </Button>
          <Button
            variant="default"
            onClick={() => {
              setOpen(false);
              setRefusal(null);
              setFailure(null);
            }}
          >
            Cancel
          </Button>
        </Group>
      </form>
      {failure ? (
        <Alert color="red" variant="light" role="alert">
          {failure}
        </Alert>
      ) : null}
      {refusal ? (
        <Alert
          color="orange"
          variant="light"
          role="alert"
          title="Not achieved"
          icon={<IconAlertTriangle size={18} aria-hidden />}
        >
          <Text size="sm">{refusal}</Text>
          {canDecide ? (
            <form onSubmit={submitAnyway} noValidate aria-label="Achieve anyway">
              <Stack gap="xs" mt="sm">
                <Textarea
                  label="Reason to achieve it anyway"
                  description="Recorded with your name in the project history"
                  required
                  autosize
                  minRows={2}
                  maxLength={1000}
                  value={reason}
                  onChange={(e) => setReason(e.currentTarget.value)}
                  error={reasonError}
                />
                <Group>
                  <Button type="submit" color="orange" loading={update.isPending}>
                    Achieve anyway
                  </Button>
                </Group>
              </Stack>
            </form>
          ) : (
            <Text size="sm" mt={4}>
              Meet the criteria first, or ask a PM: only they can achieve a gate over unmet
              criteria.
            </Text>
          )}
        </Alert>
      ) : null}
    </Stack>
  );
}

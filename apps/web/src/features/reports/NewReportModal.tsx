import { Alert, Button, Group, Modal, Stack, Text, TextInput } from "@mantine/core";
import { reportCreateInput } from "@rollout/domain";
import { IconInfoCircle } from "@tabler/icons-react";
import { type FormEvent, useState } from "react";
import { errorInfo } from "../../lib/trpc.ts";
import { type FieldErrors, unplacedErrors, zodFieldErrors } from "../../ui/fieldErrors.ts";
import { todayLocal } from "../../ui/format.ts";
import type { ReportSummary } from "./ReportHistory.tsx";
import { useReportWrites } from "./reportData.ts";
import { currentWeek, defaultPeriod, formatPeriod, overlapping } from "./reportPeriod.ts";

/**
 * Starts a report for a period (last working week unless changed). The server pre-fills it from
 * the live project: colours by the rules, milestones, top risks, work done and due next.
 */
export function NewReportModal({
  projectId,
  opened,
  reports,
  onClose,
  onCreated,
}: {
  projectId: string;
  opened: boolean;
  reports: readonly ReportSummary[];
  onClose: () => void;
  onCreated: (reportId: string) => void;
}) {
  return (
    <Modal opened={opened} onClose={onClose} title="New status report" size="md">
      {opened ? (
        <NewReportForm
          projectId={projectId}
          reports={reports}
          onClose={onClose}
          onCreated={onCreated}
        />
      ) : null}
    </Modal>
  );
}

function NewReportForm({
  projectId,
  reports,
  onClose,
  onCreated,
}: {
  projectId: string;
  reports: readonly ReportSummary[];
  onClose: () => void;
  onCreated: (reportId: string) => void;
}) {
  const today = todayLocal();
  const [period, setPeriod] = useState(() => defaultPeriod(today));
  const [errors, setErrors] = useState<FieldErrors>({});
  const writes = useReportWrites(projectId);
  const parsed = reportCreateInput.safeParse(period);
  const clashes = parsed.success ? overlapping(reports, period) : [];

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error));
      return;
    }
    setErrors({});
    writes.create.mutate(
      { projectId, ...parsed.data },
      {
        onSuccess: (created) => onCreated(created.id),
        onError: (error) => {
          const info = errorInfo(error);
          const extra = unplacedErrors(info.fieldErrors, ["periodStart", "periodEnd"]);
          setErrors({
            ...info.fieldErrors,
            _:
              extra.length > 0
                ? extra.join(" ")
                : Object.keys(info.fieldErrors).length > 0
                  ? ""
                  : info.message,
          });
        },
      },
    );
  }

  const choose = (next: { periodStart: string; periodEnd: string }) => {
    setPeriod(next);
    setErrors({});
  };

  return (
    <form onSubmit={submit} aria-label="New status report" noValidate>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          The draft is filled in from the project as it is now: colours by the health rules,
          milestones, top risks, the tasks finished in the period and those due next. You edit it
          before publishing.
        </Text>
        <Group gap="xs">
          <Button size="compact-sm" variant="light" onClick={() => choose(defaultPeriod(today))}>
            Last week
          </Button>
          <Button size="compact-sm" variant="light" onClick={() => choose(currentWeek(today))}>
            This week
          </Button>
        </Group>
        <Group grow align="flex-start">
          <TextInput
            type="date"
            label="Period start"
            required
            data-autofocus
            value={period.periodStart}
            onChange={(e) => choose({ ...period, periodStart: e.currentTarget.value })}
            error={errors.periodStart}
          />
          <TextInput
            type="date"
            label="Period end"
            required
            value={period.periodEnd}
            onChange={(e) => choose({ ...period, periodEnd: e.currentTarget.value })}
            error={errors.periodEnd}
          />
        </Group>
        {parsed.success ? (
          <Text size="sm">
            Covers <b>{formatPeriod(period.periodStart, period.periodEnd)}</b>.
          </Text>
        ) : null}
        {clashes.length > 0 ? (
          <Alert color="yellow" variant="light" icon={<IconInfoCircle size={18} aria-hidden />}>
            {clashes.length === 1 ? "Report" : "Reports"}{" "}
            {clashes.map((r) => `No. ${r.number}`).join(", ")} already{" "}
            {clashes.length === 1 ? "covers" : "cover"} part of this period. You can still start
            another.
          </Alert>
        ) : null}
        {errors._ ? (
          <Alert color="red" variant="light" role="alert">
            {errors._}
          </Alert>
        ) : null}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={writes.create.isPending}>
            Create draft
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

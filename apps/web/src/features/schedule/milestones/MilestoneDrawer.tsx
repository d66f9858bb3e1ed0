import {
  Alert,
  Button,
  Checkbox,
  Divider,
  Drawer,
  Group,
  NativeSelect,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import {
  type Milestone,
  type MilestoneStatus,
  milestoneStatuses,
  milestoneStatusLabels,
} from "@rollout/domain";
import { IconRefreshAlert } from "@tabler/icons-react";
import { type FormEvent, useState } from "react";
import { isOneOf } from "../../../lib/isOneOf.ts";
import { errorInfo } from "../../../lib/trpc.ts";
import type { FieldErrors } from "../../../ui/fieldErrors.ts";
import { formatDate } from "../../../ui/format.ts";
import { useFreshMilestone, useMilestoneWrites } from "../scheduleData.ts";
import { LinkedTasks } from "./LinkedTasks.tsx";
import {
  emptyMilestoneValues,
  formErrors,
  type MilestoneValues,
  milestoneValues,
  parseCreate,
  parseUpdate,
  rebase,
} from "./milestoneForm.ts";

const statusOptions = milestoneStatuses.map((s) => ({ value: s, label: milestoneStatusLabels[s] }));

interface MilestoneDrawerProps {
  projectId: string;
  /** The milestone to edit; null to create one. */
  milestone: Milestone | null;
  opened: boolean;
  onClose: () => void;
  onCreated: (id: string) => void;
}

/** Create or edit a milestone. Mounted fresh for each milestone opened (see the `key`). */
export function MilestoneDrawer(props: MilestoneDrawerProps) {
  return (
    <Drawer
      opened={props.opened}
      onClose={props.onClose}
      position="right"
      size="lg"
      title={props.milestone ? `Edit ${props.milestone.name}` : "New milestone"}
    >
      {props.opened ? <MilestoneForm key={props.milestone?.id ?? "new"} {...props} /> : null}
    </Drawer>
  );
}

function MilestoneForm({ projectId, milestone, onClose, onCreated }: MilestoneDrawerProps) {
  const writes = useMilestoneWrites(projectId);
  const [initial, setInitial] = useState<MilestoneValues>(() =>
    milestone ? milestoneValues(milestone) : emptyMilestoneValues(),
  );
  const [values, setValues] = useState<MilestoneValues>(initial);
  const [baseVersion, setBaseVersion] = useState(milestone?.version ?? 0);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [conflict, setConflict] = useState<string | null>(null);
  const pending = writes.create.isPending || writes.update.isPending;

  const set = <K extends keyof MilestoneValues>(key: K, value: MilestoneValues[K]) =>
    setValues((v) => ({ ...v, [key]: value }));

  function failed(error: unknown) {
    const info = errorInfo(error);
    const fields = formErrors(info.fieldErrors);
    if (info.code === "CONFLICT" && Object.keys(fields).length === 0) {
      setConflict(info.message);
      return;
    }
    setErrors(fields);
    setFailure(info.message);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    if (!milestone) {
      const parsed = parseCreate(values);
      if (!parsed.ok) return setErrors(formErrors(parsed.errors));
      setErrors({});
      writes.create.mutate(
        { projectId, ...parsed.data },
        {
          onSuccess: ({ id }) => {
            notifications.show({ color: "green", title: "Milestone added", message: values.name });
            onCreated(id);
          },
          onError: failed,
        },
      );
      return;
    }
    const parsed = parseUpdate(projectId, milestone.id, baseVersion, initial, values);
    if (!parsed.ok) return setErrors(parsed.errors);
    setErrors({});
    if (!parsed.data) return onClose();
    writes.update.mutate(parsed.data, {
      onSuccess: () => {
        notifications.show({
          color: "green",
          title: "Saved",
          message: `${values.name} is up to date.`,
        });
        onClose();
      },
      onError: failed,
    });
  }

  const form = (
    <form onSubmit={submit} noValidate aria-label={milestone ? "Edit milestone" : "New milestone"}>
      <Stack gap="md">
        {conflict && milestone ? (
          <ConflictNotice
            message={conflict}
            projectId={projectId}
            milestoneId={milestone.id}
            onReload={(fresh) => {
              const v = milestoneValues(fresh);
              setInitial(v);
              setValues(v);
              setBaseVersion(fresh.version);
              setConflict(null);
            }}
            onKeep={(fresh) => {
              // Their version, with what was changed here on top: only those fields go over theirs.
              const theirs = milestoneValues(fresh);
              setValues(rebase(initial, values, theirs));
              setInitial(theirs);
              setBaseVersion(fresh.version);
              setConflict(null);
            }}
          />
        ) : null}
        {failure && !conflict ? (
          <Alert color="red" variant="light" role="alert" title="Not saved">
            {failure}
          </Alert>
        ) : null}
        <TextInput
          label="Name"
          required
          data-autofocus
          maxLength={200}
          placeholder="e.g. Go-live"
          value={values.name}
          onChange={(e) => set("name", e.currentTarget.value)}
          error={errors.name}
        />
        <Textarea
          label="Description"
          autosize
          minRows={2}
          maxLength={5000}
          value={values.description}
          onChange={(e) => set("description", e.currentTarget.value)}
          error={errors.description}
        />
        <Group grow align="flex-start">
          <TextInput
            type="date"
            label="Baseline date"
            description="The date agreed; slip is counted from it"
            value={values.baselineDate}
            onChange={(e) => set("baselineDate", e.currentTarget.value)}
            error={errors.baselineDate}
          />
          {milestone ? (
            <TextInput
              type="date"
              label="Actual date"
              description="Set when it is achieved"
              value={values.actualDate}
              onChange={(e) => set("actualDate", e.currentTarget.value)}
              error={errors.actualDate}
            />
          ) : null}
        </Group>
        <Group gap="xl">
          <Checkbox
            label="Gate (criteria, decision and sign-off)"
            checked={values.isGate || values.isGoLive}
            disabled={values.isGoLive}
            onChange={(e) => set("isGate", e.currentTarget.checked)}
          />
          <Checkbox
            label="This is the go-live"
            checked={values.isGoLive}
            onChange={(e) => set("isGoLive", e.currentTarget.checked)}
          />
        </Group>

        {milestone ? (
          <>
            <Divider label="Set by hand" labelPosition="left" />
            <Switch
              label="Set the forecast by hand"
              description={`Computed from its tasks: ${formatDate(milestone.computedForecast)}`}
              checked={values.forecastByHand}
              onChange={(e) => set("forecastByHand", e.currentTarget.checked)}
            />
            {values.forecastByHand ? (
              <Group grow align="flex-start">
                <TextInput
                  type="date"
                  label="Forecast"
                  required
                  value={values.forecastDate}
                  onChange={(e) => set("forecastDate", e.currentTarget.value)}
                  error={errors.forecastDate}
                />
                <Textarea
                  label="Why this forecast"
                  required
                  autosize
                  minRows={1}
                  maxLength={1000}
                  value={values.forecastReason}
                  onChange={(e) => set("forecastReason", e.currentTarget.value)}
                  error={errors.forecastReason}
                />
              </Group>
            ) : null}
            <Switch
              label="Set the status by hand"
              description={`Computed from its dates: ${milestoneStatusLabels[milestone.computedStatus]}`}
              checked={values.statusByHand}
              onChange={(e) => set("statusByHand", e.currentTarget.checked)}
            />
            {values.statusByHand ? (
              <Group grow align="flex-start">
                <NativeSelect
                  label="Status"
                  data={statusOptions}
                  value={values.status}
                  onChange={(e) => {
                    const v = e.currentTarget.value;
                    if (isOneOf(milestoneStatuses, v)) set("status", v as MilestoneStatus);
                  }}
                  error={errors.status}
                />
                <Textarea
                  label="Why this status"
                  required
                  autosize
                  minRows={1}
                  maxLength={1000}
                  value={values.statusReason}
                  onChange={(e) => set("statusReason", e.currentTarget.value)}
                  error={errors.statusReason}
                />
              </Group>
            ) : null}
          </>
        ) : null}

        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={pending}>
            {milestone ? "Save changes" : "Add milestone"}
          </Button>
        </Group>
      </Stack>
    </form>
  );
  if (!milestone) return form;
  // Linking writes each task at once (outside the form: Enter in its search never submits it).
  return (
    <Stack gap="md">
      {form}
      <Divider label="Tasks that make up this milestone" labelPosition="left" />
      <Text size="xs" c="dimmed">
        Its forecast is the latest finish among these tasks.
      </Text>
      <LinkedTasks projectId={projectId} milestone={milestone} />
    </Stack>
  );
}

/** Someone saved this milestone first: what was typed stays until the person chooses. */
function ConflictNotice({
  message,
  projectId,
  milestoneId,
  onReload,
  onKeep,
}: {
  message: string;
  projectId: string;
  milestoneId: string;
  onReload: (fresh: Milestone) => void;
  onKeep: (fresh: Milestone) => void;
}) {
  const fresh = useFreshMilestone(projectId, milestoneId);
  return (
    <Alert
      color="orange"
      variant="light"
      icon={<IconRefreshAlert size={18} aria-hidden />}
      title="Not saved"
      role="alert"
    >
      <Text size="sm">{message}</Text>
      <Text size="sm" mt={4}>
        What you typed is still here. Load their version (your edits are dropped), or keep your
        edits and save them over their change.
      </Text>
      <Group mt="sm" gap="sm">
        <Button
          size="xs"
          color="orange"
          loading={fresh.loading}
          onClick={() => void fresh.load().then((m) => m && onReload(m))}
        >
          Reload their version
        </Button>
        <Button
          size="xs"
          variant="default"
          disabled={fresh.loading}
          onClick={() => void fresh.load().then((m) => m && onKeep(m))}
        >
          Keep my edits
        </Button>
      </Group>
    </Alert>
  );
}

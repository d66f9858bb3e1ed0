import {
  Alert,
  Autocomplete,
  Button,
  Drawer,
  Group,
  Input,
  MultiSelect,
  NativeSelect,
  SegmentedControl,
  Stack,
  Textarea,
  TextInput,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import {
  type CommItem,
  commChannelSuggestions,
  commFrequencies,
  commFrequencyLabels,
  commOwnerRoleLabels,
  commOwnerRoles,
  quadrantLabels,
  quadrants,
  type Stakeholder,
} from "@rollout/domain";
import { IconTrash } from "@tabler/icons-react";
import { type FormEvent, useId, useState } from "react";
import { isOneOf } from "../../lib/isOneOf.ts";
import { errorInfo } from "../../lib/trpc.ts";
import { ConfirmButton } from "../../ui/ConfirmButton.tsx";
import { ConflictNotice } from "../../ui/ConflictNotice.tsx";
import type { FieldErrors } from "../../ui/fieldErrors.ts";
import {
  type AudienceMode,
  type CommValues,
  commFormErrors,
  commValues,
  emptyCommValues,
  parseCommCreate,
  parseCommUpdate,
  rebaseComm,
} from "./commForm.ts";
import { useCommWrites, useFreshComm } from "./stakeholderData.ts";

const frequencyOptions = commFrequencies.map((f) => ({ value: f, label: commFrequencyLabels[f] }));
const ownerOptions = commOwnerRoles.map((r) => ({ value: r, label: commOwnerRoleLabels[r] }));
const quadrantOptions = quadrants.map((q) => ({ value: q, label: quadrantLabels[q] }));
const channelSuggestions = [...commChannelSuggestions];

interface CommDrawerProps {
  projectId: string;
  /** The communication to edit; null to add one. */
  comm: CommItem | null;
  stakeholders: Stakeholder[];
  today: string;
  opened: boolean;
  onClose: () => void;
}

/** Add or edit one communication of the plan. Mounted fresh for each item opened. */
export function CommDrawer(props: CommDrawerProps) {
  return (
    <Drawer
      opened={props.opened}
      onClose={props.onClose}
      position="right"
      size="lg"
      title={props.comm ? "Edit communication" : "New communication"}
    >
      {props.opened ? <CommForm key={props.comm?.id ?? "new"} {...props} /> : null}
    </Drawer>
  );
}

function CommForm({ projectId, comm, stakeholders, today, onClose }: CommDrawerProps) {
  const writes = useCommWrites(projectId);
  const fresh = useFreshComm(projectId, comm?.id ?? "");
  const [initial, setInitial] = useState<CommValues>(() =>
    comm ? commValues(comm) : emptyCommValues(today),
  );
  const [values, setValues] = useState<CommValues>(initial);
  const [baseVersion, setBaseVersion] = useState(comm?.version ?? 0);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [conflict, setConflict] = useState<string | null>(null);
  const audienceLabelId = useId();
  const pending = writes.create.isPending || writes.update.isPending;

  const set = <K extends keyof CommValues>(key: K, value: CommValues[K]) =>
    setValues((v) => ({ ...v, [key]: value }));

  const peopleOptions = stakeholders.map((s) => ({
    value: s.id,
    label: s.title ? `${s.name} · ${s.title}` : s.name,
  }));

  function failed(error: unknown) {
    const info = errorInfo(error);
    const fields = commFormErrors(info.fieldErrors);
    if (info.code === "CONFLICT" && Object.keys(fields).length === 0) {
      setConflict(info.message);
      return;
    }
    setErrors(fields);
    setFailure(Object.keys(fields).length > 0 ? "Check the fields marked below." : info.message);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    if (!comm) {
      const parsed = parseCommCreate(values);
      if (!parsed.ok) return setErrors(parsed.errors);
      setErrors({});
      writes.create.mutate(
        { projectId, ...parsed.data },
        {
          onSuccess: () => {
            notifications.show({
              color: "green",
              title: "Communication added",
              message: parsed.data.purpose,
            });
            onClose();
          },
          onError: failed,
        },
      );
      return;
    }
    const parsed = parseCommUpdate(comm.id, baseVersion, initial, values);
    if (!parsed.ok) return setErrors(parsed.errors);
    setErrors({});
    if (!parsed.data) return onClose();
    writes.update.mutate(
      { projectId, ...parsed.data },
      {
        onSuccess: () => {
          notifications.show({ color: "green", title: "Saved", message: values.purpose });
          onClose();
        },
        onError: failed,
      },
    );
  }

  function remove() {
    if (!comm) return;
    writes.remove.mutate(
      { projectId, commId: comm.id, version: baseVersion },
      {
        onSuccess: () => {
          notifications.show({
            color: "green",
            title: "Communication removed",
            message: comm.purpose,
          });
          onClose();
        },
        onError: failed,
      },
    );
  }

  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label={comm ? "Edit communication" : "New communication"}
    >
      <Stack gap="md">
        {conflict && comm ? (
          <ConflictNotice
            message={conflict}
            load={fresh}
            onGone={() => {
              setConflict(null);
              setFailure("This communication was removed meanwhile; close this form.");
            }}
            onReload={(c) => {
              const v = commValues(c);
              setInitial(v);
              setValues(v);
              setBaseVersion(c.version);
              setConflict(null);
            }}
            onKeep={(c) => {
              const theirs = commValues(c);
              setValues(rebaseComm(initial, values, theirs));
              setInitial(theirs);
              setBaseVersion(c.version);
              setConflict(null);
            }}
          />
        ) : null}
        {failure && !conflict ? (
          <Alert color="red" variant="light" role="alert" title="Not saved">
            {failure}
          </Alert>
        ) : null}
        <Textarea
          label="Purpose"
          required
          data-autofocus
          autosize
          minRows={2}
          maxLength={500}
          placeholder="e.g. Weekly progress, risks and asks"
          value={values.purpose}
          onChange={(e) => set("purpose", e.currentTarget.value)}
          error={errors.purpose}
        />
        <Input.Wrapper
          label="Audience"
          labelProps={{ id: audienceLabelId, component: "span" }}
          error={errors.audience}
        >
          <Stack gap="xs" mt={4}>
            <SegmentedControl
              aria-labelledby={audienceLabelId}
              data={[
                { value: "quadrant", label: "Everyone in a quadrant" },
                { value: "people", label: "Named people" },
              ]}
              value={values.audienceMode}
              onChange={(v) => set("audienceMode", v as AudienceMode)}
            />
            {values.audienceMode === "quadrant" ? (
              <NativeSelect
                aria-label="Quadrant"
                data={quadrantOptions}
                value={values.quadrant}
                onChange={(e) => {
                  const v = e.currentTarget.value;
                  if (isOneOf(quadrants, v)) set("quadrant", v);
                }}
              />
            ) : (
              <MultiSelect
                aria-label="Stakeholders"
                placeholder={values.stakeholderIds.length ? undefined : "Choose people"}
                data={peopleOptions}
                searchable
                clearable
                nothingFoundMessage="Nobody by that name in the register"
                value={values.stakeholderIds}
                onChange={(ids) => set("stakeholderIds", ids)}
              />
            )}
          </Stack>
        </Input.Wrapper>
        <Group grow align="flex-start">
          <Autocomplete
            label="Channel"
            required
            placeholder="e.g. Email"
            data={channelSuggestions}
            maxLength={80}
            value={values.channel}
            onChange={(v) => set("channel", v)}
            error={errors.channel}
          />
          <NativeSelect
            label="Frequency"
            data={frequencyOptions}
            value={values.frequency}
            onChange={(e) => {
              const v = e.currentTarget.value;
              if (isOneOf(commFrequencies, v)) set("frequency", v);
            }}
            error={errors.frequency}
          />
        </Group>
        <Group grow align="flex-start">
          <NativeSelect
            label="Owner"
            description="Whoever holds this role sends it"
            data={ownerOptions}
            value={values.ownerRole}
            onChange={(e) => {
              const v = e.currentTarget.value;
              if (isOneOf(commOwnerRoles, v)) set("ownerRole", v);
            }}
            error={errors.ownerRole}
          />
          <TextInput
            type="date"
            label="Next due"
            description={
              values.frequency === "per_milestone"
                ? "Marking it done moves it to the next milestone"
                : "Marking it done moves it on by its frequency"
            }
            value={values.nextDue}
            onChange={(e) => set("nextDue", e.currentTarget.value)}
            error={errors.nextDue}
          />
        </Group>
        <Textarea
          label="Notes"
          autosize
          minRows={2}
          maxLength={2000}
          value={values.notes}
          onChange={(e) => set("notes", e.currentTarget.value)}
          error={errors.notes}
        />
        <Group justify="space-between" gap="sm">
          {comm ? (
            <ConfirmButton
              variant="subtle"
              leftSection={<IconTrash size={16} aria-hidden />}
              loading={writes.remove.isPending}
              title="Remove this communication?"
              message={`“${comm.purpose}” leaves the communication plan.`}
              confirmLabel="Remove"
              onConfirm={remove}
            >
              Remove
            </ConfirmButton>
          ) : (
            <span />
          )}
          <Group gap="sm">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={pending}>
              {comm ? "Save changes" : "Add communication"}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}

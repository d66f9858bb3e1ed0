import {
  Alert,
  Button,
  Drawer,
  Group,
  NativeSelect,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import {
  type EngagementLevel,
  engagementGap,
  engagementLabels,
  engagementLevels,
  quadrantOf,
  type Stakeholder,
  stakeholderSideLabels,
  stakeholderSides,
} from "@rollout/domain";
import { IconTrash } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useMemo, useState } from "react";
import { isOneOf } from "../../lib/isOneOf.ts";
import { errorInfo, useTRPC } from "../../lib/trpc.ts";
import { ConfirmButton } from "../../ui/ConfirmButton.tsx";
import { ConflictNotice } from "../../ui/ConflictNotice.tsx";
import type { FieldErrors } from "../../ui/fieldErrors.ts";
import { StakeholderDetails } from "./StakeholderDetails.tsx";
import { GapBadge, QuadrantBadge } from "./stakeholderBadges.tsx";
import { useFreshStakeholder, useStakeholderWrites } from "./stakeholderData.ts";
import {
  emptyStakeholderValues,
  formErrors,
  parseCreate,
  parseUpdate,
  rebase,
  type StakeholderValues,
  stakeholderValues,
} from "./stakeholderForm.ts";

const sideOptions = stakeholderSides.map((s) => ({ value: s, label: stakeholderSideLabels[s] }));
const levelOptions = engagementLevels.map((l) => ({ value: l, label: engagementLabels[l] }));
const ratingHints = ["very low", "low", "medium", "high", "very high"];
const ratingOptions = ratingHints.map((hint, i) => ({
  value: String(i + 1),
  label: `${i + 1} – ${hint}`,
}));

interface StakeholderDrawerProps {
  projectId: string;
  /** The person to edit (or read); null to add one. */
  stakeholder: Stakeholder | null;
  opened: boolean;
  canEdit: boolean;
  onClose: () => void;
  onCreated: (id: string) => void;
}

/** Add, edit or (read-only) look at one stakeholder. Mounted fresh for each person opened. */
export function StakeholderDrawer(props: StakeholderDrawerProps) {
  const title = props.stakeholder
    ? props.canEdit
      ? `Edit ${props.stakeholder.name}`
      : props.stakeholder.name
    : "New stakeholder";
  return (
    <Drawer opened={props.opened} onClose={props.onClose} position="right" size="lg" title={title}>
      {!props.opened ? null : props.stakeholder && !props.canEdit ? (
        <StakeholderDetails stakeholder={props.stakeholder} />
      ) : (
        <StakeholderForm key={props.stakeholder?.id ?? "new"} {...props} />
      )}
    </Drawer>
  );
}

function StakeholderForm({
  projectId,
  stakeholder,
  canEdit,
  onClose,
  onCreated,
}: StakeholderDrawerProps) {
  const trpc = useTRPC();
  const writes = useStakeholderWrites(projectId);
  const fresh = useFreshStakeholder(projectId, stakeholder?.id ?? "");
  const orgMembers = useQuery(trpc.org.members.queryOptions(undefined, { enabled: canEdit }));
  const [initial, setInitial] = useState<StakeholderValues>(() =>
    stakeholder ? stakeholderValues(stakeholder) : emptyStakeholderValues(),
  );
  const [values, setValues] = useState<StakeholderValues>(initial);
  const [baseVersion, setBaseVersion] = useState(stakeholder?.version ?? 0);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [conflict, setConflict] = useState<string | null>(null);
  const pending = writes.create.isPending || writes.update.isPending;

  const set = <K extends keyof StakeholderValues>(key: K, value: StakeholderValues[K]) =>
    setValues((v) => ({ ...v, [key]: value }));

  const memberOptions = useMemo(() => {
    const options = (orgMembers.data ?? []).map((m) => ({
      value: m.userId,
      label: `${m.name} (${m.email})`,
    }));
    // The linked person stays choosable even when the member list is not loaded (or they left).
    const linked = stakeholder?.user;
    if (linked && !options.some((o) => o.value === linked.id)) {
      options.unshift({ value: linked.id, label: `${linked.name} (${linked.email})` });
    }
    return options;
  }, [orgMembers.data, stakeholder?.user]);

  function failed(error: unknown) {
    const info = errorInfo(error);
    const fields = formErrors(info.fieldErrors);
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
    if (!stakeholder) {
      const parsed = parseCreate(values);
      if (!parsed.ok) return setErrors(parsed.errors);
      setErrors({});
      writes.create.mutate(
        { projectId, ...parsed.data },
        {
          onSuccess: ({ id }) => {
            notifications.show({
              color: "green",
              title: "Stakeholder added",
              message: parsed.data.name,
            });
            onCreated(id);
          },
          onError: failed,
        },
      );
      return;
    }
    const parsed = parseUpdate(stakeholder.id, baseVersion, initial, values);
    if (!parsed.ok) return setErrors(parsed.errors);
    setErrors({});
    if (!parsed.data) return onClose();
    writes.update.mutate(
      { projectId, ...parsed.data },
      {
        onSuccess: () => {
          notifications.show({
            color: "green",
            title: "Saved",
            message: `${values.name} is up to date.`,
          });
          onClose();
        },
        onError: failed,
      },
    );
  }

  function remove() {
    if (!stakeholder) return;
    writes.remove.mutate(
      { projectId, stakeholderId: stakeholder.id, version: baseVersion },
      {
        onSuccess: () => {
          notifications.show({
            color: "green",
            title: "Stakeholder removed",
            message: `${stakeholder.name} is no longer in the register.`,
          });
          onClose();
        },
        onError: failed,
      },
    );
  }

  const quadrant = quadrantOf(values.power, values.interest);
  const gap = engagementGap(values.engagementCurrent, values.engagementDesired);
  const linkedNow = stakeholder?.user?.id ?? "";

  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label={stakeholder ? "Edit stakeholder" : "New stakeholder"}
    >
      <Stack gap="md">
        {conflict && stakeholder ? (
          <ConflictNotice
            message={conflict}
            load={fresh}
            onGone={() => {
              setConflict(null);
              setFailure("This stakeholder was removed meanwhile; close this form.");
            }}
            onReload={(fresh) => {
              const v = stakeholderValues(fresh);
              setInitial(v);
              setValues(v);
              setBaseVersion(fresh.version);
              setConflict(null);
            }}
            onKeep={(fresh) => {
              const theirs = stakeholderValues(fresh);
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
          maxLength={120}
          value={values.name}
          onChange={(e) => set("name", e.currentTarget.value)}
          error={errors.name}
        />
        <TextInput
          label="Title"
          placeholder="e.g. Head of Sales"
          maxLength={120}
          value={values.title}
          onChange={(e) => set("title", e.currentTarget.value)}
          error={errors.title}
        />
        <Group grow align="flex-start">
          <NativeSelect
            label="Side"
            data={sideOptions}
            value={values.side}
            onChange={(e) => {
              const v = e.currentTarget.value;
              if (isOneOf(stakeholderSides, v)) set("side", v);
            }}
            error={errors.side}
          />
          <TextInput
            label="Email"
            type="email"
            maxLength={254}
            value={values.email}
            onChange={(e) => set("email", e.currentTarget.value)}
            error={errors.email}
          />
        </Group>
        <Group grow align="flex-start">
          <NativeSelect
            label="Power"
            description="Influence over the rollout"
            data={ratingOptions}
            value={String(values.power)}
            onChange={(e) => set("power", Number(e.currentTarget.value))}
            error={errors.power}
          />
          <NativeSelect
            label="Interest"
            description="How much it affects them"
            data={ratingOptions}
            value={String(values.interest)}
            onChange={(e) => set("interest", Number(e.currentTarget.value))}
            error={errors.interest}
          />
        </Group>
        <Group gap="xs">
          <Text size="sm" c="dimmed">
            Quadrant:
          </Text>
          <QuadrantBadge quadrant={quadrant} />
        </Group>
        <Group grow align="flex-start">
          <NativeSelect
            label="Engagement now"
            data={levelOptions}
            value={values.engagementCurrent}
            onChange={(e) => {
              const v = e.currentTarget.value;
              if (isOneOf(engagementLevels, v)) set("engagementCurrent", v as EngagementLevel);
            }}
            error={errors.engagementCurrent}
          />
          <NativeSelect
            label="Engagement needed"
            data={levelOptions}
            value={values.engagementDesired}
            onChange={(e) => {
              const v = e.currentTarget.value;
              if (isOneOf(engagementLevels, v)) set("engagementDesired", v as EngagementLevel);
            }}
            error={errors.engagementDesired}
          />
        </Group>
        <Group gap="xs">
          <Text size="sm" c="dimmed">
            Gap:
          </Text>
          <GapBadge gap={gap} />
        </Group>
        <Select
          label="Signs in as"
          description={
            values.userId && values.userId !== linkedNow
              ? "Added to the project as a stakeholder if not on it yet, so they can sign in to its dashboard."
              : "A member of your organisation who signs in as this person (optional)."
          }
          placeholder={orgMembers.isPending ? "Loading members…" : "Nobody"}
          data={memberOptions}
          searchable
          clearable
          nothingFoundMessage="Nobody by that name in your organisation"
          value={values.userId || null}
          onChange={(v) => set("userId", v ?? "")}
          error={
            errors.userId ?? (orgMembers.isError ? errorInfo(orgMembers.error).message : undefined)
          }
        />
        <Textarea
          label="Notes"
          description="Internal: stakeholders never see the register."
          autosize
          minRows={3}
          maxLength={5000}
          value={values.notes}
          onChange={(e) => set("notes", e.currentTarget.value)}
          error={errors.notes}
        />
        <Group justify="space-between" gap="sm">
          {stakeholder ? (
            <ConfirmButton
              variant="subtle"
              leftSection={<IconTrash size={16} aria-hidden />}
              loading={writes.remove.isPending}
              title={`Remove ${stakeholder.name}?`}
              message={`${stakeholder.name} leaves the register, the grid and the audience of any communication.${stakeholder.openRaidItems > 0 ? ` They own ${stakeholder.openRaidItems} open RAID ${stakeholder.openRaidItems === 1 ? "item" : "items"}: give ${stakeholder.openRaidItems === 1 ? "it" : "them"} a new owner.` : ""}${stakeholder.user ? " Their sign-in stays on the project (remove it under Members)." : ""}`}
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
              {stakeholder ? "Save changes" : "Add stakeholder"}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}

import {
  Alert,
  Button,
  Checkbox,
  Divider,
  Group,
  MultiSelect,
  NativeSelect,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import {
  issueSeverities,
  issueSeverityLabels,
  MAX_RAID_LINKS,
  type RaidItem,
  type RaidKind,
  type RiskThresholds,
  raidDateLabel,
  raidKindLabels,
  raidStatusLabels,
  riskResponseLabels,
  riskResponsesByPolarity,
} from "@rollout/domain";
import { type FormEvent, type ReactNode, useEffect, useMemo, useRef, useState } from "react";
import { isOneOf } from "../../lib/isOneOf.ts";
import { errorInfo } from "../../lib/trpc.ts";
import { ConflictNotice } from "../../ui/ConflictNotice.tsx";
import { type FieldErrors, unplacedErrors } from "../../ui/fieldErrors.ts";
import { RiskRatingFields } from "./RiskRatingFields.tsx";
import {
  type RaidRights,
  useFreshRaidItem,
  useLinkChoices,
  useOwnerChoices,
  useRaidWrites,
} from "./raidData.ts";
import {
  emptyRaidValues,
  formErrors,
  ownerValue,
  parseCreate,
  parseUpdate,
  type RaidValues,
  raidValues,
  rebase,
  statusChoices,
} from "./raidForm.ts";

const placed = [
  "title",
  "description",
  "status",
  "owner",
  "dueDate",
  "probability",
  "impact",
  "residualProbability",
  "residualImpact",
  "polarity",
  "response",
  "mitigation",
  "contingency",
  "trigger",
  "severity",
  "internalOnly",
  "taskIds",
  "milestoneIds",
];

interface RaidItemFormProps {
  projectId: string;
  kind: RaidKind;
  /** The item to edit; null to add one of `kind`. */
  item: RaidItem | null;
  thresholds: RiskThresholds;
  rights: RaidRights;
  onCreated: (created: { id: string; ref: string }) => void;
  onCancel: () => void;
}

/**
 * Adds or edits one item: the fields its kind has, its links to tasks and milestones, and (for a
 * risk) a live score and band as probability and impact change. Checked with the API's schema
 * and rules before sending; the server's messages land next to the same fields. A stale version
 * keeps what was typed and offers their version or a rebase.
 */
export function RaidItemForm({
  projectId,
  kind,
  item,
  thresholds,
  rights,
  onCreated,
  onCancel,
}: RaidItemFormProps) {
  const writes = useRaidWrites(projectId);
  const latest = useFreshRaidItem(projectId, item?.id ?? "");
  const [initial, setInitial] = useState<RaidValues>(() =>
    item ? raidValues(item) : emptyRaidValues(kind),
  );
  const [values, setValues] = useState<RaidValues>(initial);
  const [baseVersion, setBaseVersion] = useState(item?.version ?? 0);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [conflict, setConflict] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  // A refused save shows its messages by the fields; bring the first one into view.
  useEffect(() => {
    if (Object.keys(errors).length === 0) return;
    const invalid = form.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    invalid?.scrollIntoView({ block: "center", behavior: "smooth" });
    if (invalid?.matches("input, textarea, select")) invalid.focus({ preventScroll: true });
  }, [errors]);
  const currentOwner = useMemo(
    () => (item?.owner ? { value: ownerValue(item.owner), label: item.owner.name } : null),
    [item?.owner],
  );
  const owners = useOwnerChoices(projectId, rights, currentOwner);
  const links = useLinkChoices(projectId, true);

  const isRisk = kind === "risk";
  const noun = raidKindLabels[kind].toLowerCase();
  const set = <K extends keyof RaidValues>(key: K, value: RaidValues[K]) =>
    setValues((v) => ({ ...v, [key]: value }));

  function failed(error: unknown) {
    const info = errorInfo(error);
    const fields = formErrors(info.fieldErrors);
    if (info.code === "CONFLICT" && Object.keys(fields).length === 0) {
      setConflict(info.message);
      return;
    }
    setErrors(fields);
    const extra = unplacedErrors(fields, placed);
    setFailure(extra.length > 0 ? extra.join(" ") : info.message);
  }

  async function save(target: RaidItem) {
    const parsed = parseUpdate(kind, target.id, baseVersion, initial, values);
    if (!parsed.ok) return setErrors(parsed.errors);
    setErrors({});
    const { changes, links: newLinks } = parsed.data;
    if (!changes && !newLinks) return;
    setSaving(true);
    let version = baseVersion;
    try {
      if (changes) {
        await writes.update.mutateAsync({ projectId, itemId: target.id, version, changes });
        version += 1;
        // The fields are saved: a failure of the links below must not send them again.
        const saved = { ...values, taskIds: initial.taskIds, milestoneIds: initial.milestoneIds };
        setInitial(saved);
        setBaseVersion(version);
      }
      if (newLinks) {
        await writes.setLinks.mutateAsync({ projectId, itemId: target.id, version, ...newLinks });
        version += 1;
        setBaseVersion(version);
      }
      setInitial(values);
      notifications.show({
        color: "green",
        title: "Saved",
        message: `${target.ref} is up to date.`,
      });
    } catch (error) {
      failed(error);
    } finally {
      setSaving(false);
      void writes.changed();
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    if (item) {
      void save(item);
      return;
    }
    const parsed = parseCreate(kind, values);
    if (!parsed.ok) return setErrors(parsed.errors);
    setErrors({});
    writes.create.mutate(
      { projectId, ...parsed.data },
      {
        onSuccess: (created) => {
          notifications.show({
            color: "green",
            title: `${created.ref} added`,
            message: values.title,
          });
          onCreated(created);
        },
        onError: failed,
      },
    );
  }

  const dirty = JSON.stringify(values) !== JSON.stringify(initial);
  const pending = saving || writes.create.isPending;

  return (
    <form
      ref={form}
      onSubmit={submit}
      noValidate
      aria-label={item ? `Edit ${item.ref}` : `New ${noun}`}
      className="raid-form"
    >
      <Stack gap="md">
        <TextInput
          label="Title"
          required
          data-autofocus={item ? undefined : true}
          maxLength={200}
          placeholder={placeholders[kind]}
          value={values.title}
          onChange={(e) => set("title", e.currentTarget.value)}
          error={errors.title}
        />

        {isRisk ? (
          <Section title="Rating">
            <RiskRatingFields
              values={values}
              errors={errors}
              thresholds={thresholds}
              onChange={setValues}
            />
          </Section>
        ) : null}

        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
          <NativeSelect
            label="Status"
            data={statusChoices(kind, item?.status ?? null).map((s) => ({
              value: s,
              label: raidStatusLabels[s],
            }))}
            value={values.status}
            onChange={(e) => {
              const v = e.currentTarget.value;
              if (isOneOf(statusChoices(kind, item?.status ?? null), v)) set("status", v);
            }}
            error={errors.status}
          />
          <TextInput
            type="date"
            label={raidDateLabel(kind)}
            value={values.dueDate}
            onChange={(e) => set("dueDate", e.currentTarget.value)}
            error={errors.dueDate}
          />
          <Select
            label="Owner"
            placeholder={owners.loading ? "Loading people…" : "Nobody yet"}
            searchable
            clearable
            data={owners.groups}
            value={values.owner || null}
            onChange={(v) => set("owner", v ?? "")}
            nothingFoundMessage="No member or stakeholder matches"
            error={errors.owner}
            comboboxProps={{ withinPortal: true }}
          />
          {kind === "issue" ? (
            <NativeSelect
              label="Severity"
              data={issueSeverities.map((s) => ({ value: s, label: issueSeverityLabels[s] }))}
              value={values.severity}
              onChange={(e) => set("severity", e.currentTarget.value)}
              error={errors.severity}
            />
          ) : null}
          {isRisk ? (
            <NativeSelect
              label="Response"
              data={[
                { value: "", label: "Not decided" },
                ...riskResponsesByPolarity[values.polarity].map((r) => ({
                  value: r,
                  label: riskResponseLabels[r],
                })),
              ]}
              value={values.response}
              onChange={(e) => set("response", e.currentTarget.value)}
              error={errors.response}
            />
          ) : null}
        </SimpleGrid>

        <Textarea
          label="Description"
          autosize
          minRows={2}
          maxRows={10}
          maxLength={10_000}
          value={values.description}
          onChange={(e) => set("description", e.currentTarget.value)}
          error={errors.description}
        />
        {isRisk ? (
          <>
            <Textarea
              label="Mitigation"
              description="What is being done to make it less likely or less harmful"
              autosize
              minRows={2}
              maxLength={5000}
              value={values.mitigation}
              onChange={(e) => set("mitigation", e.currentTarget.value)}
              error={errors.mitigation}
            />
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
              <Textarea
                label="Contingency"
                description="The plan if it happens"
                autosize
                minRows={2}
                maxLength={5000}
                value={values.contingency}
                onChange={(e) => set("contingency", e.currentTarget.value)}
                error={errors.contingency}
              />
              <Textarea
                label="Trigger"
                description="The sign that it is happening"
                autosize
                minRows={2}
                maxLength={2000}
                value={values.trigger}
                onChange={(e) => set("trigger", e.currentTarget.value)}
                error={errors.trigger}
              />
            </SimpleGrid>
          </>
        ) : null}

        <Section title="Linked work">
          <MultiSelect
            label="Tasks"
            placeholder={links.loading ? "Loading the plan…" : "Search tasks"}
            searchable
            clearable
            limit={50}
            maxValues={MAX_RAID_LINKS}
            hidePickedOptions
            data={links.tasks}
            value={values.taskIds}
            onChange={(v) => set("taskIds", v)}
            nothingFoundMessage="No task matches"
            error={errors.taskIds}
          />
          <MultiSelect
            label="Milestones"
            placeholder={links.loading ? "Loading milestones…" : "Search milestones"}
            searchable
            clearable
            maxValues={MAX_RAID_LINKS}
            hidePickedOptions
            data={links.milestones}
            value={values.milestoneIds}
            onChange={(v) => set("milestoneIds", v)}
            nothingFoundMessage="No milestone matches"
            error={errors.milestoneIds}
          />
        </Section>

        <Checkbox
          label="Internal only"
          description="Hidden from stakeholders, on this page and their dashboard"
          checked={values.internalOnly}
          onChange={(e) => set("internalOnly", e.currentTarget.checked)}
        />

        {/* Next to the buttons: where the eyes are after pressing Save in a long drawer. */}
        {conflict && item ? (
          <ConflictNotice
            message={conflict}
            load={latest.load}
            onGone={() => {
              setConflict(null);
              setFailure("This item was deleted by someone else meanwhile; close the drawer.");
            }}
            onReload={(fresh) => {
              const v = raidValues(fresh);
              setInitial(v);
              setValues(v);
              setBaseVersion(fresh.version);
              setConflict(null);
              setErrors({});
            }}
            onKeep={(fresh) => {
              const theirs = raidValues(fresh);
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

        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            {item ? "Close" : "Cancel"}
          </Button>
          <Button type="submit" loading={pending} disabled={item !== null && !dirty}>
            {item ? "Save changes" : `Add ${noun}`}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

const placeholders: Record<RaidKind, string> = {
  risk: "e.g. Legacy data quality delays the migration",
  assumption: "e.g. The customer provides test users by UAT",
  issue: "e.g. SSO login fails for field staff",
  dependency: "e.g. Scanner hardware delivered by the vendor",
  decision: "e.g. Go live region by region, not all at once",
};

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap="sm">
      <Divider label={title} labelPosition="left" />
      {children}
    </Stack>
  );
}

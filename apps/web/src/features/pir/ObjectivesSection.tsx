import { ActionIcon, Button, Group, Radio, Stack, Text, Textarea, TextInput } from "@mantine/core";
import {
  type ObjectiveOutcome,
  objectiveOutcomeLabels,
  objectiveOutcomes,
  type Pir,
  type PirObjective,
} from "@rollout/domain";
import {
  IconArrowDown,
  IconArrowUp,
  IconPencil,
  IconPlus,
  IconTarget,
  IconTrash,
} from "@tabler/icons-react";
import { useCallback, useState } from "react";
import { ConflictNotice } from "../../ui/ConflictNotice.tsx";
import { EmptyState } from "../../ui/EmptyState.tsx";
import { ConfirmIcon } from "../schedule/ConfirmIcon.tsx";
import { FormModal } from "./FormModal.tsx";
import { OutcomeBadge } from "./pirBadges.tsx";
import { notifyFailure, type PirRights, type PirWrites } from "./pirData.ts";
import { outcomeCounts } from "./pirModel.ts";
import { Section } from "./Section.tsx";
import { useFreshRow } from "./useFreshRow.ts";
import { useSave } from "./useSave.ts";

interface Values {
  objective: string;
  criterion: string;
  outcome: ObjectiveOutcome | null;
  evidence: string;
}

const fields = ["objective", "criterion", "outcome", "evidence"] as const;
const valuesOf = (o: PirObjective | null): Values => ({
  objective: o?.objective ?? "",
  criterion: o?.criterion ?? "",
  outcome: o?.outcome ?? null,
  evidence: o?.evidence ?? "",
});

/** The objectives the project set out with, and whether the implementation met each. */
export function ObjectivesSection({
  projectId,
  review,
  rights,
  writes,
}: {
  projectId: string;
  review: Pir;
  rights: PirRights;
  writes: PirWrites;
}) {
  const [editing, setEditing] = useState<PirObjective | "new" | null>(null);
  const counts = outcomeCounts(review);
  const summary =
    review.objectives.length === 0
      ? undefined
      : [
          `${counts.met} met`,
          `${counts.partial} partly met`,
          `${counts.not_met} not met`,
          ...(counts.open > 0 ? [`${counts.open} without an outcome`] : []),
        ].join(" · ");

  function move(o: PirObjective, direction: "up" | "down") {
    writes.moveObjective.mutate(
      { projectId, objectiveId: o.id, version: o.version, direction },
      { onError: (error) => notifyFailure("Not moved", error) },
    );
  }

  return (
    <Section
      title="Objectives"
      description={summary ?? "What the project set out to achieve, against what it achieved."}
      testId="pir-objectives"
      actions={
        rights.edit ? (
          <Button
            size="sm"
            variant="light"
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() => setEditing("new")}
          >
            Add objective
          </Button>
        ) : null
      }
    >
      {review.objectives.length === 0 ? (
        <EmptyState
          icon={<IconTarget size={28} aria-hidden />}
          title="No objectives yet"
          description={
            rights.edit
              ? "Add what the project promised: each with the criterion that says it was met, the outcome and the evidence."
              : "The project's managers record the objectives and their outcomes here."
          }
        />
      ) : (
        <ol className="pir-objectives" aria-label="Objectives">
          {review.objectives.map((o, i) => (
            <li key={o.id} className="pir-objective">
              <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
                <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
                  <Group gap="xs" wrap="wrap">
                    <Text fw={600} size="sm">
                      {i + 1}. {o.objective}
                    </Text>
                    <OutcomeBadge outcome={o.outcome} size="sm" />
                  </Group>
                  {o.criterion ? (
                    <Text size="sm">
                      <Text span c="dimmed" size="sm">
                        Success criterion:{" "}
                      </Text>
                      {o.criterion}
                    </Text>
                  ) : null}
                  {o.evidence ? (
                    <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
                      <Text span c="dimmed" size="sm">
                        Evidence:{" "}
                      </Text>
                      {o.evidence}
                    </Text>
                  ) : null}
                </Stack>
                {rights.edit ? (
                  <Group gap={4} wrap="nowrap" className="no-print">
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      aria-label={`Move “${o.objective}” up`}
                      disabled={i === 0}
                      onClick={() => move(o, "up")}
                    >
                      <IconArrowUp size={16} aria-hidden />
                    </ActionIcon>
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      aria-label={`Move “${o.objective}” down`}
                      disabled={i === review.objectives.length - 1}
                      onClick={() => move(o, "down")}
                    >
                      <IconArrowDown size={16} aria-hidden />
                    </ActionIcon>
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      aria-label={`Edit “${o.objective}”`}
                      onClick={() => setEditing(o)}
                    >
                      <IconPencil size={16} aria-hidden />
                    </ActionIcon>
                    <ConfirmIcon
                      label={`Delete “${o.objective}”`}
                      title="Delete this objective?"
                      message={`“${o.objective}” and its outcome and evidence are removed from the review.`}
                      confirmLabel="Delete"
                      icon={<IconTrash size={16} aria-hidden />}
                      onConfirm={() =>
                        writes.deleteObjective.mutate(
                          { projectId, objectiveId: o.id, version: o.version },
                          { onError: (error) => notifyFailure("Not deleted", error) },
                        )
                      }
                    />
                  </Group>
                ) : null}
              </Group>
            </li>
          ))}
        </ol>
      )}
      {editing ? (
        <ObjectiveModal
          projectId={projectId}
          pirId={review.id}
          objective={editing === "new" ? null : editing}
          writes={writes}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </Section>
  );
}

function ObjectiveModal({
  projectId,
  pirId,
  objective,
  writes,
  onClose,
}: {
  projectId: string;
  pirId: string;
  objective: PirObjective | null;
  writes: PirWrites;
  onClose: () => void;
}) {
  const [values, setValues] = useState<Values>(() => valuesOf(objective));
  const [base, setBase] = useState(objective);
  const save = useSave(fields);
  const pick = useCallback(
    (r: Pir) => r.objectives.find((o) => o.id === objective?.id),
    [objective?.id],
  );
  const fresh = useFreshRow(projectId, pick);
  const set = <K extends keyof Values>(key: K, value: Values[K]) =>
    setValues((v) => ({ ...v, [key]: value }));

  async function submit() {
    const saved = await save.run(() => {
      if (!base) return writes.addObjective.mutateAsync({ projectId, pirId, ...values });
      const before = valuesOf(base);
      const changes = Object.fromEntries(
        fields.filter((f) => values[f] !== before[f]).map((f) => [f, values[f]]),
      );
      if (Object.keys(changes).length === 0) return Promise.resolve();
      return writes.updateObjective.mutateAsync({
        projectId,
        objectiveId: base.id,
        version: base.version,
        changes,
      });
    });
    if (saved) onClose();
  }

  return (
    <FormModal
      opened
      title={objective ? "Edit objective" : "Add an objective"}
      onClose={onClose}
      onSubmit={() => void submit()}
      saving={save.saving}
      failure={save.failure}
      errors={save.errors}
      submitLabel={objective ? "Save" : "Add objective"}
      notice={
        save.conflict ? (
          <ConflictNotice
            message={save.conflict}
            load={fresh}
            onReload={(row) => {
              setBase(row);
              setValues(valuesOf(row));
              save.reset();
            }}
            onKeep={(row) => {
              setBase(row);
              save.setConflict(null);
            }}
            onGone={() => {
              notifyFailure("Not saved", new Error("This objective was deleted meanwhile."));
              onClose();
            }}
          />
        ) : null
      }
    >
      <Textarea
        label="Objective"
        required
        autosize
        minRows={1}
        maxLength={500}
        value={values.objective}
        onChange={(e) => set("objective", e.currentTarget.value)}
        error={save.errors.objective}
        data-autofocus
      />
      <TextInput
        label="Success criterion"
        description="How you would know it was met, e.g. “95% of staff documenting in the EHR by week 4”."
        maxLength={1000}
        value={values.criterion}
        onChange={(e) => set("criterion", e.currentTarget.value)}
        error={save.errors.criterion}
      />
      <Radio.Group
        label="Outcome"
        value={values.outcome ?? "none"}
        onChange={(v) =>
          set("outcome", v === "none" ? null : (objectiveOutcomes.find((o) => o === v) ?? null))
        }
        error={save.errors.outcome}
      >
        <Group gap="md" mt={6}>
          {objectiveOutcomes.map((o) => (
            <Radio key={o} value={o} label={objectiveOutcomeLabels[o]} />
          ))}
          <Radio value="none" label="Not decided yet" />
        </Group>
      </Radio.Group>
      <Textarea
        label="Evidence"
        description="Where the outcome can be checked: a report, a measurement, a log."
        autosize
        minRows={2}
        maxLength={5000}
        value={values.evidence}
        onChange={(e) => set("evidence", e.currentTarget.value)}
        error={save.errors.evidence}
      />
    </FormModal>
  );
}

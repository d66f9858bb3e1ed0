import {
  ActionIcon,
  Badge,
  Button,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Tooltip,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import type { Pir, PirKpi, PirMeasurement } from "@rollout/domain";
import {
  IconCalendarPlus,
  IconChartLine,
  IconCheck,
  IconPencil,
  IconPlus,
  IconTrash,
} from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useCallback, useState } from "react";
import { useTRPC } from "../../lib/trpc.ts";
import { ConflictNotice } from "../../ui/ConflictNotice.tsx";
import { EmptyState } from "../../ui/EmptyState.tsx";
import { formatDate, todayLocal } from "../../ui/format.ts";
import { ConfirmIcon } from "../schedule/ConfirmIcon.tsx";
import { FormModal } from "./FormModal.tsx";
import { notifyFailure, type PirRights, type PirWrites } from "./pirData.ts";
import { figure, kpiOnTarget, measurementState } from "./pirModel.ts";
import { Section } from "./Section.tsx";
import { useFreshRow } from "./useFreshRow.ts";
import { useSave } from "./useSave.ts";

const stateBadge = {
  recorded: { color: "green", label: "Recorded" },
  overdue: { color: "red", label: "Overdue" },
  due: { color: "orange", label: "Due" },
  scheduled: { color: "gray", label: "Scheduled" },
} as const;

/** KPIs and benefits: where each started, what was promised, what was measured, and later. */
export function KpiSection({
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
  const [editing, setEditing] = useState<PirKpi | "new" | null>(null);
  const [recording, setRecording] = useState<{ kpi: PirKpi; m: PirMeasurement } | null>(null);
  const today = todayLocal();
  const id = "pir-kpi-table";

  function schedule(k: PirKpi) {
    writes.scheduleRemeasure.mutate(
      { projectId, kpiId: k.id, version: k.version },
      {
        onSuccess: ({ goLive, scheduled }) =>
          notifications.show({
            color: "green",
            title: `${k.name}: re-measurements scheduled`,
            message: `Due ${scheduled.map((d) => formatDate(d)).join(" and ")} (3 and 6 months after go-live on ${formatDate(goLive)}), in ${k.owner?.name ?? "the owner"}'s My work.`,
          }),
        onError: (error) => notifyFailure("Not scheduled", error),
      },
    );
  }

  const canRecord = (k: PirKpi) =>
    review.latest && (rights.recordAll || (k.owner !== null && k.owner.userId === rights.userId));

  return (
    <Section
      title="KPIs and benefits"
      description="Baseline before the project, the target it promised, and the actual measured. Benefits can be measured again 3 and 6 months after go-live."
      testId="pir-kpis"
      actions={
        rights.edit ? (
          <Button
            size="sm"
            variant="light"
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() => setEditing("new")}
          >
            Add KPI
          </Button>
        ) : null
      }
    >
      {review.kpis.length === 0 ? (
        <EmptyState
          icon={<IconChartLine size={28} aria-hidden />}
          title="No KPIs yet"
          description={
            rights.edit
              ? "Add the measures the project was meant to move, e.g. “Quote turnaround: 3 days → 1 day”."
              : "The project's managers record its KPIs and benefits here."
          }
        />
      ) : (
        <Table.ScrollContainer minWidth={920} type="native">
          <Table verticalSpacing="xs" aria-labelledby={id} className="pir-kpi-table">
            <caption id={id} className="visually-hidden">
              KPIs and benefits
            </caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>KPI</Table.Th>
                <Table.Th ta="right">Baseline</Table.Th>
                <Table.Th ta="right">Target</Table.Th>
                <Table.Th ta="right">Actual</Table.Th>
                <Table.Th>Measured on</Table.Th>
                <Table.Th>Owner</Table.Th>
                <Table.Th miw={200}>Re-measurements</Table.Th>
                {rights.edit ? (
                  <Table.Th w={120}>
                    <span className="visually-hidden">Actions</span>
                  </Table.Th>
                ) : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {review.kpis.map((k) => {
                const onTarget = kpiOnTarget(k);
                return (
                  <Table.Tr key={k.id}>
                    <Table.Td>
                      <Text size="sm" fw={600}>
                        {k.name}
                      </Text>
                      {k.unit ? (
                        <Text size="xs" c="dimmed">
                          in {k.unit}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td ta="right">{figure(k.baseline, k.unit)}</Table.Td>
                    <Table.Td ta="right">{figure(k.target, k.unit)}</Table.Td>
                    <Table.Td ta="right">
                      <Text size="sm">{figure(k.actual, k.unit)}</Text>
                      {onTarget === null ? null : (
                        <Badge
                          size="xs"
                          variant="light"
                          color={onTarget ? "green" : "orange"}
                          style={{ minWidth: "max-content" }}
                        >
                          {onTarget ? "Target reached" : "Short of target"}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>{formatDate(k.measuredOn)}</Table.Td>
                    <Table.Td>{k.owner?.name ?? <Text c="dimmed">—</Text>}</Table.Td>
                    <Table.Td>
                      {k.measurements.length === 0 ? (
                        rights.edit ? (
                          <Button
                            size="compact-xs"
                            variant="subtle"
                            leftSection={<IconCalendarPlus size={14} aria-hidden />}
                            onClick={() => schedule(k)}
                            loading={
                              writes.scheduleRemeasure.isPending &&
                              writes.scheduleRemeasure.variables?.kpiId === k.id
                            }
                            aria-label={`Schedule re-measurements of ${k.name}`}
                          >
                            Schedule at +3 and +6 months
                          </Button>
                        ) : (
                          <Text size="sm" c="dimmed">
                            None scheduled
                          </Text>
                        )
                      ) : (
                        <Stack gap={6}>
                          {k.measurements.map((m) => {
                            const state = measurementState(m, today);
                            return (
                              <Stack key={m.id} gap={2}>
                                <Text size="sm">
                                  +{m.monthsAfterGoLive} months ·{" "}
                                  <Text span size="sm" component="time" dateTime={m.dueOn}>
                                    {formatDate(m.dueOn)}
                                  </Text>
                                </Text>
                                <Group gap={6} wrap="nowrap">
                                  {m.value !== null ? (
                                    <Text size="sm" fw={600}>
                                      {figure(m.value, k.unit)}
                                    </Text>
                                  ) : null}
                                  <Badge
                                    size="xs"
                                    variant="light"
                                    color={stateBadge[state].color}
                                    style={{ minWidth: "max-content" }}
                                  >
                                    {stateBadge[state].label}
                                  </Badge>
                                  {canRecord(k) && m.value === null && state !== "scheduled" ? (
                                    <Button
                                      size="compact-xs"
                                      variant="light"
                                      className="no-print"
                                      onClick={() => setRecording({ kpi: k, m })}
                                      aria-label={`Record the ${m.monthsAfterGoLive}-month measurement of ${k.name}`}
                                    >
                                      Record
                                    </Button>
                                  ) : null}
                                </Group>
                              </Stack>
                            );
                          })}
                        </Stack>
                      )}
                    </Table.Td>
                    {rights.edit ? (
                      <Table.Td>
                        <Group gap={4} wrap="nowrap" className="no-print">
                          <Tooltip label={`Edit ${k.name}`}>
                            <ActionIcon
                              variant="subtle"
                              color="gray"
                              aria-label={`Edit ${k.name}`}
                              onClick={() => setEditing(k)}
                            >
                              <IconPencil size={16} aria-hidden />
                            </ActionIcon>
                          </Tooltip>
                          <ConfirmIcon
                            label={`Delete ${k.name}`}
                            title="Delete this KPI?"
                            message={`${k.name} and its re-measurements are removed from the review.`}
                            confirmLabel="Delete"
                            icon={<IconTrash size={16} aria-hidden />}
                            onConfirm={() =>
                              writes.deleteKpi.mutate(
                                { projectId, kpiId: k.id, version: k.version },
                                { onError: (error) => notifyFailure("Not deleted", error) },
                              )
                            }
                          />
                        </Group>
                      </Table.Td>
                    ) : null}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {editing ? (
        <KpiModal
          projectId={projectId}
          pirId={review.id}
          kpi={editing === "new" ? null : editing}
          writes={writes}
          onClose={() => setEditing(null)}
        />
      ) : null}
      {recording ? (
        <RecordModal
          projectId={projectId}
          kpi={recording.kpi}
          measurement={recording.m}
          writes={writes}
          onClose={() => setRecording(null)}
        />
      ) : null}
    </Section>
  );
}

interface KpiValues {
  name: string;
  unit: string;
  baseline: number | null;
  target: number | null;
  actual: number | null;
  measuredOn: string;
  ownerId: string | null;
}

const kpiFields = [
  "name",
  "unit",
  "baseline",
  "target",
  "actual",
  "measuredOn",
  "ownerId",
] as const;
const kpiValues = (k: PirKpi | null): KpiValues => ({
  name: k?.name ?? "",
  unit: k?.unit ?? "",
  baseline: k?.baseline ?? null,
  target: k?.target ?? null,
  actual: k?.actual ?? null,
  measuredOn: k?.measuredOn ?? "",
  ownerId: k?.owner?.userId ?? null,
});
const toInput = (v: KpiValues) => ({ ...v, measuredOn: v.measuredOn === "" ? null : v.measuredOn });
const numberOf = (v: string | number): number | null =>
  typeof v === "number" && Number.isFinite(v) ? v : null;

function KpiModal({
  projectId,
  pirId,
  kpi,
  writes,
  onClose,
}: {
  projectId: string;
  pirId: string;
  kpi: PirKpi | null;
  writes: PirWrites;
  onClose: () => void;
}) {
  const trpc = useTRPC();
  const members = useQuery(trpc.project.members.list.queryOptions({ projectId }));
  const [values, setValues] = useState<KpiValues>(() => kpiValues(kpi));
  const [base, setBase] = useState(kpi);
  const save = useSave(kpiFields);
  const pick = useCallback((r: Pir) => r.kpis.find((k) => k.id === kpi?.id), [kpi?.id]);
  const fresh = useFreshRow(projectId, pick);
  const set = <K extends keyof KpiValues>(key: K, value: KpiValues[K]) =>
    setValues((v) => ({ ...v, [key]: value }));

  async function submit() {
    const saved = await save.run(() => {
      const input = toInput(values);
      if (!base) return writes.addKpi.mutateAsync({ projectId, pirId, ...input });
      const before = toInput(kpiValues(base));
      const changes = Object.fromEntries(
        kpiFields.filter((f) => input[f] !== before[f]).map((f) => [f, input[f]]),
      );
      if (Object.keys(changes).length === 0) return Promise.resolve();
      return writes.updateKpi.mutateAsync({
        projectId,
        kpiId: base.id,
        version: base.version,
        changes,
      });
    });
    if (saved) onClose();
  }

  return (
    <FormModal
      opened
      title={kpi ? `Edit ${kpi.name}` : "Add a KPI or benefit"}
      onClose={onClose}
      onSubmit={() => void submit()}
      saving={save.saving}
      failure={save.failure}
      errors={save.errors}
      submitLabel={kpi ? "Save" : "Add KPI"}
      notice={
        save.conflict ? (
          <ConflictNotice
            message={save.conflict}
            load={fresh}
            onReload={(row) => {
              setBase(row);
              setValues(kpiValues(row));
              save.reset();
            }}
            onKeep={(row) => {
              setBase(row);
              save.setConflict(null);
            }}
            onGone={onClose}
          />
        ) : null
      }
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <TextInput
          label="Name"
          required
          maxLength={200}
          value={values.name}
          onChange={(e) => set("name", e.currentTarget.value)}
          error={save.errors.name}
          data-autofocus
        />
        <TextInput
          label="Unit"
          description="e.g. %, days, tickets per week"
          maxLength={40}
          value={values.unit}
          onChange={(e) => set("unit", e.currentTarget.value)}
          error={save.errors.unit}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
        <NumberInput
          label="Baseline"
          value={values.baseline ?? ""}
          onChange={(v) => set("baseline", numberOf(v))}
          error={save.errors.baseline}
        />
        <NumberInput
          label="Target"
          value={values.target ?? ""}
          onChange={(v) => set("target", numberOf(v))}
          error={save.errors.target}
        />
        <NumberInput
          label="Actual"
          value={values.actual ?? ""}
          onChange={(v) => set("actual", numberOf(v))}
          error={save.errors.actual}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <TextInput
          label="Measured on"
          type="date"
          value={values.measuredOn}
          onChange={(e) => set("measuredOn", e.currentTarget.value)}
          error={save.errors.measuredOn}
        />
        <Select
          label="Owner"
          description="Who measures it (and measures it again later)"
          placeholder={members.isPending ? "Loading the project's people…" : "Nobody yet"}
          data={(members.data ?? []).map((m) => ({ value: m.userId, label: m.name }))}
          value={values.ownerId}
          onChange={(v) => set("ownerId", v)}
          clearable
          searchable
          error={save.errors.ownerId}
        />
      </SimpleGrid>
    </FormModal>
  );
}

/** Records a later measurement of a benefit (also on a signed-off review: a follow-up). */
export function RecordModal({
  projectId,
  kpi,
  measurement,
  writes,
  onClose,
}: {
  projectId: string;
  kpi: { name: string; unit: string };
  measurement: { id: string; version: number; monthsAfterGoLive: number; dueOn: string };
  writes: PirWrites;
  onClose: () => void;
}) {
  const [value, setValue] = useState<number | null>(null);
  const [measuredOn, setMeasuredOn] = useState(todayLocal());
  const [note, setNote] = useState("");
  const save = useSave(["value", "measuredOn", "note"]);

  async function submit() {
    if (value === null) {
      save.setErrors({ value: "Enter the measured value" });
      return;
    }
    const saved = await save.run(() =>
      writes.record.mutateAsync({
        projectId,
        measurementId: measurement.id,
        version: measurement.version,
        value,
        measuredOn,
        note,
      }),
    );
    if (saved) {
      notifications.show({
        color: "green",
        icon: <IconCheck size={16} aria-hidden />,
        title: "Measurement recorded",
        message: `${kpi.name}, ${measurement.monthsAfterGoLive} months after go-live: ${figure(value, kpi.unit)}.`,
      });
      onClose();
    }
  }

  return (
    <FormModal
      opened
      size="md"
      title={`${kpi.name}: ${measurement.monthsAfterGoLive}-month measurement`}
      onClose={onClose}
      onSubmit={() => void submit()}
      saving={save.saving}
      failure={save.conflict ?? save.failure}
      errors={save.errors}
      submitLabel="Record"
    >
      <Text size="sm" c="dimmed">
        Due {formatDate(measurement.dueOn)}.
      </Text>
      <NumberInput
        label={kpi.unit ? `Value (${kpi.unit})` : "Value"}
        required
        value={value ?? ""}
        onChange={(v) => setValue(numberOf(v))}
        error={save.errors.value}
        data-autofocus
      />
      <TextInput
        label="Measured on"
        type="date"
        required
        value={measuredOn}
        onChange={(e) => setMeasuredOn(e.currentTarget.value)}
        error={save.errors.measuredOn}
      />
      <TextInput
        label="Note"
        maxLength={1000}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
        error={save.errors.note}
      />
    </FormModal>
  );
}

import { Button, CloseButton, Group, NativeSelect, NumberInput, Paper, Text } from "@mantine/core";
import {
  type Party,
  type Plan,
  partyLabels,
  type RaciValue,
  raciValues,
  taskCategories,
  taskCategoryLabels,
  taskStatuses,
  taskStatusLabels,
} from "@rollout/domain";
import { IconCalendarShare, IconSparkles, IconTrash } from "@tabler/icons-react";
import { useState } from "react";
import { isOneOf } from "../../lib/isOneOf.ts";
import type { BulkChanges } from "./planMutations.ts";
import { raciText } from "./raci.tsx";

/** A select that applies its choice at once and goes back to its prompt. */
function ApplySelect({
  label,
  prompt,
  options,
  onPick,
  disabled,
}: {
  label: string;
  prompt: string;
  options: { value: string; label: string }[];
  onPick: (value: string) => void;
  disabled: boolean;
}) {
  return (
    <NativeSelect
      size="xs"
      aria-label={label}
      data={[{ value: "", label: prompt }, ...options]}
      value=""
      disabled={disabled}
      onChange={(e) => {
        const v = e.currentTarget.value;
        if (v) onPick(v);
      }}
      w={150}
    />
  );
}

const raciOptions = [
  ...raciValues.map((v) => ({ value: v, label: raciText(v) })),
  { value: "none", label: "— none" },
];

export function BulkBar({
  count,
  people,
  parties,
  pending,
  onApply,
  onSuggest,
  onDelete,
  onClear,
}: {
  count: number;
  people: Plan["people"];
  parties: readonly Party[];
  pending: boolean;
  onApply: (changes: BulkChanges, what: string) => void;
  onSuggest: () => void;
  onDelete: () => void;
  onClear: () => void;
}) {
  const [shift, setShift] = useState<string | number>(5);
  const shiftBy = typeof shift === "number" ? shift : Number(shift);
  return (
    <Paper
      withBorder
      radius="md"
      p="xs"
      className="bulk-bar no-print"
      role="region"
      aria-label="Change the selected tasks"
    >
      <Group gap="xs" wrap="wrap">
        <Group gap={4} wrap="nowrap">
          <CloseButton size="sm" aria-label="Clear the selection" onClick={onClear} />
          <Text size="sm" fw={600} aria-live="polite">
            {count} selected
          </Text>
        </Group>
        <ApplySelect
          label="Set status of the selected tasks"
          prompt="Set status…"
          options={taskStatuses.map((s) => ({ value: s, label: taskStatusLabels[s] }))}
          disabled={pending}
          onPick={(v) => {
            if (isOneOf(taskStatuses, v)) onApply({ status: v }, `Status: ${taskStatusLabels[v]}`);
          }}
        />
        <ApplySelect
          label="Set category of the selected tasks"
          prompt="Set category…"
          options={taskCategories.map((c) => ({ value: c, label: taskCategoryLabels[c] }))}
          disabled={pending}
          onPick={(v) => {
            if (isOneOf(taskCategories, v)) {
              onApply({ category: v }, `Category: ${taskCategoryLabels[v]}`);
            }
          }}
        />
        <ApplySelect
          label="Assign the selected tasks"
          prompt="Assign to…"
          options={[
            { value: "none", label: "Unassigned" },
            ...people
              .filter((p) => p.role !== "stakeholder")
              .map((p) => ({ value: p.userId, label: p.name })),
          ]}
          disabled={pending}
          onPick={(v) =>
            onApply(
              { assigneeId: v === "none" ? null : v },
              v === "none"
                ? "Unassigned"
                : `Assigned to ${people.find((p) => p.userId === v)?.name}`,
            )
          }
        />
        {parties.map((p) => (
          <ApplySelect
            key={p}
            label={`Set the ${partyLabels[p]} letter of the selected tasks`}
            prompt={`${partyLabels[p]} letter…`}
            options={raciOptions}
            disabled={pending}
            onPick={(v) => {
              const value: RaciValue | null = isOneOf(raciValues, v) ? v : null;
              onApply(
                { responsibilities: { [p]: value } },
                `${partyLabels[p]}: ${value ? raciText(value) : "none"}`,
              );
            }}
          />
        ))}
        <Group gap={4} wrap="nowrap">
          <NumberInput
            size="xs"
            aria-label="Working days to shift the dates by (negative: earlier)"
            value={shift}
            onChange={setShift}
            allowDecimal={false}
            min={-1000}
            max={1000}
            w={72}
          />
          <Button
            size="xs"
            variant="default"
            leftSection={<IconCalendarShare size={14} aria-hidden />}
            disabled={pending || !Number.isInteger(shiftBy) || shiftBy === 0}
            onClick={() =>
              onApply(
                { shiftWorkingDays: shiftBy },
                `Dates shifted by ${shiftBy} working ${Math.abs(shiftBy) === 1 ? "day" : "days"}`,
              )
            }
          >
            Shift dates
          </Button>
        </Group>
        <Button
          size="xs"
          variant="light"
          leftSection={<IconSparkles size={14} aria-hidden />}
          disabled={pending}
          onClick={onSuggest}
        >
          Suggest from playbook
        </Button>
        <Button
          size="xs"
          color="red"
          variant="light"
          leftSection={<IconTrash size={14} aria-hidden />}
          disabled={pending}
          onClick={onDelete}
        >
          Delete
        </Button>
      </Group>
    </Paper>
  );
}

import { List, SegmentedControl, Text } from "@mantine/core";
import { type Rag, rags } from "@rollout/domain";
import { useId } from "react";
import { isOneOf } from "../../lib/isOneOf.ts";
import { RagBadge } from "../../ui/badges.tsx";

const ragWords: Record<Rag, string> = { green: "Green", amber: "Amber", red: "Red" };
const ragColors: Record<Rag, string> = { green: "green", amber: "orange", red: "red" };

/**
 * One colour of the report: the choice (a radio group, arrow keys move it), and beside it what
 * the written rules said and why, so the person choosing sees where they differ.
 */
export function RagField({
  label,
  value,
  onChange,
  computed,
  reasons,
  note,
  disabled,
}: {
  label: string;
  value: Rag;
  onChange: (rag: Rag) => void;
  /** The rules' colour, when known. */
  computed?: Rag | null;
  /** Why the rules gave it (empty: no rule triggered). Absent: no rule covers this dimension. */
  reasons?: readonly string[];
  /** Said instead of the reasons (e.g. scope has no written rule). */
  note?: string;
  disabled?: boolean;
}) {
  const id = useId();
  const differs = computed != null && computed !== value;
  return (
    <div className="rag-field">
      <Text id={id} size="sm" fw={600} pt={6}>
        {label}
      </Text>
      <SegmentedControl
        aria-labelledby={id}
        size="sm"
        value={value}
        disabled={disabled}
        color={ragColors[value]}
        onChange={(v) => {
          if (isOneOf(rags, v)) onChange(v);
        }}
        data={rags.map((rag) => ({ value: rag, label: ragWords[rag] }))}
      />
      <div className="rag-field-rules">
        {computed ? (
          <Text size="xs" c="dimmed" mb={2}>
            By the rules{" "}
            <RagBadge rag={computed} size="xs" variant={differs ? "outline" : "light"} />
            {differs ? (
              <Text span size="xs" c="orange.8" fw={600}>
                {" "}
                · you report {ragWords[value]}
              </Text>
            ) : null}
          </Text>
        ) : reasons && reasons.length > 0 ? (
          <Text size="xs" c="dimmed" mb={2}>
            By the rules: amber or red, because
          </Text>
        ) : null}
        {note ? (
          <Text size="xs" c="dimmed">
            {note}
          </Text>
        ) : reasons && reasons.length > 0 ? (
          <List size="xs" spacing={0}>
            {reasons.map((reason) => (
              <List.Item key={reason}>{reason}</List.Item>
            ))}
          </List>
        ) : reasons ? (
          <Text size="xs" c="dimmed">
            No rule triggered.
          </Text>
        ) : null}
      </div>
    </div>
  );
}

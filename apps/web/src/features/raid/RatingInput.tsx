import { Input, SegmentedControl } from "@mantine/core";
import { useId } from "react";

const ratings = ["1", "2", "3", "4", "5"];
const NONE = "none";

/**
 * A 1–5 rating as five radio buttons (one click, arrow keys between them); `optional` adds
 * "—" for "not rated". Labelled, described and in error like any other field.
 */
export function RatingInput({
  label,
  description,
  value,
  onChange,
  error,
  optional = false,
  disabled = false,
}: {
  label: string;
  description?: string;
  /** "1"–"5", or "" for not rated. */
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  optional?: boolean;
  disabled?: boolean;
}) {
  const id = useId();
  const data = optional ? [{ value: NONE, label: "—" }, ...ratings] : ratings;
  return (
    <Input.Wrapper
      label={label}
      labelElement="div"
      labelProps={{ id: `${id}-label` }}
      description={description}
      descriptionProps={{ id: `${id}-description` }}
      error={error}
      errorProps={{ id: `${id}-error` }}
    >
      <SegmentedControl
        fullWidth
        size="sm"
        data={data}
        disabled={disabled}
        // Nothing chosen yet on a required rating: no radio is checked.
        value={value === "" ? (optional ? NONE : "") : value}
        onChange={(v) => onChange(v === NONE ? "" : v)}
        aria-labelledby={`${id}-label`}
        aria-describedby={
          [description ? `${id}-description` : null, error ? `${id}-error` : null]
            .filter(Boolean)
            .join(" ") || undefined
        }
        aria-invalid={error ? true : undefined}
        color={error ? "red" : "blue"}
      />
    </Input.Wrapper>
  );
}

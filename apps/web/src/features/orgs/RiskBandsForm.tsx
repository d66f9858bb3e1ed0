import { Alert, Button, Group, NumberInput, Paper, Stack, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { defaultRiskThresholds, type Org, riskBandLabels } from "@rollout/domain";
import { type FormEvent, useState } from "react";
import { errorInfo } from "../../lib/trpc.ts";
import { useSetRiskThresholds } from "./orgMutations.ts";
import {
  PREVIEW_IMPACTS,
  previewRows,
  rangesText,
  readThresholds,
  type ThresholdValues,
} from "./riskBands.ts";
import "./riskBands.css";

const fields = [
  { key: "medium", label: "Medium from" },
  { key: "high", label: "High from" },
  { key: "critical", label: "Critical from" },
] as const;

/**
 * The organisation's risk band table: where medium, high and critical start on the 1–25 score
 * (probability × impact). Every project's RAID log and heat map use it. Owners and admins edit
 * it; everyone else sees it. The preview follows what is typed.
 */
export function RiskBandsForm({ org, canEdit }: { org: Org; canEdit: boolean }) {
  const save = useSetRiskThresholds();
  const [values, setValues] = useState<ThresholdValues>(org.riskThresholds);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<{ message: string; conflict: boolean } | null>(null);
  const read = readThresholds(values);
  const shown = read.ok ? read.thresholds : org.riskThresholds;
  const saved = org.riskThresholds;
  const changed =
    values.medium !== saved.medium ||
    values.high !== saved.high ||
    values.critical !== saved.critical;
  const isDefault =
    shown.medium === defaultRiskThresholds.medium &&
    shown.high === defaultRiskThresholds.high &&
    shown.critical === defaultRiskThresholds.critical;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!read.ok) return;
    setFailure(null);
    setFieldErrors({});
    // The organisation's version as the cache holds it now (a rename moves it on too).
    save.mutate(
      { ...read.thresholds, version: org.version },
      {
        onSuccess: (next) =>
          notifications.show({
            color: "green",
            title: "Risk bands saved",
            message: rangesText(next.riskThresholds),
          }),
        onError: (error) => {
          const info = errorInfo(error);
          if (info.code === "CONFLICT") {
            setFailure({
              conflict: true,
              message:
                "Someone changed the organisation's settings meanwhile; they are reloaded. Check the thresholds and save again.",
            });
            return;
          }
          setFieldErrors(info.fieldErrors);
          setFailure({ conflict: false, message: info.message });
        },
      },
    );
  }

  return (
    <Paper withBorder radius="md" p="lg">
      <form onSubmit={submit} noValidate aria-label="Risk bands">
        <Stack gap="sm">
          <div>
            <Title order={2} fz="h4">
              Risk bands
            </Title>
            <Text size="sm" c="dimmed">
              A risk scores probability × impact, 1 to 25. These thresholds say where each band
              starts, for every project's RAID log and heat map.
              {canEdit ? "" : " Owners and admins change them."}
            </Text>
          </div>
          {failure ? (
            <Alert
              color={failure.conflict ? "orange" : "red"}
              variant="light"
              role="alert"
              title="Not saved"
            >
              {failure.message}
            </Alert>
          ) : null}
          <Group align="flex-start" gap="xl" wrap="wrap">
            <Stack gap="sm" style={{ flex: "0 1 16rem" }}>
              {fields.map((f) => (
                <NumberInput
                  key={f.key}
                  label={f.label}
                  description="A score from 2 to 25"
                  min={2}
                  max={25}
                  step={1}
                  allowDecimal={false}
                  allowNegative={false}
                  clampBehavior="none"
                  readOnly={!canEdit}
                  variant={canEdit ? "default" : "filled"}
                  value={values[f.key]}
                  onChange={(v) =>
                    setValues((prev) => ({ ...prev, [f.key]: typeof v === "number" ? v : "" }))
                  }
                  error={fieldErrors[f.key]}
                  w={160}
                />
              ))}
              <Text size="sm" c="red" aria-live="polite">
                {read.ok ? "" : read.message}
              </Text>
            </Stack>
            <BandPreview thresholds={shown} stale={!read.ok} />
          </Group>
          {canEdit ? (
            <Group justify="flex-end" gap="sm">
              {!isDefault ? (
                <Button variant="subtle" onClick={() => setValues(defaultRiskThresholds)}>
                  Use the defaults (5, 10, 20)
                </Button>
              ) : null}
              {changed ? (
                <Button variant="default" onClick={() => setValues(saved)}>
                  Undo changes
                </Button>
              ) : null}
              <Button type="submit" loading={save.isPending} disabled={!read.ok || !changed}>
                Save risk bands
              </Button>
            </Group>
          ) : null}
        </Stack>
      </form>
    </Paper>
  );
}

/** The 5×5 matrix coloured by band, each cell with its score and band in words. */
function BandPreview({
  thresholds,
  stale,
}: {
  thresholds: { medium: number; high: number; critical: number };
  stale: boolean;
}) {
  const rows = previewRows(thresholds);
  return (
    <Stack gap={6} style={{ flex: "1 1 22rem" }} aria-live="polite">
      <Text size="sm" fw={600} id="risk-band-ranges">
        {rangesText(thresholds)}
        {stale ? (
          <Text span size="sm" c="dimmed" fw={400}>
            {" "}
            (saved table; fix the thresholds to preview)
          </Text>
        ) : null}
      </Text>
      <table className="band-preview" aria-label="Bands by probability and impact">
        <tbody>
          {rows.map((row) => (
            <tr key={row[0]?.probability}>
              <th scope="row">P{row[0]?.probability}</th>
              {row.map((cell) => (
                <td
                  key={cell.impact}
                  data-band={cell.band}
                  title={`Probability ${cell.probability} × impact ${cell.impact} = ${cell.score}: ${riskBandLabels[cell.band]}`}
                >
                  <span className="band-score">{cell.score}</span>
                  <span className="band-name">{riskBandLabels[cell.band]}</span>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <td />
            {PREVIEW_IMPACTS.map((i) => (
              <th key={i} scope="col">
                I{i}
              </th>
            ))}
          </tr>
        </tfoot>
      </table>
      <Text size="xs" c="dimmed">
        P = probability, I = impact.
      </Text>
    </Stack>
  );
}

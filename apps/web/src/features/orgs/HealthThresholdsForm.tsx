import {
  Alert,
  Button,
  Group,
  List,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { defaultHealthThresholds, type Org } from "@rollout/domain";
import { type FormEvent, useState } from "react";
import { errorInfo } from "../../lib/trpc.ts";
import {
  type HealthValues,
  healthFields,
  healthRulesText,
  isDefaultHealth,
  readHealth,
} from "./healthThresholds.ts";
import { useSetHealthThresholds } from "./orgMutations.ts";

/**
 * The limits the health rules apply to every project of the organisation. Owners and admins
 * edit them; everyone else reads them. The rules are restated in words as they are typed.
 */
export function HealthThresholdsForm({ org, canEdit }: { org: Org; canEdit: boolean }) {
  const save = useSetHealthThresholds();
  const [values, setValues] = useState<HealthValues>(org.healthThresholds);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const read = readHealth(values);
  const shown = read.ok ? read.thresholds : org.healthThresholds;
  const changed = healthFields.some((f) => values[f.key] !== org.healthThresholds[f.key]);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!read.ok) {
      setFieldErrors({ [read.field]: read.message });
      return;
    }
    setFailure(null);
    setFieldErrors({});
    save.mutate(
      { ...read.thresholds, version: org.version },
      {
        onSuccess: () =>
          notifications.show({
            color: "green",
            title: "Health rules saved",
            message: "Every project's health is recomputed with the new limits.",
          }),
        onError: (error) => {
          const info = errorInfo(error);
          setFieldErrors(info.fieldErrors);
          setFailure(
            info.code === "CONFLICT"
              ? "Someone changed the organisation's settings meanwhile; they are reloaded. Check the limits and save again."
              : info.message,
          );
        },
      },
    );
  }

  return (
    <Paper withBorder radius="md" p="lg">
      <form onSubmit={submit} noValidate aria-label="Health rules">
        <Stack gap="sm">
          <div>
            <Title order={2} fz="h4">
              Health rules
            </Title>
            <Text size="sm" c="dimmed">
              Project health is computed from these limits, never typed in. A PM can override a
              project's overall colour with a reason; the computed one stays visible.
              {canEdit ? "" : " Owners and admins change them."}
            </Text>
          </div>
          {failure ? (
            <Alert color="red" variant="light" role="alert" title="Not saved">
              {failure}
            </Alert>
          ) : null}
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
            {healthFields.map((f) => (
              <NumberInput
                key={f.key}
                label={f.label}
                description={f.unit}
                min={f.min}
                max={f.max}
                allowDecimal={f.decimals}
                allowNegative={false}
                clampBehavior="none"
                readOnly={!canEdit}
                variant={canEdit ? "default" : "filled"}
                value={values[f.key]}
                onChange={(v) =>
                  setValues((prev) => ({ ...prev, [f.key]: typeof v === "number" ? v : "" }))
                }
                error={
                  fieldErrors[f.key] ??
                  (!read.ok && read.field === f.key ? read.message : undefined)
                }
              />
            ))}
          </SimpleGrid>
          <div aria-live="polite">
            <Text size="sm" fw={600} mb={4}>
              In words
            </Text>
            <List size="sm" spacing={2}>
              {healthRulesText(shown).map((line) => (
                <List.Item key={line}>{line}</List.Item>
              ))}
            </List>
          </div>
          {canEdit ? (
            <Group justify="flex-end" gap="sm">
              <Button
                variant="subtle"
                disabled={isDefaultHealth(shown)}
                onClick={() => setValues(defaultHealthThresholds)}
              >
                Use the defaults
              </Button>
              <Button type="submit" loading={save.isPending} disabled={!changed}>
                Save health rules
              </Button>
            </Group>
          ) : null}
        </Stack>
      </form>
    </Paper>
  );
}

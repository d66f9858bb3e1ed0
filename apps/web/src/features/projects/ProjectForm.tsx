import {
  Alert,
  Box,
  Button,
  Fieldset,
  Group,
  NativeSelect,
  NumberInput,
  Radio,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from "@mantine/core";
import {
  projectKindLabels,
  projectKinds,
  projectStageLabels,
  projectStages,
  projectStatuses,
  projectStatusLabels,
} from "@rollout/domain";
import { IconAlertTriangle } from "@tabler/icons-react";
import { type FormEvent, type ReactNode, useEffect, useRef, useState } from "react";
import { isOneOf } from "../../lib/isOneOf.ts";
import { type FieldErrors, unplacedErrors } from "../../ui/fieldErrors.ts";
import { moneyDecimals, type ProjectFormValues, projectFormFields } from "./projectFormModel.ts";

const kindOptions = projectKinds.map((k) => ({ value: k, label: projectKindLabels[k] }));
const stageOptions = projectStages.map((s) => ({ value: s, label: projectStageLabels[s] }));
const statusOptions = projectStatuses.map((s) => ({ value: s, label: projectStatusLabels[s] }));

interface ProjectFormProps {
  mode: "create" | "edit";
  initialValues: ProjectFormValues;
  /** Client-side check with the API's schema; returns field messages or nothing. */
  onSubmit: (values: ProjectFormValues) => void;
  /** Messages from the client check or the server, by field. */
  errors: FieldErrors;
  /** A failure that is not about one field (network, permission…). */
  failure?: string | null;
  /** Shown above the fields, e.g. the "changed by someone else" notice. */
  banner?: ReactNode;
  pending: boolean;
  submitLabel: string;
  cancel?: ReactNode;
  /** Told whether the values differ from `initialValues`. */
  onDirtyChange?: (dirty: boolean) => void;
  /** Told the values as they are typed (e.g. the start date for a template's preview). */
  onValuesChange?: (values: ProjectFormValues) => void;
  /** A target go-live worked out elsewhere (a template's): fills the field until one is typed. */
  suggestedTargetGoLive?: string | null;
}

/** Every field of a project. Holds what the person typed until they save or choose to reload. */
export function ProjectForm({
  mode,
  initialValues,
  onSubmit,
  errors,
  failure,
  banner,
  pending,
  submitLabel,
  cancel,
  onDirtyChange,
  onValuesChange,
  suggestedTargetGoLive,
}: ProjectFormProps) {
  const [values, setValues] = useState(initialValues);
  const dirty = JSON.stringify(values) !== JSON.stringify(initialValues);
  useEffect(() => onDirtyChange?.(dirty), [dirty, onDirtyChange]);
  useEffect(() => onValuesChange?.(values), [values, onValuesChange]);
  const [goLiveTyped, setGoLiveTyped] = useState(false);
  useEffect(() => {
    if (!suggestedTargetGoLive || goLiveTyped) return;
    setValues((prev) =>
      prev.targetGoLive === suggestedTargetGoLive
        ? prev
        : { ...prev, targetGoLive: suggestedTargetGoLive },
    );
  }, [suggestedTargetGoLive, goLiveTyped]);
  const set = <K extends keyof ProjectFormValues>(field: K, value: ProjectFormValues[K]) =>
    setValues((prev) => ({ ...prev, [field]: value }));
  const text =
    (
      field:
        | "key"
        | "name"
        | "customer"
        | "startDate"
        | "targetGoLive"
        | "actualGoLive"
        | "currency"
        | "objectives",
    ) =>
    (event: { currentTarget: { value: string } }) =>
      set(field, event.currentTarget.value);

  const decimals = moneyDecimals(values.currency);
  const currencyLabel = /^[A-Za-z]{3}$/.test(values.currency.trim())
    ? values.currency.trim().toUpperCase()
    : "";
  const other = unplacedErrors(errors, projectFormFields);

  const formRef = useRef<HTMLFormElement>(null);
  // After a failed save, move focus to the first field with a message (keyboard and readers).
  useEffect(() => {
    if (Object.keys(errors).length === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors]);

  function submit(event: FormEvent) {
    event.preventDefault();
    onSubmit(values);
  }

  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label={mode === "create" ? "New project" : "Project settings"}
    >
      <Stack gap="lg">
        {banner}
        {failure || other.length ? (
          <Alert
            color="red"
            variant="light"
            icon={<IconAlertTriangle size={18} aria-hidden />}
            title="The project was not saved"
            role="alert"
          >
            {[failure, ...other].filter(Boolean).join(" ")}
          </Alert>
        ) : null}

        <Fieldset legend="About the project" radius="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput
              label="Key"
              description="Short and unique, e.g. ACME-CRM"
              required
              value={values.key}
              onChange={text("key")}
              error={errors.key}
              styles={{ input: { textTransform: "uppercase" } }}
              maxLength={20}
              autoFocus={mode === "create"}
            />
            <TextInput
              label="Name"
              required
              value={values.name}
              onChange={text("name")}
              error={errors.name}
              maxLength={120}
            />
            <TextInput
              label="Customer"
              description="Who the rollout is for"
              value={values.customer}
              onChange={text("customer")}
              error={errors.customer}
              maxLength={120}
            />
            <NativeSelect
              label="Kind"
              required
              data={kindOptions}
              value={values.kind}
              onChange={(e) => {
                const value = e.currentTarget.value;
                if (isOneOf(projectKinds, value)) set("kind", value);
              }}
              error={errors.kind}
            />
          </SimpleGrid>
          <Box mt="md">
            <Textarea
              label="Objectives"
              description="What the rollout must achieve, one per line"
              autosize
              minRows={4}
              maxRows={14}
              value={values.objectives}
              onChange={text("objectives")}
              error={errors.objectives}
              maxLength={5000}
            />
          </Box>
        </Fieldset>

        <Fieldset legend="Stage and dates" radius="md">
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="md">
            <NativeSelect
              label="Stage"
              required
              data={stageOptions}
              value={values.stage}
              onChange={(e) => {
                const value = e.currentTarget.value;
                if (isOneOf(projectStages, value)) set("stage", value);
              }}
              error={errors.stage}
            />
            <NativeSelect
              label="Status"
              required
              data={statusOptions}
              value={values.status}
              onChange={(e) => {
                const value = e.currentTarget.value;
                if (isOneOf(projectStatuses, value)) set("status", value);
              }}
              error={errors.status}
            />
            <div />
            <TextInput
              type="date"
              label="Start date"
              required
              value={values.startDate}
              onChange={text("startDate")}
              error={errors.startDate}
            />
            <TextInput
              type="date"
              label="Target go-live"
              required
              value={values.targetGoLive}
              onChange={(event) => {
                setGoLiveTyped(true);
                text("targetGoLive")(event);
              }}
              description={
                suggestedTargetGoLive && !goLiveTyped ? "From the template's go-live" : undefined
              }
              error={errors.targetGoLive}
            />
            <TextInput
              type="date"
              label="Actual go-live"
              description="Leave empty until the system is live"
              value={values.actualGoLive}
              onChange={text("actualGoLive")}
              error={errors.actualGoLive}
            />
          </SimpleGrid>
        </Fieldset>

        <Fieldset legend="Budget" radius="md">
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
            <TextInput
              label="Currency"
              description="Three-letter code, e.g. EUR"
              required
              value={values.currency}
              onChange={text("currency")}
              error={errors.currency}
              maxLength={3}
              styles={{ input: { textTransform: "uppercase" } }}
              autoComplete="off"
            />
            <NumberInput
              label="Planned budget"
              description={currencyLabel ? `In ${currencyLabel}` : undefined}
              required
              min={0}
              decimalScale={decimals}
              thousandSeparator=","
              value={values.plannedBudget}
              onChange={(value) => set("plannedBudget", value)}
              error={errors.plannedBudget}
              hideControls
            />
            <NumberInput
              label="Actual cost"
              description={currencyLabel ? `In ${currencyLabel}, spent so far` : "Spent so far"}
              required
              min={0}
              decimalScale={decimals}
              thousandSeparator=","
              value={values.actualCost}
              onChange={(value) => set("actualCost", value)}
              error={errors.actualCost}
              hideControls
            />
          </SimpleGrid>
        </Fieldset>

        {mode === "create" ? (
          <Fieldset legend="Your part" radius="md">
            <Radio.Group
              label="Your role on this project"
              description="You join the project with this role; add the others from its Members tab."
              value={values.creatorRole}
              onChange={(value) => set("creatorRole", value === "ipm" ? "ipm" : "pm")}
              error={errors.creatorRole}
            >
              <Group mt="xs">
                <Radio value="pm" label="Project manager (PM)" />
                <Radio value="ipm" label="Implementation PM (IPM)" />
              </Group>
            </Radio.Group>
          </Fieldset>
        ) : null}

        <Group justify="flex-end" className="no-print">
          {cancel}
          <Button type="submit" loading={pending}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

import {
  Alert,
  Button,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import {
  type Plan,
  type Task,
  type TaskChanges,
  taskCategories,
  taskCategoryLabels,
  taskStatuses,
  taskStatusLabels,
} from "@rollout/domain";
import { IconInfoCircle, IconRefreshAlert } from "@tabler/icons-react";
import { type FormEvent, useEffect, useRef, useState } from "react";
import type { FieldErrors } from "../../ui/fieldErrors.ts";
import { formatDate } from "../../ui/format.ts";
import { canEditField, type EditRights } from "./planColumns.ts";
import { usePlanStore, useTaskWriter } from "./planMutations.ts";
import {
  type DateField,
  derivedDates,
  formChanges,
  type TaskFormValues,
  taskValues,
} from "./taskForm.ts";

const categoryOptions = taskCategories.map((c) => ({ value: c, label: taskCategoryLabels[c] }));
const statusOptions = taskStatuses.map((s) => ({ value: s, label: taskStatusLabels[s] }));

/**
 * Every field of a task in one form. Saves only what changed, against the version it was opened
 * with; when someone else saved first (CONFLICT) nothing typed is lost: load theirs, or keep
 * these edits and save over it.
 */
export function TaskDetailsForm({
  projectId,
  task,
  plan,
  rights,
}: {
  projectId: string;
  task: Task;
  plan: Plan;
  rights: EditRights;
}) {
  const write = useTaskWriter(projectId);
  const store = usePlanStore(projectId);
  const [base, setBase] = useState(() => taskValues(task));
  const [values, setValues] = useState(base);
  const [touched, setTouched] = useState<DateField[]>([]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [conflict, setConflict] = useState<string | null>(null);
  const [keptOver, setKeptOver] = useState(false);
  const [saving, setSaving] = useState(false);
  const baseVersion = useRef(task.version);

  const editable = (field: keyof TaskChanges) => canEditField(rights, task, field);
  const dirty =
    touched.length > 0 ||
    (Object.keys(values) as (keyof TaskFormValues)[]).some((k) => values[k] !== base[k]);

  // A newer version arrived (a cell edited in the grid, a refetch): an untouched form follows.
  useEffect(() => {
    if (task.version === baseVersion.current || dirty || conflict) return;
    baseVersion.current = task.version;
    const fresh = taskValues(task);
    setBase(fresh);
    setValues(fresh);
  }, [task, dirty, conflict]);

  const dates = derivedDates(values, touched);
  const shown = (f: DateField): string => {
    if (touched.includes(f) || !dates.ok) return values[f];
    const v = dates.dates[f];
    return v === null ? "" : String(v);
  };
  const derivedNote =
    dates.ok && touched.length > 0
      ? (["startDate", "dueDate", "duration"] as const).filter((f) => !touched.includes(f))
      : [];

  function set<K extends keyof TaskFormValues>(field: K, value: TaskFormValues[K]) {
    setValues((v) => ({ ...v, [field]: value }));
    if (field === "startDate" || field === "dueDate" || field === "duration") {
      setTouched((t) => (t.includes(field) ? t : [...t.filter((x) => x !== field), field]));
    }
    if (errors[field]) setErrors(({ [field]: _gone, ...rest }) => rest);
  }

  async function reloadTheirs() {
    const plan = await store.reload();
    const fresh = plan?.tasks.find((t) => t.id === task.id);
    if (!fresh) return;
    baseVersion.current = fresh.version;
    const v = taskValues(fresh);
    setBase(v);
    setValues(v);
    setTouched([]);
    setConflict(null);
    setKeptOver(false);
    setErrors({});
  }

  async function keepMine() {
    await store.reload();
    setConflict(null);
    setKeptOver(true);
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    const parsed = formChanges(base, values, touched, editable);
    if (!parsed.ok) {
      setErrors(parsed.errors);
      return;
    }
    if (!parsed.changes) return;
    setErrors({});
    setSaving(true);
    const current = store.get()?.tasks.find((t) => t.id === task.id) ?? task;
    const result = await write(current, parsed.changes, plan.people);
    setSaving(false);
    if (result.ok) {
      baseVersion.current = result.task.version;
      const fresh = taskValues(result.task);
      setBase(fresh);
      setValues(fresh);
      setTouched([]);
      setConflict(null);
      setKeptOver(false);
      notifications.show({
        color: "green",
        title: "Saved",
        message: `“${result.task.title}” is up to date.`,
      });
      return;
    }
    if (result.conflict) {
      setConflict(result.message);
      return;
    }
    setErrors(result.fieldErrors);
    if (Object.keys(result.fieldErrors).length === 0) setFailure(result.message);
  }

  const ro = (field: keyof TaskChanges) => !editable(field);
  const assignees = [
    { value: "", label: "Unassigned" },
    ...plan.people
      .filter((p) => p.role !== "stakeholder" || p.userId === task.assigneeId)
      .map((p) => ({ value: p.userId, label: p.name })),
  ];

  return (
    <form onSubmit={(e) => void onSubmit(e)} aria-label="Task details" noValidate>
      <Stack gap="sm">
        {conflict ? (
          <Alert
            color="orange"
            variant="light"
            icon={<IconRefreshAlert size={18} aria-hidden />}
            title="Not saved"
            role="alert"
          >
            <Text size="sm">{conflict}</Text>
            <Text size="sm" mt={4}>
              What you typed is still here. Load their version (your edits are dropped), or keep
              your edits and save them over their change.
            </Text>
            <Group mt="sm" gap="sm">
              <Button size="xs" color="orange" onClick={() => void reloadTheirs()}>
                Reload their version
              </Button>
              <Button size="xs" variant="default" onClick={() => void keepMine()}>
                Keep my edits
              </Button>
            </Group>
          </Alert>
        ) : keptOver ? (
          <Alert color="blue" variant="light" icon={<IconInfoCircle size={18} aria-hidden />}>
            Your edits are kept. Saving now replaces the other change with yours.
          </Alert>
        ) : null}
        {failure ? (
          <Alert color="red" variant="light" role="alert">
            {failure}
          </Alert>
        ) : null}
        {!rights.plan ? (
          <Text size="xs" c="dimmed">
            As a contributor on this task you can update its status, progress, actual hours and
            description.
          </Text>
        ) : null}
        <TextInput
          label="Title"
          withAsterisk={!ro("title")}
          value={values.title}
          onChange={(e) => set("title", e.currentTarget.value)}
          error={errors.title}
          readOnly={ro("title")}
          variant={ro("title") ? "filled" : "default"}
          maxLength={300}
        />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <NativeSelect
            label="Category"
            data={categoryOptions}
            value={values.category}
            onChange={(e) => set("category", e.currentTarget.value as Task["category"])}
            disabled={ro("category")}
            error={errors.category}
          />
          <NativeSelect
            label="Status"
            data={statusOptions}
            value={values.status}
            onChange={(e) => set("status", e.currentTarget.value as Task["status"])}
            disabled={ro("status")}
            error={errors.status}
          />
          <NativeSelect
            label="Assignee"
            data={assignees}
            value={values.assigneeId}
            onChange={(e) => set("assigneeId", e.currentTarget.value)}
            disabled={ro("assigneeId")}
            error={errors.assigneeId}
          />
          <TextInput
            label="Done (%)"
            inputMode="numeric"
            value={values.percentComplete}
            onChange={(e) => set("percentComplete", e.currentTarget.value)}
            readOnly={ro("percentComplete")}
            variant={ro("percentComplete") ? "filled" : "default"}
            error={errors.percentComplete}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
          <TextInput
            label="Start"
            type="date"
            value={shown("startDate")}
            onChange={(e) => set("startDate", e.currentTarget.value)}
            readOnly={ro("startDate")}
            variant={ro("startDate") ? "filled" : "default"}
            error={errors.startDate}
          />
          <TextInput
            label="Due"
            type="date"
            value={shown("dueDate")}
            onChange={(e) => set("dueDate", e.currentTarget.value)}
            readOnly={ro("dueDate")}
            variant={ro("dueDate") ? "filled" : "default"}
            error={
              errors.dueDate ?? (!dates.ok && dates.field === "dueDate" ? dates.message : undefined)
            }
          />
          <TextInput
            label="Duration"
            description="Working days, Mon–Fri"
            inputMode="numeric"
            value={shown("duration")}
            onChange={(e) => set("duration", e.currentTarget.value)}
            readOnly={ro("duration")}
            variant={ro("duration") ? "filled" : "default"}
            error={
              errors.duration ??
              (!dates.ok && dates.field === "duration" ? dates.message : undefined)
            }
          />
        </SimpleGrid>
        {derivedNote.length > 0 && dates.ok ? (
          <Text size="xs" c="dimmed" aria-live="polite">
            Calculated:{" "}
            {derivedNote
              .map((f) =>
                f === "duration"
                  ? `${dates.dates.duration ?? "—"} working days`
                  : `${f === "startDate" ? "start" : "due"} ${formatDate(dates.dates[f])}`,
              )
              .join(", ")}
            .
          </Text>
        ) : null}
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <TextInput
            label="Estimate (hours)"
            inputMode="decimal"
            value={values.estimateHours}
            onChange={(e) => set("estimateHours", e.currentTarget.value)}
            readOnly={ro("estimateHours")}
            variant={ro("estimateHours") ? "filled" : "default"}
            error={errors.estimateHours}
          />
          <TextInput
            label="Actual hours"
            inputMode="decimal"
            value={values.actualHours}
            onChange={(e) => set("actualHours", e.currentTarget.value)}
            readOnly={ro("actualHours")}
            variant={ro("actualHours") ? "filled" : "default"}
            error={errors.actualHours}
          />
        </SimpleGrid>
        <Textarea
          label="Description"
          autosize
          minRows={3}
          maxRows={12}
          value={values.description}
          onChange={(e) => set("description", e.currentTarget.value)}
          readOnly={ro("description")}
          variant={ro("description") ? "filled" : "default"}
          error={errors.description}
        />
        {rights.plan ? (
          <Switch
            label="Internal only"
            description="Stakeholders never see internal-only tasks."
            checked={values.internalOnly}
            onChange={(e) => set("internalOnly", e.currentTarget.checked)}
          />
        ) : null}
        <Group justify="flex-end">
          <Button
            variant="default"
            disabled={!dirty || saving}
            onClick={() => {
              setValues(base);
              setTouched([]);
              setErrors({});
            }}
          >
            Discard changes
          </Button>
          <Button type="submit" loading={saving} disabled={!dirty || conflict !== null}>
            Save changes
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

import {
  Alert,
  Button,
  Group,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import type { StatusReport } from "@rollout/domain";
import {
  IconDeviceFloppy,
  IconEye,
  IconPencil,
  IconRefreshAlert,
  IconSend,
  IconTrash,
} from "@tabler/icons-react";
import { type FormEvent, type KeyboardEvent, useEffect, useRef, useState } from "react";
import { errorInfo } from "../../lib/trpc.ts";
import { ConfirmButton } from "../../ui/ConfirmButton.tsx";
import { ConflictNotice } from "../../ui/ConflictNotice.tsx";
import { unplacedErrors } from "../../ui/fieldErrors.ts";
import { HealthFields } from "./HealthFields.tsx";
import { ReportDocument } from "./ReportDocument.tsx";
import { type ReportRights, useFreshReport, useReportWrites } from "./reportData.ts";
import {
  changedValues,
  fieldErrorsOf,
  parseReportUpdate,
  type ReportValues,
  reportFields,
  reportValues,
} from "./reportForm.ts";
import type { ReportView } from "./reportsSearch.ts";

const listHint = "One item per line, each starting with “- ”.";

/**
 * A draft: its five colours beside what the rules said, its four texts, and a preview of the
 * page it becomes. Saved with the version it was read at; a stale version keeps what was typed
 * and offers their version or a rebase. Publishing (PM or admin) saves first, then freezes it.
 */
export function ReportEditor({
  projectId,
  report,
  rights,
  view,
  onView,
  onDeleted,
}: {
  projectId: string;
  report: StatusReport;
  rights: ReportRights;
  view: ReportView;
  onView: (view: ReportView) => void;
  onDeleted: () => void;
}) {
  const writes = useReportWrites(projectId);
  const latest = useFreshReport(projectId, report.id);
  const [initial, setInitial] = useState<ReportValues>(() => reportValues(report));
  const [values, setValues] = useState<ReportValues>(initial);
  const [baseVersion, setBaseVersion] = useState(report.version);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [conflict, setConflict] = useState<string | null>(null);
  const [busy, setBusy] = useState<"save" | "publish" | null>(null);
  const dirty = Object.keys(changedValues(initial, values)).length > 0;
  const form = useRef<HTMLFormElement>(null);
  // A refused save shows its messages by the fields; bring the first one into view.
  useEffect(() => {
    if (Object.keys(errors).length === 0) return;
    const invalid = form.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    invalid?.scrollIntoView({ block: "center", behavior: "smooth" });
    invalid?.focus({ preventScroll: true });
  }, [errors]);

  // Someone else saved the draft (a live update refetched it): an untouched form follows, one
  // being typed in keeps its text and says so (saving then offers the choice).
  const behind = report.version > baseVersion;
  useEffect(() => {
    if (!behind || dirty || busy) return;
    const theirs = reportValues(report);
    setInitial(theirs);
    setValues(theirs);
    setBaseVersion(report.version);
  }, [behind, dirty, busy, report]);

  const set = <K extends keyof ReportValues>(key: K, value: ReportValues[K]) =>
    setValues((v) => ({ ...v, [key]: value }));

  function failed(error: unknown) {
    const info = errorInfo(error);
    const fields = fieldErrorsOf(info.fieldErrors);
    if (info.code === "CONFLICT" && Object.keys(fields).length === 0) {
      setConflict(info.message);
      return;
    }
    setErrors(fields);
    const extra = unplacedErrors(fields, reportFields);
    setFailure(extra.length > 0 ? extra.join(" ") : info.message);
    if (Object.keys(fields).length > 0) onView("edit");
  }

  /** Saves what changed; resolves to the version now stored, or null when it was refused. */
  async function save(): Promise<number | null> {
    setFailure(null);
    const parsed = parseReportUpdate(report.id, baseVersion, initial, values);
    if (!parsed.ok) {
      setErrors(parsed.errors);
      onView("edit");
      return null;
    }
    setErrors({});
    if (!parsed.data) return baseVersion;
    try {
      await writes.update.mutateAsync({ projectId, ...parsed.data });
      const version = baseVersion + 1;
      setInitial(values);
      setBaseVersion(version);
      setConflict(null);
      return version;
    } catch (error) {
      failed(error);
      return null;
    }
  }

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    if (busy) return;
    setBusy("save");
    const version = await save();
    setBusy(null);
    if (version !== null && dirty) {
      notifications.show({
        color: "green",
        title: "Saved",
        message: `Draft report ${report.number} is up to date.`,
      });
    }
  }

  async function publish() {
    setBusy("publish");
    const version = await save();
    if (version === null) {
      setBusy(null);
      return;
    }
    try {
      await writes.publish.mutateAsync({ projectId, reportId: report.id, version });
      notifications.show({
        color: "green",
        title: `Report ${report.number} published`,
        message: "It is frozen now; stakeholders and share links show it.",
      });
    } catch (error) {
      failed(error);
    } finally {
      setBusy(null);
    }
  }

  // Awaited rather than a callback: the live update may unmount this form (the draft is gone)
  // before the answer arrives, and the page must still go back to the list.
  async function remove() {
    try {
      await writes.remove.mutateAsync({ projectId, reportId: report.id, version: baseVersion });
      notifications.show({
        color: "green",
        title: `Draft report ${report.number} deleted`,
        message: "The project's history keeps a record of it.",
      });
      onDeleted();
    } catch (error) {
      const info = errorInfo(error);
      notifications.show({
        color: info.code === "CONFLICT" ? "orange" : "red",
        title: `Report ${report.number} was not deleted`,
        message:
          info.code === "CONFLICT"
            ? "Someone changed it meanwhile. Look at their version, then delete it."
            : info.message,
      });
    }
  }

  // Ctrl+S / ⌘S saves where the browser would otherwise save the page.
  function onKeyDown(event: KeyboardEvent) {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "s") {
      event.preventDefault();
      void submit();
    }
  }

  const pending = busy !== null || writes.remove.isPending;

  return (
    <Stack gap="md">
      <Group justify="space-between" gap="sm" wrap="wrap" className="no-print">
        <SegmentedControl
          aria-label="Show"
          value={view}
          onChange={(v) => onView(v === "preview" ? "preview" : "edit")}
          data={[
            {
              value: "edit",
              label: (
                <Group gap={6} wrap="nowrap">
                  <IconPencil size={14} aria-hidden />
                  Edit
                </Group>
              ),
            },
            {
              value: "preview",
              label: (
                <Group gap={6} wrap="nowrap">
                  <IconEye size={14} aria-hidden />
                  Preview
                </Group>
              ),
            },
          ]}
        />
        <Group gap="xs">
          <ConfirmButton
            variant="subtle"
            leftSection={<IconTrash size={16} aria-hidden />}
            title={`Delete draft report ${report.number}?`}
            message="The draft and its text are removed. Published reports are never affected."
            confirmLabel="Delete draft"
            onConfirm={() => void remove()}
            loading={writes.remove.isPending}
            disabled={busy !== null}
          >
            Delete draft
          </ConfirmButton>
          {rights.publish ? null : (
            <Text size="xs" c="dimmed">
              A project manager publishes it.
            </Text>
          )}
          {rights.publish ? (
            <ConfirmButton
              color="blue"
              leftSection={<IconSend size={16} aria-hidden />}
              title={`Publish report ${report.number}?`}
              message={
                <>
                  Publishing freezes the report: its colours, text and figures can never be changed
                  again (write a new report for the next period). Stakeholders and share links see
                  it at once.
                  {dirty ? " Your unsaved changes are saved first." : ""}
                </>
              }
              confirmLabel="Publish and freeze"
              onConfirm={() => void publish()}
              loading={busy === "publish"}
              disabled={pending && busy !== "publish"}
            >
              Publish…
            </ConfirmButton>
          ) : null}
        </Group>
      </Group>

      {conflict ? (
        <ConflictNotice
          message={conflict}
          load={latest.load}
          onReload={(theirs: StatusReport) => {
            const v = reportValues(theirs);
            setInitial(v);
            setValues(v);
            setBaseVersion(theirs.version);
            setConflict(null);
          }}
          onKeep={(theirs: StatusReport) => {
            setInitial(reportValues(theirs));
            setBaseVersion(theirs.version);
            setConflict(null);
          }}
          onGone={() => {
            if (latest.failed()) return;
            notifications.show({
              color: "orange",
              title: `Report ${report.number} is gone`,
              message: "Someone deleted this draft meanwhile; your edits could not be kept.",
            });
            onDeleted();
          }}
        />
      ) : behind && dirty && !busy ? (
        <Alert
          color="orange"
          variant="light"
          icon={<IconRefreshAlert size={18} aria-hidden />}
          title="Someone else changed this draft"
        >
          Your edits are kept. Saving asks whether to keep yours or load theirs.
        </Alert>
      ) : null}
      {failure ? (
        <Alert color="red" variant="light" title="Not saved" role="alert">
          {failure}
        </Alert>
      ) : null}

      {view === "preview" ? (
        <Paper withBorder radius="md" p="lg">
          <Text size="xs" c="dimmed" mb="sm" className="no-print">
            Preview{dirty ? " with your unsaved changes" : ""}. The figures are taken again when the
            report is published.
          </Text>
          <ReportDocument report={{ ...report, ...values }} />
        </Paper>
      ) : (
        <form
          ref={form}
          onSubmit={(e) => void submit(e)}
          onKeyDown={onKeyDown}
          aria-label={`Edit report ${report.number}`}
          noValidate
        >
          <Stack gap="md">
            <HealthFields
              metrics={report.metrics}
              values={values}
              onChange={(key, rag) => set(key, rag)}
            />

            <Paper withBorder radius="md" p="md">
              <Stack gap="md">
                <Textarea
                  label="Summary"
                  description="Two or three sentences: where the project stands and why."
                  autosize
                  minRows={3}
                  maxRows={12}
                  maxLength={10_000}
                  value={values.summary}
                  onChange={(e) => set("summary", e.currentTarget.value)}
                  error={errors.summary}
                />
                <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
                  <Textarea
                    label="Accomplishments"
                    description={`Pre-filled with the tasks finished in the period. ${listHint}`}
                    autosize
                    minRows={6}
                    maxRows={20}
                    maxLength={20_000}
                    value={values.accomplishments}
                    onChange={(e) => set("accomplishments", e.currentTarget.value)}
                    error={errors.accomplishments}
                  />
                  <Textarea
                    label="Next steps"
                    description={`Pre-filled with the tasks due next. ${listHint}`}
                    autosize
                    minRows={6}
                    maxRows={20}
                    maxLength={20_000}
                    value={values.nextSteps}
                    onChange={(e) => set("nextSteps", e.currentTarget.value)}
                    error={errors.nextSteps}
                  />
                  <Textarea
                    label="Asks"
                    description={`Decisions or help needed from stakeholders. ${listHint}`}
                    autosize
                    minRows={6}
                    maxRows={20}
                    maxLength={10_000}
                    value={values.asks}
                    onChange={(e) => set("asks", e.currentTarget.value)}
                    error={errors.asks}
                  />
                </SimpleGrid>
              </Stack>
            </Paper>

            <Group gap="sm" className="report-save-bar no-print">
              <Button
                type="submit"
                leftSection={<IconDeviceFloppy size={16} aria-hidden />}
                loading={busy === "save"}
                disabled={!dirty || (pending && busy !== "save")}
              >
                Save changes
              </Button>
              <Button
                variant="default"
                disabled={!dirty || pending}
                onClick={() => {
                  setValues(initial);
                  setErrors({});
                  setFailure(null);
                }}
              >
                Discard changes
              </Button>
              <Text size="xs" c="dimmed" aria-live="polite">
                {dirty ? "Unsaved changes · Ctrl+S saves" : "All changes saved"}
              </Text>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}

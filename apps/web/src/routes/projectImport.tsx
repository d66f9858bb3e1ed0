import { Alert, Button, FileInput, Group, Paper, Stack, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconFileImport, IconLock } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { createLazyRoute, useNavigate } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { copyKey, type ExportPreview, previewExport } from "../features/exchange/exchangeModel.ts";
import { errorInfo, useTRPC } from "../lib/trpc.ts";
import { DateText } from "../ui/DateText.tsx";
import { ButtonLink } from "../ui/links.tsx";
import { PageHeader } from "../ui/PageHeader.tsx";

export const Route = createLazyRoute("/_authed/_org/projects/import")({ component: ImportPage });

function ImportPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const session = useQuery(trpc.session.get.queryOptions());
  const [text, setText] = useState<string | null>(null);
  const [preview, setPreview] = useState<ExportPreview | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [key, setKey] = useState("");
  const [name, setName] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const importProject = useMutation(
    trpc.project.import.mutationOptions({
      onSuccess: () => void queryClient.invalidateQueries(trpc.dashboard.pathFilter()),
    }),
  );
  const role = session.data?.activeOrg?.role;

  if (role && role !== "owner" && role !== "admin") {
    return (
      <>
        <PageHeader title="Import a project" />
        <Alert
          color="gray"
          icon={<IconLock size={18} aria-hidden />}
          title="Only organisation owners and admins import projects"
        >
          Ask an owner or admin of your organisation to import it.
        </Alert>
      </>
    );
  }

  async function choose(file: File | null) {
    setText(null);
    setPreview(null);
    setFileError(null);
    setFailure(null);
    if (!file) return;
    const content = await file.text();
    const read = previewExport(content);
    if (!read.ok) {
      setFileError(read.message);
      return;
    }
    setText(content);
    setPreview(read.preview);
    setKey(copyKey(read.preview.key));
    setName(`${read.preview.name} (copy)`.slice(0, 120));
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!text) {
      setFileError("Choose an export file first");
      return;
    }
    setErrors({});
    setFailure(null);
    importProject.mutate(
      { document: text, key: key.trim().toUpperCase(), name: name.trim() },
      {
        onSuccess: (result) => {
          notifications.show({
            color: "green",
            title: `${result.key} imported`,
            message:
              result.unmatchedPeople.length > 0
                ? `${result.unmatchedPeople.length} people named in the file are not in this organisation and were left unassigned: ${result.unmatchedPeople.join(", ")}.`
                : "Every person in the file was matched.",
            autoClose: result.unmatchedPeople.length > 0 ? false : 5000,
          });
          void navigate({ to: "/projects/$projectId", params: { projectId: result.id } });
        },
        onError: (error) => {
          const info = errorInfo(error);
          setErrors(info.fieldErrors);
          setFailure(info.message);
        },
      },
    );
  }

  return (
    <>
      <PageHeader
        title="Import a project"
        description="Start a project from a file exported from Rollout (Project settings → Export project). Everything in it is copied; people are matched by email."
      />
      <Paper withBorder radius="md" p="lg" maw={720}>
        <form onSubmit={submit} noValidate aria-label="Import a project">
          <Stack gap="md">
            {failure ? (
              <Alert color="red" variant="light" role="alert" title="Not imported">
                {failure}
              </Alert>
            ) : null}
            <FileInput
              label="Export file"
              placeholder="Choose a .rollout.json file"
              accept="application/json,.json"
              leftSection={<IconFileImport size={18} aria-hidden />}
              onChange={(file) => void choose(file)}
              error={fileError ?? errors.document}
              clearable
            />
            {preview ? (
              <Text size="sm" aria-live="polite">
                <b>{preview.name}</b> ({preview.key}), exported{" "}
                {preview.exportedAt ? <DateText value={preview.exportedAt.slice(0, 10)} /> : "—"}:{" "}
                {preview.counts.tasks} tasks, {preview.counts.milestones} milestones,{" "}
                {preview.counts.raid} RAID items, {preview.counts.stakeholders} stakeholders,{" "}
                {preview.counts.reports} reports.
              </Text>
            ) : null}
            <Group grow align="flex-start">
              <TextInput
                label="Key of the new project"
                required
                value={key}
                onChange={(e) => setKey(e.currentTarget.value)}
                error={errors.key}
                description="Unique in this organisation, e.g. ACME-CRM-2"
              />
              <TextInput
                label="Name"
                required
                value={name}
                onChange={(e) => setName(e.currentTarget.value)}
                error={errors.name}
              />
            </Group>
            <Group justify="flex-end">
              <ButtonLink to="/projects" variant="subtle">
                Cancel
              </ButtonLink>
              <Button type="submit" loading={importProject.isPending} disabled={!preview}>
                Import project
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </>
  );
}

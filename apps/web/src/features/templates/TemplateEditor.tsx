import { Alert, Badge, Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import type { TemplateBody, TemplateView } from "@rollout/domain";
import { IconAlertTriangle, IconCopy, IconDeviceFloppy, IconLock } from "@tabler/icons-react";
import { useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useEffect, useMemo, useState } from "react";
import { errorInfo, useTRPC } from "../../lib/trpc.ts";
import { ConflictNotice } from "../../ui/ConflictNotice.tsx";
import { formatNumber } from "../../ui/format.ts";
import { TemplateDetailsForm } from "./TemplateDetailsForm.tsx";
import { TemplateLinksView } from "./TemplateLinksView.tsx";
import { TemplatePhases } from "./TemplatePhases.tsx";
import { TemplateTaskTable } from "./TemplateTaskTable.tsx";
import { useTemplateWrites } from "./templateData.ts";
import {
  addPhase,
  addTask,
  draftIssues,
  issuesFrom,
  removeDependency,
  removePhase,
  removeTask,
  renamePhase,
  serverProblems,
  updateTask,
} from "./templateDraft.ts";
import { templateFacts } from "./templatePreview.ts";
import "./templates.css";

/**
 * One template: its details and its plan. An own template is edited by owners and admins in a
 * draft that is checked as it is typed (problems shown on their rows) and saved whole with the
 * version it was read at; a built-in, or anyone else's view, is read-only.
 */
export function TemplateEditor({
  template,
  canManage,
}: {
  template: TemplateView;
  canManage: boolean;
}) {
  const editable = template.canEdit && canManage;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { update, duplicate } = useTemplateWrites();
  const [draft, setDraft] = useState<TemplateBody>(template.body);
  const [base, setBase] = useState<TemplateBody>(template.body);
  // The version the draft's base was read at. A change of details only (ours or someone's)
  // leaves the plan as it was, so the draft may still be saved over it; a changed plan may not.
  const [baseVersion, setBaseVersion] = useState(template.version ?? 1);
  useEffect(() => {
    if (template.version === null || template.version === baseVersion) return;
    if (JSON.stringify(template.body) === JSON.stringify(base)) setBaseVersion(template.version);
  }, [template.version, template.body, base, baseVersion]);
  const [serverIssues, setServerIssues] = useState<ReturnType<typeof issuesFrom> | null>(null);
  const [conflict, setConflict] = useState<string | null>(null);
  const issues = useMemo(() => draftIssues(draft), [draft]);
  const dirty = draft !== base;
  const shown = serverIssues && issues.count === 0 ? serverIssues : issues;

  function change(next: TemplateBody) {
    setServerIssues(null);
    setDraft(next);
  }

  function save(version: number) {
    setConflict(null);
    update.mutate(
      { templateId: template.id, version, changes: { body: draft } },
      {
        onSuccess: (saved) => {
          setBase(saved.body);
          setDraft(saved.body);
          setBaseVersion(saved.version ?? 1);
          notifications.show({
            color: "green",
            title: "Template saved",
            message: `${formatNumber(saved.taskCount)} tasks in ${formatNumber(saved.phaseCount)} phases.`,
          });
        },
        onError: (error) => {
          const info = errorInfo(error);
          if (info.code === "CONFLICT") {
            setConflict(info.message);
            return;
          }
          if (Object.keys(info.fieldErrors).length > 0) {
            setServerIssues(issuesFrom(serverProblems(info.fieldErrors)));
          }
          notifications.show({ color: "red", title: "Not saved", message: info.message });
        },
      },
    );
  }

  async function fresh(): Promise<TemplateView | null> {
    try {
      return await queryClient.fetchQuery({
        ...trpc.template.get.queryOptions({ templateId: template.id }),
        staleTime: 0,
      });
    } catch {
      return null;
    }
  }

  function copy() {
    duplicate.mutate(
      { templateId: template.id },
      {
        onSuccess: (created) =>
          void navigate({
            to: "/settings/templates/$templateId",
            params: { templateId: created.id },
          }),
        onError: (error) =>
          notifications.show({
            color: "red",
            title: "Not duplicated",
            message: errorInfo(error).message,
          }),
      },
    );
  }

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Stack gap={4}>
          <Group gap="xs">
            <Title order={2} fz="h3">
              {template.name}
            </Title>
            {template.builtIn ? (
              <Badge variant="light" color="indigo">
                Built-in
              </Badge>
            ) : null}
          </Group>
          <Text size="sm" c="dimmed">
            {templateFacts(template)}
          </Text>
          {template.description ? (
            <Text size="sm" maw={760}>
              {template.description}
            </Text>
          ) : null}
        </Stack>
        {canManage ? (
          <Button
            variant="default"
            leftSection={<IconCopy size={16} aria-hidden />}
            loading={duplicate.isPending}
            onClick={copy}
            className="no-print"
          >
            {template.builtIn ? "Duplicate to edit" : "Duplicate"}
          </Button>
        ) : null}
      </Group>

      {!editable ? (
        <Alert color="gray" icon={<IconLock size={18} aria-hidden />} className="no-print">
          {template.builtIn
            ? canManage
              ? "Built-in templates are read-only. Duplicate it to adapt the copy to your organisation."
              : "Built-in templates are read-only."
            : "Owners and admins of the organisation edit templates."}
        </Alert>
      ) : (
        <TemplateDetailsForm key={`${template.id}-${template.version}`} template={template} />
      )}

      <Paper withBorder radius="md" p="md">
        <Stack gap="md">
          <Group justify="space-between" wrap="wrap">
            <Title order={2} fz="h4">
              Plan
            </Title>
            {editable ? (
              <Group gap="xs" className="no-print">
                {dirty ? (
                  <Button
                    variant="subtle"
                    onClick={() => {
                      setDraft(base);
                      setServerIssues(null);
                    }}
                  >
                    Discard changes
                  </Button>
                ) : null}
                <Button
                  leftSection={<IconDeviceFloppy size={16} aria-hidden />}
                  disabled={!dirty || issues.count > 0}
                  loading={update.isPending}
                  onClick={() => save(baseVersion)}
                >
                  Save plan
                </Button>
              </Group>
            ) : null}
          </Group>
          <Text size="sm" c="dimmed">
            Days are working days counted from the project's start (day 0 is its first working day);
            weekends and the organisation's holidays are skipped when a project is made.
          </Text>
          {conflict ? (
            <ConflictNotice
              message={conflict}
              load={fresh}
              onReload={(t) => {
                setBase(t.body);
                setDraft(t.body);
                setBaseVersion(t.version ?? 1);
                setConflict(null);
              }}
              onKeep={(t) => save(t.version ?? 1)}
              onGone={() => {
                setConflict(null);
                notifications.show({
                  color: "red",
                  title: "Template deleted",
                  message: "Someone deleted this template meanwhile.",
                });
              }}
            />
          ) : null}
          {shown.count > 0 ? (
            <Alert
              color="red"
              variant="light"
              icon={<IconAlertTriangle size={18} aria-hidden />}
              title={`${formatNumber(shown.count)} problem${shown.count === 1 ? "" : "s"} to fix before saving`}
              role="alert"
            >
              {shown.general.length > 0 ? (
                <ul className="template-criteria">
                  {shown.general.map((m) => (
                    <li key={m}>{m}</li>
                  ))}
                </ul>
              ) : (
                <Text size="sm">Each is shown under the row it concerns.</Text>
              )}
            </Alert>
          ) : null}

          <section aria-labelledby="template-phases">
            <Title order={3} fz="h5" id="template-phases" mb="xs">
              Phases
            </Title>
            <TemplatePhases
              body={draft}
              issues={shown}
              editable={editable}
              onRename={(key, name) => change(renamePhase(draft, key, name))}
              onAdd={() => change(addPhase(draft, `Phase ${draft.phases.length + 1}`))}
              onRemove={(key) => change(removePhase(draft, key))}
              onAddTask={(phaseKey) => change(addTask(draft, phaseKey))}
            />
          </section>

          <section aria-labelledby="template-tasks">
            <Title order={3} fz="h5" id="template-tasks" mb="xs">
              Tasks ({formatNumber(draft.tasks.length)})
            </Title>
            {draft.tasks.length === 0 ? (
              <Text size="sm" c="dimmed">
                No tasks yet. {editable ? "Add the first with “+ Task” next to its phase." : null}
              </Text>
            ) : (
              <TemplateTaskTable
                body={draft}
                issues={shown}
                editable={editable}
                onEdit={(key, edit) => change(updateTask(draft, key, edit))}
                onRemove={(key) => change(removeTask(draft, key))}
              />
            )}
          </section>

          <TemplateLinksView
            body={draft}
            issues={shown}
            editable={editable}
            onRemoveDependency={(index) => change(removeDependency(draft, index))}
          />
        </Stack>
      </Paper>
    </Stack>
  );
}

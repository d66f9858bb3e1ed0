import {
  Button,
  Group,
  Modal,
  NativeSelect,
  Paper,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import {
  type Project,
  type ProjectKind,
  projectKindLabels,
  projectKinds,
  templateSaveFromProjectInput,
} from "@rollout/domain";
import { IconTemplate } from "@tabler/icons-react";
import { type FormEvent, useState } from "react";
import { isOneOf } from "../../lib/isOneOf.ts";
import { errorInfo } from "../../lib/trpc.ts";
import { type FieldErrors, zodFieldErrors } from "../../ui/fieldErrors.ts";
import { AnchorLink } from "../../ui/links.tsx";
import { useSaveAsTemplate } from "./templateData.ts";

const kindOptions = projectKinds.map((k) => ({ value: k, label: projectKindLabels[k] }));

/**
 * Saves the project's plan as it is now as a new template of the organisation: phases, tasks
 * with categories and letters, dependencies, milestones and gate criteria, dates relative to the
 * project's start. Nothing of the project changes.
 */
export function SaveAsTemplateCard({
  project,
  canManage,
}: {
  project: Project;
  canManage: boolean;
}) {
  const [opened, { open, close }] = useDisclosure(false);
  const save = useSaveAsTemplate();
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const [kind, setKind] = useState<ProjectKind>(project.kind);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saved, setSaved] = useState<{ id: string; name: string } | null>(null);

  function start() {
    setName(`${project.name} plan`.slice(0, 120));
    setDescription(project.objectives.split("\n")[0]?.slice(0, 300) ?? "");
    setKind(project.kind);
    setErrors({});
    setFailure(null);
    open();
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = templateSaveFromProjectInput.safeParse({ name, description, kind });
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error));
      return;
    }
    setErrors({});
    setFailure(null);
    save.mutate(
      { projectId: project.id, ...parsed.data },
      {
        onSuccess: (template) => {
          close();
          setSaved({ id: template.id, name: template.name });
          notifications.show({
            color: "green",
            title: "Saved as a template",
            message: `“${template.name}” holds ${template.taskCount} tasks and ${template.milestoneCount} milestones; new projects can start from it.`,
          });
        },
        onError: (error) => {
          const info = errorInfo(error);
          setErrors(info.fieldErrors);
          if (Object.keys(info.fieldErrors).length === 0 || info.fieldErrors.projectId) {
            setFailure(info.message);
          }
        },
      },
    );
  }

  return (
    <Paper withBorder radius="md" p="lg">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="md">
        <Stack gap={4} style={{ flex: "1 1 24rem" }}>
          <Title order={2} fz="h4">
            Save as template
          </Title>
          {saved ? (
            <Text size="sm" role="status">
              Saved as “{saved.name}”.{" "}
              {canManage ? (
                <AnchorLink to="/settings/templates/$templateId" params={{ templateId: saved.id }}>
                  Open it in Settings
                </AnchorLink>
              ) : null}
            </Text>
          ) : null}
          <Text size="sm" c="dimmed">
            The plan as it is now becomes a template of the organisation: phases, tasks with their
            categories and responsibilities, dependencies, milestones and gate criteria, with dates
            counted in working days from the project's start. Internal-only tasks stay
            internal-only. Nothing of this project changes.
          </Text>
        </Stack>
        <Button
          variant="default"
          leftSection={<IconTemplate size={18} aria-hidden />}
          onClick={start}
        >
          Save as template…
        </Button>
      </Group>
      <Modal opened={opened} onClose={close} title="Save the plan as a template" centered size="lg">
        <form onSubmit={submit} noValidate aria-label="Save as template">
          <Stack gap="md">
            {failure ? (
              <Text c="red" size="sm" role="alert">
                {failure}
              </Text>
            ) : null}
            <TextInput
              label="Template name"
              required
              maxLength={120}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={errors.name}
              data-autofocus
            />
            <Textarea
              label="Description"
              description="What kind of rollout it fits, and what it assumes"
              autosize
              minRows={2}
              maxRows={6}
              maxLength={2000}
              value={description}
              onChange={(e) => setDescription(e.currentTarget.value)}
              error={errors.description}
            />
            <NativeSelect
              label="Kind"
              data={kindOptions}
              value={kind}
              onChange={(e) => {
                const value = e.currentTarget.value;
                if (isOneOf(projectKinds, value)) setKind(value);
              }}
              error={errors.kind}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button type="submit" loading={save.isPending}>
                Save template
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Paper>
  );
}

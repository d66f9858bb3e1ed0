import {
  Button,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import {
  type ProjectKind,
  projectKindLabels,
  projectKinds,
  type TemplateView,
} from "@rollout/domain";
import { type FormEvent, useState } from "react";
import { isOneOf } from "../../lib/isOneOf.ts";
import { errorInfo } from "../../lib/trpc.ts";
import type { FieldErrors } from "../../ui/fieldErrors.ts";
import { useTemplateWrites } from "./templateData.ts";

const kindOptions = projectKinds.map((k) => ({ value: k, label: projectKindLabels[k] }));

/** Name, description and kind of an own template, saved on their own (the plan has its button). */
export function TemplateDetailsForm({ template }: { template: TemplateView }) {
  const { update } = useTemplateWrites();
  const [name, setName] = useState(template.name);
  const [description, setDescription] = useState(template.description);
  const [kind, setKind] = useState<ProjectKind>(template.kind);
  const [errors, setErrors] = useState<FieldErrors>({});
  const dirty =
    name !== template.name || description !== template.description || kind !== template.kind;

  function submit(event: FormEvent) {
    event.preventDefault();
    setErrors({});
    update.mutate(
      {
        templateId: template.id,
        version: template.version ?? 1,
        changes: { name, description, kind },
      },
      {
        onSuccess: (saved) =>
          notifications.show({
            color: "green",
            title: "Template saved",
            message: `“${saved.name}” is up to date.`,
          }),
        onError: (error) => {
          const info = errorInfo(error);
          const fields: FieldErrors = {};
          for (const [key, message] of Object.entries(info.fieldErrors)) {
            fields[key.replace(/^changes\./, "")] = message;
          }
          setErrors(fields);
          if (Object.keys(fields).length === 0) {
            notifications.show({ color: "red", title: "Not saved", message: info.message });
          }
        },
      },
    );
  }

  return (
    <Paper withBorder radius="md" p="md">
      <form onSubmit={submit} noValidate aria-label="Template details">
        <Stack gap="sm">
          <Title order={2} fz="h4">
            Details
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput
              label="Name"
              required
              maxLength={120}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={errors.name}
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
          </SimpleGrid>
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
          <Group justify="flex-end">
            <Button type="submit" variant="default" disabled={!dirty} loading={update.isPending}>
              Save details
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

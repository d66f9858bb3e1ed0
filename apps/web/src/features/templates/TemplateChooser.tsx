import { Badge, Fieldset, Group, Radio, SimpleGrid, Skeleton, Stack, Text } from "@mantine/core";
import type { TemplateSummaryItem } from "@rollout/domain";
import { IconFile, IconTemplate } from "@tabler/icons-react";
import { ErrorAlert } from "../../ui/ErrorAlert.tsx";
import { TemplatePreviewPanel } from "./TemplatePreviewPanel.tsx";
import { useTemplateList } from "./templateData.ts";
import { templateFacts } from "./templatePreview.ts";
import "./templates.css";

const BLANK = "blank";

function TemplateCard({ t }: { t: TemplateSummaryItem }) {
  return (
    <Radio.Card value={t.id} radius="md" p="md" className="template-card">
      <Group wrap="nowrap" align="flex-start" gap="sm">
        <Radio.Indicator mt={3} />
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Group gap={6} wrap="wrap">
            <Text fw={600} size="sm">
              {t.name}
            </Text>
            <Badge size="xs" variant="light" color={t.builtIn ? "indigo" : "teal"}>
              {t.builtIn ? "Built-in" : "Your organisation"}
            </Badge>
          </Group>
          <Text size="xs" c="dimmed">
            {templateFacts(t)}
          </Text>
          {t.description ? (
            <Text size="xs" lineClamp={3}>
              {t.description}
            </Text>
          ) : null}
        </Stack>
      </Group>
    </Radio.Card>
  );
}

/**
 * "Start from": a blank plan or a template (the built-ins and the organisation's own), with a
 * preview of the phases and the go-live date the chosen start date gives.
 */
export function TemplateChooser({
  value,
  onChange,
  startDate,
}: {
  value: string | null;
  onChange: (templateId: string | null) => void;
  startDate: string;
}) {
  const list = useTemplateList();
  return (
    <Fieldset legend="Start from" radius="md" mb="lg">
      {list.isError ? (
        <ErrorAlert
          error={list.error}
          title="The templates could not be loaded; you can still start from a blank plan"
          onRetry={() => void list.refetch()}
        />
      ) : null}
      <Radio.Group
        value={value ?? BLANK}
        onChange={(v) => onChange(v === BLANK ? null : v)}
        label="Plan"
        description="A template brings its phases, tasks with responsibilities, dependencies, milestones and gates, dated from the start date."
      >
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm" mt="xs">
          <Radio.Card value={BLANK} radius="md" p="md" className="template-card">
            <Group wrap="nowrap" align="flex-start" gap="sm">
              <Radio.Indicator mt={3} />
              <Stack gap={4}>
                <Group gap={6}>
                  <IconFile size={16} aria-hidden />
                  <Text fw={600} size="sm">
                    Blank project
                  </Text>
                </Group>
                <Text size="xs" c="dimmed">
                  An empty plan: add phases and tasks yourself.
                </Text>
              </Stack>
            </Group>
          </Radio.Card>
          {list.isPending
            ? [1, 2, 3].map((n) => <Skeleton key={n} height={120} radius="md" />)
            : (list.data ?? []).map((t) => <TemplateCard key={t.id} t={t} />)}
        </SimpleGrid>
      </Radio.Group>
      {value ? (
        <TemplatePreviewPanel templateId={value} startDate={startDate} />
      ) : list.data && list.data.length > 0 ? (
        <Group gap={6} mt="sm" c="dimmed">
          <IconTemplate size={16} aria-hidden />
          <Text size="xs">Choose a template to preview its plan from your start date.</Text>
        </Group>
      ) : null}
    </Fieldset>
  );
}

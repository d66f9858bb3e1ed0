import { Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { todayUtc } from "@rollout/domain";
import { IconFileExport } from "@tabler/icons-react";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { downloadFile } from "../../lib/download.ts";
import { errorInfo, useTRPC } from "../../lib/trpc.ts";
import { exportFileName } from "./exchangeModel.ts";

/** Downloads the whole project as one file that "Import project" reads back. */
export function ExportProjectCard({
  projectId,
  projectKey,
}: {
  projectId: string;
  projectKey: string;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [pending, setPending] = useState(false);

  async function exportNow() {
    setPending(true);
    try {
      const doc = await queryClient.fetchQuery({
        ...trpc.project.export.queryOptions({ projectId }),
        staleTime: 0,
        gcTime: 0,
      });
      downloadFile(
        exportFileName(projectKey, todayUtc()),
        [JSON.stringify(doc, null, 1)],
        "application/json",
      );
      notifications.show({
        color: "green",
        title: "Project exported",
        message: `${doc.tasks.length} tasks, ${doc.raid.length} RAID items, ${doc.stakeholders.length} stakeholders, ${doc.reports.length} reports.`,
      });
    } catch (error) {
      notifications.show({
        color: "red",
        title: "Not exported",
        message: errorInfo(error).message,
      });
    } finally {
      setPending(false);
    }
  }

  return (
    <Paper withBorder radius="md" p="lg">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="md">
        <Stack gap={4} style={{ flex: "1 1 24rem" }}>
          <Title order={2} fz="h4">
            Export project
          </Title>
          <Text size="sm" c="dimmed">
            The whole project as one file: plan, milestones and baselines, RAID log with its
            history, stakeholders, communication plan and status reports, internal-only items
            included. Import it into this or another Rollout to start a copy.
          </Text>
        </Stack>
        <Button
          variant="default"
          leftSection={<IconFileExport size={18} aria-hidden />}
          loading={pending}
          onClick={() => void exportNow()}
        >
          Download export
        </Button>
      </Group>
    </Paper>
  );
}

import { Alert, Button, Group, Text } from "@mantine/core";
import type { RaidItemDetail } from "@rollout/domain";
import { IconRefreshAlert } from "@tabler/icons-react";
import { useFreshRaidItem } from "./raidData.ts";

/** Someone saved this item first: what was typed stays until the person chooses. */
export function RaidConflictNotice({
  message,
  projectId,
  itemId,
  onReload,
  onKeep,
}: {
  message: string;
  projectId: string;
  itemId: string;
  onReload: (fresh: RaidItemDetail) => void;
  onKeep: (fresh: RaidItemDetail) => void;
}) {
  const fresh = useFreshRaidItem(projectId, itemId);
  return (
    <Alert
      color="orange"
      variant="light"
      icon={<IconRefreshAlert size={18} aria-hidden />}
      title="Not saved"
      role="alert"
    >
      <Text size="sm">{message}</Text>
      <Text size="sm" mt={4}>
        What you typed is still here. Load their version (your edits are dropped), or keep your
        edits and save them over their change.
      </Text>
      <Group mt="sm" gap="sm">
        <Button
          size="xs"
          color="orange"
          loading={fresh.loading}
          onClick={() => void fresh.load().then((item) => item && onReload(item))}
        >
          Reload their version
        </Button>
        <Button
          size="xs"
          variant="default"
          disabled={fresh.loading}
          onClick={() => void fresh.load().then((item) => item && onKeep(item))}
        >
          Keep my edits
        </Button>
      </Group>
    </Alert>
  );
}

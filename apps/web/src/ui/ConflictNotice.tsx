import { Alert, Button, Group, Text } from "@mantine/core";
import { IconRefreshAlert } from "@tabler/icons-react";
import { useState } from "react";

/**
 * Someone saved this row first: what was typed stays until the person chooses to load their
 * version (dropping the edits) or keep the edits and save them over it. `load` fetches the row
 * as it is now (null: it was deleted meanwhile).
 */
export function ConflictNotice<T>({
  message,
  load,
  onReload,
  onKeep,
  onGone,
}: {
  message: string;
  load: () => Promise<T | null>;
  onReload: (fresh: T) => void;
  onKeep: (fresh: T) => void;
  onGone: () => void;
}) {
  const [loading, setLoading] = useState(false);
  async function run(then: (fresh: T) => void) {
    setLoading(true);
    const fresh = await load();
    setLoading(false);
    if (fresh) then(fresh);
    else onGone();
  }
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
        <Button size="xs" color="orange" loading={loading} onClick={() => void run(onReload)}>
          Reload their version
        </Button>
        <Button size="xs" variant="default" disabled={loading} onClick={() => void run(onKeep)}>
          Keep my edits
        </Button>
      </Group>
    </Alert>
  );
}

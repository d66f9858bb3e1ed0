import { Button, Group, Modal, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import type { Phase } from "@rollout/domain";
import { errorInfo } from "../../lib/trpc.ts";
import { showUndo } from "../../ui/undo.tsx";
import { usePhaseWrites, useRestore } from "./planMutations.ts";

/** Asks before deleting a phase with its tasks; the notification after offers Undo. */
export function PhaseDeleteModal({
  projectId,
  target,
  onClose,
}: {
  projectId: string;
  target: { phase: Phase; count: number } | null;
  onClose: () => void;
}) {
  const { remove } = usePhaseWrites(projectId);
  const restore = useRestore(projectId);
  const phase = target?.phase;
  return (
    <Modal
      opened={target !== null}
      onClose={onClose}
      title={phase ? `Delete the phase “${phase.name}”?` : "Delete phase"}
      centered
    >
      <Text size="sm">
        {target && target.count > 0
          ? `Its ${target.count} ${target.count === 1 ? "task goes" : "tasks go"} with it. You can undo this right after.`
          : "It has no tasks. You can undo this right after."}
      </Text>
      <Group justify="flex-end" mt="lg">
        <Button variant="default" onClick={onClose}>
          Cancel
        </Button>
        <Button
          color="red"
          data-autofocus
          loading={remove.isPending}
          onClick={() => {
            if (!phase) return;
            remove.mutate(
              { projectId, phaseId: phase.id, version: phase.version },
              {
                onSuccess: ({ batchId }) => {
                  onClose();
                  showUndo({
                    title: "Phase deleted",
                    message: `“${phase.name}” and its tasks were deleted.`,
                    onUndo: () => void restore(batchId),
                  });
                },
                onError: (error) => {
                  onClose();
                  notifications.show({
                    color: "red",
                    title: "Phase not deleted",
                    message: errorInfo(error).message,
                  });
                },
              },
            );
          }}
        >
          Delete phase
        </Button>
      </Group>
    </Modal>
  );
}

import { Modal, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "../../lib/trpc.ts";
import { ErrorAlert } from "../../ui/ErrorAlert.tsx";
import { LoadingRows } from "../../ui/Loading.tsx";
import { StakeholderView } from "./StakeholderView.tsx";

/** What a share link shows, seen from inside before sending one: the same view, as outsiders get it. */
export function SharePreview({
  projectId,
  opened,
  onClose,
}: {
  projectId: string;
  opened: boolean;
  onClose: () => void;
}) {
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title="What a share link shows"
      size="min(1200px, 96vw)"
      className="no-print"
    >
      {opened ? <PreviewBody projectId={projectId} /> : null}
    </Modal>
  );
}

function PreviewBody({ projectId }: { projectId: string }) {
  const trpc = useTRPC();
  const view = useQuery(trpc.report.stakeholderView.queryOptions({ projectId }));
  if (view.isPending) return <LoadingRows rows={6} label="Loading the stakeholder view" />;
  if (view.isError) {
    return (
      <ErrorAlert
        error={view.error}
        title="The stakeholder view could not be loaded"
        onRetry={() => void view.refetch()}
      />
    );
  }
  return (
    <>
      <Text size="sm" c="dimmed" mb="md">
        Exactly what someone holding a link reads: published reports only, nothing internal-only.
      </Text>
      <StakeholderView view={view.data} headingLevel={2} />
    </>
  );
}

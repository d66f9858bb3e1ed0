import { SegmentedControl, Stack } from "@mantine/core";
import type { ProjectAccessRole } from "@rollout/domain";
import { type ReactNode, useState } from "react";
import { ActivityFeed } from "./ActivityFeed.tsx";

/**
 * One thing's history in a drawer: the sentences (changes and comments, paged), and where the
 * area has one, its field-by-field record (before → after of each field) one click away.
 */
export function EntityHistory({
  projectId,
  role,
  entity,
  fieldChanges,
}: {
  projectId: string;
  role: ProjectAccessRole;
  entity: { type: string; id: string };
  fieldChanges?: ReactNode;
}) {
  const [view, setView] = useState<"activity" | "fields">("activity");
  return (
    <Stack gap="md">
      {fieldChanges ? (
        <SegmentedControl
          size="xs"
          value={view}
          onChange={(v) => setView(v === "fields" ? "fields" : "activity")}
          data={[
            { value: "activity", label: "Activity" },
            { value: "fields", label: "Field changes" },
          ]}
          aria-label="Show the history as"
          style={{ alignSelf: "flex-start" }}
        />
      ) : null}
      {view === "fields" && fieldChanges ? (
        fieldChanges
      ) : (
        <ActivityFeed projectId={projectId} role={role} entity={entity} pageSize={30} />
      )}
    </Stack>
  );
}

import { EmptyState as MantineEmptyState } from "@mantine/core";
import type { ReactNode } from "react";

interface EmptyStateProps {
  icon: ReactNode;
  title: ReactNode;
  description?: ReactNode;
  /** The next step, e.g. a "Create the first" button. */
  action?: ReactNode;
}

/** What an empty list or an unbuilt area says: why it is empty and what to do next. */
export function EmptyState({ icon, title, description, action }: EmptyStateProps) {
  return (
    <MantineEmptyState
      icon={icon}
      variant="light"
      title={title}
      description={description}
      py="xl"
      px="md"
      maw={560}
      mx="auto"
    >
      {action ? <MantineEmptyState.Actions>{action}</MantineEmptyState.Actions> : null}
    </MantineEmptyState>
  );
}

import { List, Paper, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { EmptyState } from "../../ui/EmptyState.tsx";

interface ComingSoonProps {
  icon: ReactNode;
  title: string;
  description: string;
  /** What the area will hold, so nobody wonders whether it is broken. */
  holds: string[];
}

/** An area of the product that a coming release fills in. Says so plainly. */
export function ComingSoon({ icon, title, description, holds }: ComingSoonProps) {
  return (
    <Paper withBorder radius="md" p="lg">
      <EmptyState
        icon={icon}
        title={title}
        description={description}
        action={
          <div style={{ textAlign: "left" }}>
            <Text size="sm" fw={600} mb={6}>
              It will hold
            </Text>
            <List size="sm" spacing={4}>
              {holds.map((item) => (
                <List.Item key={item}>{item}</List.Item>
              ))}
            </List>
          </div>
        }
      />
    </Paper>
  );
}

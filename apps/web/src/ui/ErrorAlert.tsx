import { Alert, Button, Group, Text } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { errorInfo } from "../lib/trpc.ts";

interface ErrorAlertProps {
  error: unknown;
  title?: string;
  /** Offer a retry button (e.g. a query's `refetch`). */
  onRetry?: () => void;
  children?: ReactNode;
}

/** A failure, with the server's message and the request id to quote when asking for help. */
export function ErrorAlert({
  error,
  title = "Something went wrong",
  onRetry,
  children,
}: ErrorAlertProps) {
  const info = errorInfo(error);
  return (
    <Alert
      color="red"
      variant="light"
      title={title}
      icon={<IconAlertTriangle size={18} aria-hidden />}
      role="alert"
    >
      <Text size="sm">{info.message}</Text>
      {info.requestId ? (
        <Text size="xs" c="dimmed" mt={4}>
          Reference: {info.requestId}
        </Text>
      ) : null}
      {children}
      {onRetry ? (
        <Group mt="sm">
          <Button size="xs" variant="light" color="red" onClick={onRetry}>
            Try again
          </Button>
        </Group>
      ) : null}
    </Alert>
  );
}

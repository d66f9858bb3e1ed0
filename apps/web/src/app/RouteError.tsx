import { Button, Container, Group, Stack } from "@mantine/core";
import { IconMapOff } from "@tabler/icons-react";
import { useQueryErrorResetBoundary } from "@tanstack/react-query";
import { type ErrorComponentProps, useRouter } from "@tanstack/react-router";
import { useEffect } from "react";
import { errorInfo } from "../lib/trpc.ts";
import { EmptyState } from "../ui/EmptyState.tsx";
import { ErrorAlert } from "../ui/ErrorAlert.tsx";
import { ButtonLink } from "../ui/links.tsx";

/** A page that failed to load: not found reads as such; anything else offers a retry. */
export function RouteError({ error, reset }: ErrorComponentProps) {
  const router = useRouter();
  const queryReset = useQueryErrorResetBoundary();
  useEffect(() => queryReset.reset(), [queryReset]);
  const info = errorInfo(error);
  if (info.code === "NOT_FOUND") {
    return (
      <EmptyState
        icon={<IconMapOff size={28} aria-hidden />}
        title="Not found"
        description={`${info.message}. It may have been removed, or you may not have access to it.`}
        action={<ButtonLink to="/projects">Back to the portfolio</ButtonLink>}
      />
    );
  }
  return (
    <Container size="sm" py="xl">
      <Stack>
        <ErrorAlert
          error={error}
          title="This page could not be loaded"
          onRetry={() => {
            reset();
            void router.invalidate();
          }}
        />
        <Group>
          <ButtonLink to="/projects" variant="default">
            Back to the portfolio
          </ButtonLink>
        </Group>
      </Stack>
    </Container>
  );
}

export function RouteNotFound() {
  return (
    <Container size="sm" py="xl">
      <EmptyState
        icon={<IconMapOff size={28} aria-hidden />}
        title="There is no page here"
        description="The address may be mistyped, or the page has moved."
        action={
          <Button component="a" href="/projects">
            Go to the portfolio
          </Button>
        }
      />
    </Container>
  );
}

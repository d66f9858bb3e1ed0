import { Center, Loader, Skeleton, Stack } from "@mantine/core";

/** Placeholder rows while a list or page loads. */
export function LoadingRows({ rows = 5, label = "Loading" }: { rows?: number; label?: string }) {
  return (
    <Stack gap="sm" aria-busy="true" aria-label={label} role="status">
      <Skeleton height={36} radius="sm" />
      {Array.from({ length: rows }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: static placeholders never reorder
        <Skeleton key={i} height={28} radius="sm" opacity={1 - i * 0.12} />
      ))}
    </Stack>
  );
}

export function PageLoader({ label = "Loading" }: { label?: string }) {
  return (
    <Center py="xl" role="status" aria-label={label}>
      <Loader size="md" />
    </Center>
  );
}

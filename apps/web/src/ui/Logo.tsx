import { Group, Text } from "@mantine/core";

/** The wordmark: a rising path in a rounded square, then the name. */
export function Logo({ size = 26 }: { size?: number }) {
  return (
    <Group gap={8} wrap="nowrap">
      <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true">
        <rect width="32" height="32" rx="8" fill="var(--mantine-color-blue-filled)" />
        <path
          d="M8 22.5 13.5 16l4 3.5L24 11"
          fill="none"
          stroke="#fff"
          strokeWidth="2.8"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
        <circle cx="24" cy="11" r="2.4" fill="#fff" />
      </svg>
      <Text fw={750} size="lg" c="var(--mantine-color-text)" style={{ letterSpacing: "-0.02em" }}>
        Rollout
      </Text>
    </Group>
  );
}

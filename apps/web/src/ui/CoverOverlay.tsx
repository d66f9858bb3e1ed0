import { LoadingOverlay, Portal } from "@mantine/core";

/** Covers the whole window while the app changes context (e.g. switching organisation). */
export function CoverOverlay({ visible, label }: { visible: boolean; label: string }) {
  if (!visible) return null;
  return (
    <Portal>
      <LoadingOverlay
        visible
        pos="fixed"
        zIndex={3000}
        overlayProps={{ blur: 2 }}
        loaderProps={{ "aria-label": label }}
      />
    </Portal>
  );
}

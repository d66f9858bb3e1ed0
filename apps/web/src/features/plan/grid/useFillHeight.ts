import { type RefObject, useLayoutEffect, useState } from "react";

/**
 * The height that makes a scrolling grid end at the bottom of the window (at least `min`), so
 * the page itself does not scroll and typing in the last row never drags the header away.
 * Measured again when the window resizes or `key` changes (something above it appeared).
 */
export function useFillHeight(
  ref: RefObject<HTMLElement | null>,
  key: unknown,
  { min = 360, gap = 24 } = {},
): number {
  const [height, setHeight] = useState(min);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` asks for a new measurement
  useLayoutEffect(() => {
    const measure = () => {
      const el = ref.current;
      if (!el) return;
      const top = el.getBoundingClientRect().top + window.scrollY;
      setHeight(Math.max(min, Math.floor(window.innerHeight - top - gap)));
    };
    measure();
    window.addEventListener("resize", measure);
    return () => window.removeEventListener("resize", measure);
  }, [ref, key, min, gap]);
  return height;
}

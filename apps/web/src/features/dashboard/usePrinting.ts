import { useEffect, useState } from "react";
import { flushSync } from "react-dom";

/**
 * True while the page is being printed: virtualized lists render every row then. The browser
 * announces printing with `beforeprint` (the DOM must be complete when the handler returns,
 * hence `flushSync`) and with the `print` media query (also what print emulation switches).
 */
export function usePrinting(): boolean {
  const [printing, setPrinting] = useState(
    () => typeof window !== "undefined" && window.matchMedia?.("print").matches === true,
  );
  useEffect(() => {
    const query = window.matchMedia?.("print");
    const on = () => flushSync(() => setPrinting(true));
    const off = () => setPrinting(false);
    const onChange = (event: MediaQueryListEvent) => (event.matches ? on() : off());
    window.addEventListener("beforeprint", on);
    window.addEventListener("afterprint", off);
    query?.addEventListener("change", onChange);
    return () => {
      window.removeEventListener("beforeprint", on);
      window.removeEventListener("afterprint", off);
      query?.removeEventListener("change", onChange);
    };
  }, []);
  return printing;
}

import {
  createContext,
  type FocusEvent,
  type KeyboardEvent,
  type MouseEvent,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
} from "react";
import { createPortal } from "react-dom";
import "./dashboard.css";

/**
 * One tooltip for a whole table. A thousand rows with four tooltips each would mount four
 * thousand floating-position hooks; here a cell only says "show this next to me" on hover or
 * focus, and a single layer draws it. Escape closes it; the pointer may move onto it.
 */

interface Hint {
  rect: DOMRect;
  content: ReactNode;
}

interface HintApi {
  show: (target: HTMLElement, content: ReactNode) => void;
  hideSoon: () => void;
  hide: () => void;
}

const HintContext = createContext<HintApi | null>(null);

const WIDTH = 320;
const GAP = 8;

export function HintProvider({ children }: { children: ReactNode }) {
  const [hint, setHint] = useState<Hint | null>(null);
  const timer = useRef<number | undefined>(undefined);
  const id = useId();

  const api = useMemo<HintApi>(
    () => ({
      show: (target, content) => {
        window.clearTimeout(timer.current);
        setHint({ rect: target.getBoundingClientRect(), content });
      },
      hideSoon: () => {
        window.clearTimeout(timer.current);
        timer.current = window.setTimeout(() => setHint(null), 120);
      },
      hide: () => {
        window.clearTimeout(timer.current);
        setHint(null);
      },
    }),
    [],
  );

  useEffect(() => {
    if (!hint) return;
    const close = () => setHint(null);
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.key === "Escape") close();
    };
    window.addEventListener("scroll", close, true);
    window.addEventListener("resize", close);
    document.addEventListener("keydown", onKey);
    return () => {
      window.removeEventListener("scroll", close, true);
      window.removeEventListener("resize", close);
      document.removeEventListener("keydown", onKey);
    };
  }, [hint]);

  useEffect(() => () => window.clearTimeout(timer.current), []);

  let layer: ReactNode = null;
  if (hint) {
    const { rect } = hint;
    const left = Math.max(
      GAP,
      Math.min(rect.left + rect.width / 2 - WIDTH / 2, window.innerWidth - WIDTH - GAP),
    );
    // Below the target, or above it when the bottom of the window is near.
    const below = rect.bottom + 180 < window.innerHeight;
    const style = below
      ? { left, top: rect.bottom + GAP }
      : { left, bottom: window.innerHeight - rect.top + GAP };
    layer = createPortal(
      <div
        id={id}
        role="tooltip"
        className="hint-layer"
        style={{ ...style, maxWidth: WIDTH }}
        onMouseEnter={() => window.clearTimeout(timer.current)}
        onMouseLeave={api.hideSoon}
      >
        {hint.content}
      </div>,
      document.body,
    );
  }

  return (
    <HintContext.Provider value={api}>
      {children}
      {layer}
    </HintContext.Provider>
  );
}

/** Handlers that show `content` beside the element on hover and keyboard focus. */
export function useHint(content: () => ReactNode) {
  const api = useContext(HintContext);
  const show = useCallback(
    (event: MouseEvent<HTMLElement> | FocusEvent<HTMLElement>) =>
      api?.show(event.currentTarget, content()),
    [api, content],
  );
  return {
    onMouseEnter: show,
    onFocus: show,
    onMouseLeave: api?.hideSoon,
    onBlur: api?.hide,
    onKeyDown: (event: KeyboardEvent<HTMLElement>) => {
      if (event.key === "Escape") api?.hide();
    },
  };
}

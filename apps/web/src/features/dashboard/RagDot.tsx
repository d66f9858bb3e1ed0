import type { Rag } from "@rollout/domain";
import { ragLabels } from "./dashboardFormat.ts";
import { useHint } from "./HintLayer.tsx";
import "./dashboard.css";

/**
 * A health colour as a small dot. The glyph inside (✓ ! ✕, drawn by dashboard.css) tells the
 * colours apart without colour, in print and for colour-blind readers. One element: a table
 * shows hundreds of them.
 */
export function RagDot({ rag, size = 18 }: { rag: Rag; size?: number }) {
  return <span className="rag-dot" data-rag={rag} style={{ fontSize: size }} aria-hidden />;
}

interface DimensionDotProps {
  label: string;
  rag: Rag;
  reasons: readonly string[];
  size?: number;
}

export function Reasons({
  label,
  rag,
  reasons,
}: {
  label: string;
  rag: Rag;
  reasons: readonly string[];
}) {
  return (
    <>
      <div className="hint-title">
        {label}: {ragLabels[rag]}
      </div>
      {reasons.length > 0 ? (
        <ul>
          {reasons.map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
      ) : (
        <div>No rule is triggered.</div>
      )}
    </>
  );
}

/**
 * One health dimension: the dot, and why it has its colour on hover and on keyboard focus
 * (through the table's HintLayer; the same words are inside it for screen readers). A dot with
 * reasons is a button, so it is one tab stop; green without reasons has nothing more to say.
 */
export function DimensionDot({ label, rag, reasons, size = 18 }: DimensionDotProps) {
  const spoken = `${label}: ${ragLabels[rag]}${reasons.length ? `. ${reasons.join(". ")}` : ""}`;
  const hint = useHint(() => <Reasons label={label} rag={rag} reasons={reasons} />);
  // The element is the dot itself (class rag-dot), with the words inside for screen readers.
  const common = {
    className: "dimension-dot rag-dot",
    "data-dimension": label.toLowerCase(),
    "data-rag": rag,
    style: { fontSize: size },
  };
  const content = <span className="visually-hidden">{spoken}</span>;
  return reasons.length > 0 ? (
    <button type="button" {...common} {...hint}>
      {content}
    </button>
  ) : (
    <span {...common}>{content}</span>
  );
}

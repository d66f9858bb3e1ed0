import type { Rag } from "@rollout/domain";
import { IconCheck, IconExclamationMark, IconX } from "@tabler/icons-react";
import { ragLabels } from "./dashboardFormat.ts";
import { useHint } from "./HintLayer.tsx";
import "./dashboard.css";

const glyphs = { green: IconCheck, amber: IconExclamationMark, red: IconX } as const;

/**
 * A health colour as a small dot. The glyph inside (✓ ! ✕) tells the colours apart without
 * colour, in print and for colour-blind readers.
 */
export function RagDot({ rag, size = 18 }: { rag: Rag; size?: number }) {
  const Glyph = glyphs[rag];
  return (
    <span className="rag-dot" data-rag={rag} style={{ width: size, height: size }} aria-hidden>
      <Glyph size={size - 6} stroke={3} />
    </span>
  );
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
export function DimensionDot({ label, rag, reasons, size }: DimensionDotProps) {
  const spoken = `${label}: ${ragLabels[rag]}${reasons.length ? `. ${reasons.join(". ")}` : ""}`;
  const hint = useHint(() => <Reasons label={label} rag={rag} reasons={reasons} />);
  const content = (
    <>
      <RagDot rag={rag} size={size} />
      <span className="visually-hidden">{spoken}</span>
    </>
  );
  return reasons.length > 0 ? (
    <button
      type="button"
      className="dimension-dot"
      data-dimension={label.toLowerCase()}
      data-rag={rag}
      {...hint}
    >
      {content}
    </button>
  ) : (
    <span className="dimension-dot" data-dimension={label.toLowerCase()} data-rag={rag}>
      {content}
    </span>
  );
}

import { type Party, partyLabels, type RaciValue, raciLabels } from "@rollout/domain";

/** How a letter is written: A/R for "accountable and responsible". */
export function raciText(value: RaciValue | null): string {
  if (value === null) return "";
  return value === "AR" ? "A/R" : value;
}

/** "IPM: Accountable" — what a screen reader says for a cell. */
export function raciAria(party: Party, value: RaciValue | null): string {
  return `${partyLabels[party]}: ${value ? raciLabels[value] : "none"}`;
}

/** The letter keys of a RACI cell: R, A, C, I set; Shift+A or "/" give A/R; Delete clears. */
export function raciFromKey(event: {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}): RaciValue | null | undefined {
  if (event.ctrlKey || event.metaKey || event.altKey) return undefined;
  const key = event.key;
  if (key === "Backspace" || key === "Delete") return null;
  if (key === "/") return "AR";
  if (key === "A" && event.shiftKey) return "AR";
  switch (key.toLowerCase()) {
    case "r":
      return "R";
    case "a":
      return "A";
    case "c":
      return "C";
    case "i":
      return "I";
    default:
      return undefined;
  }
}

/** A letter in its colour (A blue, A/R violet, R teal, C amber, I grey); blank shows nothing. */
export function RaciChip({ value }: { value: RaciValue | null }) {
  if (value === null) return <span className="raci raci-none" aria-hidden />;
  return (
    <span className={`raci raci-${value}`} aria-hidden>
      {raciText(value)}
    </span>
  );
}

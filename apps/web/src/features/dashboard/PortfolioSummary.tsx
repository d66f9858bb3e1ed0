import { type Rag, rags } from "@rollout/domain";
import { IconCalendarEvent, IconHandStop, IconTrendingDown } from "@tabler/icons-react";
import type { ReactNode } from "react";
import type { PortfolioSearch } from "../projects/portfolioSearch.ts";
import { ragLabels } from "./dashboardFormat.ts";
import { RagDot } from "./RagDot.tsx";
import "./dashboard.css";

interface PortfolioSummaryProps {
  counts: Record<Rag, number> & { slipping: number; overridden: number };
  goLivesThisMonth: number;
  search: PortfolioSearch;
  onChange: (patch: Partial<PortfolioSearch>) => void;
}

const accents: Record<Rag | "slipping" | "info", string> = {
  red: "var(--mantine-color-red-7)",
  amber: "var(--mantine-color-orange-6)",
  green: "var(--mantine-color-green-7)",
  slipping: "var(--mantine-color-red-5)",
  info: "var(--mantine-color-blue-5)",
};

const plural = (n: number) => `${n} ${n === 1 ? "project" : "projects"}`;

function Tile({
  count,
  label,
  icon,
  accent,
  pressed,
  onToggle,
  hint,
}: {
  count: number;
  label: string;
  icon: ReactNode;
  accent: string;
  /** Undefined: a figure, not a filter. */
  pressed?: boolean;
  onToggle?: () => void;
  hint: string;
}) {
  const body = (
    <>
      <span className="summary-count">{count}</span>
      <span className="summary-label">
        {icon}
        {label}
      </span>
    </>
  );
  const style = { "--tile-accent": accent } as React.CSSProperties;
  if (!onToggle) {
    return (
      <div className="summary-tile" style={style} title={hint}>
        {body}
      </div>
    );
  }
  return (
    <button
      type="button"
      className="summary-tile"
      style={style}
      aria-pressed={pressed}
      title={hint}
      onClick={onToggle}
    >
      {body}
      <span className="visually-hidden">{pressed ? ", listed only" : `, list only these`}</span>
    </button>
  );
}

/**
 * The week's review at a glance: projects per health colour and those slipping (each a filter:
 * choose it to list only those, again to list all), go-lives this month, overrides in force.
 */
export function PortfolioSummary({
  counts,
  goLivesThisMonth,
  search,
  onChange,
}: PortfolioSummaryProps) {
  return (
    <section aria-label="Portfolio summary" className="summary-strip">
      {[...rags].reverse().map((rag) => (
        <Tile
          key={rag}
          count={counts[rag]}
          label={ragLabels[rag]}
          icon={<RagDot rag={rag} size={14} />}
          accent={accents[rag]}
          pressed={search.health === rag}
          onToggle={() => onChange({ health: search.health === rag ? undefined : rag })}
          hint={`${plural(counts[rag])} with ${ragLabels[rag].toLowerCase()} overall health`}
        />
      ))}
      <Tile
        count={counts.slipping}
        label="Slipping"
        icon={<IconTrendingDown size={14} aria-hidden />}
        accent={accents.slipping}
        pressed={search.slipping}
        onToggle={() => onChange({ slipping: !search.slipping })}
        hint={`${plural(counts.slipping)} whose next milestone is forecast after its baseline`}
      />
      <Tile
        count={goLivesThisMonth}
        label="Go-lives this month"
        icon={<IconCalendarEvent size={14} aria-hidden />}
        accent={accents.info}
        hint={`${plural(goLivesThisMonth)} going live this calendar month`}
      />
      <Tile
        count={counts.overridden}
        label="Overrides"
        icon={<IconHandStop size={14} aria-hidden />}
        accent={accents.info}
        hint={`${plural(counts.overridden)} with a PM's health override in force`}
      />
    </section>
  );
}

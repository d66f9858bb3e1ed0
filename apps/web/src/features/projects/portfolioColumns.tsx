import {
  healthDimensionLabels,
  healthDimensions,
  type PortfolioItem,
  projectStageLabels,
  projectStatusLabels,
} from "@rollout/domain";
import { IconHandStop } from "@tabler/icons-react";
import { Link } from "@tanstack/react-router";
import type { ReactNode } from "react";
import { ragColors, stageColors, statusColors } from "../../ui/badges.tsx";
import { formatDate } from "../../ui/format.ts";
import {
  daysText,
  formatIndex,
  indexColor,
  percentText,
  ragLabels,
  slipView,
} from "../dashboard/dashboardFormat.ts";
import { useHint } from "../dashboard/HintLayer.tsx";
import { ProgressBar } from "../dashboard/ProgressBar.tsx";
import { DimensionDot, RagDot } from "../dashboard/RagDot.tsx";
import type { PortfolioSortColumn } from "./portfolioSearch.ts";

/**
 * The portfolio's columns. Cells are plain elements with classes (dashboard.css) rather than
 * layout components: a screenful of rows must render in a few milliseconds while scrolling a
 * thousand projects.
 */
export interface PortfolioColumn {
  id: string;
  /** The URL sort this column's header sets; none: not sortable. */
  sort?: PortfolioSortColumn;
  header: ReactNode;
  /** Right-aligned figures. */
  numeric?: boolean;
  cell: (item: PortfolioItem) => ReactNode;
}

const dash = <span className="cell-sub">—</span>;

/** A badge that looks like Mantine's, as one plain element (dashboard.css). */
function CellBadge({
  color,
  variant,
  size = "sm",
  children,
}: {
  color: string;
  variant: "filled" | "light" | "dot";
  size?: "xs" | "sm";
  children: string;
}) {
  return (
    <span className="cell-badge" data-color={color} data-variant={variant} data-size={size}>
      {children}
    </span>
  );
}

/** Overall health as shown; a PM's override says so, with the colour the rules give beside it. */
function HealthCell({ item }: { item: PortfolioItem }) {
  const { overall, computed, override } = item.health;
  const inForce = override?.active ? override : null;
  const hint = useHint(() =>
    inForce ? (
      <>
        <div className="hint-title">Set by hand: {ragLabels[inForce.rag]}</div>
        <div style={{ whiteSpace: "pre-wrap" }}>{inForce.reason}</div>
        <div className="hint-note">
          {inForce.expiresOn ? `Until ${formatDate(inForce.expiresOn)}. ` : ""}The rules say{" "}
          {ragLabels[computed]}.
        </div>
      </>
    ) : null,
  );
  return (
    <div className="cell-stack">
      <CellBadge variant="filled" color={ragColors[overall]}>
        {ragLabels[overall]}
      </CellBadge>
      {inForce ? (
        <button type="button" className="override-marker" data-testid="override-marker" {...hint}>
          <IconHandStop size={13} aria-hidden />
          <span className="cell-sub cell-strong">Override</span>
          <RagDot rag={computed} size={14} />
          <span className="visually-hidden">
            : set by hand to {ragLabels[inForce.rag]} ({inForce.reason}
            {inForce.expiresOn ? `, until ${formatDate(inForce.expiresOn)}` : ""}); the rules say{" "}
            {ragLabels[computed]}
          </span>
        </button>
      ) : null}
    </div>
  );
}

function DimensionDots({ item }: { item: PortfolioItem }) {
  return (
    <div className="dimension-dots">
      {healthDimensions.map((d) => (
        <DimensionDot
          key={d}
          label={healthDimensionLabels[d]}
          rag={item.health.dimensions[d].rag}
          reasons={item.health.dimensions[d].reasons}
        />
      ))}
    </div>
  );
}

const shortDimensionLabels = { schedule: "Sch", budget: "Bud", risk: "Risk" } as const;

function DimensionHeads() {
  return (
    <span className="dimension-heads">
      {healthDimensions.map((d) => (
        <abbr key={d} title={healthDimensionLabels[d]}>
          <span aria-hidden>{shortDimensionLabels[d]}</span>
          <span className="visually-hidden">{healthDimensionLabels[d]}</span>
        </abbr>
      ))}
    </span>
  );
}

function ProgressCell({ item }: { item: PortfolioItem }) {
  return (
    <div className="cell-stack" style={{ gap: 4 }}>
      <ProgressBar actual={item.progress} planned={item.plannedProgress} width={92} />
      <span className="cell-sub">
        <span className="cell-strong">{percentText(item.progress)}</span> · plan{" "}
        {percentText(item.plannedProgress)}
      </span>
    </div>
  );
}

function NextMilestoneCell({ item }: { item: PortfolioItem }) {
  const next = item.nextMilestone;
  if (!next) return dash;
  const slip = slipView(next.slip);
  const date = next.forecastDate ?? next.baselineDate;
  return (
    <div className="cell-stack">
      <span className="cell-main clip-line" title={next.name} style={{ maxWidth: "100%" }}>
        {next.name}
      </span>
      <span className="cell-line">
        <time className="cell-sub" dateTime={date ?? undefined}>
          {formatDate(date)}
        </time>
        {slip ? (
          <span className={`cell-sub ${slip.late ? `tone-${slip.color}` : ""}`}>
            <span aria-hidden>{slip.short}</span>
            <span className="visually-hidden">{slip.long} against baseline</span>
          </span>
        ) : null}
      </span>
    </div>
  );
}

function GoLiveCell({ item }: { item: PortfolioItem }) {
  if (item.actualGoLive) {
    return (
      <div className="cell-stack">
        <time className="cell-main" dateTime={item.actualGoLive} style={{ whiteSpace: "nowrap" }}>
          {formatDate(item.actualGoLive)}
        </time>
        <span className="cell-sub tone-teal">Live</span>
      </div>
    );
  }
  if (!item.goLiveDate) return dash;
  const days = item.daysToGoLive;
  return (
    <div className="cell-stack">
      <time className="cell-main" dateTime={item.goLiveDate} style={{ whiteSpace: "nowrap" }}>
        {formatDate(item.goLiveDate)}
      </time>
      <span className={`cell-sub ${days !== null && days < 0 ? "tone-red" : ""}`}>
        {days === null ? "Go-live reached" : daysText(days)}
      </span>
    </div>
  );
}

function IndexCell({ value }: { value: number | null }) {
  const color = indexColor(value);
  return <span className={`cell-main ${color ? `tone-${color}` : ""}`}>{formatIndex(value)}</span>;
}

function abbr(text: string, title: string) {
  return (
    <abbr title={title} style={{ textDecoration: "none" }}>
      {text}
    </abbr>
  );
}

export const portfolioColumns: PortfolioColumn[] = [
  {
    id: "key",
    sort: "key",
    header: "Key",
    cell: (item) => (
      <Link
        to="/projects/$projectId"
        params={{ projectId: item.id }}
        className="cell-key"
        title={item.key}
      >
        {item.key}
      </Link>
    ),
  },
  {
    id: "name",
    sort: "name",
    header: "Project",
    cell: (item) => (
      <div className="cell-stack">
        <span
          className="cell-main clip-line"
          style={{ fontWeight: 500, maxWidth: "100%" }}
          title={item.name}
        >
          {item.name}
        </span>
        <span className="cell-line">
          <span
            className="cell-sub clip-line"
            title={
              [
                item.customer,
                item.ipmName ? `IPM ${item.ipmName}` : null,
                item.pmName ? `PM ${item.pmName}` : null,
              ]
                .filter(Boolean)
                .join(" · ") || undefined
            }
          >
            {item.customer || "—"}
          </span>
          {item.status !== "active" ? (
            <CellBadge variant="dot" color={statusColors[item.status]} size="xs">
              {projectStatusLabels[item.status]}
            </CellBadge>
          ) : null}
          {item.archivedAt ? <span className="cell-sub">(archived)</span> : null}
        </span>
      </div>
    ),
  },
  {
    id: "health",
    sort: "health",
    header: "Health",
    cell: (item) => <HealthCell item={item} />,
  },
  {
    id: "dimensions",
    header: <DimensionHeads />,
    cell: (item) => <DimensionDots item={item} />,
  },
  {
    id: "stage",
    sort: "stage",
    header: "Stage",
    cell: (item) => (
      <CellBadge variant="light" color={stageColors[item.stage]}>
        {projectStageLabels[item.stage]}
      </CellBadge>
    ),
  },
  {
    id: "progress",
    sort: "progress",
    header: "Progress",
    cell: (item) => <ProgressCell item={item} />,
  },
  {
    id: "nextMilestone",
    sort: "nextMilestone",
    header: "Next milestone",
    cell: (item) => <NextMilestoneCell item={item} />,
  },
  {
    id: "risks",
    sort: "risks",
    numeric: true,
    header: abbr("Risks", "Open high and critical risks"),
    cell: (item) =>
      item.openHighRisks > 0 ? (
        <span className="count-pill">{item.openHighRisks}</span>
      ) : (
        <span className="cell-sub">0</span>
      ),
  },
  {
    id: "goLive",
    sort: "goLive",
    header: "Go-live",
    cell: (item) => <GoLiveCell item={item} />,
  },
  {
    id: "spi",
    sort: "spi",
    numeric: true,
    header: abbr("SPI", "Schedule performance index (earned ÷ planned value)"),
    cell: (item) => <IndexCell value={item.spi} />,
  },
  {
    id: "cpi",
    sort: "cpi",
    numeric: true,
    header: abbr("CPI", "Cost performance index (earned value ÷ actual hours)"),
    cell: (item) => <IndexCell value={item.cpi} />,
  },
];

import { Group, SegmentedControl, Stack, Text } from "@mantine/core";
import type { HeatMap, RiskThresholds } from "@rollout/domain";
import { type KeyboardEvent, useId, useMemo, useRef, useState } from "react";
import { type Cell, cellKey, heatMapRows, heatMapTotal, parseCell, stepCell } from "./raidModel.ts";

interface RiskHeatMapProps {
  current: HeatMap;
  residual: HeatMap;
  thresholds: RiskThresholds;
  /** Open risks with no residual rating (not on the residual map). */
  unratedResidual: number;
  showResidual: boolean;
  onShowResidual: (residual: boolean) => void;
  /** The selected cell, "4-5", or undefined. */
  selected: string | undefined;
  onSelect: (probability: number, impact: number) => void;
}

/**
 * Open risks on a 5×5 grid: probability up the side (5 at the top), impact along the bottom,
 * each cell in its band's colour under the organisation's thresholds, with its count. Cells are
 * buttons (one tab stop; arrow keys move between them); choosing one filters the risk table.
 */
export function RiskHeatMap({
  current,
  residual,
  thresholds,
  unratedResidual,
  showResidual,
  onShowResidual,
  selected,
  onSelect,
}: RiskHeatMapProps) {
  const titleId = useId();
  const map = showResidual ? residual : current;
  const rows = useMemo(() => heatMapRows(map, thresholds), [map, thresholds]);
  const total = heatMapTotal(map);
  const chosen = parseCell(selected);
  const [focus, setFocus] = useState<Cell | null>(null);
  const grid = useRef<HTMLFieldSetElement>(null);
  // The one cell reachable by Tab: the last one focused, else the selection, else the worst corner.
  const stop = focus ?? chosen ?? { probability: 5, impact: 5 };

  function onKeyDown(event: KeyboardEvent<HTMLButtonElement>, from: Cell) {
    const next = stepCell(from, event.key);
    if (!next) return;
    event.preventDefault();
    setFocus(next);
    grid.current
      ?.querySelector<HTMLButtonElement>(`[data-cell="${cellKey(next.probability, next.impact)}"]`)
      ?.focus();
  }

  return (
    <Stack gap="xs" className="raid-heatmap" data-testid="risk-heat-map">
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Text id={titleId} fw={600} size="sm">
          {showResidual ? `Open risks by residual rating (${total})` : `Open risks (${total})`}
        </Text>
        <SegmentedControl
          size="xs"
          className="no-print"
          aria-label="Ratings shown on the heat map"
          value={showResidual ? "residual" : "current"}
          onChange={(v) => onShowResidual(v === "residual")}
          data={[
            { value: "current", label: "Current" },
            { value: "residual", label: "Residual" },
          ]}
        />
      </Group>
      <div className="raid-heatmap-body">
        <span className="raid-heatmap-ylabel" aria-hidden>
          Probability
        </span>
        <fieldset
          ref={grid}
          className="raid-heatmap-grid"
          aria-labelledby={titleId}
          aria-describedby={`${titleId}-hint`}
        >
          {rows.map((row) => (
            <div key={row[0]?.probability} className="raid-heatmap-row">
              <span className="raid-heatmap-axis" aria-hidden>
                {row[0]?.probability}
              </span>
              {row.map((cell) => {
                const key = cellKey(cell.probability, cell.impact);
                const isSelected = selected === key;
                const isStop = stop.probability === cell.probability && stop.impact === cell.impact;
                return (
                  <button
                    key={key}
                    type="button"
                    className="raid-heat-cell"
                    data-band={cell.band}
                    data-cell={key}
                    data-count={cell.count}
                    data-filled={cell.count > 0 || undefined}
                    aria-label={`${cell.label}, ${cell.band} band`}
                    aria-pressed={isSelected}
                    tabIndex={isStop ? 0 : -1}
                    onFocus={() => setFocus(cell)}
                    onKeyDown={(e) => onKeyDown(e, cell)}
                    onClick={() => onSelect(cell.probability, cell.impact)}
                  >
                    {cell.count > 0 ? cell.count : ""}
                  </button>
                );
              })}
            </div>
          ))}
          <div className="raid-heatmap-row" aria-hidden>
            <span className="raid-heatmap-axis" />
            {[1, 2, 3, 4, 5].map((i) => (
              <span key={i} className="raid-heatmap-axis raid-heatmap-axis-x">
                {i}
              </span>
            ))}
          </div>
          <span className="raid-heatmap-xlabel" aria-hidden>
            Impact
          </span>
        </fieldset>
      </div>
      {showResidual && unratedResidual > 0 ? (
        <Text size="xs" fw={500} c="orange" maw={300}>
          {unratedResidual} open {unratedResidual === 1 ? "risk has" : "risks have"} no residual
          rating and {unratedResidual === 1 ? "is" : "are"} not on this map.
        </Text>
      ) : null}
      <Text id={`${titleId}-hint`} size="xs" c="dimmed" maw={300} className="no-print">
        {chosen
          ? `Listing the risks at probability ${chosen.probability}, impact ${chosen.impact}. Choose the cell again to list all.`
          : "Choose a cell to list its risks."}
      </Text>
    </Stack>
  );
}

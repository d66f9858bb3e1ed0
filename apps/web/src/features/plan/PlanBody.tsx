// biome-ignore-all lint/a11y/useSemanticElements: an ARIA grid of divs; see PlanGridRows.tsx
import type { Phase, Plan } from "@rollout/domain";
import { defaultRangeExtractor, useVirtualizer, type Virtualizer } from "@tanstack/react-virtual";
import { use, useCallback, useLayoutEffect } from "react";
import { withIndex } from "./grid/useRovingGrid.ts";
import {
  AddRow,
  type DropHint,
  type EditingCell,
  GridActionsContext,
  HEADER_HEIGHT,
  PhaseRow,
  ROW_HEIGHT,
  TaskRow,
} from "./PlanGridRows.tsx";
import type { EditRights, PlanColumn } from "./planColumns.ts";
import { addPhaseKey, type PlanRow } from "./planModel.ts";

interface PlanBodyProps {
  rows: PlanRow[];
  columns: PlanColumn[];
  rights: EditRights;
  people: Plan["people"];
  today: string;
  phases: Phase[];
  selected: ReadonlySet<string>;
  shownByPhase: ReadonlyMap<string, string[]>;
  editing: EditingCell | null;
  dropAt: { key: string; hint: DropHint } | null;
  activeKey: string | null;
  activeCol: number;
  /** The focused row: always rendered, wherever the scroll is. */
  keepIndex: number;
  titleCol: number;
  scrollElement: HTMLDivElement | null;
  virtualizerRef: { current: Virtualizer<HTMLDivElement, Element> | null };
  /** Called after every render: focus waiting for a row to appear can now land. */
  onRendered: () => void;
}

/**
 * The rows in view. Its own component so that scrolling re-renders only this list (and the
 * memoised rows only when they change), not the grid with its hooks and handlers.
 */
export function PlanBody(props: PlanBodyProps) {
  const { rows, columns, rights, selected, editing, dropAt, phases, keepIndex } = props;
  const actions = use(GridActionsContext);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => props.scrollElement,
    estimateSize: useCallback(() => ROW_HEIGHT, []),
    overscan: 5,
    getItemKey: useCallback((i: number) => rows[i]?.key ?? i, [rows]),
    scrollMargin: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
    rangeExtractor: useCallback(
      (range: Parameters<typeof defaultRangeExtractor>[0]) =>
        withIndex(defaultRangeExtractor(range), keepIndex),
      [keepIndex],
    ),
  });
  props.virtualizerRef.current = virtualizer;
  const { onRendered } = props;
  useLayoutEffect(() => onRendered());
  if (!actions) return null;

  return (
    <div
      role="rowgroup"
      className="plan-body"
      style={{ height: virtualizer.getTotalSize() - HEADER_HEIGHT }}
    >
      {virtualizer.getVirtualItems().map((item) => {
        const row = rows[item.index];
        if (!row) return null;
        const start = item.start - HEADER_HEIGHT;
        const active = row.key === props.activeKey;
        const ariaRowIndex = item.index + 2;
        const hint = dropAt?.key === row.key ? dropAt.hint : null;
        const rowEditing = editing?.key === row.key ? editing : null;
        switch (row.kind) {
          case "task":
            return (
              <TaskRow
                key={row.key}
                task={row.task}
                rowKey={row.key}
                depth={row.depth}
                hasChildren={row.hasChildren}
                ariaRowIndex={ariaRowIndex}
                start={start}
                columns={columns}
                activeCol={active ? props.activeCol : -1}
                editing={rowEditing}
                selected={selected.has(row.task.id)}
                rights={rights}
                people={props.people}
                today={props.today}
                dropHint={hint}
              />
            );
          case "phase": {
            const shown = props.shownByPhase.get(row.phase.id) ?? [];
            const at = phases.findIndex((p) => p.id === row.phase.id);
            return (
              <PhaseRow
                key={row.key}
                phase={row.phase}
                rowKey={row.key}
                stats={row.stats}
                collapsed={row.collapsed}
                ariaRowIndex={ariaRowIndex}
                start={start}
                columns={columns}
                activeCol={active ? props.activeCol : -1}
                editing={rowEditing}
                rights={rights}
                shownCount={shown.length}
                selectedCount={shown.filter((id) => selected.has(id)).length}
                isFirst={at === 0}
                isLast={at === phases.length - 1}
                dropHint={hint}
              />
            );
          }
          case "add": {
            const phase = phases.find((p) => p.id === row.phaseId);
            return (
              <AddRow
                key={row.key}
                kind="add"
                rowKey={row.key}
                ariaRowIndex={ariaRowIndex}
                start={start}
                titleCol={props.titleCol}
                active={active}
                label={`New task in ${phase?.name ?? "this phase"}`}
                placeholder="Add a task: type a title, press Enter"
                onSubmit={(title) => actions.createTask(row.phaseId, title)}
                dropHint={hint}
                onDragOver={(e) => actions.dragOver(row.key, e)}
                onDrop={(e) => actions.drop(row.key, e)}
              />
            );
          }
          case "addPhase":
            return (
              <AddRow
                key={row.key}
                kind="addPhase"
                rowKey={addPhaseKey}
                ariaRowIndex={ariaRowIndex}
                start={start}
                titleCol={props.titleCol}
                active={active}
                label="New phase"
                placeholder="Add a phase: type a name, press Enter"
                onSubmit={(name) => actions.createPhase(name)}
              />
            );
        }
        return null;
      })}
    </div>
  );
}

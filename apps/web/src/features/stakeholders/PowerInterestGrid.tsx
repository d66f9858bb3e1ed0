import { Group, Paper, Portal, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import {
  type Quadrant,
  quadrantLabels,
  quadrantOf,
  quadrants,
  type Stakeholder,
  stakeholderSideLabels,
  stakeholderSides,
} from "@rollout/domain";
import {
  type CSSProperties,
  type KeyboardEvent,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import { showUndo } from "../../ui/undo.tsx";
import { quadrantColors, sideColors } from "./stakeholderBadges.tsx";
import { useGridMove } from "./stakeholderData.ts";
import {
  cellKey,
  cellName,
  countByQuadrant,
  GRID_INTERESTS,
  GRID_POWERS,
  type GridPosition,
  moveByKey,
  placeOnGrid,
  quadrantCorners,
} from "./stakeholderModel.ts";
import { useChipDrag } from "./useChipDrag.ts";

const quadrantAdvice: Record<Quadrant, string> = {
  manage_closely: "High power, high interest: involve them and consult them often.",
  keep_satisfied: "High power, low interest: meet their needs, do not overload them.",
  keep_informed: "Low power, high interest: keep them informed, listen for concerns.",
  monitor: "Low power, low interest: watch for changes, minimal effort.",
};

const where = (p: GridPosition) =>
  `power ${p.power}, interest ${p.interest} (${quadrantLabels[quadrantOf(p.power, p.interest)]})`;

/**
 * The power/interest grid: power up the side (5 at the top), interest along the bottom, the
 * four quadrants split at 3. Each person is a chip; editors drag it to another cell, or focus it,
 * move it with the arrow keys and press Enter (Escape puts it back). A move shows at once and is
 * put back if the server refuses it.
 */
export function PowerInterestGrid({
  projectId,
  stakeholders,
  canEdit,
  onOpen,
}: {
  projectId: string;
  stakeholders: Stakeholder[];
  canEdit: boolean;
  onOpen: (id: string) => void;
}) {
  const move = useGridMove(projectId);
  const [pending, setPending] = useState<{ id: string; to: GridPosition } | null>(null);
  const [saving, setSaving] = useState<ReadonlySet<string>>(new Set());
  const [announcement, setAnnouncement] = useState("");
  const chips = useRef(new Map<string, HTMLButtonElement>());
  const byId = useMemo(() => new Map(stakeholders.map((s) => [s.id, s])), [stakeholders]);

  const { drag, chipProps } = useChipDrag({
    enabled: (id) => canEdit && !saving.has(id),
    onDrop: (id, to) => {
      const person = byId.get(id);
      if (person) void save(person, to);
    },
  });

  const moved = useMemo(
    () => (pending ? new Map([[pending.id, pending.to]]) : undefined),
    [pending],
  );
  const cells = useMemo(() => placeOnGrid(stakeholders, moved), [stakeholders, moved]);
  const counts = useMemo(() => countByQuadrant(stakeholders), [stakeholders]);

  // A chip that changes cell is a new element: after a keyboard move (or a save, or a cancel)
  // the focus goes to it again, so arrow after arrow keeps working.
  const refocus = useRef<string | null>(null);
  useLayoutEffect(() => {
    const id = refocus.current;
    const chip = id ? chips.current.get(id) : undefined;
    if (!chip) return;
    refocus.current = null;
    if (document.activeElement !== chip) chip.focus({ preventScroll: true });
  });

  /** Saves a move; the chip shows in its new cell (as `pending`) until the cache has it. */
  async function save(person: Stakeholder, to: GridPosition, undoable = true) {
    refocus.current = person.id;
    if (person.power === to.power && person.interest === to.interest) {
      setPending(null);
      setAnnouncement(`${person.name} stays at ${where(person)}.`);
      return;
    }
    setPending({ id: person.id, to });
    setSaving((s) => new Set(s).add(person.id));
    setAnnouncement(`Saving ${person.name} at ${where(to)}…`);
    const result = await move(person, to, () => setPending(null));
    setPending((p) => (p?.id === person.id ? null : p));
    setSaving((s) => {
      const next = new Set(s);
      next.delete(person.id);
      return next;
    });
    refocus.current = person.id;
    if (result.ok) {
      setAnnouncement(`Saved: ${person.name} is now at ${where(to)}.`);
      if (undoable) {
        // The server moved the version on by one; the move back names that version.
        const moved = { ...person, ...to, version: person.version + 1 };
        showUndo({
          title: `${person.name} moved`,
          message: `Now in ${quadrantLabels[quadrantOf(to.power, to.interest)]} (power ${to.power}, interest ${to.interest}).`,
          onUndo: () => void save(moved, { power: person.power, interest: person.interest }, false),
        });
      }
      return;
    }
    setAnnouncement(`Not saved: ${person.name} is back at ${where(person)}. ${result.message}`);
    notifications.show({
      color: result.conflict ? "orange" : "red",
      title: `${person.name} was not moved`,
      message: result.conflict
        ? "Someone changed this person meanwhile; the register is reloaded. Try again."
        : result.message,
    });
  }

  function onKeyDown(event: KeyboardEvent<HTMLButtonElement>, person: Stakeholder) {
    const mine = pending?.id === person.id ? pending : null;
    if (event.key === "Escape" && mine) {
      event.preventDefault();
      event.stopPropagation();
      refocus.current = person.id;
      setPending(null);
      setAnnouncement(`Move cancelled: ${person.name} stays at ${where(person)}.`);
      return;
    }
    if ((event.key === "Enter" || event.key === " ") && mine) {
      event.preventDefault();
      void save(person, mine.to);
      return;
    }
    if (!canEdit || saving.has(person.id)) return;
    const to = moveByKey(mine?.to ?? person, event.key);
    if (!to) return;
    event.preventDefault();
    refocus.current = person.id;
    setPending({ id: person.id, to });
    setAnnouncement(`${person.name}: ${where(to)}. Enter to save, Escape to cancel.`);
  }

  const helpId = `pi-help-${projectId}`;
  const dragged = drag ? byId.get(drag.id) : undefined;

  return (
    <Stack gap="sm">
      <Group justify="space-between" gap="xs" wrap="wrap" align="flex-start">
        <Text size="sm" c="dimmed" id={helpId} className="no-print" style={{ flex: "1 1 28rem" }}>
          {canEdit
            ? "Drag a person to another cell, or focus them and use the arrow keys, then Enter to save (Escape cancels). Choose a person to open their details."
            : "Choose a person to open their details. Project managers move people on the grid."}
        </Text>
        <Group gap="sm">
          <Text size="xs" c="dimmed">
            Edge colour = side:
          </Text>
          {stakeholderSides.map((side) => (
            <Text
              key={side}
              size="xs"
              c="dimmed"
              className="pi-side-legend"
              style={
                { "--side-color": `var(--mantine-color-${sideColors[side]}-5)` } as CSSProperties
              }
            >
              {stakeholderSideLabels[side]}
            </Text>
          ))}
        </Group>
      </Group>
      {/* biome-ignore lint/a11y/useSemanticElements: a drawing of the grid, not a set of form fields */}
      <div className="pi-grid" role="group" aria-label="Power/interest grid">
        <div className="pi-axis-y" aria-hidden>
          Power →
        </div>
        {GRID_POWERS.map((power, row) => (
          <div key={`p${power}`} className="pi-rownum" style={{ gridRow: row + 1 }} aria-hidden>
            {power}
          </div>
        ))}
        {GRID_POWERS.map((power, row) =>
          GRID_INTERESTS.map((interest, col) => {
            const at = { power, interest };
            const key = cellKey(at);
            const quadrant = quadrantOf(power, interest);
            const people = cells.get(key) ?? [];
            const corner = quadrantCorners[key];
            const over = drag?.over && drag.over.power === power && drag.over.interest === interest;
            return (
              // biome-ignore lint/a11y/useSemanticElements: a drop target named for its cell, not a fieldset
              <div
                key={key}
                role="group"
                aria-label={cellName(at)}
                aria-describedby={`pi-q-${quadrant}`}
                className="pi-cell"
                data-grid-cell
                data-power={power}
                data-interest={interest}
                data-quadrant={quadrant}
                data-over={over || undefined}
                style={{
                  gridRow: row + 1,
                  gridColumn: col + 3,
                  background: `var(--mantine-color-${quadrantColors[quadrant]}-light)`,
                }}
              >
                {corner ? (
                  <div className="pi-quadrant-label" aria-hidden data-corner={key}>
                    {quadrantLabels[corner]}
                  </div>
                ) : null}
                {people.map((person) => {
                  const props = chipProps(person.id);
                  const isPending = pending?.id === person.id;
                  const isSaving = saving.has(person.id);
                  return (
                    <button
                      key={person.id}
                      type="button"
                      ref={(el) => {
                        if (el) chips.current.set(person.id, el);
                        else chips.current.delete(person.id);
                      }}
                      className="pi-chip"
                      data-side={person.side}
                      data-editable={canEdit || undefined}
                      data-pending={isPending || undefined}
                      data-dragging={drag?.id === person.id || undefined}
                      aria-busy={isSaving || undefined}
                      aria-describedby={helpId}
                      title={
                        [person.title, person.user ? `signs in as ${person.user.name}` : ""]
                          .filter(Boolean)
                          .join(" · ") || undefined
                      }
                      onPointerDown={props.onPointerDown}
                      onPointerMove={props.onPointerMove}
                      onPointerUp={props.onPointerUp}
                      onPointerCancel={props.onPointerCancel}
                      onLostPointerCapture={props.onLostPointerCapture}
                      onClick={() => {
                        if (!props.consumeClick()) onOpen(person.id);
                      }}
                      onKeyDown={(e) => onKeyDown(e, person)}
                      onBlur={(e) => {
                        // Tabbing away from a chip mid-move puts it back (a re-render is not a blur).
                        if (isPending && e.relatedTarget && e.relatedTarget !== e.currentTarget) {
                          setPending(null);
                          setAnnouncement(
                            `Move cancelled: ${person.name} stays at ${where(person)}.`,
                          );
                        }
                      }}
                    >
                      {person.name}
                    </button>
                  );
                })}
              </div>
            );
          }),
        )}
        {GRID_INTERESTS.map((interest, col) => (
          <div
            key={`i${interest}`}
            className="pi-colnum"
            style={{ gridColumn: col + 3 }}
            aria-hidden
          >
            {interest}
          </div>
        ))}
        <div className="pi-axis-x" aria-hidden>
          Interest →
        </div>
      </div>
      <div aria-live="assertive" aria-atomic="true" className="visually-hidden">
        {announcement}
      </div>
      <Group gap="sm" wrap="wrap" component="ul" className="pi-legend" aria-label="Quadrants">
        {quadrants.map((q) => (
          <Paper key={q} component="li" withBorder radius="sm" p="xs" className="pi-legend-item">
            <Group gap={8} wrap="nowrap" align="flex-start">
              <span
                className="pi-swatch"
                style={{ background: `var(--mantine-color-${quadrantColors[q]}-light)` }}
                aria-hidden
              />
              <div>
                <Text size="sm" fw={600} id={`pi-q-${q}`}>
                  {quadrantLabels[q]}
                  <Text span size="sm" c="dimmed" fw={400}>
                    {" "}
                    · {counts[q]}
                  </Text>
                </Text>
                <Text size="xs" c="dimmed">
                  {quadrantAdvice[q]}
                </Text>
              </div>
            </Group>
          </Paper>
        ))}
      </Group>
      {drag && dragged ? (
        <Portal>
          <div className="pi-chip pi-chip-ghost" aria-hidden style={{ left: drag.x, top: drag.y }}>
            {dragged.name}
            {drag.over ? (
              <span className="pi-ghost-where">
                {quadrantLabels[quadrantOf(drag.over.power, drag.over.interest)]}
              </span>
            ) : null}
          </div>
        </Portal>
      ) : null}
    </Stack>
  );
}

/**
 * The Gantt's colours. On screen they are CSS variables defined in gantt.css for both colour
 * schemes; an export resolves them to plain colours (an image cannot read the page's variables).
 */

const paletteKeys = [
  "background",
  "text",
  "dimmed",
  "grid",
  "header",
  "weekend",
  "holiday",
  "bar",
  "barProgress",
  "critical",
  "criticalProgress",
  "rollup",
  "baseline",
  "milestone",
  "milestoneLate",
  "milestoneDone",
  "link",
  "linkCritical",
  "today",
  "selected",
] as const;
export type Palette = Record<(typeof paletteKeys)[number], string>;

/** On screen: variables defined in gantt.css for both colour schemes. */
export const cssPalette = Object.fromEntries(
  paletteKeys.map((k) => [k, `var(--gantt-${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)})`]),
) as Palette;

/** For an export: each variable's current value (the scheme in force now). */
export function resolvedPalette(element: Element = document.documentElement): Palette {
  const style = getComputedStyle(element);
  return Object.fromEntries(
    paletteKeys.map((k) => {
      const name = (cssPalette[k].match(/var\((--[^)]+)\)/) ?? [])[1] ?? "";
      return [k, style.getPropertyValue(name).trim() || "#888"];
    }),
  ) as Palette;
}

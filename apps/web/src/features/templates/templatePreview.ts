import {
  expandTemplate,
  isIsoDate,
  type ProjectKind,
  phaseSpans,
  projectKindLabels,
  type TemplateBody,
} from "@rollout/domain";
import { formatNumber } from "../../ui/format.ts";

export interface TemplatePreview {
  /** The first working day on or after the start date. */
  dayZero: string;
  goLive: string | null;
  finish: string | null;
  phases: { key: string; name: string; tasks: number; start: string | null; end: string | null }[];
  milestones: { key: string; name: string; date: string; isGate: boolean; isGoLive: boolean }[];
}

/**
 * What a project made from `body` would look like from `startDate` on the organisation's
 * calendar: the same expansion the server runs when it creates the project.
 */
export function previewTemplate(
  body: TemplateBody,
  startDate: string,
  holidays: readonly string[],
): TemplatePreview | null {
  if (!isIsoDate(startDate)) return null;
  const plan = expandTemplate(body, { startDate, holidays });
  return {
    dayZero: plan.dayZero,
    goLive: plan.goLive,
    finish: plan.finish,
    phases: phaseSpans(plan),
    milestones: plan.milestones
      .map((m) => ({
        key: m.key,
        name: m.name,
        date: m.baselineDate,
        isGate: m.isGate,
        isGoLive: m.isGoLive,
      }))
      .sort((a, b) => a.date.localeCompare(b.date)),
  };
}

/** "12 weeks" for a length in working days (five to a week), "3 days" below a week. */
export function workingLength(days: number): string {
  if (days < 10) return `${formatNumber(days)} working day${days === 1 ? "" : "s"}`;
  return `${formatNumber(Math.round(days / 5))} weeks`;
}

/** The line under a template's name: kind, sizes and length. */
export function templateFacts(t: {
  kind: ProjectKind;
  taskCount: number;
  milestoneCount: number;
  phaseCount: number;
  durationDays: number;
  goLiveOffset: number | null;
}): string {
  const parts = [
    projectKindLabels[t.kind],
    `${formatNumber(t.phaseCount)} phase${t.phaseCount === 1 ? "" : "s"}`,
    `${formatNumber(t.taskCount)} task${t.taskCount === 1 ? "" : "s"}`,
    `${formatNumber(t.milestoneCount)} milestone${t.milestoneCount === 1 ? "" : "s"}`,
  ];
  if (t.goLiveOffset !== null) parts.push(`go-live after ${workingLength(t.goLiveOffset + 1)}`);
  else if (t.durationDays > 0) parts.push(workingLength(t.durationDays));
  return parts.join(" · ");
}

import { percentText } from "./dashboardFormat.ts";
import "./dashboard.css";

interface ProgressBarProps {
  /** Percent complete, 0–100. */
  actual: number;
  /** Percent planned by today, 0–100 (the tick). */
  planned: number;
  width?: number | string;
  height?: number;
}

const clamp = (n: number) => Math.max(0, Math.min(100, n));

/**
 * Percent complete as a bar with the planned share as a tick across it. Orange when more than
 * five points behind plan. The figures are the bar's accessible name.
 */
export function ProgressBar({ actual, planned, width = "100%", height = 8 }: ProgressBarProps) {
  const behind = planned - actual > 5;
  return (
    <div
      className="progress-track"
      role="img"
      aria-label={`${percentText(actual)} complete, ${percentText(planned)} planned by today`}
      style={{ width, height }}
    >
      <div
        className="progress-fill"
        data-behind={behind || undefined}
        style={{ width: `${clamp(actual)}%` }}
      />
      <div className="progress-plan" style={{ left: `${clamp(planned)}%` }} />
    </div>
  );
}

import { defaultHealthThresholds, type HealthThresholds } from "@rollout/domain";

export type HealthValues = { [K in keyof HealthThresholds]: number | "" };

export const healthFields: ReadonlyArray<{
  key: keyof HealthThresholds;
  label: string;
  unit: string;
  min: number;
  max: number;
  decimals: boolean;
}> = [
  {
    key: "slipAmberDays",
    label: "Schedule amber above",
    unit: "working days of slip",
    min: 0,
    max: 200,
    decimals: false,
  },
  {
    key: "slipRedDays",
    label: "Schedule red above",
    unit: "working days of slip",
    min: 1,
    max: 400,
    decimals: false,
  },
  {
    key: "overdueAmberPct",
    label: "Schedule amber when overdue tasks exceed",
    unit: "% of open tasks",
    min: 0,
    max: 100,
    decimals: true,
  },
  {
    key: "budgetAmberPct",
    label: "Budget amber above",
    unit: "% over plan (forecast)",
    min: 0,
    max: 500,
    decimals: true,
  },
  {
    key: "budgetRedPct",
    label: "Budget red above",
    unit: "% over plan (forecast)",
    min: 0,
    max: 1000,
    decimals: true,
  },
  {
    key: "riskAmberScore",
    label: "Risk amber from score",
    unit: "with no mitigation",
    min: 1,
    max: 25,
    decimals: false,
  },
  {
    key: "riskRedScore",
    label: "Risk red from score",
    unit: "mitigated or not",
    min: 1,
    max: 25,
    decimals: false,
  },
];

/** The typed values as thresholds, or the first problem in words. */
export function readHealth(
  values: HealthValues,
):
  | { ok: true; thresholds: HealthThresholds }
  | { ok: false; field: keyof HealthThresholds; message: string } {
  for (const f of healthFields) {
    const v = values[f.key];
    if (v === "" || Number.isNaN(v)) return { ok: false, field: f.key, message: "Enter a number" };
    if (v < f.min || v > f.max)
      return { ok: false, field: f.key, message: `Between ${f.min} and ${f.max}` };
    if (!f.decimals && !Number.isInteger(v))
      return { ok: false, field: f.key, message: "A whole number" };
  }
  const t = values as HealthThresholds;
  if (t.slipRedDays <= t.slipAmberDays)
    return { ok: false, field: "slipRedDays", message: "Must be above the amber slip" };
  if (t.budgetRedPct <= t.budgetAmberPct)
    return { ok: false, field: "budgetRedPct", message: "Must be above the amber overrun" };
  if (t.riskRedScore < t.riskAmberScore)
    return { ok: false, field: "riskRedScore", message: "Must not be below the amber score" };
  return { ok: true, thresholds: t };
}

/** The rules in plain words, as the health engine applies them. */
export function healthRulesText(t: HealthThresholds): string[] {
  return [
    `Schedule: amber when an open milestone slips more than ${t.slipAmberDays} working days (red above ${t.slipRedDays}), or more than ${t.overdueAmberPct}% of open tasks are overdue.`,
    `Budget: amber when the forecast cost is more than ${t.budgetAmberPct}% over plan, red above ${t.budgetRedPct}%.`,
    `Risk: amber when an open risk scores ${t.riskAmberScore} or more with no mitigation; red when one scores ${t.riskRedScore} or more, or a critical issue is open.`,
  ];
}

export function isDefaultHealth(t: HealthThresholds): boolean {
  return healthFields.every((f) => t[f.key] === defaultHealthThresholds[f.key]);
}

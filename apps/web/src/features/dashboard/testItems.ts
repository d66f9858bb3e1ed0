import type { PortfolioItem, Rag } from "@rollout/domain";

/** A portfolio row for tests: green, on time, with the fields a test names replaced. */
export function portfolioItem(
  key: string,
  patch: Partial<Omit<PortfolioItem, "health">> & {
    overall?: Rag;
    computed?: Rag;
    override?: PortfolioItem["health"]["override"];
  } = {},
): PortfolioItem {
  const { overall = "green", computed, override = null, worstSlip, ...rest } = patch;
  const dimension = { rag: "green" as const, reasons: [] };
  return {
    id: `id-${key}`,
    key,
    name: `${key} project`,
    customer: "",
    kind: "software",
    stage: "build",
    status: "active",
    startDate: "2026-01-05",
    targetGoLive: "2026-06-01",
    actualGoLive: null,
    archivedAt: null,
    myRole: "pm",
    projectRole: "pm",
    updatedAt: "2026-01-05T10:00:00.000Z",
    healthOverride: override?.active ? override.rag : null,
    ipmName: null,
    pmName: null,
    health: {
      overall,
      computed: computed ?? overall,
      dimensions: { schedule: dimension, budget: dimension, risk: dimension },
      override,
    },
    progress: 0,
    plannedProgress: 0,
    nextMilestone: null,
    // Unless a test says otherwise, the worst slip is the next milestone's.
    worstSlip:
      rest.nextMilestone && rest.nextMilestone.actualDate === null ? rest.nextMilestone.slip : null,
    goLiveDate: "2026-06-01",
    daysToGoLive: 100,
    openHighRisks: 0,
    overdueTasks: 0,
    spi: null,
    cpi: null,
    ...rest,
    ...(worstSlip !== undefined ? { worstSlip } : {}),
  };
}

export function milestone(slip: number | null, forecastDate = "2026-03-02") {
  return {
    id: `m-${forecastDate}`,
    name: "UAT sign-off",
    baselineDate: "2026-02-23",
    forecastDate,
    actualDate: null,
    slip,
    isGate: false,
    isGoLive: false,
  };
}

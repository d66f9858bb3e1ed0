import { engagementGap, quadrantOf, type Stakeholder } from "@rollout/domain";

/** A register row for tests: quadrant and gap derived as the server does. */
export function person(
  name: string,
  fields: Partial<Omit<Stakeholder, "quadrant" | "engagementGap">> = {},
): Stakeholder {
  const base = {
    id: name.toLowerCase().replace(/\W+/g, "-"),
    name,
    title: "",
    side: "customer" as const,
    email: null,
    power: 3,
    interest: 3,
    engagementCurrent: "neutral" as const,
    engagementDesired: "supportive" as const,
    notes: "",
    user: null,
    openRaidItems: 0,
    version: 1,
    createdAt: "2026-01-01T00:00:00.000Z",
    updatedAt: "2026-01-01T00:00:00.000Z",
    ...fields,
  };
  return {
    ...base,
    quadrant: quadrantOf(base.power, base.interest),
    engagementGap: engagementGap(base.engagementCurrent, base.engagementDesired),
  };
}

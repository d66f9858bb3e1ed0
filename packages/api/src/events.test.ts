import { describe, expect, it } from "vitest";
import { type Change, changes } from "./events.ts";

const change = (over: Partial<Change>): Change => ({
  orgId: "org-events-test",
  projectId: "project-events-test",
  entityType: "task",
  entityIds: ["x"],
  action: "update",
  at: new Date().toISOString(),
  ...over,
});

describe("change revisions", () => {
  it("moves the plan revision only for changes that can move the plan", () => {
    const org = "org-events-test";
    const project = "project-events-test";
    const plan = () => changes.planRevisionOf(org, project);
    const all = () => changes.revisionOf(org, project);

    let [p, a, n] = [plan(), all(), changes.activity(org)];
    changes.publish(change({ entityType: "raid_item" }));
    expect(plan()).toBe(p);
    expect(all()).not.toBe(a);
    expect(changes.activity(org)).toBe(n + 1);

    [p, a] = [plan(), all()];
    changes.publish(change({ entityType: "task" }));
    expect(plan()).not.toBe(p);
    expect(all()).not.toBe(a);

    // A kind of change nobody classified counts as a plan change: stale figures are never kept.
    p = plan();
    changes.publish(change({ entityType: "something_new" }));
    expect(plan()).not.toBe(p);

    // An organisation-wide change (holidays, thresholds) moves every project's revisions.
    [p, a, n] = [plan(), all(), changes.activity(org)];
    changes.publish(change({ projectId: null, entityType: "holidays" }));
    expect(plan()).not.toBe(p);
    expect(all()).not.toBe(a);
    expect(changes.activity(org)).toBe(n + 1);

    // Another organisation's changes move nothing here.
    [p, a, n] = [plan(), all(), changes.activity(org)];
    changes.publish(change({ orgId: "another-org", projectId: null, entityType: "holidays" }));
    expect([plan(), all(), changes.activity(org)]).toEqual([p, a, n]);
  });
});

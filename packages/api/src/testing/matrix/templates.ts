/** Authorization matrix rows for the templates procedures (see ../matrix.ts for the row format). */

import { smallTemplateBody } from "../fixtures/templates.ts";
import { projectFields, type World } from "../fixtures.ts";
import type { Row } from "../matrix.ts";

/** Org-wide team knowledge: anyone on some project's team, and org owners/admins (B's too). */
const teams = ["otherOrg", "contributor", "pm", "ipm", "orgAdmin", "orgOwner"] as const;
/** The same, for a template of organisation A (B's owner gets NOT_FOUND). */
const teamsOfA = ["contributor", "pm", "ipm", "orgAdmin", "orgOwner"] as const;
/** Org admins of A, and org B's owner acting in org B. */
const orgAdminsAnywhere = ["otherOrg", "orgAdmin", "orgOwner"] as const;
const orgAdminsOfA = ["orgAdmin", "orgOwner"] as const;
const projectManagers = ["pm", "ipm", "orgAdmin", "orgOwner"] as const;

const own = (w: World) => ({ templateId: w.templates.templateId });
const { key: _key, targetGoLive: _target, ...fields } = projectFields();

export const templateMatrix: Record<string, Row> = {
  "template.list": { allow: teams, target: "own", call: (c) => c.template.list() },
  "template.get": { allow: teamsOfA, target: "orgA", call: (c, w) => c.template.get(own(w)) },
  "template.create": {
    allow: orgAdminsAnywhere,
    target: "own",
    call: (c) =>
      c.template.create({ name: "Our rollout", kind: "software", body: smallTemplateBody() }),
  },
  "template.update": {
    allow: orgAdminsOfA,
    target: "orgA",
    call: (c, w) =>
      c.template.update({ ...own(w), version: 1, changes: { name: "Renamed template" } }),
  },
  "template.delete": {
    allow: orgAdminsOfA,
    target: "orgA",
    call: (c, w) => c.template.delete({ ...own(w), version: 1 }),
  },
  "template.duplicate": {
    allow: orgAdminsOfA,
    target: "orgA",
    call: (c, w) => c.template.duplicate(own(w)),
  },
  "template.saveFromProject": {
    allow: projectManagers,
    target: "orgA",
    call: (c, w) => c.template.saveFromProject({ projectId: w.projectId, name: "From ACME" }),
  },
  "template.createProject": {
    allow: orgAdminsAnywhere,
    target: "own",
    call: (c, _w, role) =>
      c.template.createProject({
        ...fields,
        key: `TPL-${role.toUpperCase()}`,
        templateId: "builtin:saas-rollout",
        creatorRole: "pm",
      }),
  },
};

import { type APIRequestContext, expect, type Page, test } from "@playwright/test";
import { signIn, uniqueId } from "./helpers.ts";

/**
 * The dashboards as a PM reviews them: health from the written rules, live while someone else
 * changes the plan, and a portfolio view (filters in the URL, saved by name) that survives a
 * reload. The project is made through the API so its schedule starts green.
 */

const headers = { "x-rollout-csrf": "1", "Sec-Fetch-Site": "same-origin" };

const queries = new Set(["org.members", "project.get"]);

/** tRPC over HTTP with the signed-in page's cookies (no batching, no transformer). */
async function call<T>(request: APIRequestContext, path: string, input?: unknown): Promise<T> {
  const response = queries.has(path)
    ? await request.get(
        `/trpc/${path}${input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(input))}`}`,
        { headers },
      )
    : await request.post(`/trpc/${path}`, { headers, data: input });
  const body = await response.json();
  if (!response.ok()) throw new Error(`${path}: ${JSON.stringify(body.error ?? body)}`);
  return body.result.data as T;
}

function dayFromToday(days: number): string {
  const date = new Date();
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** A project with one task linked to a milestone whose baseline is well after the task's due date. */
async function greenProject(pm: Page) {
  const key = `DASH-${uniqueId().toUpperCase()}`;
  const { id: projectId } = await call<{ id: string }>(pm.request, "project.create", {
    key,
    name: `Dashboard check ${key}`,
    customer: "Live Updates Ltd",
    kind: "software",
    stage: "build",
    status: "active",
    startDate: dayFromToday(0),
    targetGoLive: dayFromToday(60),
    actualGoLive: null,
    plannedBudget: 0,
    actualCost: 0,
    currency: "EUR",
    objectives: "",
    creatorRole: "pm",
  });
  const members = await call<Array<{ userId: string; email: string }>>(pm.request, "org.members");
  const ipm = members.find((m) => m.email === "ipm@rollout.demo");
  if (!ipm) throw new Error("the demo IPM is missing");
  await call(pm.request, "project.members.add", { projectId, userId: ipm.userId, role: "ipm" });
  const phase = await call<{ id: string }>(pm.request, "plan.phase.create", {
    projectId,
    name: "Configure",
  });
  const task = await call<{ id: string; version: number }>(pm.request, "plan.task.create", {
    projectId,
    phaseId: phase.id,
    title: "Configure the sales pipeline",
    category: "configuration",
    startDate: dayFromToday(1),
    dueDate: dayFromToday(10),
  });
  const milestone = await call<{ id: string }>(pm.request, "schedule.milestone.create", {
    projectId,
    name: "Pipeline ready",
    baselineDate: dayFromToday(21),
  });
  const linked = await call<{ tasks: Array<{ id: string; version: number }> }>(
    pm.request,
    "plan.task.bulkUpdate",
    {
      projectId,
      tasks: [{ id: task.id, version: task.version }],
      changes: { milestoneId: milestone.id },
    },
  );
  return { key, projectId, task: linked.tasks[0] ?? task };
}

async function archive(request: APIRequestContext, projectId: string) {
  const project = await call<{ version: number }>(request, "project.get", { projectId });
  await call(request, "project.archive", { projectId, version: project.version, archived: true });
}

test.describe("the dashboards", () => {
  test("a slip the IPM causes shows on the PM's open portfolio and overview within two seconds", async ({
    browser,
  }) => {
    const pmContext = await browser.newContext();
    const ipmContext = await browser.newContext();
    const pm = await pmContext.newPage();
    await signIn(pm, "pm@rollout.demo");
    const { key, projectId, task } = await greenProject(pm);
    try {
      // The PM has the portfolio open on this project, and its overview in a second tab.
      await pm.goto(`/projects?q=${key}`);
      const row = pm.getByRole("table", { name: "Projects" }).locator(`tr[data-project="${key}"]`);
      const schedule = row.locator('[data-dimension="schedule"]');
      await expect(schedule).toHaveAttribute("data-rag", "green");
      await expect(row).toHaveAttribute("data-health", "green");

      const overview = await pmContext.newPage();
      await overview.goto(`/projects/${projectId}`);
      const health = overview.getByTestId("health-card");
      const scheduleLine = health.locator('li[data-dimension="schedule"]');
      await expect(scheduleLine).toHaveAttribute("data-rag", "green");
      await expect(scheduleLine).toContainText("No rule triggered.");

      // The IPM, elsewhere, pushes the task past the milestone's baseline.
      const ipm = await ipmContext.newPage();
      await signIn(ipm, "ipm@rollout.demo");
      await call(ipm.request, "plan.task.update", {
        projectId,
        taskId: task.id,
        version: task.version,
        changes: { dueDate: dayFromToday(45) },
      });

      // No reload: the open pages hear of the change and show why the schedule is now red.
      await expect(schedule).toHaveAttribute("data-rag", /amber|red/, { timeout: 2_000 });
      await expect(schedule).toContainText(
        /Schedule: (Amber|Red)\. Pipeline ready forecast \d+ working days after baseline/,
      );
      await expect(row).toHaveAttribute("data-health", /amber|red/);
      await expect(scheduleLine).toHaveAttribute("data-rag", /amber|red/, { timeout: 2_000 });
      await expect(scheduleLine).toContainText(
        /Pipeline ready forecast \d+ working days after baseline/,
      );

      // The reason shows on keyboard focus too, not only on hover.
      await pm.bringToFront();
      await schedule.focus();
      await expect(pm.getByRole("tooltip")).toContainText(
        /Pipeline ready forecast \d+ working days after baseline/,
      );
      await expect(row.getByRole("link", { name: key })).toBeVisible();
    } finally {
      // Out of the portfolio the other tests count.
      await archive(pm.request, projectId);
      await pmContext.close();
      await ipmContext.close();
    }
  });

  test("a health filter and a saved view survive a reload", async ({ page }) => {
    await signIn(page, "pm@rollout.demo");
    const table = page.getByRole("table", { name: "Projects" });
    const rows = table.locator("tbody tr[data-project]");
    const summary = page.getByRole("region", { name: "Portfolio summary" });
    const allCount = await rows.count();
    expect(allCount).toBeGreaterThan(1);

    // The red tile filters the table, and says so.
    const redTile = summary.getByRole("button", { name: /Red/ });
    await redTile.click();
    await expect(redTile).toHaveAttribute("aria-pressed", "true");
    await expect(page).toHaveURL(/health=red/);
    await expect(page.getByLabel("Health")).toHaveValue("red");
    const redCount = await rows.count();
    expect(redCount).toBeGreaterThan(0);
    expect(redCount).toBeLessThan(allCount);
    for (const health of await rows.evaluateAll((trs) => trs.map((tr) => tr.dataset.health))) {
      expect(health).toBe("red");
    }

    // Named and saved.
    const name = `Red ones ${uniqueId()}`;
    await page.getByRole("button", { name: "Saved views" }).click();
    const dialog = page.getByRole("dialog", { name: "Saved views" });
    await dialog.getByRole("textbox", { name: "Save what is on screen as" }).fill(name);
    await dialog.getByRole("button", { name: "Save" }).click();
    await expect(page.getByRole("button", { name: `View: ${name}` })).toBeVisible();
    await page.keyboard.press("Escape");

    await page.reload();
    await expect(page).toHaveURL(/health=red/);
    await expect(redTile).toHaveAttribute("aria-pressed", "true");
    await expect(rows).toHaveCount(redCount);
    await expect(page.getByRole("button", { name: `View: ${name}` })).toBeVisible();

    // Cleared, then picked again from the menu.
    await redTile.click();
    await expect(rows).toHaveCount(allCount);
    await expect(page).not.toHaveURL(/health=/);
    await page.getByRole("button", { name: "Saved views" }).click();
    await dialog.getByRole("button", { name, exact: true }).click();
    await expect(page).toHaveURL(/health=red/);
    await expect(rows).toHaveCount(redCount);

    // Deleted: gone after a reload too.
    await page.getByRole("button", { name: `View: ${name}` }).click();
    await dialog.getByRole("button", { name: `Delete view "${name}"` }).click();
    await expect(dialog.getByRole("button", { name, exact: true })).toHaveCount(0);
    await page.reload();
    await expect(page.getByRole("button", { name: "Saved views" })).toBeVisible();
    await page.getByRole("button", { name: "Saved views" }).click();
    await expect(dialog.getByText("No saved views yet")).toBeVisible();
  });
});

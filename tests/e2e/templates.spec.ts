import { expect, test } from "@playwright/test";
import { projectSections, signIn, uniqueId } from "./helpers.ts";

test.describe("project templates", () => {
  test("an owner creates a project from the SaaS built-in and sees its plan", async ({ page }) => {
    const key = `SAAS-${uniqueId().slice(-5).toUpperCase()}`;
    await signIn(page, "owner@rollout.demo");
    await page.goto("/projects/new");

    // Start from the built-in: the preview dates its phases from the start date.
    const startFrom = page.getByRole("group", { name: "Start from" });
    await startFrom.getByRole("radio", { name: /SaaS application rollout/ }).click();
    await page.getByLabel("Start date").fill("2027-03-06"); // a Saturday
    const phases = page.getByRole("table", { name: "Phases of SaaS application rollout" });
    await expect(phases).toBeVisible();
    // Day 0 is the first working day on or after the start: Monday 8 March.
    const first = phases.getByRole("row").filter({ hasText: "Initiation and planning" });
    await expect(first).toContainText(/Mar 8, 2027|8 Mar 2027/);
    const goLive = page.getByLabel(/^Go-live on /);
    await expect(goLive).toBeVisible();
    // The target go-live follows the template's go-live until one is typed.
    const target = page.getByLabel("Target go-live");
    await expect(target).not.toHaveValue("");
    const targetValue = await target.inputValue();
    expect(targetValue > "2027-03-08").toBe(true);

    await page.getByRole("textbox", { name: "Key", exact: true }).fill(key);
    await page.getByRole("textbox", { name: "Name", exact: true }).fill("Service desk rollout");
    await page.getByRole("button", { name: "Create project" }).click();

    // Straight to the plan the template brought.
    const grid = page.getByRole("grid", { name: `Plan of ${key}` });
    await expect(grid).toBeVisible();
    await expect(
      grid.getByRole("row").filter({ hasText: "Confirm scope, objectives and success measures" }),
    ).toBeVisible();
    await expect(
      grid.getByRole("row").filter({ hasText: "Initiation and planning" }),
    ).toContainText("7 tasks");

    // Its milestones carry the template's gates, the go-live on the previewed date.
    await projectSections(page).getByRole("link", { name: "Milestones" }).click();
    await expect(page.getByText("Design sign-off").first()).toBeVisible();
    await expect(page.getByText("Hypercare exit and handover").first()).toBeVisible();
  });
});

import { expect, type Page, test } from "@playwright/test";
import { projectSections, signIn, signOut, uniqueId } from "./helpers.ts";

async function openPlan(page: Page, key: string) {
  await page.getByRole("table", { name: "Projects" }).getByRole("link", { name: key }).click();
  await projectSections(page).getByRole("link", { name: "Plan" }).click();
  const grid = page.getByRole("grid", { name: `Plan of ${key}` });
  await expect(grid).toBeVisible();
  return grid;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Waits for the server's answer to a write the key press (or click) starts. */
async function saved(page: Page, procedure: string, action: () => Promise<void>) {
  await Promise.all([
    page.waitForResponse((r) => r.url().includes(procedure) && r.request().method() === "POST"),
    action(),
  ]);
}

test.describe("the plan and the IPM/PM split", () => {
  test("an IPM lays out a phase by keyboard, then splits responsibilities in the matrix", async ({
    page,
  }) => {
    const id = uniqueId();
    const phase = `Cut-over rehearsal ${id}`;
    const titles = [`Freeze configuration ${id}`, `Rehearse the cut-over ${id}`, `Sign off ${id}`];

    await signIn(page, "ipm@rollout.demo");
    const grid = await openPlan(page, "ACME-CRM");

    // "Add phase" puts focus in the grid's last row; from here on, only the keyboard.
    await page.getByRole("button", { name: "Add phase" }).click();
    await expect(grid.getByRole("textbox", { name: "New phase" })).toBeFocused();
    await page.keyboard.type(phase);
    await page.keyboard.press("Enter");
    const addTask = grid.getByRole("textbox", { name: `New task in ${phase}` });
    await expect(addTask).toBeFocused();
    for (const title of titles) {
      await page.keyboard.type(title);
      await page.keyboard.press("Enter");
      await expect(grid.getByRole("row").filter({ hasText: title })).toBeVisible();
    }
    await expect(addTask).toBeFocused();
    await expect(grid.getByRole("row").filter({ hasText: phase })).toContainText("3 tasks");

    // Up to the last task's title; Enter edits, Esc cancels, Enter saves.
    const last = grid.getByRole("row").filter({ hasText: titles[2] });
    await page.keyboard.press("ArrowUp");
    await expect(last.getByRole("gridcell").nth(1)).toBeFocused();
    await page.keyboard.press("Enter");
    await page.keyboard.type(" — not this");
    await page.keyboard.press("Escape");
    await expect(last.getByRole("gridcell").nth(1)).toBeFocused();
    await expect(last).not.toContainText("not this");
    await page.keyboard.press("Enter");
    await page.keyboard.press("End");
    await page.keyboard.type(" (dry run)");
    await saved(page, "plan.task.update", () => page.keyboard.press("Enter"));
    const renamed = grid.getByRole("row").filter({ hasText: `${titles[2]} (dry run)` });
    await expect(renamed).toBeVisible();

    // Typing on a cell starts editing it; Tab saves and moves right.
    await page.keyboard.press("ArrowRight");
    await page.keyboard.type("c"); // the first category starting with C: Configuration
    await saved(page, "plan.task.update", () => page.keyboard.press("Tab"));
    await page.keyboard.type("i"); // status: In progress
    await saved(page, "plan.task.update", () => page.keyboard.press("Enter"));
    await expect(renamed).toContainText("Configuration");
    await expect(renamed).toContainText("In progress");
    for (let i = 0; i < 4; i++) await page.keyboard.press("ArrowRight"); // → duration
    await page.keyboard.type("3");
    await saved(page, "plan.task.update", () => page.keyboard.press("Enter"));
    await expect(renamed.getByRole("gridcell").nth(7)).toHaveText("3");

    // The matrix: both parties accountable breaks the rule, in place; fixing it clears it.
    await projectSections(page).getByRole("link", { name: "Responsibilities" }).click();
    const matrix = page.getByRole("grid", { name: "Responsibility matrix of ACME-CRM" });
    await expect(matrix).toBeVisible();
    await page.getByRole("searchbox", { name: "Search tasks" }).fill(id);
    const row = matrix.getByRole("row").filter({ hasText: titles[0] });
    const ipm = row.getByRole("gridcell", { name: /^IPM:/ });
    const pm = row.getByRole("gridcell", { name: /^PM:/ });
    // New planning tasks take the playbook's split: the PM accountable, the IPM responsible.
    await expect(ipm).toHaveAccessibleName("IPM: Responsible");
    await expect(pm).toHaveAccessibleName("PM: Accountable");
    await expect(row).not.toContainText("accountable");

    await ipm.focus();
    await saved(page, "plan.task.update", () => page.keyboard.press("a"));
    await expect(ipm).toHaveAccessibleName("IPM: Accountable");
    await expect(row).toContainText("Only one party may be accountable; IPM and PM are");
    await expect(row).toContainText("Nobody is responsible (R)");
    await page.keyboard.press("ArrowRight");
    await expect(pm).toBeFocused();
    await saved(page, "plan.task.update", () => page.keyboard.press("r"));
    await expect(pm).toHaveAccessibleName("PM: Responsible");
    await expect(row).not.toContainText("Only one party");
    await expect(row).not.toContainText("Nobody is");

    // A click cycles the letter: R → A → A/R …; Shift+A sets A/R directly.
    const second = matrix.getByRole("row").filter({ hasText: titles[1] });
    await saved(page, "plan.task.update", () =>
      second.getByRole("gridcell", { name: /^IPM:/ }).click(),
    );
    await expect(second.getByRole("gridcell", { name: /^IPM:/ })).toHaveAccessibleName(
      "IPM: Accountable",
    );
    await saved(page, "plan.task.update", () => page.keyboard.press("Shift+A"));
    await expect(second.getByRole("gridcell", { name: /^IPM:/ })).toHaveAccessibleName(
      "IPM: Accountable and responsible",
    );

    // The same letters after a reload.
    await page.reload();
    await expect(matrix).toBeVisible();
    await expect(ipm).toHaveAccessibleName("IPM: Accountable");
    await expect(pm).toHaveAccessibleName("PM: Responsible");
    await expect(second.getByRole("gridcell", { name: /^IPM:/ })).toHaveAccessibleName(
      "IPM: Accountable and responsible",
    );
    await expect(page.getByRole("table", { name: "Responsibility counts by phase" })).toContainText(
      phase,
    );
  });

  test("a stakeholder sees the plan read-only and never an internal-only task", async ({
    page,
  }) => {
    const id = uniqueId();
    const open = `Customer sign-off pack ${id}`;
    const internal = `Margin review ${id}`;

    await signIn(page, "ipm@rollout.demo");
    const grid = await openPlan(page, "ACME-CRM");
    const add = grid.getByRole("textbox", { name: "New task in Discovery" });
    await add.click();
    for (const title of [open, internal]) {
      await page.keyboard.type(title);
      await page.keyboard.press("Enter");
      await expect(grid.getByRole("row").filter({ hasText: title })).toBeVisible();
    }
    // Shift+Enter opens a task's details; mark it internal only.
    await grid.getByRole("row").filter({ hasText: internal }).getByRole("gridcell").nth(1).click();
    await page.keyboard.press("Shift+Enter");
    const drawer = page.getByRole("dialog", { name: internal });
    await expect(drawer).toBeVisible();
    await drawer.getByRole("switch", { name: "Internal only" }).check();
    await drawer.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByText(`“${internal}” is up to date.`)).toBeVisible();
    await expect(drawer.getByText("Internal only", { exact: true }).first()).toBeVisible();
    await page.keyboard.press("Escape");
    await signOut(page);

    await signIn(page, "stakeholder@rollout.demo");
    const readOnly = await openPlan(page, "ACME-CRM");
    await expect(readOnly).toHaveAttribute("aria-readonly", "true");
    await page.getByRole("searchbox", { name: "Search tasks" }).fill(id);
    await expect(page.getByText("Showing 1 of")).toBeVisible();
    const row = readOnly.getByRole("row").filter({ hasText: open });
    await expect(row).toBeVisible();
    await expect(readOnly.getByRole("row").filter({ hasText: internal })).toHaveCount(0);
    // No add rows, no checkboxes, no editors, no phase menus.
    await expect(readOnly.getByRole("textbox")).toHaveCount(0);
    await expect(readOnly.getByRole("checkbox")).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Add phase" })).toHaveCount(0);
    await expect(readOnly.getByRole("button", { name: /^Actions for phase/ })).toHaveCount(0);
    const title = row.getByRole("gridcell").first();
    await title.click();
    await page.keyboard.press("Enter");
    await page.keyboard.type("x");
    await expect(readOnly.getByRole("textbox")).toHaveCount(0);
    await expect(title).toHaveAttribute("aria-readonly", "true");
    // The details are facts, not a form.
    await page.keyboard.press("Shift+Enter");
    const facts = page.getByRole("dialog", { name: open });
    await expect(facts).toBeVisible();
    await expect(facts.getByRole("form")).toHaveCount(0);
    await expect(facts.getByRole("button", { name: /save/i })).toHaveCount(0);
  });

  test("a PM changes three tasks at once, deletes them and undoes it", async ({ page }) => {
    const id = uniqueId();
    const titles = [`Label pallets ${id}`, `Scan test batch ${id}`, `Print shelf tags ${id}`];

    await signIn(page, "pm@rollout.demo");
    const grid = await openPlan(page, "NW-WMS");
    const add = grid.getByRole("textbox", { name: /^New task in / }).first();
    await add.click();
    for (const title of titles) {
      await page.keyboard.type(title);
      await page.keyboard.press("Enter");
      await expect(grid.getByRole("row").filter({ hasText: title })).toBeVisible();
    }
    await page.getByRole("searchbox", { name: "Search tasks" }).fill(id);
    await expect(page.getByText("Showing 3 of")).toBeVisible();

    // Click the first, Shift+click the last: the three are selected.
    await grid.getByRole("checkbox", { name: `Select ${titles[0]}` }).click();
    await grid
      .getByRole("checkbox", { name: `Select ${titles[2]}` })
      .click({ modifiers: ["Shift"] });
    const bar = page.getByRole("region", { name: "Change the selected tasks" });
    await expect(bar).toContainText("3 selected");

    await bar
      .getByRole("combobox", { name: "Set status of the selected tasks" })
      .selectOption("done");
    await expect(page.getByText("3 tasks changed")).toBeVisible();
    for (const title of titles) {
      await expect(grid.getByRole("row").filter({ hasText: title })).toContainText("Done");
    }

    await bar.getByRole("button", { name: "Delete" }).click();
    await expect(page.getByText("3 tasks deleted.")).toBeVisible();
    await expect(page.getByText("No tasks match these filters")).toBeVisible();
    await page.getByRole("button", { name: "Undo" }).click();
    await expect(page.getByText("3 tasks are back in the plan.")).toBeVisible();
    for (const title of titles) {
      await expect(grid.getByRole("row").filter({ hasText: title })).toContainText("Done");
    }
  });

  test("a link that would close a cycle is refused, naming the tasks", async ({ page }) => {
    await signIn(page, "ipm@rollout.demo");
    const grid = await openPlan(page, "NW-WMS");
    // The demo's tasks are chained: the second waits for the first.
    const first = grid.getByRole("row").nth(2);
    const firstTitle = ((await first.getByRole("gridcell").nth(1).textContent()) ?? "").trim();
    await first.getByRole("button", { name: /^Open details of/ }).click();
    const drawer = page.getByRole("dialog", { name: firstTitle });
    // The drawer slides in: click the tab until it is the selected one.
    const tab = drawer.getByRole("tab", { name: "Dependencies" });
    await expect(async () => {
      await tab.click();
      await expect(tab).toHaveAttribute("aria-selected", "true", { timeout: 500 });
    }).toPass();
    const successor = drawer.getByRole("table", { name: "Waiting for this task (successors)" });
    const next = ((await successor.getByRole("button").first().textContent()) ?? "").trim();

    await drawer.getByText("This task waits for…").click();
    await drawer.getByLabel("Task", { exact: true }).fill(next);
    await page
      .getByRole("option", { name: new RegExp(`^${escapeRegExp(next)}`) })
      .first()
      .click();
    await drawer.getByRole("button", { name: "Add link" }).click();
    const error = drawer.getByRole("alert").filter({ hasText: /loop|cycle/i });
    await expect(error).toBeVisible();
    await expect(error).toContainText(firstTitle);
  });

  test("my work lists the signed-in person's open tasks, by when they are due", async ({
    page,
  }) => {
    await signIn(page, "ipm@rollout.demo");
    await page
      .getByRole("navigation", { name: "Main navigation" })
      .getByRole("link", { name: "My work" })
      .click();
    await expect(page.getByRole("heading", { name: "My work" })).toBeVisible();
    const firstGroup = page.getByRole("region").first();
    await expect(firstGroup.getByRole("heading")).toHaveText(/Overdue|This week|Later|No due date/);
    await expect(page.getByText("Assigned to you").first()).toBeVisible();
    await expect(firstGroup.getByRole("link").first()).toHaveText(/ACME-CRM|NW-WMS|STM-EHR/);
  });
});

import { expect, type Page, test } from "@playwright/test";
import { projectSections, signIn, signOut } from "./helpers.ts";

/** Opens ACME-CRM (the demo project in build) at one of its sections. */
async function openAcme(page: Page, section: "Gantt" | "Milestones") {
  await page
    .getByRole("table", { name: "Projects" })
    .getByRole("link", { name: "ACME-CRM" })
    .click();
  await projectSections(page).getByRole("link", { name: section }).click();
}

/** Scrolls the Gantt to a task (by its exact title) and returns its bar. */
async function revealTask(page: Page, title: string) {
  await page.getByRole("combobox", { name: "Go to task" }).fill(title);
  await page.getByRole("option", { name: title, exact: true }).click();
  const row = page.locator("[data-task-row]").filter({ hasText: new RegExp(`^${title}`) });
  const id = await row.getAttribute("data-task-row");
  return page.locator(`rect.gantt-bar[data-task-id="${id}"]`);
}

function addCalendarDays(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

test.describe("the schedule", () => {
  test("an IPM drags a task on the Gantt, sees what moves, saves, and sees the baseline variance", async ({
    page,
  }) => {
    await signIn(page, "ipm@rollout.demo");
    await openAcme(page, "Gantt");

    const bar = await revealTask(page, "Trial migration 1");
    await expect(bar).toBeVisible();
    const before = await bar.getAttribute("data-start");
    expect(before).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    // One week to the right at the week zoom (9 px a day): the same weekday, 5 working days on.
    const box = await bar.boundingBox();
    if (!box) throw new Error("the bar has no box");
    const y = box.y + box.height / 2;
    await page.mouse.move(box.x + box.width / 2, y);
    await page.mouse.down();
    for (let step = 1; step <= 7; step++)
      await page.mouse.move(box.x + box.width / 2 + step * 9, y);
    await page.mouse.up();

    const dialog = page.getByRole("dialog", { name: "Save this change?" });
    await expect(dialog.getByText(/^Moves \d+ tasks/)).toBeVisible();
    await expect(
      dialog
        .getByRole("list", { name: "Tasks that move" })
        .getByText("Reconcile trial migration 1"),
    ).toBeVisible();
    await expect(
      dialog
        .getByRole("list", { name: "Milestones that move" })
        .getByText(/Go-live.*\+5 working days/),
    ).toBeVisible();
    await dialog.getByRole("button", { name: "Save" }).click();
    await expect(dialog).toBeHidden();

    await page.reload();
    const moved = await revealTask(page, "Trial migration 1");
    await expect(moved).toHaveAttribute("data-start", addCalendarDays(before as string, 7));

    // The go-live now sits further from the contract plan, in working days.
    await projectSections(page).getByRole("link", { name: "Milestones" }).click();
    await page.getByRole("button", { name: "Compare with Contract plan" }).click();
    const goLive = page
      .getByRole("table", { name: "Milestone variance against Contract plan" })
      .getByRole("row")
      .filter({ hasText: "Go-live" });
    await expect(goLive).toContainText(/\+\d+ wd/);
    const variance = Number(((await goLive.textContent()) ?? "").match(/\+(\d+) wd/)?.[1]);
    expect(variance).toBeGreaterThanOrEqual(5);
  });

  test("a stakeholder sees the Gantt read-only and signs off the go-live gate once", async ({
    page,
  }) => {
    await signIn(page, "stakeholder@rollout.demo");
    await openAcme(page, "Gantt");
    await expect(page.locator("rect.gantt-bar").first()).toBeVisible();
    await expect(page.locator("rect.gantt-bar-editable")).toHaveCount(0);
    await expect(page.locator("[data-drag-handle]")).toHaveCount(0);

    await projectSections(page).getByRole("link", { name: "Milestones" }).click();
    const signOff = page.getByRole("form", { name: "Sign off Go-live" });
    await signOff.getByRole("textbox", { name: "Comment (optional)" }).fill("Ready from our side");
    await signOff.getByRole("button", { name: "Sign off" }).click();
    const signers = page.getByRole("list", { name: "Sign-offs" });
    await expect(signers.getByText("Signed", { exact: true })).toBeVisible();
    await expect(signers.getByText(/Ready from our side/)).toBeVisible();
    await expect(page.getByRole("button", { name: "Sign off" })).toHaveCount(0);

    await page.reload();
    await expect(signers.getByText("Signed", { exact: true })).toBeVisible();
    await expect(page.getByRole("button", { name: "Sign off" })).toHaveCount(0);
  });

  test("a gate with unmet criteria is refused to an IPM and achieved by a PM with a reason", async ({
    page,
  }) => {
    await signIn(page, "ipm@rollout.demo");
    await openAcme(page, "Milestones");
    await page.getByRole("button", { name: "Mark achieved" }).click();
    await page
      .getByRole("form", { name: "Mark Go-live achieved" })
      .getByRole("button", { name: "Mark achieved" })
      .click();
    await expect(page.getByRole("alert").filter({ hasText: "Not achieved" })).toContainText(
      /required criteria are not met/,
    );
    await expect(page.getByRole("button", { name: "Achieve anyway" })).toHaveCount(0);

    await signOut(page);
    await signIn(page, "pm@rollout.demo");
    await openAcme(page, "Milestones");
    await page.getByRole("button", { name: "Mark achieved" }).click();
    await page
      .getByRole("form", { name: "Mark Go-live achieved" })
      .getByRole("button", { name: "Mark achieved" })
      .click();
    const anyway = page.getByRole("form", { name: "Achieve anyway" });
    await anyway.getByRole("button", { name: "Achieve anyway" }).click();
    await expect(anyway.getByText("Say why")).toBeVisible();
    await anyway
      .getByRole("textbox", { name: "Reason to achieve it anyway" })
      .fill("Steering committee accepted the open items with a hypercare plan");
    await anyway.getByRole("button", { name: "Achieve anyway" }).click();
    await expect(
      page
        .getByRole("table", { name: "Milestones" })
        .getByRole("row")
        .filter({ hasText: "Go-live" }),
    ).toContainText("Achieved");
  });
});

import { expect, type Page, test } from "@playwright/test";
import { projectSections, signIn, uniqueId } from "./helpers.ts";

/** Opens ACME-CRM's stakeholder page at one of its sections (tabs). */
async function openStakeholders(page: Page, tab?: "Power / interest" | "Communication plan") {
  await page
    .getByRole("table", { name: "Projects" })
    .getByRole("link", { name: "ACME-CRM" })
    .click();
  await projectSections(page).getByRole("link", { name: "Stakeholders" }).click();
  if (tab) await page.getByRole("tab", { name: new RegExp(`^${tab}`) }).click();
}

function cell(page: Page, power: number, interest: number) {
  return page.getByRole("group", { name: `Power ${power}, interest ${interest}`, exact: true });
}

function addCalendarDays(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

test.describe("stakeholders", () => {
  test("a PM adds someone to monitor, drags them to manage closely, and the move is kept", async ({
    page,
  }) => {
    const name = `Pat Example ${uniqueId()}`;
    await signIn(page, "pm@rollout.demo");
    await openStakeholders(page, "Power / interest");

    await page.getByRole("button", { name: "New stakeholder" }).click();
    const form = page.getByRole("form", { name: "New stakeholder" });
    await form.getByRole("textbox", { name: "Name" }).fill(name);
    await form.getByRole("textbox", { name: "Title" }).fill("Regional manager");
    await form.getByRole("combobox", { name: "Power" }).selectOption("1");
    await form.getByRole("combobox", { name: "Interest" }).selectOption("2");
    await expect(form.getByText("Monitor", { exact: true })).toBeVisible();
    await form.getByRole("button", { name: "Add stakeholder" }).click();
    await expect(form).toBeHidden();

    const chip = cell(page, 1, 2).getByRole("button", { name, exact: true });
    await expect(chip).toBeVisible();

    // Drag with the mouse, in steps, from monitor (1, 2) to manage closely (4, 4).
    await page
      .getByRole("group", { name: "Power/interest grid" })
      .evaluate((grid) => grid.scrollIntoView({ block: "center" }));
    const from = await chip.boundingBox();
    const to = await cell(page, 4, 4).boundingBox();
    if (!from || !to) throw new Error("the chip or the cell has no box");
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    const steps = 8;
    for (let i = 1; i <= steps; i++) {
      const x =
        from.x + from.width / 2 + ((to.x + to.width / 2 - (from.x + from.width / 2)) * i) / steps;
      const y =
        from.y +
        from.height / 2 +
        ((to.y + to.height / 2 - (from.y + from.height / 2)) * i) / steps;
      await page.mouse.move(x, y);
    }
    // Hover on the target as a person would until it shows the drop (on a busy machine the
    // last move can land before the grid has measured the drag).
    const [tx, ty] = [to.x + to.width / 2, to.y + to.height / 2];
    await expect(async () => {
      await page.mouse.move(tx + 2, ty + 2);
      await page.mouse.move(tx, ty);
      await expect(cell(page, 4, 4)).toHaveAttribute("data-over", "true", { timeout: 1000 });
    }).toPass({ timeout: 10_000 });
    await page.mouse.up();

    await expect(cell(page, 4, 4).getByRole("button", { name, exact: true })).toBeVisible();
    await expect(cell(page, 1, 2).getByRole("button", { name, exact: true })).toHaveCount(0);
    // Only one drop: the click after the drag did not open the drawer.
    await expect(page.getByRole("dialog")).toHaveCount(0);

    // The register agrees, and so does a fresh load.
    await page.getByRole("tab", { name: /^Register/ }).click();
    const row = page
      .getByRole("table", { name: "Stakeholder register" })
      .getByRole("row")
      .filter({ hasText: name });
    await expect(row).toContainText("Manage closely");
    await page.reload();
    await page.getByRole("tab", { name: "Power / interest" }).click();
    await expect(cell(page, 4, 4).getByRole("button", { name, exact: true })).toBeVisible();

    // The keyboard does the same: arrows move the chip, Escape puts it back, Enter saves.
    const keyChip = cell(page, 4, 4).getByRole("button", { name, exact: true });
    await keyChip.focus();
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    await expect(cell(page, 2, 4).getByRole("button", { name, exact: true })).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(cell(page, 4, 4).getByRole("button", { name, exact: true })).toBeFocused();
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("Enter");
    await expect(page.getByText(`Saved: ${name} is now at power 5, interest 4`)).toBeAttached();
    await page.reload();
    await page.getByRole("tab", { name: "Power / interest" }).click();
    await expect(cell(page, 5, 4).getByRole("button", { name, exact: true })).toBeVisible();
  });

  test("a PM plans a communication and marks it done: the next due date moves on", async ({
    page,
  }) => {
    const purpose = `Weekly digest ${uniqueId()}`;
    await signIn(page, "pm@rollout.demo");
    await openStakeholders(page, "Communication plan");

    await page.getByRole("button", { name: "New communication" }).click();
    const form = page.getByRole("form", { name: "New communication" });
    await form.getByRole("textbox", { name: "Purpose" }).fill(purpose);
    await form.getByRole("combobox", { name: "Channel" }).fill("Ema");
    await page.getByRole("option", { name: "Email" }).click();
    await form.getByRole("combobox", { name: "Frequency" }).selectOption("weekly");
    const due = await form.getByLabel("Next due").inputValue();
    expect(due).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await form.getByRole("button", { name: "Add communication" }).click();
    await expect(form).toBeHidden();

    const row = page
      .getByRole("table", { name: "Communication plan" })
      .getByRole("row")
      .filter({ hasText: purpose });
    await expect(row).toContainText("Due today");
    await expect(row.locator(`time[datetime="${due}"]`)).toBeVisible();

    await row.getByRole("button", { name: `Mark “${purpose}” done` }).click();
    await expect(page.getByText(`“${purpose}” is next due`)).toBeVisible();
    const next = addCalendarDays(due, 7);
    await expect(row.locator(`time[datetime="${next}"]`)).toBeVisible();
    await expect(row).toContainText("in 7 days");
    // Last done: today.
    await expect(row.locator(`time[datetime="${due}"]`)).toBeVisible();
  });

  test("a stakeholder cannot see the register", async ({ page }) => {
    await signIn(page, "stakeholder@rollout.demo");
    await page
      .getByRole("table", { name: "Projects" })
      .getByRole("link", { name: "ACME-CRM" })
      .click();
    // No tab leads there; the address still answers with a plain explanation.
    await expect(projectSections(page).getByRole("link", { name: "Overview" })).toBeVisible();
    await expect(projectSections(page).getByRole("link", { name: "Stakeholders" })).toHaveCount(0);
    const overview = new URL(page.url());
    await page.goto(`${overview.pathname.replace(/\/$/, "")}/stakeholders`);
    await expect(
      page.getByText("The stakeholder register is not available to stakeholders"),
    ).toBeVisible();
    await expect(page.getByRole("table")).toHaveCount(0);
    await expect(page.getByRole("tab")).toHaveCount(0);
  });
});

import { expect, type Page, test } from "@playwright/test";
import { projectSections, signIn, uniqueId } from "./helpers.ts";

/** Opens the RAID log of ACME-CRM (the demo project in build). */
async function openRaid(page: Page) {
  await page
    .getByRole("table", { name: "Projects" })
    .getByRole("link", { name: "ACME-CRM" })
    .click();
  await projectSections(page).getByRole("link", { name: "RAID" }).click();
  await expect(page.getByRole("heading", { name: "RAID log" })).toBeVisible();
}

/** One heat-map cell (a button), found by probability and impact. */
function heatCell(page: Page, probability: number, impact: number) {
  return page.getByTestId("risk-heat-map").locator(`[data-cell="${probability}-${impact}"]`);
}

async function cellCount(page: Page, probability: number, impact: number): Promise<number> {
  const cell = heatCell(page, probability, impact);
  await expect(cell).toBeVisible();
  return Number(await cell.getAttribute("data-count"));
}

/** Chooses a 1–5 rating in the form's radio group of that exact name. */
async function rate(page: Page, group: string, value: number) {
  await page
    .getByRole("radiogroup", { name: group, exact: true })
    .getByText(String(value), { exact: true })
    .click();
}

test.describe("the RAID log", () => {
  test("an IPM adds a critical risk, sees it on the heat map, edits it, and a bad import writes nothing", async ({
    page,
  }) => {
    const id = uniqueId();
    const title = `Payment gateway certificate expires ${id}`;
    await signIn(page, "ipm@rollout.demo");
    await openRaid(page);
    const before = await cellCount(page, 4, 5);

    await page.getByRole("button", { name: "New risk" }).click();
    const form = page.getByRole("form", { name: "New risk" });
    await form.getByRole("textbox", { name: "Title" }).fill(title);
    await rate(page, "Probability", 4);
    await rate(page, "Impact", 5);
    await expect(form.getByText("Critical · 20")).toBeVisible();
    await form.getByRole("button", { name: "Add risk" }).click();
    await expect(form).toBeHidden();

    // The map counts it at P4 × I5, and the table bands it Critical.
    await expect(heatCell(page, 4, 5)).toHaveAttribute("data-count", String(before + 1));
    await expect(heatCell(page, 4, 5)).toHaveAccessibleName(
      new RegExp(`^Probability 4, impact 5: ${before + 1} risks?`),
    );
    const risks = page.getByRole("table", { name: "Risks of ACME-CRM" });
    const row = risks.getByRole("row").filter({ hasText: title });
    await expect(row).toContainText(/Critical · 20/i);

    // Choosing the cell lists only its risks; choosing it again lists them all.
    await heatCell(page, 4, 5).click();
    await expect(risks.getByRole("row")).toHaveCount(before + 2);
    await heatCell(page, 4, 5).click();
    await expect(page).not.toHaveURL(/cell=/);

    await page.reload();
    await expect(row).toContainText(/Critical · 20/i);
    await expect(heatCell(page, 4, 5)).toHaveAttribute("data-count", String(before + 1));

    // Lower its impact: the score history gains a point.
    await row.getByRole("button", { name: new RegExp(`^Open R-\\d+: ${title}`) }).click();
    const edit = page.getByRole("form", { name: /^Edit R-\d+$/ });
    await rate(page, "Impact", 3);
    await expect(edit.getByText("High · 12")).toBeVisible();
    await edit.getByRole("button", { name: "Save changes" }).click();
    const history = page.getByRole("table", { name: "Score history" });
    await expect(history.locator("tbody tr")).toHaveCount(2);
    await expect(history.locator("tbody tr").first()).toContainText("4 × 3");
    await expect(history.locator("tbody tr").last()).toContainText("4 × 5");
    await page.keyboard.press("Escape");
    await expect(row).toContainText(/High · 12/i);
    await expect(heatCell(page, 4, 5)).toHaveAttribute("data-count", String(before));

    // An import with one bad row shows the row's problem and writes nothing.
    await page.getByRole("button", { name: "Import CSV" }).click();
    const dialog = page.getByRole("dialog", { name: "Import RAID items from CSV" });
    await dialog.locator('input[type="file"]').setInputFiles({
      name: "raid.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(
        `Kind,Title,Probability,Impact\r\nRisk,Imported fine ${id},2,3\r\nRisk,Imported badly ${id},7,3\r\n`,
      ),
    });
    const problems = dialog.getByRole("table", { name: "Rows with problems" });
    await expect(problems.getByRole("row").filter({ hasText: "Probability" })).toContainText(
      /3\s*Probability\s*"7" is not a rating/,
    );
    await expect(dialog.getByText(/nothing will be imported/)).toBeVisible();
    await expect(dialog.getByRole("button", { name: /^Import/ })).toBeDisabled();
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await page.getByRole("searchbox", { name: "Search risks" }).fill(id);
    await expect(risks.locator("tbody tr")).toHaveCount(1);
    await expect(risks).toContainText(title);
  });

  test("a stakeholder reads the log and the heat map, with no way to change them", async ({
    page,
  }) => {
    await signIn(page, "stakeholder@rollout.demo");
    await openRaid(page);
    await expect(page.getByTestId("risk-heat-map")).toBeVisible();
    await expect(page.getByRole("button", { name: "New risk" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Import CSV" })).toHaveCount(0);

    await page
      .getByRole("table", { name: "Risks of ACME-CRM" })
      .getByRole("button", { name: /^Open R-\d+:/ })
      .first()
      .click();
    const drawer = page.getByRole("dialog");
    await expect(drawer.getByRole("table", { name: "Details" })).toBeVisible();
    await expect(drawer.getByRole("form")).toHaveCount(0);
    await expect(drawer.getByRole("button", { name: "Delete" })).toHaveCount(0);
    await expect(drawer.getByRole("button", { name: "Risk occurred…" })).toHaveCount(0);
  });
});

import { readFile } from "node:fs/promises";
import { expect, type Page, test } from "@playwright/test";
import { projectSections, signIn, uniqueId } from "./helpers.ts";

/** What the demo keeps from outsiders: an internal-only risk and an internal task. */
const INTERNAL_ONLY = ["Integration partner days overrun the budget", "Vendor licence order"];

async function openReports(page: Page) {
  await page
    .getByRole("table", { name: "Projects" })
    .getByRole("link", { name: "ACME-CRM" })
    .click();
  await projectSections(page).getByRole("link", { name: "Reports" }).click();
  await expect(page.getByRole("heading", { name: "Status reports" })).toBeVisible();
}

/** Monday–Friday of the last full working week, as the New report dialog proposes it. */
function lastWeek(): { start: string; end: string } {
  const now = new Date();
  const today = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
  const weekday = new Date(today).getUTCDay();
  const end = today - (((weekday + 1) % 7) + 1) * 86_400_000;
  const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
  return { start: iso(end - 4 * 86_400_000), end: iso(end) };
}

test.describe("status reports and share links", () => {
  test("a PM writes and publishes a report, downloads its PDF, shares the project and revokes the link", async ({
    page,
    browser,
  }) => {
    const id = uniqueId();
    const summary = `Data migration rehearsal passed; UAT starts Monday (${id}).`;
    await signIn(page, "pm@rollout.demo");
    await openReports(page);

    // A draft for last week, pre-filled from the project.
    await page.getByRole("button", { name: "New report" }).click();
    const create = page.getByRole("form", { name: "New status report" });
    const week = lastWeek();
    await expect(create.getByLabel("Period start")).toHaveValue(week.start);
    await expect(create.getByLabel("Period end")).toHaveValue(week.end);
    await create.getByRole("button", { name: "Create draft" }).click();
    const editor = page.getByRole("form", { name: /^Edit report \d+$/ });
    await expect(editor).toBeVisible();
    const number = (
      (await page.getByRole("heading", { name: /^Status report \d+$/ }).textContent()) ?? ""
    ).replace(/\D/g, "");

    await editor.getByRole("textbox", { name: "Summary" }).fill(summary);
    await editor.getByRole("button", { name: "Save changes" }).click();
    await expect(editor.getByText("All changes saved")).toBeVisible();

    // Publishing asks first, then freezes it: no form, no save, the text as written.
    await page.getByRole("button", { name: "Publish…" }).click();
    const confirm = page.getByRole("dialog", { name: `Publish report ${number}?` });
    await expect(confirm).toContainText("freezes the report");
    await confirm.getByRole("button", { name: "Publish and freeze" }).click();
    await expect(page.getByText("Published reports never change")).toBeVisible();
    await expect(editor).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Save changes" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Publish…" })).toHaveCount(0);
    const document = page.getByRole("article", { name: `Status report ${number}` });
    await expect(document.getByText(summary)).toBeVisible();

    // The PDF is a real one, saved under the report's name.
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download PDF" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`ACME-CRM-status-report-${number}.pdf`);
    const pdf = await readFile(await download.path());
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(pdf.toString("latin1")).toMatch(/\/Type\s*\/Page\b/);

    // Back to the list, which exports as CSV: every report listed, its colours in words.
    await page.getByRole("button", { name: "All reports" }).click();
    await expect(page.getByRole("table", { name: "Status reports" })).toContainText(
      `No. ${number}`,
    );
    const [csv] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Export CSV of the status reports" }).click(),
    ]);
    expect(csv.suggestedFilename()).toBe("ACME-CRM-status-reports.csv");
    const csvText = await readFile(await csv.path(), "utf8");
    expect(csvText).toContain(
      "Report,Period start,Period end,Overall,Schedule,Budget,Scope,Risk,Status,Published at,Published by\r\n",
    );
    expect(csvText).toMatch(
      new RegExp(
        `\\r\\n${number},${week.start},${week.end}(,(Green|Amber|Red)){5},Published,\\d{4}-\\d{2}-\\d{2}T[^,]+,Priya Patel\\r\\n`,
      ),
    );

    // A share link, shown once.
    const label = `Steering committee ${id}`;
    await page.getByRole("button", { name: "New share link" }).click();
    const share = page.getByRole("form", { name: "New share link" });
    await share.getByRole("textbox", { name: "Who it is for" }).fill(label);
    await share.getByRole("button", { name: "Create link" }).click();
    await expect(page.getByText("Copy it now: it is not shown again")).toBeVisible();
    const url = await page.getByTestId("share-url").inputValue();
    expect(url).toMatch(/\/share\/[A-Za-z0-9_-]{20,}$/);
    await page.getByRole("button", { name: "Done" }).click();

    // Signed out, in a fresh browser: the project and the published report, nothing internal.
    const outside = await browser.newContext();
    const reader = await outside.newPage();
    await reader.goto(new URL(url).pathname);
    await expect(
      reader.getByRole("heading", { level: 1, name: "ACME Corp CRM go-live" }),
    ).toBeVisible();
    const reports = reader.getByTestId("sv-reports");
    await expect(reports.getByText(`Report ${number}`, { exact: true })).toBeVisible();
    await expect(reports.getByText(summary)).toBeVisible();
    await expect(reader.getByRole("button", { name: "Download PDF" })).toHaveCount(0);
    await expect(reader.getByRole("navigation")).toHaveCount(0);
    // The whole document, collapsed reports included.
    const text = (await reader.locator("body").textContent()) ?? "";
    for (const internal of INTERNAL_ONLY) expect(text).not.toContain(internal);

    // Revoked: the same address now explains itself, without an error page.
    const row = page.getByRole("table", { name: "Share links" }).getByRole("row", { name: label });
    await row.getByRole("button", { name: `Revoke the link for ${label}` }).click();
    await page
      .getByRole("dialog", { name: `Revoke the link for “${label}”?` })
      .getByRole("button", { name: "Revoke link" })
      .click();
    await expect(row).toContainText("Revoked");
    await reader.reload();
    await expect(
      reader.getByText(
        "This link has expired or was revoked. Ask the project manager for a new one.",
      ),
    ).toBeVisible();
    await expect(reader.getByTestId("stakeholder-view")).toHaveCount(0);
    await outside.close();
  });
});

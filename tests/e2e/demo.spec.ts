import { expect, type Page, test } from "@playwright/test";
import { portfolioKeys, projectSections, signIn, uniqueId } from "./helpers.ts";

async function openProject(page: Page, key: string) {
  await page.getByRole("table", { name: "Projects" }).getByRole("link", { name: key }).click();
  await expect(projectSections(page)).toBeVisible();
}

test.describe("the demo organisation", () => {
  test("a PM sorts and filters the portfolio, then renames a project", async ({ page }) => {
    await signIn(page, "pm@rollout.demo");
    await expect(page.getByRole("table", { name: "Projects" })).toBeVisible();

    // Default: soonest go-live first (the closed project's date is in the past).
    await expect.poll(() => portfolioKeys(page)).toEqual(["STM-EHR", "NW-WMS", "ACME-CRM"]);
    const target = page.getByRole("columnheader", { name: /^Go-live/ });
    await expect(target).toHaveAttribute("aria-sort", "ascending");

    await target.getByRole("button").click();
    await expect(target).toHaveAttribute("aria-sort", "descending");
    await expect.poll(() => portfolioKeys(page)).toEqual(["ACME-CRM", "NW-WMS", "STM-EHR"]);
    await expect(page).toHaveURL(/desc=true/);

    const keyHeader = page.getByRole("columnheader", { name: /^Key/ });
    await keyHeader.getByRole("button").click();
    await expect(keyHeader).toHaveAttribute("aria-sort", "ascending");
    await expect(target).toHaveAttribute("aria-sort", "none");
    await expect.poll(() => portfolioKeys(page)).toEqual(["ACME-CRM", "NW-WMS", "STM-EHR"]);

    // Filters live in the URL and survive a reload.
    await page.getByLabel("Stage").selectOption("build");
    await expect(page).toHaveURL(/stage=build/);
    await expect.poll(() => portfolioKeys(page)).toEqual(["ACME-CRM"]);
    await page.reload();
    await expect(page.getByLabel("Stage")).toHaveValue("build");
    await expect.poll(() => portfolioKeys(page)).toEqual(["ACME-CRM"]);
    await expect(page.getByText("Showing 1 of 3 projects")).toBeVisible();

    await page.getByLabel("Stage").selectOption("");
    await page
      .getByRole("searchbox", { name: "Search" })
      .pressSequentially("warehouse", { delay: 25 });
    await expect.poll(() => portfolioKeys(page)).toEqual(["NW-WMS"]);
    await page.getByRole("searchbox", { name: "Search" }).fill("no such project");
    await expect(page.getByText("No projects match these filters")).toBeVisible();
    await page.getByRole("button", { name: "Clear filters" }).click();
    await expect.poll(() => portfolioKeys(page)).toHaveLength(3);

    // Rename ACME-CRM from its Settings tab.
    await openProject(page, "ACME-CRM");
    await projectSections(page).getByRole("link", { name: "Settings" }).click();
    const name = page.getByRole("textbox", { name: "Name", exact: true });
    const newName = `ACME Corp CRM go-live, phase ${uniqueId()}`;
    await name.fill(newName);
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByRole("heading", { name: newName })).toBeVisible();
    await expect(page.getByText("ACME-CRM is up to date.")).toBeVisible();

    await projectSections(page).getByRole("link", { name: "Overview" }).click();
    await expect(page.getByText(`Name: ACME Corp CRM go-live → ${newName}`).first()).toBeVisible();
  });

  test("a save over someone else's change is refused and keeps what was typed", async ({
    page,
    context,
  }) => {
    await signIn(page, "pm@rollout.demo");
    await openProject(page, "NW-WMS");
    const settingsUrl = `${page.url()}/settings`;

    const other = await context.newPage();
    await other.goto(settingsUrl);
    await page.goto(settingsUrl);

    const mine = `Typed in the second tab ${uniqueId()}`;
    const theirs = `Saved in the first tab ${uniqueId()}`;
    await other.getByRole("textbox", { name: "Name", exact: true }).fill(mine);

    await page.getByRole("textbox", { name: "Name", exact: true }).fill(theirs);
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByRole("heading", { name: theirs })).toBeVisible();

    await other.getByRole("button", { name: "Save changes" }).click();
    await expect(
      other.getByRole("alert").filter({ hasText: "changed by someone else" }),
    ).toBeVisible();
    await expect(other.getByRole("textbox", { name: "Name", exact: true })).toHaveValue(mine);

    // Keeping the edits and saving again overwrites knowingly.
    await other.getByRole("button", { name: "Keep my edits" }).click();
    await expect(other.getByText("Your edits are kept")).toBeVisible();
    await expect(other.getByRole("textbox", { name: "Name", exact: true })).toHaveValue(mine);
    await other.getByRole("button", { name: "Save changes" }).click();
    await expect(other.getByRole("heading", { name: mine })).toBeVisible();

    // The first tab has no edits of its own: it follows the change live, without a reload,
    // so its next save builds on it instead of meeting a conflict.
    await expect(page.getByRole("textbox", { name: "Name", exact: true })).toHaveValue(mine);
    await page.getByRole("textbox", { name: "Customer" }).fill("Northwind Logistics GmbH");
    const saved = page.waitForResponse((r) => r.url().includes("/trpc/project.update"));
    await page.getByRole("button", { name: "Save changes" }).click();
    expect((await saved).status()).toBe(200);
    // Saved over the live version: after a reload both changes are there.
    await page.reload();
    await expect(page.getByRole("textbox", { name: "Customer" })).toHaveValue(
      "Northwind Logistics GmbH",
    );
    await expect(page.getByRole("textbox", { name: "Name", exact: true })).toHaveValue(mine);
  });

  test("a PM sets the health by hand, then archives and restores a project", async ({ page }) => {
    await signIn(page, "pm@rollout.demo");
    await openProject(page, "STM-EHR");
    await projectSections(page).getByRole("link", { name: "Settings" }).click();

    const health = page.getByRole("form", { name: "Health override" });
    await health.getByRole("button", { name: "Set health" }).click();
    await expect(health.getByText("Say why")).toBeVisible();
    await health.getByLabel("Health").selectOption("red");
    await health
      .getByRole("textbox", { name: "Reason" })
      .fill("Benefits review overdue by a month");
    await health.getByRole("button", { name: "Set health" }).click();
    await expect(health.getByText("by Priya Patel")).toBeVisible();

    await projectSections(page).getByRole("link", { name: "Overview" }).click();
    await expect(
      page.getByText("Benefits review overdue by a month", { exact: true }),
    ).toBeVisible();
    await expect(page.getByText("Priya Patel set the health of the project")).toBeVisible();
    await expect(page.getByText("set by hand")).toBeVisible();

    await projectSections(page).getByRole("link", { name: "Settings" }).click();
    await page.getByRole("button", { name: "Archive project" }).click();
    await page
      .getByRole("dialog", { name: "Archive STM-EHR?" })
      .getByRole("button", { name: "Archive" })
      .click();
    await expect(page.getByText("Archived", { exact: true })).toBeVisible();

    await page
      .getByRole("navigation", { name: "Main navigation" })
      .getByRole("link", { name: "Portfolio" })
      .click();
    await expect(page.getByRole("table", { name: "Projects" })).toBeVisible();
    await expect.poll(() => portfolioKeys(page)).not.toContain("STM-EHR");
    await page.getByLabel("Include archived").check();
    await expect(page).toHaveURL(/archived=true/);
    await expect(
      page.getByRole("table", { name: "Projects" }).getByRole("link", { name: "STM-EHR" }),
    ).toBeVisible();

    await openProject(page, "STM-EHR");
    await projectSections(page).getByRole("link", { name: "Settings" }).click();
    await page.getByRole("button", { name: "Unarchive project" }).click();
    await page
      .getByRole("dialog", { name: "Restore STM-EHR?" })
      .getByRole("button", { name: "Restore" })
      .click();
    await expect(page.getByRole("button", { name: "Archive project" })).toBeVisible();
    await expect(page.getByText("Archived", { exact: true })).toHaveCount(0);
  });

  test("a stakeholder sees only ACME-CRM, read-only", async ({ page }) => {
    await signIn(page, "stakeholder@rollout.demo");
    await expect(page.getByRole("table", { name: "Projects" })).toBeVisible();
    await expect.poll(() => portfolioKeys(page)).toEqual(["ACME-CRM"]);
    await expect(page.getByRole("link", { name: "New project" })).toHaveCount(0);

    await openProject(page, "ACME-CRM");
    await expect(projectSections(page).getByRole("link", { name: "Settings" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: /save|archive|edit/i })).toHaveCount(0);
    // Their overview is the stakeholder view: progress, and the gate waiting for their sign-off.
    await expect(page.getByTestId("stakeholder-view")).toBeVisible();
    await expect(page.getByText("Your sign-off is requested")).toBeVisible();

    await projectSections(page).getByRole("link", { name: "Members" }).click();
    await expect(page.getByRole("table", { name: "Project members" })).toContainText("Sarah Stone");
    await expect(page.getByRole("form", { name: "Add a member" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: /^Remove/ })).toHaveCount(0);

    // Organisation settings: the member list, read-only; no invitations.
    await page
      .getByRole("navigation", { name: "Main navigation" })
      .getByRole("link", { name: "Settings" })
      .click();
    await expect(page.getByRole("table", { name: "Organisation members" })).toContainText(
      "Priya Patel",
    );
    await expect(page.getByRole("form", { name: "Invite someone" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: /^Remove/ })).toHaveCount(0);
  });
});

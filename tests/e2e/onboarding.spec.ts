import { expect, test } from "@playwright/test";
import { passwordInput, portfolioKeys, projectSections, signOut, uniqueId } from "./helpers.ts";

test("a new user sets up an organisation and a project, then invites a read-only stakeholder", async ({
  page,
  browser,
}) => {
  const id = uniqueId();
  const orgName = `Harbour Rollouts ${id}`;
  const key = `HB-${id
    .slice(-6)
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, "X")}`;
  const projectName = `Harbour ERP go-live ${id}`;
  const stakeholderEmail = `stakeholder+${id}@example.com`;

  // Sign up.
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill("Olivia Owner");
  await page.getByLabel("Email").fill(`owner+${id}@example.com`);
  await passwordInput(page).fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Use at least 8 characters")).toBeVisible();
  await passwordInput(page).fill("harbour-owner-password");
  await page.getByRole("button", { name: "Create account" }).click();

  // No organisation yet: create one; the address follows the name.
  await expect(page.getByRole("heading", { name: "Set up your organisation" })).toBeVisible();
  await page.getByLabel("Organisation name").fill(orgName);
  await expect(page.getByLabel("Short address")).toHaveValue(`harbour-rollouts-${id}`);
  await page.getByRole("button", { name: "Create organisation" }).click();

  // Empty portfolio, with the way forward.
  await expect(page.getByRole("heading", { name: "Portfolio" })).toBeVisible();
  await expect(page.getByText("No projects yet — create the first")).toBeVisible();
  await expect(
    page.getByRole("button", { name: `Organisation: ${orgName}. Switch organisation` }),
  ).toBeVisible();
  await page.getByRole("link", { name: "New project" }).first().click();

  // Create a project; the client checks with the API's own schema first.
  await expect(page.getByRole("heading", { name: "New project" })).toBeVisible();
  await page.getByRole("textbox", { name: "Key", exact: true }).fill(key);
  await page.getByRole("textbox", { name: "Customer" }).fill("Harbour Foods Ltd");
  await page.getByLabel("Kind").selectOption("process");
  await page.getByLabel("Stage").selectOption("planning");
  await page.getByLabel("Status").selectOption("active");
  await page.getByLabel("Start date").fill("2027-02-01");
  await page.getByLabel("Target go-live").fill("2027-01-15");
  await page.getByRole("button", { name: "Create project" }).click();
  await expect(page.getByText("Name is required")).toBeVisible();
  await expect(page.getByText("Target go-live cannot be before the start date")).toBeVisible();

  await page.getByRole("textbox", { name: "Name", exact: true }).fill(projectName);
  await page.getByLabel("Target go-live").fill("2027-06-30");
  await page.getByLabel("Actual go-live").fill("");
  await page.getByRole("textbox", { name: "Currency" }).fill("EUR");
  await page.getByRole("textbox", { name: "Planned budget" }).fill("250000.50");
  await page.getByRole("textbox", { name: "Actual cost" }).fill("1200");
  await page
    .getByRole("textbox", { name: "Objectives" })
    .fill("Replace paper picking lists.\nGo live before the summer peak.");
  await page.getByLabel("Implementation PM (IPM)").check();
  await page.getByRole("button", { name: "Create project" }).click();

  await expect(page.getByRole("heading", { name: projectName })).toBeVisible();
  await expect(page.getByText("Replace paper picking lists.")).toBeVisible();
  await expect(page.getByText("€250,000.50")).toBeVisible();

  // It is in the portfolio.
  await page
    .getByRole("navigation", { name: "Main navigation" })
    .getByRole("link", { name: "Portfolio" })
    .click();
  await expect(page.getByRole("table", { name: "Projects" })).toBeVisible();
  await expect.poll(() => portfolioKeys(page)).toEqual([key]);

  // Invite a stakeholder onto the project; the link is shown, there is no mail server.
  await page
    .getByRole("navigation", { name: "Main navigation" })
    .getByRole("link", { name: "Settings" })
    .click();
  await expect(page.getByRole("heading", { name: "Organisation settings" })).toBeVisible();
  const invite = page.getByRole("form", { name: "Invite someone" });
  await invite.getByLabel("Email").fill(stakeholderEmail);
  await invite.getByLabel("Organisation role").selectOption("member");
  await invite.getByLabel("Project (optional)").selectOption({ label: `${key} — ${projectName}` });
  await invite.getByLabel("Project role").selectOption("stakeholder");
  await invite.getByRole("button", { name: "Create invitation" }).click();
  await expect(page.getByText(`Invitation ready for ${stakeholderEmail}`)).toBeVisible();
  await expect(page.getByText("Rollout does not send email")).toBeVisible();
  const link = await page.getByLabel("Invitation link").inputValue();
  expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{20,}$/);
  await expect(page.getByRole("table", { name: "Pending invitations" })).toContainText(
    stakeholderEmail,
  );

  await signOut(page);

  // The stakeholder, in a browser of their own, opens the link and signs up.
  const context = await browser.newContext();
  const guest = await context.newPage();
  await guest.goto(link);
  await expect(guest.getByRole("heading", { name: `Join ${orgName}` })).toBeVisible();
  await expect(guest.getByText(projectName)).toBeVisible();
  await guest.getByRole("link", { name: "Create an account" }).click();
  await expect(guest.getByLabel("Email")).toHaveValue(stakeholderEmail);
  await guest.getByLabel("Your name").fill("Sam Stakeholder");
  await passwordInput(guest).fill("stakeholder-password");
  await guest.getByRole("button", { name: "Create account" }).click();

  await expect(guest.getByRole("heading", { name: `Join ${orgName}` })).toBeVisible();
  await guest.getByRole("button", { name: "Accept invitation" }).click();

  // Lands on the project, read-only.
  await expect(guest.getByRole("heading", { name: projectName })).toBeVisible();
  await expect(guest).toHaveURL(/\/projects\/[^/]+$/);
  const sections = projectSections(guest);
  await expect(sections.getByRole("link", { name: "Overview" })).toBeVisible();
  await expect(sections.getByRole("link", { name: "Members" })).toBeVisible();
  await expect(sections.getByRole("link", { name: "Settings" })).toHaveCount(0);
  await expect(guest.getByText("Stakeholder", { exact: true }).first()).toBeVisible();
  await expect(guest.getByRole("heading", { name: "Recent changes" })).toHaveCount(0);
  await expect(guest.getByRole("button", { name: /save|archive|edit/i })).toHaveCount(0);

  // The settings address itself says read-only and offers no form.
  const projectUrl = guest.url();
  await guest.goto(`${projectUrl}/settings`);
  await expect(guest.getByText("Read-only")).toBeVisible();
  await expect(guest.getByRole("button", { name: "Save changes" })).toHaveCount(0);

  // Members: visible, but nothing to add, change or remove.
  await guest.goto(`${projectUrl}/members`);
  await expect(guest.getByRole("table", { name: "Project members" })).toContainText("Olivia Owner");
  await expect(guest.getByRole("table", { name: "Project members" })).toContainText(
    "Sam Stakeholder",
  );
  await expect(guest.getByRole("form", { name: "Add a member" })).toHaveCount(0);
  await expect(guest.getByRole("button", { name: /^Remove/ })).toHaveCount(0);
  await expect(guest.getByRole("combobox", { name: /^Role of/ })).toHaveCount(0);

  // Portfolio: the one project, and no way to create another.
  await guest
    .getByRole("navigation", { name: "Main navigation" })
    .getByRole("link", { name: "Portfolio" })
    .click();
  await expect(guest.getByRole("table", { name: "Projects" })).toBeVisible();
  await expect.poll(() => portfolioKeys(guest)).toEqual([key]);
  await expect(guest.getByRole("link", { name: "New project" })).toHaveCount(0);

  await context.close();
});

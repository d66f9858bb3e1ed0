import { expect, test } from "@playwright/test";
import { projectSections, signIn } from "./helpers.ts";

test.describe("people in the demo organisation", () => {
  test("a PM adds someone to a project, changes their role and removes them", async ({ page }) => {
    await signIn(page, "pm@rollout.demo");
    await page
      .getByRole("table", { name: "Projects" })
      .getByRole("link", { name: "STM-EHR" })
      .click();
    await projectSections(page).getByRole("link", { name: "Members" }).click();

    const members = page.getByRole("table", { name: "Project members" });
    await expect(members).toContainText("Ian Murphy");
    await expect(members).not.toContainText("Chen Wei");

    const add = page.getByRole("form", { name: "Add a member" });
    await add.getByRole("combobox", { name: "Person" }).click();
    await page.getByRole("option", { name: /Chen Wei/ }).click();
    await add.getByLabel("Role").selectOption("contributor");
    await add.getByRole("button", { name: "Add" }).click();
    await expect(page.getByText("joined as Contributor")).toBeVisible();
    await expect(members).toContainText("Chen Wei");

    await page.getByRole("combobox", { name: "Role of Chen Wei" }).selectOption("ipm");
    await expect(page.getByText("Chen Wei is now Implementation PM.")).toBeVisible();
    await expect(page.getByRole("combobox", { name: "Role of Chen Wei" })).toHaveValue("ipm");

    await page.getByRole("button", { name: "Remove Chen Wei from the project" }).click();
    const dialog = page.getByRole("dialog", { name: "Remove Chen Wei?" });
    await dialog.getByRole("button", { name: "Remove" }).click();
    await expect(page.getByText("Chen Wei is no longer on this project.")).toBeVisible();
    await expect(members).not.toContainText("Chen Wei");
  });

  test("an owner renames the organisation and changes a member's role", async ({ page }) => {
    await signIn(page, "owner@rollout.demo");
    await page
      .getByRole("navigation", { name: "Main navigation" })
      .getByRole("link", { name: "Settings" })
      .click();

    const orgForm = page.getByRole("form", { name: "Organisation name" });
    await orgForm
      .getByRole("textbox", { name: "Name", exact: true })
      .fill("Northwind Implementations Ltd");
    await orgForm.getByRole("button", { name: "Save name" }).click();
    await expect(
      page.getByRole("button", {
        name: "Organisation: Northwind Implementations Ltd. Switch organisation",
      }),
    ).toBeVisible();

    const role = page.getByRole("combobox", { name: "Organisation role of Chen Wei" });
    await role.selectOption("admin");
    await expect(page.getByText("Chen Wei is now Admin.")).toBeVisible();
    await role.selectOption("member");
    await expect(page.getByText("Chen Wei is now Member.")).toBeVisible();

    // Removing asks first; cancelling changes nothing.
    await page.getByRole("button", { name: "Remove Chen Wei from the organisation" }).click();
    const dialog = page.getByRole("dialog", { name: "Remove Chen Wei from the organisation?" });
    await expect(dialog).toContainText("loses access to every project");
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(page.getByRole("table", { name: "Organisation members" })).toContainText(
      "Chen Wei",
    );
  });
});

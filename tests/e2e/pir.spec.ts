import { expect, type Page, test } from "@playwright/test";
import { projectSections, signIn, signOut } from "./helpers.ts";

/** Opens ACME-CRM (the demo project in build, with Sarah Stone as its stakeholder) at Review. */
async function openReview(page: Page) {
  await page
    .getByRole("table", { name: "Projects" })
    .getByRole("link", { name: "ACME-CRM" })
    .click();
  await projectSections(page).getByRole("link", { name: "Review" }).click();
  await expect(page.getByRole("heading", { name: "Post-implementation review" })).toBeVisible();
}

/** Confirmations sit over the account menu: move the pointer off them (hovering keeps them) and let them close. */
async function closeToasts(page: Page) {
  await page.mouse.move(10, 400);
  await expect(page.locator(".mantine-Notification-root")).toHaveCount(0, { timeout: 15_000 });
}

test.describe("the post-implementation review", () => {
  test("a stakeholder signs the review last, and the PM then finds it locked", async ({ page }) => {
    // Three sign-ins and a dozen saves: more than the default budget on a busy machine.
    test.setTimeout(120_000);
    // The PM starts the review before go-live, on purpose.
    await signIn(page, "pm@rollout.demo");
    await openReview(page);
    await page.getByRole("button", { name: "Start the review early" }).click();
    await page
      .getByRole("dialog", { name: "Start the review before go-live?" })
      .getByRole("button", { name: "Start early" })
      .click();

    // One objective per line of the project's objectives, each given an outcome.
    const objectives = page.getByRole("list", { name: "Objectives" }).getByRole("listitem");
    await expect(objectives).toHaveCount(3);
    for (let i = 0; i < 3; i++) {
      await objectives.nth(i).getByRole("button", { name: /^Edit/ }).click();
      const dialog = page.getByRole("dialog", { name: "Edit objective" });
      await dialog
        .getByRole("radio", { name: i === 2 ? "Partly met" : "Met", exact: true })
        .check();
      await dialog.getByRole("textbox", { name: "Evidence" }).fill(`Evidence ${i + 1}`);
      await dialog.getByRole("button", { name: "Save" }).click();
      await expect(dialog).toBeHidden();
    }
    await expect(page.getByText("2 met · 1 partly met · 0 not met")).toBeVisible();

    // Two signers: the PM, then the customer's stakeholder.
    await page.getByRole("combobox", { name: "People who sign" }).click();
    await page.getByRole("option", { name: "Priya Patel (Project manager)" }).click();
    await page.getByRole("option", { name: "Sarah Stone (Stakeholder)" }).click();
    await page.keyboard.press("Escape");
    await page.getByRole("button", { name: "Save signers" }).click();
    const signers = page.getByRole("list", { name: "Signers" });
    await expect(signers).toContainText("Priya Patel");
    await expect(signers).toContainText("Sarah Stone");

    await page.getByRole("button", { name: "Send for sign-off" }).click();
    await page
      .getByRole("dialog", { name: "Send the review for sign-off?" })
      .getByRole("button", { name: "Send for sign-off" })
      .click();
    await expect(page.getByText("In review", { exact: true })).toBeVisible();
    // Out for sign-off: nothing can be edited any more.
    await expect(page.getByRole("button", { name: "Add objective" })).toHaveCount(0);

    await page.getByRole("button", { name: "Sign the review" }).click();
    await expect(page.getByText("1 of 2 signed.")).toBeVisible();
    await closeToasts(page);
    await signOut(page);

    // The stakeholder lands on the review and signs last.
    await signIn(page, "stakeholder@rollout.demo");
    await openReview(page);
    await expect(page.getByText("Your signature is requested")).toBeVisible();
    await expect(
      page.getByText("Yours is the last signature: signing locks the review."),
    ).toBeVisible();
    await page.getByRole("textbox", { name: "Comment (optional)" }).fill("Agreed.");
    await page.getByRole("button", { name: "Sign the review" }).click();
    await expect(page.getByTestId("pir-locked")).toBeVisible();
    await closeToasts(page);
    await signOut(page);

    // The PM sees it locked: the banner with who signed, and no edit controls left.
    await signIn(page, "pm@rollout.demo");
    await openReview(page);
    const banner = page.getByTestId("pir-locked");
    await expect(banner).toContainText("Signed off and locked");
    await expect(banner.getByRole("list", { name: "Signatures" })).toContainText("Sarah Stone");
    await expect(banner.getByRole("list", { name: "Signatures" })).toContainText("Priya Patel");
    await expect(page.getByText("Signed off", { exact: true })).toBeVisible();
    for (const name of [
      "Add objective",
      "Add KPI",
      "Add lesson",
      "Send for sign-off",
      "Return to draft",
      "Save summary",
    ]) {
      await expect(page.getByRole("button", { name })).toHaveCount(0);
    }
    await expect(page.getByRole("button", { name: /^(Edit|Delete|Move)/ })).toHaveCount(0);
    await expect(page.getByRole("combobox", { name: "People who sign" })).toHaveCount(0);
    // The way forward is a new revision.
    await expect(page.getByRole("button", { name: "Start a new revision" })).toBeVisible();
  });
});

import { expect, type Locator, type Page, test } from "@playwright/test";
import { projectSections, signIn, uniqueId } from "./helpers.ts";

const TASK = "Performance test";

/** Opens a task of ACME-CRM (the demo project in build) on its Comments tab. */
async function openTaskComments(page: Page, title: string): Promise<Locator> {
  await page
    .getByRole("table", { name: "Projects" })
    .getByRole("link", { name: "ACME-CRM" })
    .click();
  await projectSections(page).getByRole("link", { name: "Plan" }).click();
  await expect(page.getByRole("grid", { name: "Plan of ACME-CRM" })).toBeVisible();
  await page.getByRole("searchbox", { name: "Search tasks" }).fill(title);
  await page.getByRole("button", { name: `Open details of ${title}` }).click();
  const drawer = page.getByRole("dialog", { name: title });
  // The drawer slides in: click the tab until it is the selected one.
  const tab = drawer.getByRole("tab", { name: /^Comments \(\d+\)$/ });
  await expect(async () => {
    await tab.click();
    await expect(tab).toHaveAttribute("aria-selected", "true", { timeout: 500 });
  }).toPass();
  return drawer;
}

function bellOf(page: Page) {
  return page.getByRole("button", { name: /^Notifications, \d+ unread$/ });
}

test.describe("comments, mentions and the bell", () => {
  test("an IPM mentions the PM on a task; the PM's open page rings live and leads to it", async ({
    browser,
  }) => {
    const id = uniqueId();
    const pmContext = await browser.newContext();
    const ipmContext = await browser.newContext();
    const pm = await pmContext.newPage();
    const ipm = await ipmContext.newPage();

    // The PM starts from a clean bell, and keeps the page open (no reload from here on).
    await signIn(pm, "pm@rollout.demo");
    const bell = bellOf(pm);
    await bell.click();
    const panel = pm.getByRole("dialog", { name: "Notifications" });
    await expect(panel.getByText("Notifications", { exact: true })).toBeVisible();
    const markAll = panel.getByRole("button", { name: "Mark all read" });
    if (await markAll.isEnabled()) await markAll.click();
    await expect(bell).toHaveAccessibleName("Notifications, 0 unread");
    await pm.keyboard.press("Escape");
    await expect(panel).toBeHidden();

    // The IPM writes a comment and picks the PM from the @ list by keyboard.
    await signIn(ipm, "ipm@rollout.demo");
    const drawer = await openTaskComments(ipm, TASK);
    const box = drawer.getByRole("textbox", { name: "Add a comment" });
    await box.click();
    await ipm.keyboard.type(`Load figures are in (${id}), `);
    await ipm.keyboard.type("@Pri");
    const people = ipm.getByRole("listbox", { name: "People to mention" });
    await expect(people.getByRole("option", { name: /Priya Patel/ })).toBeVisible();
    await ipm.keyboard.press("Enter");
    await expect(box).toHaveValue(
      new RegExp(`\\(${id}\\), @\\[Priya Patel\\]\\(user:[\\w-]+\\) $`),
    );
    await ipm.keyboard.type("could you check the peak-hour numbers?");
    await ipm.keyboard.press("Control+Enter");
    const thread = drawer.getByRole("list", { name: "Comments" });
    const mine = thread.getByRole("listitem").filter({ hasText: id });
    await expect(mine).toBeVisible();
    await expect(mine.getByText("@Priya Patel", { exact: true })).toBeVisible();
    await expect(box).toHaveValue("");

    // The PM's bell rings without a reload, and the mention leads to the task.
    await expect(bell).toHaveAccessibleName("Notifications, 1 unread");
    await bell.click();
    const mention = panel.getByRole("button", {
      name: new RegExp(`^Unread: Ian Murphy mentioned you on “${TASK}”.*${id}`),
    });
    await expect(mention).toBeVisible();
    await mention.click();
    await expect(pm).toHaveURL(/\/plan\?task=/);
    await expect(pm.getByRole("dialog", { name: TASK })).toBeVisible();
    await expect(bell).toHaveAccessibleName("Notifications, 0 unread");

    await pmContext.close();
    await ipmContext.close();
  });

  test("a comment with a script tag and a javascript: link renders inert", async ({ page }) => {
    const id = uniqueId();
    await signIn(page, "ipm@rollout.demo");
    const drawer = await openTaskComments(page, TASK);
    const box = drawer.getByRole("textbox", { name: "Add a comment" });
    await box.fill(`Inert ${id} <script>window.__x=1</script> and [x](javascript:window.__y=1)`);
    await drawer.getByRole("button", { name: "Comment", exact: true }).click();

    const comment = drawer
      .getByRole("list", { name: "Comments" })
      .getByRole("listitem")
      .filter({ hasText: id });
    await expect(comment).toBeVisible();
    // The tag is shown as typed, the link only as its words.
    await expect(comment).toContainText("<script>window.__x=1</script> and x");
    await expect(page.locator('a[href^="javascript"]')).toHaveCount(0);
    await expect(comment.locator("script")).toHaveCount(0);
    await comment.getByText(/and x$/).click();
    const globals = await page.evaluate(() => {
      const w = window as unknown as { __x?: unknown; __y?: unknown };
      return [w.__x, w.__y];
    });
    expect(globals).toEqual([undefined, undefined]);

    // Still inert after a reload, as everyone else will read it.
    await page.reload();
    await expect(page.getByRole("dialog", { name: TASK })).toBeVisible();
    await expect(page.locator('a[href^="javascript"]')).toHaveCount(0);
  });
});

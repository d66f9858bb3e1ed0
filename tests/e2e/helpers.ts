import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "rollout-demo-2026";

/** A short unique suffix, so runs never collide on emails, keys or slugs. */
export function uniqueId(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

/** The password box (its label is also part of the "Toggle password visibility" button's). */
export function passwordInput(page: Page) {
  return page.getByRole("textbox", { name: "Password", exact: true });
}

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await passwordInput(page).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Portfolio" })).toBeVisible();
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: /^Account menu for/ }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { name: "Sign in to Rollout" })).toBeVisible();
}

/** The project keys in the portfolio table, top to bottom. */
export async function portfolioKeys(page: Page): Promise<string[]> {
  const cells = page.getByRole("table", { name: "Projects" }).locator("tbody tr td:first-child");
  return (await cells.allTextContents()).map((t) => t.trim());
}

export function projectSections(page: Page) {
  return page.getByRole("navigation", { name: "Project sections" });
}

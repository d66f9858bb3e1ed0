import { readFile } from "node:fs/promises";
import { type APIRequestContext, expect, type Locator, test } from "@playwright/test";
import { signIn, uniqueId } from "./helpers.ts";

/**
 * My work in pages: each group shows its count and its first 50 rows, "Show more" appends the
 * next page (by keyboard too), a status change still leaves the list with an undo, and the CSV
 * holds every open task, not only the rows shown. The PM gets 60 more tasks "later" through the
 * API first, so that group has more than a page.
 */

const headers = { "x-rollout-csrf": "1", "Sec-Fetch-Site": "same-origin" };
const EXTRA = 60;

async function call<T>(request: APIRequestContext, path: string, input: unknown): Promise<T> {
  const response = await request.post(`/trpc/${path}`, { headers, data: input });
  const body = await response.json();
  if (!response.ok()) throw new Error(`${path}: ${JSON.stringify(body.error ?? body)}`);
  return body.result.data as T;
}

function dayFromToday(days: number): string {
  const date = new Date();
  date.setDate(date.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** A project where the PM is accountable for 60 planning tasks due in three to five weeks. */
async function manyLaterTasks(request: APIRequestContext) {
  const key = `MW-${uniqueId().toUpperCase()}`;
  const { id: projectId } = await call<{ id: string }>(request, "project.create", {
    key,
    name: `My work paging ${key}`,
    customer: "Paging Ltd",
    kind: "software",
    stage: "build",
    status: "active",
    startDate: dayFromToday(0),
    targetGoLive: dayFromToday(90),
    actualGoLive: null,
    plannedBudget: 0,
    actualCost: 0,
    currency: "EUR",
    objectives: "",
    creatorRole: "pm",
  });
  const phase = await call<{ id: string }>(request, "plan.phase.create", {
    projectId,
    name: "Plan",
  });
  for (let start = 0; start < EXTRA; start += 10) {
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        call(request, "plan.task.create", {
          projectId,
          phaseId: phase.id,
          title: `Paging check ${String(start + i + 1).padStart(2, "0")}`,
          // The default playbook makes the PM accountable for planning.
          category: "planning",
          dueDate: dayFromToday(20 + ((start + i) % 15)),
        }),
      ),
    );
  }
  return key;
}

const countIn = async (heading: Locator) =>
  Number(((await heading.textContent()) ?? "").replace(/^.*·\s*/, "").replace(/\D/g, ""));

test("my work pages each group: its count, 50 rows, Show more, status with undo, full CSV", async ({
  page,
}) => {
  test.setTimeout(60_000);
  await signIn(page, "pm@rollout.demo");
  const key = await manyLaterTasks(page.request);
  await page
    .getByRole("navigation", { name: "Main navigation" })
    .getByRole("link", { name: "My work" })
    .click();

  const later = page.getByRole("region", { name: /^Later/ });
  const heading = later.getByRole("heading", { level: 2 });
  await expect(heading).toHaveText(/^Later · \d+$/);
  const count = await countIn(heading);
  expect(count).toBeGreaterThanOrEqual(EXTRA);
  const rows = later.locator("tbody tr");
  await expect(rows).toHaveCount(50);
  await expect(later.getByText(`Showing 50 of ${count}`)).toBeVisible();

  // Show more by keyboard: the next page is appended and the focus goes to its first row.
  const more = later.getByRole("button", { name: /^Show more/ });
  await more.focus();
  await page.keyboard.press("Enter");
  await expect(rows).toHaveCount(Math.min(100, count));
  await expect(rows.nth(50).getByRole("link")).toBeFocused();
  if (count <= 100) await expect(more).toHaveCount(0);
  // No row twice: the seeded titles are unique.
  const titles = (await later.locator("tbody tr td:nth-child(2)").allTextContents()).filter((t) =>
    t.startsWith("Paging check"),
  );
  expect(titles.length).toBeGreaterThan(0);
  expect(new Set(titles).size).toBe(titles.length);

  // A status change takes the task off the list (the count follows), and Undo brings it back.
  const row = rows.filter({ hasText: "Paging check 01" });
  await expect(row.getByRole("link")).toHaveText(key);
  await row.getByRole("combobox", { name: "Status of Paging check 01" }).selectOption("done");
  await expect(heading).toHaveText(`Later · ${count - 1}`);
  await expect(rows.filter({ hasText: "Paging check 01" })).toHaveCount(0);
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(heading).toHaveText(`Later · ${count}`);
  await expect(rows.filter({ hasText: "Paging check 01" })).toHaveCount(1);

  // The CSV has every open task of mine, across all groups, beyond the rows shown.
  let total = 0;
  for (const region of await page.getByRole("region", { name: /·/ }).all()) {
    total += await countIn(region.getByRole("heading", { level: 2 }).first());
  }
  expect(total).toBeGreaterThanOrEqual(count);
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export CSV of my tasks" }).click();
  const file = await (await download).path();
  const lines = (await readFile(file, "utf8")).trim().split("\r\n");
  expect(lines).toHaveLength(total + 1);
  expect(lines.filter((l) => l.includes("Paging check"))).toHaveLength(EXTRA);
});

import { parseCsv } from "@rollout/domain";
import { describe, expect, it } from "vitest";
import { task } from "../plan/testTasks.ts";
import { myWorkCommunicationsCsv, myWorkTasksCsv } from "./myWorkCsv.ts";

const today = "2026-03-04";

type Item = Parameters<typeof myWorkTasksCsv>[0][number];
type Comm = Parameters<typeof myWorkCommunicationsCsv>[0][number];

function item(id: string, fields: Parameters<typeof task>[1], reasons: Item["reasons"]): Item {
  return {
    task: task(id, fields),
    projectId: "p1",
    projectKey: "ACME-CRM",
    projectName: "ACME Corp CRM go-live",
    reasons,
  };
}

function comm(fields: Partial<Comm> = {}): Comm {
  return {
    commId: "c1",
    projectId: "p1",
    projectKey: "ACME-CRM",
    projectName: "ACME Corp CRM go-live",
    purpose: "Weekly status to the sponsor",
    channel: "Email",
    ownerRole: "pm",
    nextDue: "2026-03-02",
    overdue: true,
    version: 1,
    ...fields,
  };
}

const taskHeader = [
  "Group",
  "Project",
  "Project name",
  "Task",
  "Category",
  "Status",
  "Start",
  "Due",
  "Why it is yours",
];

describe("my work tasks CSV", () => {
  it("writes the tasks group by group as the list shows them, with why each is mine", () => {
    const later = item(
      "t1",
      { title: "Train super-users", category: "training", dueDate: "2026-04-01" },
      ["responsible"],
    );
    const overdue = item(
      "t2",
      {
        title: "Load customer master data",
        category: "data_migration",
        status: "in_progress",
        startDate: "2026-02-23",
        dueDate: "2026-03-03",
      },
      ["assignee", "accountable"],
    );
    const undated = item("t3", { title: "Plan hypercare rota" }, ["accountable"]);
    const rows = parseCsv(myWorkTasksCsv([later, undated, overdue], today)).map((r) => r.cells);
    expect(rows[0]).toEqual(taskHeader);
    expect(rows[1]).toEqual([
      "Overdue",
      "ACME-CRM",
      "ACME Corp CRM go-live",
      "Load customer master data",
      "Data migration",
      "In progress",
      "2026-02-23",
      "2026-03-03",
      "Assigned to you; You are A",
    ]);
    expect(rows.slice(2).map((r) => [r[0], r[3], r[7]])).toEqual([
      ["Later", "Train super-users", "2026-04-01"],
      ["No due date", "Plan hypercare rota", ""],
    ]);
  });

  it("guards a title a spreadsheet would run as a formula", () => {
    const csv = myWorkTasksCsv(
      [item("t1", { title: "=SUM(1)", dueDate: today }, ["assignee"])],
      today,
    );
    expect(csv.split("\r\n")[1]).toBe(
      "This week,ACME-CRM,ACME Corp CRM go-live,'=SUM(1),Configuration,Not started,,2026-03-04,Assigned to you",
    );
  });

  it("writes only the header when nothing is on the list", () => {
    expect(myWorkTasksCsv([], today)).toBe(`${taskHeader.join(",")}\r\n`);
  });
});

describe("my work communications CSV", () => {
  it("writes the header, then each communication due with whether it is overdue", () => {
    const rows = parseCsv(
      myWorkCommunicationsCsv([
        comm(),
        comm({
          commId: "c2",
          purpose: "Go-live readiness",
          channel: "Steering meeting",
          nextDue: today,
          overdue: false,
        }),
      ]),
    ).map((r) => r.cells);
    expect(rows).toEqual([
      ["Project", "Project name", "Purpose", "Channel", "Due", "State"],
      [
        "ACME-CRM",
        "ACME Corp CRM go-live",
        "Weekly status to the sponsor",
        "Email",
        "2026-03-02",
        "Overdue",
      ],
      [
        "ACME-CRM",
        "ACME Corp CRM go-live",
        "Go-live readiness",
        "Steering meeting",
        "2026-03-04",
        "Due today",
      ],
    ]);
  });

  it("guards a purpose a spreadsheet would run as a formula", () => {
    const csv = myWorkCommunicationsCsv([comm({ purpose: "=SUM(1)" })]);
    expect(csv.split("\r\n")[1]).toBe(
      "ACME-CRM,ACME Corp CRM go-live,'=SUM(1),Email,2026-03-02,Overdue",
    );
  });

  it("writes only the header when nothing is due", () => {
    expect(myWorkCommunicationsCsv([])).toBe("Project,Project name,Purpose,Channel,Due,State\r\n");
  });
});

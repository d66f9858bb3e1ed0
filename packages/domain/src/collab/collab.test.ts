import { describe, expect, it } from "vitest";
import { activityText, describeActivity } from "./activity.ts";
import {
  type Block,
  type Inline,
  parseInline,
  parseMarkdown,
  plainText,
  safeHref,
} from "./markdown.ts";
import { mentionToken, parseMentions } from "./mentions.ts";

const noPeople = new Map<string, string>();

/** Every link target anywhere in the tree. */
function hrefs(blocks: Block[]): string[] {
  const out: string[] = [];
  const walk = (inline: Inline[]) => {
    for (const i of inline) {
      if (i.type === "link") out.push(i.href);
      if ("children" in i) walk(i.children);
    }
  };
  for (const b of blocks) {
    if (b.type === "paragraph" || b.type === "quote") walk(b.children);
    if (b.type === "list") for (const item of b.items) walk(item);
  }
  return out;
}

describe("comment markdown", () => {
  it("keeps raw HTML as the text typed, never as markup", () => {
    const blocks = parseMarkdown('<script>alert("x")</script> and <img src=x onerror=alert(1)>');
    expect(blocks).toEqual([
      {
        type: "paragraph",
        children: [
          { type: "text", text: '<script>alert("x")</script> and <img src=x onerror=alert(1)>' },
        ],
      },
    ]);
  });

  it("links http(s) only: javascript:, data: and odd schemes keep their words, inert", () => {
    for (const bad of [
      "[click](javascript:alert(1))",
      "[click](JaVaScRiPt:alert(1))",
      "[click](data:text/html;base64,PHNjcmlwdD4=)",
      "[click](vbscript:msgbox)",
      "[click](//evil.test/x)",
      "[click](https:/no-host)",
    ]) {
      const blocks = parseMarkdown(bad);
      expect(hrefs(blocks), bad).toEqual([]);
      expect(JSON.stringify(blocks), bad).toContain('"text":"click');
    }
    expect(hrefs(parseMarkdown("[docs](https://example.test/a?b=1#c)"))).toEqual([
      "https://example.test/a?b=1#c",
    ]);
    expect(hrefs(parseMarkdown("see http://example.test/path."))).toEqual([
      "http://example.test/path",
    ]);
    expect(safeHref('https://x.test/"onmouseover=alert(1)')).toBeNull();
    expect(safeHref("https://x.test/\\evil")).toBeNull();
  });

  it("reads paragraphs, lists, quotes, code and emphasis", () => {
    const blocks = parseMarkdown(
      "First line\nsecond line\n\n- one\n- **two**\n\n1. a\n2. b\n\n> quoted\n\n```\n<b>code</b>\n```",
    );
    expect(blocks.map((b) => b.type)).toEqual(["paragraph", "list", "list", "quote", "code"]);
    expect(blocks[0]).toEqual({
      type: "paragraph",
      children: [
        { type: "text", text: "First line" },
        { type: "break" },
        { type: "text", text: "second line" },
      ],
    });
    expect(blocks[1]).toMatchObject({
      ordered: false,
      items: [[{ text: "one" }], [{ type: "strong" }]],
    });
    expect(blocks[2]).toMatchObject({ ordered: true });
    expect(blocks[4]).toEqual({ type: "code", text: "<b>code</b>" });
    expect(parseInline("*it* and `x < y` and _em_")).toEqual([
      { type: "em", children: [{ type: "text", text: "it" }] },
      { type: "text", text: " and " },
      { type: "code", text: "x < y" },
      { type: "text", text: " and " },
      { type: "em", children: [{ type: "text", text: "em" }] },
    ]);
  });

  it("turns mentions into chips and finds their ids", () => {
    const body = `Hi ${mentionToken("Paula PM", "u1")}, ask ${mentionToken("Ivan [IPM]", "u2")} and ${mentionToken("Paula PM", "u1")}`;
    expect(parseMentions(body)).toEqual(["u1", "u2"]);
    expect(parseInline(body)[1]).toEqual({ type: "mention", userId: "u1", name: "Paula PM" });
    expect(plainText(body)).toBe("Hi @Paula PM, ask @Ivan IPM and @Paula PM");
    expect(parseMentions("mail me @ paula or @[x](user:bad id)")).toEqual([]);
  });

  it("shortens plain text for previews", () => {
    expect(plainText("**Bold** [link](https://x.test) `code`")).toBe("Bold link code");
    expect(plainText("a".repeat(200), 10)).toBe(`${"a".repeat(9)}…`);
  });
});

describe("activity sentences", () => {
  const names = (entity: string | null, people = noPeople) => ({ actor: "Dana", entity, people });

  it("tells a moved task with both dates", () => {
    const parts = describeActivity(
      {
        entityType: "task",
        entityId: "t1",
        action: "update",
        before: { dueDate: "2027-03-03", startDate: "2027-03-01" },
        after: { dueDate: "2027-03-10", startDate: "2027-03-08" },
      },
      names("Cut-over rehearsal"),
    );
    expect(activityText(parts)).toBe("Dana moved Cut-over rehearsal from 2027-03-03 to 2027-03-10");
    expect(parts).toContainEqual({
      kind: "entity",
      text: "Cut-over rehearsal",
      entityType: "task",
      entityId: "t1",
    });
    expect(parts.filter((p) => p.kind === "date")).toHaveLength(2);
  });

  it("tells status, assignment, progress, creation, deletion and renames", () => {
    const say = (action: string, before: object | null, after: object | null, people = noPeople) =>
      activityText(
        describeActivity(
          {
            entityType: "task",
            entityId: "t1",
            action,
            before: before as never,
            after: after as never,
          },
          names("Load test", people),
        ),
      );
    expect(say("update", { status: "in_progress" }, { status: "done", percentComplete: 100 })).toBe(
      "Dana marked Load test Done",
    );
    expect(
      say("update", { assigneeId: null }, { assigneeId: "u9" }, new Map([["u9", "Ivan"]])),
    ).toBe("Dana assigned Load test to Ivan");
    expect(say("update", { assigneeId: "u9" }, { assigneeId: null })).toBe(
      "Dana unassigned Load test",
    );
    expect(say("update", { percentComplete: 10 }, { percentComplete: 60 })).toBe(
      "Dana set Load test to 60% complete",
    );
    expect(say("create", null, { title: "Load test" })).toBe("Dana added task Load test");
    expect(say("delete", { title: "Load test" }, null)).toBe("Dana deleted task Load test");
    expect(say("update", { title: "Old" }, { title: "Load test" })).toBe(
      "Dana renamed task “Old” to Load test",
    );
    expect(
      say("update", { raciIpm: "R", estimateHours: 1 }, { raciIpm: "A", estimateHours: 2 }),
    ).toBe("Dana changed the IPM responsibility, estimate of Load test");
    expect(
      say("update", { dueDate: "2027-01-04", raciPm: "I" }, { dueDate: "2027-01-05", raciPm: "C" }),
    ).toBe("Dana moved Load test from 2027-01-04 to 2027-01-05, and changed the PM responsibility");
  });

  it("names a deleted account and a thing it cannot find", () => {
    const parts = describeActivity(
      { entityType: "milestone", entityId: "m1", action: "create", before: null, after: {} },
      { actor: null, entity: null, people: noPeople },
    );
    expect(activityText(parts)).toBe("Someone added a milestone");
  });
});

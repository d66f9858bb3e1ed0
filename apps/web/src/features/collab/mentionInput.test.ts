import { parseMentions } from "@rollout/domain";
import { describe, expect, it } from "vitest";
import { insertMention, matchPeople, mentionQueryAt } from "./mentionInput.ts";

const people = [
  { userId: "u1", name: "Alex Morgan", email: "owner@rollout.demo", role: "owner" },
  { userId: "u2", name: "Ian Murphy", email: "ipm@rollout.demo", role: "ipm" },
  { userId: "u3", name: "Priya Patel", email: "pm@rollout.demo", role: "pm" },
  { userId: "u4", name: "Sarah Stone", email: "stakeholder@rollout.demo", role: "stakeholder" },
];

describe("finding the mention being typed", () => {
  it("opens on an @ at the start, after a space or a bracket", () => {
    expect(mentionQueryAt("@", 1)).toEqual({ start: 0, end: 1, query: "" });
    expect(mentionQueryAt("Hi @Pri", 7)).toEqual({ start: 3, end: 7, query: "Pri" });
    expect(mentionQueryAt("(@Ian", 5)).toEqual({ start: 1, end: 5, query: "Ian" });
    expect(mentionQueryAt("ask @Priya Pa", 13)?.query).toBe("Priya Pa");
  });

  it("stays shut for e-mail addresses, finished tokens, new lines and a caret before the @", () => {
    expect(mentionQueryAt("mail pm@rollout", 15)).toBeNull();
    expect(mentionQueryAt("@[Priya Patel](user:u3) ok", 26)).toBeNull();
    expect(mentionQueryAt("@Pri\nnext", 9)).toBeNull();
    expect(mentionQueryAt("@ Priya", 7)).toBeNull();
    expect(mentionQueryAt("Hi @Pri", 2)).toBeNull();
    expect(mentionQueryAt("no at here", 5)).toBeNull();
    expect(mentionQueryAt(`@${"x".repeat(60)}`, 61)).toBeNull();
  });

  it("reads the query up to the caret only", () => {
    expect(mentionQueryAt("@Priya and more", 4)).toEqual({ start: 0, end: 4, query: "Pri" });
  });
});

describe("matching people", () => {
  it("lists everyone for a bare @, and name starts before word starts and e-mails", () => {
    expect(matchPeople(people, "")).toHaveLength(4);
    expect(matchPeople(people, "pa").map((p) => p.name)).toEqual(["Priya Patel"]);
    expect(matchPeople(people, "s").map((p) => p.name)).toEqual(["Sarah Stone"]);
    expect(matchPeople(people, "m").map((p) => p.name)).toEqual(["Alex Morgan", "Ian Murphy"]);
    expect(matchPeople(people, "ipm@").map((p) => p.name)).toEqual(["Ian Murphy"]);
    expect(matchPeople(people, "zz")).toEqual([]);
    expect(matchPeople(people, "", 2)).toHaveLength(2);
  });
});

describe("inserting a mention", () => {
  it("replaces the typed @query with the token and a space, and puts the caret after it", () => {
    const text = "Hi @Pri";
    const mention = mentionQueryAt(text, text.length);
    if (!mention) throw new Error("no mention");
    const out = insertMention(text, mention, { name: "Priya Patel", userId: "u3" });
    expect(out.text).toBe("Hi @[Priya Patel](user:u3) ");
    expect(out.caret).toBe(out.text.length);
    expect(parseMentions(out.text)).toEqual(["u3"]);
  });

  it("keeps the text after the caret and adds no second space", () => {
    const text = "@Ia please check";
    const mention = mentionQueryAt(text, 3);
    if (!mention) throw new Error("no mention");
    const out = insertMention(text, mention, { name: "Ian Murphy", userId: "u2" });
    expect(out.text).toBe("@[Ian Murphy](user:u2) please check");
    expect(out.text.slice(out.caret)).toBe(" please check");
  });

  it("writes names with brackets so the token still parses", () => {
    const out = insertMention(
      "@",
      { start: 0, end: 1, query: "" },
      { name: "Ann [QA]", userId: "u9" },
    );
    expect(parseMentions(out.text)).toEqual(["u9"]);
  });
});

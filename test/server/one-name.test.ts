import { html } from "hono/html";
import { describe, expect, it } from "vitest";
import { parseConfigText } from "../../src/config/index.js";
import { confirmationMessage } from "../../src/server/confirmation-message.js";
import { page } from "../../src/server/page.js";
import { welcomeMessage } from "../../src/server/welcome-message.js";
import { isNamedAsNewsletter } from "../../src/shared/list-name.js";

const CONFIG = `newsletter:
  name: Engineering Weekly
  baseUrl: https://news.example.com
  postalAddress: 1 Test Street
sender:
  from: Test <digest@example.com>
feeds:
  - url: https://blog.example.com/feed.xml
    name: Example Blog
lists:
  - id: weekly
    name: engineering weekly
  - id: ai
    name: AI Digest
`;
const config = parseConfigText(CONFIG, "gazette.yaml", {});
const key = { id: "k1", secret: "test-secret" };
const who = { key, listId: 1, subscriberId: 7, to: "reader@example.org", nonce: "n1" };

function listOf(id: string) {
  const list = config.lists.find((candidate) => candidate.id === id);
  if (list === undefined) throw new Error(`no list ${id}`);
  return list;
}

describe("a list named as its newsletter", () => {
  it("is told apart from one with a name of its own, whatever the case and spaces", () => {
    expect(isNamedAsNewsletter(" engineering  weekly", "Engineering Weekly")).toBe(true);
    expect(isNamedAsNewsletter("AI Digest", "Engineering Weekly")).toBe(false);
  });

  it("is named once in the confirmation and welcome emails", () => {
    const list = listOf("weekly");
    const confirm = confirmationMessage({ config, list, ...who, confirmToken: "t" });
    expect(confirm.text).toMatch(/^Please confirm that you want engineering weekly:/);
    expect(confirm.html).not.toContain(" from Engineering Weekly");
    const welcome = welcomeMessage({ config, list, ...who });
    expect(welcome.text).toMatch(/^Welcome to engineering weekly!/);
  });

  it("leaves both names to a list with its own", () => {
    const list = listOf("ai");
    const confirm = confirmationMessage({ config, list, ...who, confirmToken: "t" });
    expect(confirm.text).toMatch(
      /^Please confirm that you want AI Digest from Engineering Weekly:/,
    );
    expect(confirm.html).toContain("<strong>AI Digest</strong> from Engineering Weekly.");
    expect(welcomeMessage({ config, list, ...who }).text).toMatch(
      /^Welcome to AI Digest from Engineering Weekly!/,
    );
  });

  it("is named once in the title of a page it titles (the home page), twice on another", async () => {
    const titleOf = async (title: string) =>
      String(
        await page({ title, language: "en", newsletter: "Engineering Weekly", body: html`` }),
      ).match(/<title>(.*)<\/title>/)?.[1];
    expect(await titleOf("Engineering Weekly")).toBe("Engineering Weekly");
    expect(await titleOf("Unsubscribe")).toBe("Unsubscribe · Engineering Weekly");
    expect(await titleOf("<b>x</b>")).toBe("&lt;b&gt;x&lt;/b&gt; · Engineering Weekly");
  });
});

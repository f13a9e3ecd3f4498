import { beforeAll, describe, expect, it } from "vitest";
import { type CompiledIssue, type Recipient, renderIssue } from "../../src/render/index.js";
import { buildIssueModel, buildRecipient, SUBJECT, TEMPLATES_DIR } from "./build-issue-model.js";
import { textOf } from "./html-links.js";

let compiled: CompiledIssue;

beforeAll(async () => {
  compiled = await renderIssue(buildIssueModel(), {
    templatesDir: TEMPLATES_DIR,
    subjectTemplate: SUBJECT,
  });
});

/** The message with this recipient's values put back to placeholders. */
function withoutRecipient(document: string, recipient: Recipient, isHtml: boolean): string {
  const values = [
    recipient.unsubscribeUrl,
    recipient.preferencesUrl,
    recipient.name ?? "",
    recipient.email,
  ];
  let out = document;
  for (const value of values) {
    out = out.replaceAll(isHtml ? value.replaceAll("&", "&amp;") : value, "<recipient field>");
  }
  return out;
}

describe("CompiledIssue.fill", () => {
  it("fills 1,000 recipients from one compile; the messages differ only in their fields", () => {
    const recipients = Array.from({ length: 1000 }, (_, i) => buildRecipient(i + 1000));
    const messages = recipients.map((recipient) => compiled.fill(recipient));
    const first = recipients[0] as Recipient;
    const html = withoutRecipient(messages[0]?.html ?? "", first, true);
    const text = withoutRecipient(messages[0]?.text ?? "", first, false);
    messages.forEach((message, i) => {
      const recipient = recipients[i] as Recipient;
      expect(message.html).toContain(recipient.unsubscribeUrl.replaceAll("&", "&amp;"));
      expect(withoutRecipient(message.html, recipient, true)).toBe(html);
      expect(withoutRecipient(message.text, recipient, false)).toBe(text);
      expect(message.subject).toBe(messages[0]?.subject);
    });
    // Speed (≤ 50 µs per fill) is measured by a benchmark, not here.
  });

  it("escapes the recipient's values in the HTML and leaves them raw in the text", () => {
    const recipient = buildRecipient(1, { name: "O'Neil<b>Bold</b> Smith" });
    const { html, text } = compiled.fill(recipient);
    // The greeting uses the first name.
    expect(html).toContain("Hi O&#39;Neil&lt;b&gt;Bold&lt;/b&gt;,");
    expect(html).not.toContain("<b>Bold");
    expect(html).toContain('href="https://news.example.org/unsubscribe/tok1?a=1&amp;b=2"');
    expect(text).toContain("Hi O'Neil<b>Bold</b>,");
    expect(text).toContain("Unsubscribe: https://news.example.org/unsubscribe/tok1?a=1&b=2\n");
  });

  it("greets a subscriber without a name with the theme's fallback word", () => {
    const { html, text } = compiled.fill(buildRecipient(1, { name: undefined }));
    expect(textOf(html)).toContain("Hi there, here is");
    expect(text).toContain("Hi there, here is");
  });
});

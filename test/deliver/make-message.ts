import type { OutgoingMessage } from "../../src/deliver/index.js";

/** A valid OutgoingMessage for `to`, with any field overridden. */
export function makeMessage(overrides: Partial<OutgoingMessage> = {}): OutgoingMessage {
  const to = overrides.to ?? "Ada Lovelace <ada@example.org>";
  const slug = to.replace(/.*<|>.*|@.*/g, "").replace(/[^a-z0-9]/gi, "");
  return {
    from: "Gazette Weekly <news@gazette.example>",
    to,
    subject: "Gazette #7: Postgres at scale — and more",
    html: "<h1>Gazette #7</h1><p>Café déjà vu</p>",
    text: "Gazette #7\n\nCafé déjà vu\n",
    messageId: `<gz.inst1.7.${slug}@gazette.example>`,
    listIdHeader: "Gazette Weekly <weekly.gazette.example>",
    unsubscribe: {
      url: `https://gazette.example/unsubscribe?token=${slug}`,
      mailto: "unsubscribe@gazette.example",
    },
    headers: { "X-Gazette-Issue": "7" },
    ...overrides,
  };
}

/** The values of every `name:` header line in a raw message, unfolded. */
export function rawHeaders(raw: Buffer | string, name: string): string[] {
  const head = raw.toString("utf8").split(/\r?\n\r?\n/, 1)[0] ?? "";
  const fields = head.split(/\r?\n(?![ \t])/);
  const prefix = `${name.toLowerCase()}:`;
  return fields
    .filter((field) => field.toLowerCase().startsWith(prefix))
    .map((field) =>
      field
        .slice(prefix.length)
        .replace(/\r?\n[ \t]+/g, " ")
        .trim(),
    );
}

// The fields a saved message carries at least one of in its header (RFC 5322 §3.6: every message
// has Date and From; a bounce saved from a mailbox begins with Return-Path or Received).
const MESSAGE_FIELDS = new Set([
  "date",
  "from",
  "to",
  "subject",
  "message-id",
  "received",
  "return-path",
  "delivered-to",
  "mime-version",
  "content-type",
]);
// RFC 5322 §2.2: a field name is printable ASCII but the colon.
const FIELD = /^([!-9;-~]+)[ \t]*:/;
// An mbox file's separator line, which a message saved from a mailbox may begin with.
const MBOX_FROM = /^From \S/;

/**
 * True when `raw` begins as an email message does: a header section (after an mbox "From " line,
 * if any) whose first line is a field, with a field every message has. The MIME parser reads any
 * bytes as a message with no headers: a CSV, a PNG or an empty file came out as kind "other".
 */
export function isMailMessage(raw: Buffer): boolean {
  const lines = raw
    .subarray(0, 64 * 1024)
    .toString("latin1")
    .split(/\r?\n/);
  const start = MBOX_FROM.test(lines[0] ?? "") ? 1 : 0;
  if (!FIELD.test(lines[start] ?? "")) return false;
  for (const line of lines.slice(start)) {
    if (line === "") break;
    const name = FIELD.exec(line)?.[1]?.toLowerCase();
    if (name !== undefined && MESSAGE_FIELDS.has(name)) return true;
  }
  return false;
}

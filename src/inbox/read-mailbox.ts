import { ImapFlow } from "imapflow";

export interface MailboxSettings {
  host: string;
  port: number;
  secure: boolean;
  user: string;
  password: string;
  mailbox: string;
  /** At most this many bytes of one message are fetched (IMAP partial fetch). */
  maxMessageBytes: number;
  rejectUnauthorized?: boolean;
  /** Reconnections after a dropped connection within one pass. */
  reconnects?: number;
}

/** One message as fetched: its first `maxMessageBytes` bytes. */
export interface FetchedMessage {
  uid: number;
  /** The message's whole size on the server. */
  size: number;
  raw: Buffer;
  isTruncated: boolean;
  /** `<uidValidity>:<uid>`: the message's identity in this mailbox. */
  key: string;
}

/** What a handler did with a message: `done` marks it \Seen; `keep` leaves it unseen. */
export type MessageVerdict = "done" | "keep";

export interface MailboxPass {
  /** Unseen messages found. */
  found: number;
  /** Messages handled and marked \Seen. */
  done: number;
  /** Messages left unseen (a handler said keep, or failed). */
  kept: number;
  /** Connection problems met on the way (each one reported). */
  connectionErrors: number;
}

/**
 * Reads every unseen message of the mailbox once, oldest first, one at a time (so a 20 MB message
 * costs at most `maxMessageBytes` of memory), and hands it to `handle`. A message is marked \Seen
 * only after its handler returned `done` — i.e. after its effect was committed — so a crash or a
 * dropped connection loses nothing: what was not marked is read again (handlers are idempotent).
 * A dropped connection is reported, reconnected (up to `reconnects` times) and the pass goes on.
 */
export async function readMailbox(
  settings: MailboxSettings,
  handle: (message: FetchedMessage) => Promise<MessageVerdict>,
  report: (line: string) => void,
): Promise<MailboxPass> {
  const pass: MailboxPass = { found: 0, done: 0, kept: 0, connectionErrors: 0 };
  const finished = new Set<number>();
  let attempts = 0;
  for (;;) {
    try {
      await readOnce(settings, finished, pass, handle, report);
      return pass;
    } catch (error) {
      pass.connectionErrors++;
      attempts++;
      const left = (settings.reconnects ?? 2) - attempts + 1;
      report(
        `inbox: connection to ${settings.host}:${settings.port} failed (${describe(error)}); ${
          left > 0 ? "reconnecting" : "the messages not yet read stay unseen for the next pass"
        }`,
      );
      if (left <= 0) return pass;
    }
  }
}

async function readOnce(
  settings: MailboxSettings,
  finished: Set<number>,
  pass: MailboxPass,
  handle: (message: FetchedMessage) => Promise<MessageVerdict>,
  report: (line: string) => void,
): Promise<void> {
  const client = new ImapFlow({
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    auth: { user: settings.user, pass: settings.password },
    logger: false,
    tls: { rejectUnauthorized: settings.rejectUnauthorized ?? true },
  });
  // imapflow emits 'error' on a socket failure; the pending command rejects as well.
  client.on("error", () => {});
  await client.connect();
  try {
    const lock = await client.getMailboxLock(settings.mailbox);
    try {
      const uidValidity = String(client.mailbox ? client.mailbox.uidValidity : 0);
      const unseen = (await client.search({ seen: false }, { uid: true })) || [];
      const todo = unseen.filter((uid) => !finished.has(uid)).sort((a, b) => a - b);
      if (pass.found === 0) pass.found = todo.length;
      for (const uid of todo) {
        const fetched = await client.fetchOne(
          String(uid),
          { uid: true, size: true, source: { start: 0, maxLength: settings.maxMessageBytes } },
          { uid: true },
        );
        if (fetched === false || !fetched.source) {
          finished.add(uid);
          continue;
        }
        const size = fetched.size ?? fetched.source.length;
        const message: FetchedMessage = {
          uid,
          size,
          raw: fetched.source,
          isTruncated: size > fetched.source.length,
          key: `${uidValidity}:${uid}`,
        };
        let verdict: MessageVerdict;
        try {
          verdict = await handle(message);
        } catch (error) {
          report(`inbox: message ${uid} left unseen: ${describe(error)}`);
          verdict = "keep";
        }
        finished.add(uid);
        if (verdict === "done") {
          await client.messageFlagsAdd(String(uid), ["\\Seen"], { uid: true });
          pass.done++;
        } else pass.kept++;
      }
    } finally {
      lock.release();
    }
    await client.logout();
  } finally {
    client.close();
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) return (error as Error & { code?: string }).code ?? error.message;
  return String(error);
}

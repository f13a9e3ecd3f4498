import nodemailer, { type SendMailOptions, type SMTPSentMessageInfo } from "nodemailer";
import addressparser from "nodemailer/lib/addressparser";
import type { DkimOptions } from "../mime/dkim-options.js";
import { toMailOptions } from "../mime/to-mail-options.js";
import { toSmtpError } from "./smtp-error.js";
import type { Mailer } from "./types.js";

/** Where and how to connect: the `smtp` transport of the config. */
export interface SmtpMailerOptions {
  /** nodemailer's URL form, e.g. smtp://user:pass@host:587 */
  url: string;
  pool: boolean;
  maxConnections: number;
  secure?: boolean;
  tls?: { rejectUnauthorized?: boolean; servername?: string };
  /** Signs every message, raw ones included (nodemailer signs in its send pipeline). */
  dkim?: DkimOptions;
}

/** Sends over SMTP through one (pooled) transporter; failures become SmtpError. */
export function createSmtpMailer(options: SmtpMailerOptions): Mailer {
  const { url, pool, maxConnections, secure, tls, dkim } = options;
  // Options in the URL's query string win over these, as nodemailer merges them.
  const transporter = nodemailer.createTransport({
    url,
    ...(pool && { pool: true, maxConnections }),
    ...(secure !== undefined && { secure }),
    ...(tls && { tls }),
    ...(dkim && { dkim }),
  });
  const submit = async (mail: SendMailOptions, recipient: string) => {
    let info: SMTPSentMessageInfo;
    try {
      info = await transporter.sendMail(mail);
    } catch (error) {
      throw toSmtpError(error, recipient);
    }
    // One recipient per message, so a rejection normally throws above; this is the backstop.
    const [rejected] = info.rejectedErrors ?? [];
    if (rejected) throw toSmtpError(rejected, recipient);
    return info.response;
  };
  return {
    async send(message) {
      // Outside the try: a HEADER_INVALID is ours, not the server's, and nothing was sent.
      const mail = toMailOptions(message);
      const [to] = addressparser(message.to, { flatten: true });
      const response = await submit(mail, to?.address ?? message.to);
      return { messageId: message.messageId, response };
    },
    async sendRaw({ envelope, messageId, raw }) {
      const response = await submit({ envelope, raw, messageId }, envelope.to);
      return { messageId, response };
    },
    async close() {
      transporter.close();
    },
  };
}

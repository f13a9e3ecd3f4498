import nodemailer, { type SMTPSentMessageInfo } from "nodemailer";
import addressparser from "nodemailer/lib/addressparser";
import { toSmtpError } from "./smtp-error.js";
import { toMailOptions } from "./to-mail-options.js";
import type { Mailer } from "./types.js";

/** Where and how to connect: the `smtp` transport of the config. */
export interface SmtpMailerOptions {
  /** nodemailer's URL form, e.g. smtp://user:pass@host:587 */
  url: string;
  pool: boolean;
  maxConnections: number;
}

/** Sends over SMTP; failures become SmtpError (SMTP_TRANSIENT or SMTP_PERMANENT). */
export function createSmtpMailer({ url, pool, maxConnections }: SmtpMailerOptions): Mailer {
  // Options in the URL's query string win over these, as nodemailer merges them.
  const transporter = pool
    ? nodemailer.createTransport({ url, pool: true, maxConnections })
    : nodemailer.createTransport({ url });
  return {
    async send(message) {
      // Outside the try: a HEADER_INVALID is ours, not the server's, and nothing was sent.
      const options = toMailOptions(message);
      const [to] = addressparser(message.to, { flatten: true });
      const recipient = to?.address ?? message.to;
      let info: SMTPSentMessageInfo;
      try {
        info = await transporter.sendMail(options);
      } catch (error) {
        throw toSmtpError(error, recipient);
      }
      // One recipient per message, so a rejection normally throws above; this is the backstop.
      const [rejected] = info.rejectedErrors ?? [];
      if (rejected) throw toSmtpError(rejected, recipient);
      return { messageId: message.messageId, response: info.response };
    },
    async close() {
      transporter.close();
    },
  };
}

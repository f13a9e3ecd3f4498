import nodemailer, { type SendMailOptions, type SMTPSentMessageInfo } from "nodemailer";
import { createSigner } from "../mime/sign-message.js";
import type { ConfigOf, TransportOptions } from "./registry.js";
import { toSmtpError } from "./smtp-error.js";
import type { Transport } from "./types.js";

/**
 * Sends the message's bytes over SMTP through one (pooled) transporter, DKIM-signed in
 * nodemailer's pipeline; failures become SmtpError, classified after RFC 5321 and RFC 3463.
 */
export function createSmtpTransport(
  config: ConfigOf<"smtp">,
  options: TransportOptions,
): Transport {
  const { url, pool, maxConnections, secure, tls } = config;
  const { dkim } = options;
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
  let sign: ReturnType<typeof createSigner> | undefined;
  return {
    async send(message) {
      const { envelope, messageId } = message;
      const response = await submit({ envelope, raw: await message.raw(), messageId }, envelope.to);
      return { messageId, response };
    },
    async check(message) {
      sign ??= createSigner(dkim);
      return (await sign(await message.raw(), message.envelope)).length;
    },
    async close() {
      transporter.close();
    },
  };
}

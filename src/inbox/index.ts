export {
  type Classification,
  type ClassifyOptions,
  classifyMessage,
  type MessageKind,
} from "./classify/classify-message.js";
export {
  type FetchedMessage,
  type MailboxPass,
  type MailboxSettings,
  type MessageVerdict,
  readMailbox,
} from "./read-mailbox.js";

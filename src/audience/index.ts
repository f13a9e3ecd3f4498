export { findAddressToken, plusAddress, signAddressToken } from "./address-tokens.js";
export { applyMailEvent, type MailEvent } from "./apply-mail-event.js";
export {
  checkEmail,
  emailKey,
  mailboxKey,
  normalizeEmail,
  printableEmail,
} from "./email-address.js";
export { exportSubscribers } from "./export-subscribers.js";
export { importSubscribers } from "./import-subscribers.js";
export { joinUrl, preferencesUrl, unsubscribeUrl, webVersionUrl } from "./links.js";
export {
  confirmSignup,
  joinWithConsent,
  type SignupOutcome,
  savePreferences,
  signUp,
  unsubscribe,
  unsubscribeAll,
  type WindowLimit,
} from "./membership.js";
export { readSigningKeys, type SigningKeys } from "./signing-keys.js";
export { subscriberName } from "./subscriber-name.js";
export { sealSubscriberRef } from "./subscriber-ref.js";
export { exportSuppressions, importSuppressions } from "./suppressions-csv.js";
export { type SyncReport, syncSubscribers } from "./sync-subscribers.js";
export {
  type SigningKey,
  signToken,
  signValue,
  type TokenClaims,
  type TokenPurpose,
  verifyToken,
} from "./tokens.js";

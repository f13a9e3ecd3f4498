export { escapeEnvReferences, hasEnvReference } from "./interpolate-env.js";
export {
  advertisedMailto,
  DEFAULT_CONFIG_PATH,
  type LoadedConfig,
  loadConfig,
  parseConfigText,
} from "./load.js";
export {
  Config,
  type FeedConfig,
  type ListConfig,
  type ListFilters,
  parseDuration,
  type ScheduleConfig,
  type ServiceEventsConfig,
  type TransportConfig,
  type WebhookConfig,
} from "./schema.js";

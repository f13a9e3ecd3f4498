export { addFeeds } from "./add-feeds.js";
export { escapeEnvReferences, hasEnvReference } from "./interpolate-env.js";
export {
  BUILT_IN_THEME_DIR,
  DEFAULT_CONFIG_PATH,
  type LoadedConfig,
  loadConfig,
  parseConfigText,
} from "./load.js";
export {
  Config,
  type DeliveryConfig,
  type FeedConfig,
  type InboxConfig,
  type ListConfig,
  type ListFilters,
  parseDuration,
  type ScheduleConfig,
  type ServiceEventsConfig,
  type TransportConfig,
  type WebhookConfig,
} from "./schema.js";
export type { LlmSummarizerConfig, SummarizerConfig } from "./summarizer-config.js";

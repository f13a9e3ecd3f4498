// What the config reads of deliver: each transport's config schema, from the registry. A face of
// its own, beside index.ts, so that loading the config (every command) does not load the send
// (issue 17 §6).
export { TransportConfig } from "./transports/registry.js";

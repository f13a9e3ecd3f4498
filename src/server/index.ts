export type { AppOptions } from "./app-deps.js";
export { createApp } from "./create-app.js";
export { type RunningServer, startServer } from "./start-server.js";

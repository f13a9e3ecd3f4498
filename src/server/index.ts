export { type AfterAnswer, createAfterAnswer } from "./after-answer.js";
export type { AppOptions } from "./app-deps.js";
export { createApp } from "./create-app.js";
export { createPreviewServer, watchPreview } from "./preview/create-preview-server.js";
export { selectionQuery } from "./preview/preview-selection.js";
export { readFixture } from "./preview/read-fixture.js";
export { takeScreenshot } from "./preview/take-screenshot.js";
export { type RunningServer, startServer } from "./start-server.js";

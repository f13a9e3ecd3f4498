export { cronProblem } from "./cron-problem.js";
export { describeNextRun, nextRunOrProblem } from "./next-run.js";
export { startSchedules } from "./start-schedules.js";

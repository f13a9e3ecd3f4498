import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";
import { BaseSequencer, type TestSpecification } from "vitest/node";

// The files that take longest (child processes, leases, a browser), started first so that none of
// them is left running alone at the end. Vitest orders the others by the durations it remembers
// from the last run (largest file first on a fresh checkout).
const SLOWEST = [
  "test/e2e/delivery-crash.test.ts",
  "test/worker/workers-crash.test.ts",
  "test/review/review-mode.test.ts",
  "test/cli/article.test.ts",
  "test/cli/commands.test.ts",
];

class SlowestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (file: TestSpecification) => {
      const index = SLOWEST.findIndex((slow) => file.moduleId.endsWith(slow));
      return index === -1 ? SLOWEST.length : index;
    };
    // A stable sort: the rest keep Vitest's order.
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Vitest's default is one worker per core less one: a single worker on a 2-core machine, which
    // leaves a core idle while a test waits on a child process, a lease, PostgreSQL or Chromium.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    sequence: { sequencer: SlowestFirst },
  },
});

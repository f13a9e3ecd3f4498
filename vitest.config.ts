import { availableParallelism } from "node:os";
import { configDefaults, defineConfig } from "vitest/config";
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

// Test files that share one module graph per worker instead of loading the sources again for
// each file: half the CPU time of these directories (104 s → 57 s for their 70 files). Their
// files leave no state behind (no fake timers, no environment changes, no mocks, no globals),
// which a directory must keep to join the list.
const SHARED_MODULES = [
  "test/audience/**/*.test.ts",
  "test/compose/**/*.test.ts",
  "test/deliver/**/*.test.ts",
  "test/enrich/**/*.test.ts",
  "test/ingest/**/*.test.ts",
  "test/render/**/*.test.ts",
];

const timeouts = {
  // A guard against a hung test, not a speed check: on a loaded 2-core machine a test that runs
  // the CLI a dozen times took 60 s (10 s when the machine is idle).
  testTimeout: 180_000,
  hookTimeout: 180_000,
};

export default defineConfig({
  test: {
    // Once for the run, whichever projects run.
    globalSetup: ["test/global-setup.ts"],
    projects: [
      { test: { name: "shared", include: SHARED_MODULES, isolate: false, ...timeouts } },
      {
        test: {
          name: "isolated",
          include: ["test/**/*.test.ts"],
          exclude: [...configDefaults.exclude, ...SHARED_MODULES],
          ...timeouts,
        },
      },
    ],
    // Vitest's default is one worker per core less one: a single worker on a 2-core machine, which
    // leaves a core idle while a test waits on a child process, a lease, PostgreSQL or Chromium.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    sequence: { sequencer: SlowestFirst },
  },
});

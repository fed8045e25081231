// The order Vitest starts test files in. Its own order puts the longest first when it remembers durations
// (node_modules/.vite, which a clean clone such as CI lacks), otherwise the largest file first. Some small files
// run long (restarts, leases, lockouts, many password checks, a hundred rounds of co-editing): started late, one
// of them alone finishes the run long after the other workers are idle, so they start first.
import { BaseSequencer, type TestSpecification } from "vitest/node";

/** Long for their size, longest first (the durations Vitest recorded on a two-core machine, 1 Dec 2026). */
const SLOW_FIRST = [
  "tests/integration/collab/comment-anchors.test.ts",
  "tests/integration/collab/crash.test.ts",
  "tests/integration/sign-in-concurrency.test.ts",
  "tests/integration/throttle.test.ts",
  "tests/integration/email-outbox-crash.test.ts",
  "tests/integration/proxy-hops-http.test.ts",
  "tests/integration/collab/convergence.test.ts",
  "tests/integration/audit-chain.test.ts",
  "tests/integration/two-process.test.ts",
];

export class SlowFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (spec: TestSpecification) => {
      const index = SLOW_FIRST.findIndex((file) => spec.moduleId.endsWith(`/${file}`));
      return index === -1 ? SLOW_FIRST.length : index;
    };
    // A stable sort: the rest keep Vitest's order.
    return sorted.sort((a, b) => rank(a) - rank(b));
  }
}

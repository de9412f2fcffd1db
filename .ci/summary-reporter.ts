/**
 * Counts the run per project (pglite, postgres, browser) and writes the one closing line CI reads,
 * `<passed> passed, <failed> failed, <skipped> skipped`, to $PEIKLY_SUMMARY_FILE; .ci/run prints
 * it last. A file that failed outside any test (import error, failing beforeAll) counts as one
 * failure, and so does each unhandled error, so a broken run can never read as green.
 */
import { writeFileSync } from 'node:fs';
import type { Reporter, TestModule, Vitest } from 'vitest/node';

interface Counts {
  passed: number;
  failed: number;
  skipped: number;
  files: number;
}

export default class SummaryReporter implements Reporter {
  private projects: string[] = [];

  onInit(vitest: Vitest): void {
    this.projects = vitest.projects.map((p) => p.name);
  }

  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    const byProject = new Map<string, Counts>(
      this.projects.map((name) => [name, { passed: 0, failed: 0, skipped: 0, files: 0 }]),
    );
    for (const module of testModules) {
      const name = module.project.name;
      const counts = byProject.get(name) ?? { passed: 0, failed: 0, skipped: 0, files: 0 };
      byProject.set(name, counts);
      counts.files++;
      let failedHere = 0;
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') counts.passed++;
        else if (state === 'failed') {
          counts.failed++;
          failedHere++;
        } else counts.skipped++;
      }
      if (failedHere === 0 && (module.state() === 'failed' || module.errors().length > 0)) counts.failed++;
    }
    const total: Counts = { passed: 0, failed: 0, skipped: 0, files: 0 };
    const lines = ['', 'Summary by project'];
    for (const [name, c] of byProject) {
      lines.push(`  ${name.padEnd(9)} ${c.passed} passed · ${c.failed} failed · ${c.skipped} skipped · ${c.files} files`);
      total.passed += c.passed;
      total.failed += c.failed;
      total.skipped += c.skipped;
    }
    total.failed += unhandledErrors.length;
    if (unhandledErrors.length > 0) lines.push(`  ${unhandledErrors.length} unhandled error(s), counted as failures`);
    process.stdout.write(lines.join('\n') + '\n');
    const closing = `${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`;
    if (process.env.PEIKLY_SUMMARY_FILE) writeFileSync(process.env.PEIKLY_SUMMARY_FILE, closing + '\n');
    else process.stdout.write(closing + '\n');
  }
}

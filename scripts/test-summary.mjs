// Adds up the first commands', the unit (Vitest), the Python and the end-to-end (Playwright)
// reports:
// "tests: N passed, N failed". Exits 1 when any test failed or no report was written.
import { existsSync, readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
let reports = 0;

const vitest = 'test-results/vitest.json';
if (existsSync(vitest)) {
  const report = JSON.parse(readFileSync(vitest, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  reports++;
}

const playwright = 'test-results/playwright.json';
if (existsSync(playwright)) {
  const report = JSON.parse(readFileSync(playwright, 'utf8'));
  passed += report.stats.expected + (report.stats.flaky ?? 0);
  failed += report.stats.unexpected;
  reports++;
}

// The README's commands right after `npm ci` (scripts/first-commands.sh) and the Python
// recorder's tests (scripts/python-tests.sh): {"passed":N,"failed":N}.
for (const file of ['test-results/first-commands.json', 'test-results/python.json']) {
  if (!existsSync(file)) continue;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  passed += report.passed;
  failed += report.failed;
}

// A step before or between the runners failed (types, lint, format, the lecture check, a
// server that did not start): count it, so the line never says 0 failed for a failed run.
const status = Number(process.argv[2] ?? 0);
if (status !== 0 && failed === 0) failed = 1;

console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 || reports === 0 ? 1 : 0);

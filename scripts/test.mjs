// `npm test`: everything, in the order a failure is cheapest to find — type-check, unit
// tests in Node, build, browser tests against the build. Ends with one "N passed, N failed"
// line (CI reads it), counted from Vitest's JSON reports.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, mkdirSync } from 'node:fs';
import { findChromium, INSTALL_HINT } from './find-chromium.mjs';

const RESULTS = '.vitest-results';
rmSync(RESULTS, { recursive: true, force: true });
mkdirSync(RESULTS);

let passed = 0;
let failed = 0;
let broken = [];

function run(label, cmd, args) {
  console.log(`\n▶ ${label}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  if (r.status !== 0) broken.push(label);
  return r.status === 0;
}

function vitest(project) {
  const out = `${RESULTS}/${project}.json`;
  const ok = run(`${project} tests`, 'npx', [
    'vitest',
    'run',
    '--project',
    project,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${out}`,
  ]);
  try {
    const report = JSON.parse(readFileSync(out, 'utf8'));
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    if (!ok && report.numFailedTests === 0) failed += 1; // a crash outside any test still counts
  } catch {
    failed += 1; // no report: the run itself failed
  }
}

run('type-check (app)', 'npx', ['tsc', '-p', 'tsconfig.app.json']);
run('type-check (node)', 'npx', ['tsc', '-p', 'tsconfig.node.json']);
run('format check', 'npx', [
  'prettier',
  '--check',
  '--log-level',
  'warn',
  'src/**/*.{ts,css}',
  'test/**/*.ts',
  'bench/**/*.ts',
  'scripts/**/*.mjs',
  'assets/**/*.css',
  '*.ts',
]);
vitest('unit');

const chromium = findChromium();
if (!chromium) {
  console.error(INSTALL_HINT);
  broken.push('browser tests (no Chromium)');
  failed += 1;
} else if (run('build', 'npx', ['vite', 'build', '--logLevel', 'warn'])) {
  // The one-file build too: test/e2e/single-file.test.ts opens dist-single/rectify.html.
  run('build (one file)', 'node', ['scripts/build-single.mjs']);
  vitest('e2e');
}

if (broken.length) console.error(`\nFailed steps: ${broken.join(', ')}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(broken.length || failed ? 1 : 0);

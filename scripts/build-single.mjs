// `npm run build:single`: the deck as one HTML file, dist-single/rectify.html, that opens by
// double-click (file://) with no network. The packing itself is Vite's mode `single`
// (scripts/single-file.mjs); this checks the result is one file and prints its size.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { SINGLE_FILE_NAME } from './single-file.mjs';

const outDir = process.argv.find((a) => a.startsWith('--outDir='))?.slice('--outDir='.length) ?? 'dist-single';

await build({ mode: 'single', logLevel: 'warn', build: { outDir, emptyOutDir: true } });

const files = readdirSync(outDir, { recursive: true, withFileTypes: true }).filter((f) => f.isFile());
if (files.length !== 1 || files[0].name !== SINGLE_FILE_NAME) {
  console.error(`build:single: expected only ${SINGLE_FILE_NAME} in ${outDir}, found: ${files.map((f) => f.name).join(', ')}`);
  process.exit(1);
}
const bytes = readFileSync(join(outDir, SINGLE_FILE_NAME));
const mb = (n) => `${(n / 1e6).toFixed(2)} MB`;
console.log(`${outDir}/${SINGLE_FILE_NAME}: ${mb(bytes.length)} (${mb(gzipSync(bytes).length)} gzip)`);

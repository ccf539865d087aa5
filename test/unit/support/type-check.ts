/**
 * Type-checks TypeScript files against the editor's generated declarations with the project's
 * own `tsc`, the way Monaco sees them: each declaration text is a package under
 * `node_modules/<name>/index.d.ts`, so `import … from 'core'` and `from 'rectify'` resolve.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '../../..');

/** Generated declaration files of the project, by the module name the editor gives them. */
export const EDITOR_DTS = {
  core: join(root, 'src/core/generated/core.d.ts.txt'),
  rectify: join(root, 'src/sandbox/generated/snippet-api.d.ts.txt'),
} as const;

/**
 * Writes `packages` (module name → declarations) and `files` (name → source) to a temp dir and
 * runs strict `tsc --noEmit` on each file; returns each file's diagnostics ('' when clean).
 */
export function typeCheck(packages: Record<string, string>, files: Record<string, string>): Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), 'rectify-type-check-'));
  try {
    for (const [name, text] of Object.entries(packages)) {
      mkdirSync(join(dir, 'node_modules', name), { recursive: true });
      writeFileSync(join(dir, 'node_modules', name, 'index.d.ts'), text);
    }
    const results: Record<string, string> = {};
    for (const [name, source] of Object.entries(files)) {
      writeFileSync(join(dir, name), source);
      const r = spawnSync(
        process.execPath,
        [
          join(root, 'node_modules/typescript/bin/tsc'),
          join(dir, name),
          '--ignoreConfig',
          '--noEmit',
          '--strict',
          '--target',
          'es2022',
          '--lib',
          'es2023',
          '--module',
          'esnext',
          '--moduleResolution',
          'bundler',
          '--types',
          '',
        ],
        { encoding: 'utf8', cwd: dir },
      );
      results[name] = r.stdout + r.stderr;
    }
    return results;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Exported declarations of a `.d.ts` text that have no doc comment right above them. */
export function undocumentedExports(text: string): string[] {
  const lines = text.split('\n');
  return lines.flatMap((line, i) => {
    if (!/^\s*export (declare )?(function|const|class|interface|type|namespace) /.test(line)) return [];
    return /\*\/\s*$/.test(lines[i - 1] ?? '') ? [] : [line.trim()];
  });
}

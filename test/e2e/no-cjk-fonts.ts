/**
 * A machine without Chinese fonts, simulated for one Chromium: a fontconfig file that lists
 * the system's fonts minus every font that covers Chinese, Japanese or Korean (symlinked into
 * a temporary folder). Launch Chromium with {@link NoCjkFonts.env} to get it.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

export interface NoCjkFonts {
  /** Environment for `chromium.launch({ env })`. */
  env: Record<string, string>;
  /** How many font files were kept. */
  fonts: number;
  remove(): void;
}

const fontFiles = (pattern: string): string[] =>
  execFileSync('fc-list', ['--format', '%{file}\n', pattern], { encoding: 'utf8' }).split('\n').filter(Boolean);

/** Builds the fontconfig set-up (needs `fc-list`, which Chromium's fontconfig brings). */
export function noCjkFonts(): NoCjkFonts {
  const cjk = new Set([':lang=zh-cn', ':lang=zh-tw', ':lang=ja', ':lang=ko'].flatMap(fontFiles));
  const keep = [...new Set(fontFiles(':'))].filter((file) => !cjk.has(file));
  const dir = mkdtempSync(join(tmpdir(), 'rectify-no-cjk-'));
  mkdirSync(join(dir, 'fonts'));
  keep.forEach((file, i) => symlinkSync(file, join(dir, 'fonts', `${i}-${basename(file)}`)));
  const config = join(dir, 'fonts.conf');
  writeFileSync(
    config,
    `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n  <dir>${join(dir, 'fonts')}</dir>\n  <cachedir>${join(dir, 'cache')}</cachedir>\n</fontconfig>\n`,
  );
  const env = Object.fromEntries(Object.entries(process.env).filter((entry): entry is [string, string] => entry[1] !== undefined));
  return { env: { ...env, FONTCONFIG_FILE: config }, fonts: keep.length, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

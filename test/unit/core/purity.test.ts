// src/core must run unchanged in Node, in a Blob Worker and in the browser: it imports only
// itself, touches no host globals and draws randomness only from createRng.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = join(import.meta.dirname, '../../../src/core');
const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));
// Comments may mention these words; code may not.
const code = (f: string) => readFileSync(join(dir, f), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');

describe('src/core', () => {
  it.each(files)('%s imports only files inside src/core', (f) => {
    const imports = [...code(f).matchAll(/\bfrom\s+'([^']+)'|\bimport\s*\(\s*'([^']+)'/g)].map((m) => m[1] ?? m[2]);
    expect(imports.filter((p) => !p.startsWith('./'))).toEqual([]);
  });

  it.each(files)('%s uses no Math.random, DOM, Worker or Node globals', (f) => {
    expect(code(f)).not.toMatch(
      /Math\.random|\b(window|document|self|globalThis|process|require|postMessage|importScripts|localStorage|fetch)\b/,
    );
  });
});

/**
 * The slides are executable docs: every ```ts live snippet in slides/ transpiles and runs
 * against the real core in Node, and its plots pass the sandbox's plot schema. A change to
 * the core that breaks a demo fails here, before anyone presents it.
 */
import { describe, expect, it } from 'vitest';
import { liveSnippets, runSnippet, testTimeoutFor } from './run-snippets';

const snippets = liveSnippets();

describe('live snippets in slides/', () => {
  it('exist (the deck proves its claims live)', () => {
    expect(snippets.length).toBeGreaterThan(0);
  });

  for (const snippet of snippets) {
    it(`${snippet.file}:${snippet.line} (#${snippet.slideId}) runs against the core and shows something`, async () => {
      const { logs, plots } = await runSnippet(snippet);
      expect(logs.length + plots.length).toBeGreaterThan(0);
    }, testTimeoutFor(snippet));
  }
});

/**
 * Outputs before Run, as a block feature: a block still showing its slide's code shows the
 * output that code gave when the deck was built (sandbox/precomputed.ts), marked as such, once
 * its slide is near — most readers never press Run, and the story must be told without it. A
 * block whose figures depend on the viewer's machine says so instead of showing the build
 * machine's. The first run here (or from another window) replaces it.
 */
import { t, pageLanguage } from '../i18n/ui-text';
import { fingerprint } from '../slides/live-options';
import type { PrecomputedBlock, PrecomputedOutputs } from '../sandbox/precomputed';
import type { BlockFeature } from './block-feature';

const loadTables = () => import('../sandbox/precomputed');

export function precomputedOutputFeature(): BlockFeature {
  // One table per language, loaded once for every block that asks.
  const tables = new Map<string, Promise<PrecomputedOutputs | undefined>>();
  const tableFor = (language: 'zh' | 'en') => {
    if (!tables.has(language))
      tables.set(
        language,
        loadTables()
          .then((m) => m.loadPrecomputedOutputs(language))
          .catch((error: unknown) => {
            console.warn('Rectify: precomputed outputs could not be loaded; blocks show nothing before Run', error);
            return undefined;
          }),
      );
    return tables.get(language)!;
  };

  return {
    attach(block) {
      let ran = false;
      let detached = false;
      const mark = document.createElement('span');
      mark.className = 'live-precomputed';
      mark.hidden = true;
      block.part('toolbar').append(mark);
      const show = (entry: PrecomputedBlock) => {
        if (entry.status === 'ok') {
          block.showOutputs(entry.outputs);
          block.element.dataset.outputFrom = 'precomputed';
          mark.textContent = t('precomputedMark');
        } else if (entry.status === 'machine-dependent') {
          block.element.dataset.outputFrom = 'machine-dependent';
          mark.textContent = t('machineDependentMark');
        } else return;
        mark.hidden = false;
      };
      const offNear = block.on('near', () => {
        offNear();
        if (block.code() !== block.plan.original) return;
        const language = pageLanguage();
        void tableFor(language).then(async (table) => {
          const { precomputedFor } = await loadTables();
          const entry = precomputedFor(table, block.id, fingerprint(block.plan.original));
          // A run (or a dispose) while the table loaded wins: its output is the live one.
          if (entry && !ran && !detached && block.status() === 'idle' && block.code() === block.plan.original) show(entry);
        });
      });
      const offRun = block.on('run-start', () => {
        ran = true;
        mark.hidden = true;
        delete block.element.dataset.outputFrom;
      });
      return () => {
        detached = true;
        offNear();
        offRun();
        mark.remove();
      };
    },
  };
}

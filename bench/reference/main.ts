// The cold-load reference: plain reveal.js + its markdown plugin (no other plugins), the
// same slide files joined with reveal's standard separators, and a stock theme that loads
// no web fonts (serif). What a careful author gets from reveal.js alone.
import Reveal from 'reveal.js';
import Markdown from 'reveal.js/plugin/markdown';
import 'reveal.js/reset.css';
import 'reveal.js/reveal.css';
import 'reveal.js/theme/serif.css';

const files = import.meta.glob<string>('../../slides/*.md', { query: '?raw', import: 'default', eager: true });
const section = document.createElement('section');
section.setAttribute('data-markdown', '');
section.setAttribute('data-separator-vertical', '^\\r?\\n--\\r?\\n$');
const template = document.createElement('textarea');
template.setAttribute('data-template', '');
template.textContent = Object.keys(files)
  .sort()
  .map((k) => files[k])
  .join('\n\n---\n\n');
section.append(template);
document.querySelector('.reveal .slides')!.append(section);

await new Reveal({ hash: true, plugins: [Markdown] }).initialize();
document.documentElement.dataset.deckReady = 'true';

/**
 * What a person sees (issue 9, "make the tests look"): every slide in Chinese and English at
 * 1280×800, 1920×1080 and a 390×844 phone, after its live blocks ran once, checked for what
 * a first-time viewer notices in a minute — literal Markdown, content past the slide's edge,
 * output panels that scroll sideways, arrows that cannot be clicked, blank overview
 * thumbnails, legends over data, English in the Chinese deck. Each probe is first run on a
 * fixture deck (test/fixtures/visual-deck) made to contain each defect, so a green run means
 * the probes looked and found nothing, not that they cannot see. The slides are visited as
 * `npm run shots` visits them (scripts/visit-slides.mjs): to see a finding, shoot that slide.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from 'vite';
import type { Browser } from 'playwright-core';
import { DIST, launchChromium, slidesFrom } from './harness';
import { serveStatic, type StaticServer } from '../../scripts/static-server.mjs';
import {
  LANGUAGES,
  VIEWPORTS,
  listSlides,
  openDeck,
  openSearch,
  runBlocks,
  setHelp,
  setOverview,
  showSlide,
  type OpenDeck,
} from '../../scripts/visit-slides.mjs';

const FIXTURE = '/test/fixtures/visual-deck/*.md';
const FIXTURE_OUT = 'dist-fixture-visual';

/** What a probe found, on which slide (`''` for the deck's own interface: help, search, buttons). */
interface Finding {
  slide: string;
  check: Check;
  detail: string;
}
type Check = 'markdown' | 'overflow' | 'output-scroll' | 'control' | 'overview' | 'legend' | 'english' | 'run';

/** What the probes saw, to prove on the real deck that they looked at something. */
interface Seen {
  texts: number;
  elements: number;
  controls: number;
  legends: number;
  points: number;
  thumbnails: number;
}

/**
 * Latin words a Chinese slide rightly shows as they are: names of functions and methods the
 * article itself uses (ReLU, Leaky, sigmoid, tanh, GELU, ELU, Softplus, max, XOR, MSE; the
 * initialisations named after their authors, Glorot and He), AI, "vs" as Chinese writing uses
 * it, the name printed on a key (Ctrl, Shift, Alt, Enter, Esc, Cmd, Space), a unit (ms), and
 * the deck's and the plotting library's names. Single letters are maths or names (x, f,
 * 客人 A), and words with digits are identifiers (L1, CS231n): neither is checked.
 */
const ALLOWED_WORDS = [
  ...['ReLU', 'Leaky', 'sigmoid', 'tanh', 'GELU', 'ELU', 'Softplus', 'max', 'XOR', 'MSE', 'Glorot', 'He', 'AI', 'vs'],
  ...['Ctrl', 'Shift', 'Alt', 'Enter', 'Esc', 'Cmd', 'Space', 'ms', 'Rectify', 'Plotly'],
];
/** Terms the article introduces with their English name next to the Chinese one (训练轮数（epoch）). */
const ALLOWED_PHRASES = ['Rectified Linear Unit', 'Leaky ReLU', 'Dead ReLU', 'Deep Learning', '（epoch）'];

let browser: Browser;
let deckServer: StaticServer;
let fixtureServer: StaticServer;

beforeAll(async () => {
  await build({ plugins: [slidesFrom(FIXTURE)], build: { outDir: FIXTURE_OUT, emptyOutDir: true }, logLevel: 'silent' });
  [deckServer, fixtureServer, browser] = await Promise.all([serveStatic(DIST), serveStatic(FIXTURE_OUT), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await deckServer?.close();
  await fixtureServer?.close();
});

describe('the probes, on a fixture deck made of the defects they look for', () => {
  let deck: OpenDeck;
  let findings: Finding[];
  let seen: Seen;
  const on = (slide: string, check: Check) => findings.filter((f) => f.slide === slide && f.check === check).map((f) => f.detail);

  beforeAll(async () => {
    deck = await openDeck(browser, fixtureServer.url, { lang: 'zh', size: '1280x800' });
    ({ findings, seen } = await lookAtDeck(deck));
  }, 120_000);
  afterAll(async () => deck?.context.close());

  it('report nothing on a clean slide (allowed terms, a citation, code, bold, text marked as English)', () => {
    expect(findings.filter((f) => f.slide === 'clean')).toEqual([]);
  });

  it('find literal Markdown markers outside code', () => {
    const found = on('markdown-markers', 'markdown').join('\n');
    for (const marker of ['**', '__', '`', '<!--']) expect(found).toContain(`"${marker}"`);
  });

  it("find an element that sticks out of the slide's box, not a code line that scrolls in its own", () => {
    expect(on('overflow', 'overflow')).toEqual([expect.stringMatching(/^<div> "这一段比幻灯片宽" .*right edge/)]);
  });

  it('find an output panel that scrolls sideways', () => {
    expect(on('output-scroll', 'output-scroll')).toEqual([expect.stringMatching(/content \d+ px wide in a \d+ px panel/)]);
  });

  it('find English words and labels in the Chinese deck', () => {
    const found = on('english', 'english').join('\n');
    expect(found).toContain('Click, the, button, below');
    expect(found).toContain('title "Run this"');
  });

  it('find the arrows covered by the slide-number badge, only on the slide where they are', () => {
    const covered = findings.filter((f) => f.check === 'control');
    expect(covered.length).toBeGreaterThan(0);
    expect(covered.every((f) => f.slide === 'covered-controls' && /hits <div\.slide-number>|hits <a>|hits <span/.test(f.detail))).toBe(
      true,
    );
    expect(seen.controls).toBeGreaterThan(0);
  });

  it('find no legend over data where there is none, and the legend once it is moved over the lines', async () => {
    expect(on('legend', 'legend')).toEqual([]);
    expect(seen.legends).toBe(1);
    expect(seen.points).toBeGreaterThan(100);
    await showSlide(
      deck,
      (await listSlides(deck.page)).find((s) => s.id === 'legend')!,
    );
    // The DOM a bad layout produces: the legend group drawn in the middle of the plot area,
    // where both lines (y = x and y = −x) cross.
    await deck.page.evaluate(() => {
      const area = document.querySelector('#legend .nsewdrag')!;
      const legend = document.querySelector<SVGGElement>('#legend g.legend')!;
      const box = legend.getBBox();
      const x = Number(area.getAttribute('x')) + Number(area.getAttribute('width')) / 2 - box.width / 2;
      const y = Number(area.getAttribute('y')) + Number(area.getAttribute('height')) / 2 - box.height / 2;
      legend.setAttribute('transform', `translate(${x},${y})`);
    });
    const moved = await deck.page.evaluate(probeSlide, { scrollView: false, zh: true, words: ALLOWED_WORDS, phrases: ALLOWED_PHRASES });
    expect(moved.findings.filter((f) => f.check === 'legend')).toEqual([
      { check: 'legend', detail: expect.stringMatching(/^the legend covers \d+ drawn points of the plot/) },
    ]);
  });

  it('find blank overview thumbnails, and see them when they are there', async () => {
    expect(findings.filter((f) => f.check === 'overview')).toEqual([]);
    expect(seen.thumbnails).toBeGreaterThanOrEqual(3);
    await deck.page.evaluate(() => document.getElementById('blank-thumbnails')!.setAttribute('media', 'all'));
    await setOverview(deck, true);
    const blank = await deck.page.evaluate(probeOverview);
    await setOverview(deck, false);
    expect(blank.findings).toEqual([
      { check: 'overview', detail: expect.stringMatching(/^[3-9] thumbnails show no heading: clean \(display:none\), /) },
    ]);
  });

  it('on the phone, compare against the page width: the wide element is reported there too', async () => {
    const phone = await openDeck(browser, fixtureServer.url, { lang: 'zh', size: '390x844' });
    try {
      const slides = await listSlides(phone.page);
      await showSlide(
        phone,
        slides.find((s) => s.id === 'overflow')!,
      );
      const probed = await phone.page.evaluate(probeSlide, { scrollView: true, zh: true, words: ALLOWED_WORDS, phrases: ALLOWED_PHRASES });
      expect(probed.findings.filter((f) => f.check === 'overflow').map((f) => f.detail)).toEqual([
        expect.stringMatching(/^<div> "这一段比幻灯片宽" .*right edge of the page/),
      ]);
      await showSlide(
        phone,
        slides.find((s) => s.id === 'clean')!,
      );
      const clean = await phone.page.evaluate(probeSlide, { scrollView: true, zh: true, words: ALLOWED_WORDS, phrases: ALLOWED_PHRASES });
      expect(clean.findings).toEqual([]);
    } finally {
      await phone.context.close();
    }
  });
});

describe('what a person sees of the deck', () => {
  for (const lang of LANGUAGES) {
    for (const size of Object.keys(VIEWPORTS)) {
      it(`${lang} at ${size}: no literal Markdown, nothing past the slide, no sideways output, clickable arrows, full thumbnails, legends clear of data${lang === 'zh' ? ', no English' : ''}`, async () => {
        const deck = await openDeck(browser, deckServer.url, { lang, size });
        try {
          const { findings, seen, slides } = await lookAtDeck(deck);
          // Proof the probes looked at the deck (its slides, text, elements, plots, and on a
          // desktop its arrows and thumbnails), reported in the same list as what they found.
          const seenAll: Record<string, number> = { slides, ...seen };
          const least = {
            slides: 20,
            texts: 200,
            elements: 200,
            points: 1000,
            legends: 1,
            ...(deck.scrollView ? {} : { controls: 1, thumbnails: 3 }),
          };
          const blind = Object.entries(least)
            .filter(([what, count]) => seenAll[what]! < count)
            .map(([what]) => `${lang} ${size}: the probes saw only ${seenAll[what]} ${what}`);
          // As one string, so a failure prints every finding (an array prints as "[ Array(1) ]").
          expect([...blind, ...report(lang, size, findings)].join('\n')).toBe('');
        } finally {
          await deck.context.close();
        }
      }, 600_000);
    }
  }
});

/**
 * Visits every slide of an open deck (running its blocks), probes each, then the overview,
 * the help overlay and the search box; returns every finding and what the probes saw.
 */
async function lookAtDeck(deck: OpenDeck): Promise<{ findings: Finding[]; seen: Seen; slides: number }> {
  const { page } = deck;
  const zh = deck.lang === 'zh';
  const options = { scrollView: deck.scrollView, zh, words: ALLOWED_WORDS, phrases: ALLOWED_PHRASES };
  const findings: Finding[] = [];
  const seen: Seen = { texts: 0, elements: 0, controls: 0, legends: 0, points: 0, thumbnails: 0 };
  const add = (slide: string, result: { findings: Omit<Finding, 'slide'>[]; seen: Partial<Seen> }) => {
    findings.push(...result.findings.map((f) => ({ slide, ...f })));
    for (const [key, count] of Object.entries(result.seen)) seen[key as keyof Seen] += count;
  };
  const slides = await listSlides(page);
  for (const slide of slides) {
    await showSlide(deck, slide);
    const notes = await runBlocks(deck);
    findings.push(
      ...notes.filter((n) => n.includes('cannot be clicked')).map((detail) => ({ slide: slide.id, check: 'run' as const, detail })),
    );
    add(slide.id, await page.evaluate(probeSlide, options));
    if (!deck.scrollView) add(slide.id, await page.evaluate(probeControls));
  }
  if (!deck.scrollView) {
    // From the middle of the deck, so there are thumbnails on both sides of the current one.
    await showSlide(deck, slides[Math.floor(slides.length / 2)]!);
    await setOverview(deck, true);
    add('', await page.evaluate(probeOverview));
    await setOverview(deck, false);
  }
  if (zh) {
    if (!deck.scrollView) {
      await setHelp(deck, true);
      add('', await page.evaluate(probeInterface, options));
      await setHelp(deck, false);
      await openSearch(deck);
    }
    add('', await page.evaluate(probeInterface, options));
  }
  return { findings, seen, slides: slides.length };
}

/** One line per distinct problem, naming where it shows: `zh 1280x800 overflow: … (on bouncer-live, sigmoid-vs-relu)`. */
function report(lang: string, size: string, findings: Finding[]): string[] {
  const where = new Map<string, string[]>();
  for (const f of findings) {
    const key = `${lang} ${size} ${f.check}: ${f.detail}`;
    where.set(key, [...(where.get(key) ?? []), f.slide || '(interface)']);
  }
  return [...where].map(([key, slides]) => `${key} (on ${[...new Set(slides)].join(', ')})`);
}

interface ProbeOptions {
  /** reveal's scroll view (phone): pages scroll, so only the page's width bounds a slide. */
  scrollView: boolean;
  /** The Chinese deck: look for English. */
  zh: boolean;
  words: string[];
  phrases: string[];
}
type ProbeResult = { findings: Omit<Finding, 'slide'>[]; seen: Partial<Seen> };

// The probes below run in the page (page.evaluate sends their source): each is self-contained.

/** Probes the current slide: Markdown markers, overflow, sideways output panels, legends over data, English (zh). */
function probeSlide(options: ProbeOptions): ProbeResult {
  const findings: ProbeResult['findings'] = [];
  const seen = { texts: 0, elements: 0, legends: 0, points: 0 };
  const slide = window.Reveal.getCurrentSlide() as HTMLElement;
  const name = (el: Element) => `<${el.tagName.toLowerCase()}${el.classList.length ? `.${[...el.classList].join('.')}` : ''}>`;
  const quote = (text: string) => `"${text.replace(/\s+/g, ' ').trim().slice(0, 40)}"`;
  const shown = (el: Element) => el.checkVisibility({ visibilityProperty: true, contentVisibilityAuto: true });
  // Code, typeset maths and editors show what they show on purpose; speaker notes are not on the slide.
  const CODE = 'pre, code, kbd, .katex, .monaco-editor, textarea, .live-code, aside.notes, script, style';

  // Literal Markdown and English, in the text a viewer reads.
  const walker = document.createTreeWalker(slide, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    const text = node.textContent ?? '';
    if (!el || !text.trim() || el.closest(CODE) || !shown(el)) continue;
    seen.texts++;
    for (const marker of new Set(text.match(/\*\*|__|`|<!--/g))) {
      findings.push({ check: 'markdown', detail: `"${marker}" in ${name(el)} ${quote(text)}` });
    }
    if (options.zh) english(text, el, 'text');
  }
  if (options.zh) {
    for (const el of slide.querySelectorAll('[title], [aria-label], [placeholder]')) {
      if (!el.closest(CODE) && shown(el))
        for (const attr of ['title', 'aria-label', 'placeholder']) english(el.getAttribute(attr) ?? '', el, attr);
    }
  }

  // Overflow: each element's box, cut to what its own scrolling or clipping ancestors inside the
  // slide let show, against the slide's box (scaled as reveal draws it) — on a phone, the page's
  // width. The slide itself is not a clipping ancestor: content it cuts off is content lost.
  const bounds = options.scrollView
    ? { left: 0, right: document.documentElement.clientWidth, top: -Infinity, bottom: Infinity }
    : document.querySelector('.reveal .slides')!.getBoundingClientRect();
  const reported: Element[] = [];
  for (const el of slide.querySelectorAll('*')) {
    if (el.closest('aside.notes, .monaco-editor *, svg *') || reported.some((r) => r.contains(el)) || !shown(el)) continue;
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) continue;
    seen.elements++;
    let { left, right, top, bottom } = box;
    for (let a = el.parentElement; a && a !== slide; a = a.parentElement) {
      const style = getComputedStyle(a);
      const clip = a.getBoundingClientRect();
      if (style.overflowX !== 'visible') [left, right] = [Math.max(left, clip.left), Math.min(right, clip.right)];
      if (style.overflowY !== 'visible') [top, bottom] = [Math.max(top, clip.top), Math.min(bottom, clip.bottom)];
    }
    if (right <= left || bottom <= top) continue; // scrolled or clipped out of sight entirely
    const past = [
      ['left', bounds.left - left],
      ['right', right - bounds.right],
      ['top', bounds.top - top],
      ['bottom', bottom - bounds.bottom],
    ].filter(([, by]) => (by as number) > 1) as [string, number][];
    if (past.length) {
      reported.push(el);
      const edges = past.map(([edge, by]) => `${Math.round(by)} px past the ${edge} edge`).join(', ');
      findings.push({
        check: 'overflow',
        detail: `${name(el)} ${quote(el.textContent ?? '')} ${edges} of the ${options.scrollView ? 'page' : 'slide'}`,
      });
    }
  }

  // Output panels: a horizontal scrollbar hides the end of every long line.
  for (const panel of slide.querySelectorAll<HTMLElement>('[data-output]')) {
    if (shown(panel) && panel.scrollWidth > panel.clientWidth + 1) {
      findings.push({ check: 'output-scroll', detail: `content ${panel.scrollWidth} px wide in a ${panel.clientWidth} px panel` });
    }
  }

  // Legends over data. What is tested is what is drawn: every line, marker and bar path of the
  // plot, sampled along its length (SVG geometry: exact for any trace type, mode or axis type,
  // unlike recomputing pixel positions from the data), mapped to the screen with the path's own
  // transform (so reveal's scaling is included), and kept only where it is inside a plot area
  // (a line beyond an axis range is clipped, not drawn).
  for (const plot of slide.querySelectorAll('.js-plotly-plot')) {
    const legend = plot.querySelector('g.legend rect.bg') ?? plot.querySelector('g.legend');
    const areas = [...plot.querySelectorAll('.nsewdrag')].map((a) => a.getBoundingClientRect());
    const inArea = (x: number, y: number) => areas.some((a) => x >= a.left && x <= a.right && y >= a.top && y <= a.bottom);
    const box = legend?.getBoundingClientRect();
    if (box && box.width > 0) seen.legends++;
    let covered = 0;
    for (const path of plot.querySelectorAll<SVGGeometryElement>('.scatterlayer path.js-line, .scatterlayer path.point, .barlayer path')) {
      const matrix = path.getScreenCTM();
      if (!matrix) continue;
      const length = path.getTotalLength();
      const step = Math.max(1, length / 1000);
      for (let at = 0; at <= length; at += step) {
        const point = path.getPointAtLength(at).matrixTransform(matrix);
        if (!inArea(point.x, point.y)) continue;
        seen.points++;
        if (box && point.x > box.left + 1 && point.x < box.right - 1 && point.y > box.top + 1 && point.y < box.bottom - 1) covered++;
      }
      // A bar's inside is data too, not only its outline.
      if (box && path.closest('.barlayer')) {
        const bar = path.getBoundingClientRect();
        if (bar.left < box.right && bar.right > box.left && bar.top < box.bottom && bar.bottom > box.top) covered++;
      }
    }
    const title = plot.querySelector('.gtitle')?.textContent ?? '';
    if (covered)
      findings.push({ check: 'legend', detail: `the legend covers ${covered} drawn points of the plot${title ? ` "${title}"` : ''}` });
  }
  return { findings, seen };

  /** Flags English words in `text`, unless allowed or marked as English (`lang="en"`: the language button's label). */
  function english(text: string, el: Element, where: string): void {
    if (el.closest('[lang]')?.getAttribute('lang')?.startsWith('en')) return;
    let rest = text;
    for (const phrase of options.phrases) rest = rest.split(phrase).join(' ');
    // A reference keeps its original spelling: "Glorot, Bordes & Bengio, 2011", "Xu et al., 2015".
    rest = rest.replace(/\b[A-Z][a-z]+(?:(?:, | & | and )[A-Z][a-z]+)*(?: et al\.)?,? (?:19|20)\d\d\b/g, ' ');
    const allowed = new Set(options.words.map((w) => w.toLowerCase()));
    const words = (rest.match(/[A-Za-z][A-Za-z0-9]*(?:['’-][A-Za-z]+)*/g) ?? []).filter(
      (w) => w.length > 1 && !/\d/.test(w) && !allowed.has(w.toLowerCase()),
    );
    if (!words.length) return;
    const label = where === 'text' ? quote(text) : `${where} "${text}"`;
    findings.push({ check: 'english', detail: `${words.slice(0, 6).join(', ')} in ${name(el)} ${label}` });
  }
}

/** Probes reveal's arrows and the language button: a click at each one's centre must reach it. */
function probeControls(): ProbeResult {
  const findings: ProbeResult['findings'] = [];
  let controls = 0;
  const name = (el: Element) => `<${el.tagName.toLowerCase()}${el.classList.length ? `.${[...el.classList].join('.')}` : ''}>`;
  // reveal marks the arrows that lead somewhere `enabled`; the others are drawn faded and do nothing.
  for (const button of document.querySelectorAll<HTMLElement>('.reveal .controls button.enabled, .language-toggle')) {
    if (!button.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
    const box = button.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) continue;
    controls++;
    const label = button.getAttribute('aria-label') ?? button.className;
    const [x, y] = [box.left + box.width / 2, box.top + box.height / 2];
    const hit = document.elementFromPoint(x, y);
    if (!hit) findings.push({ check: 'control', detail: `"${label}" is off screen (centre at ${Math.round(x)}, ${Math.round(y)})` });
    else if (!button.contains(hit)) findings.push({ check: 'control', detail: `a click on "${label}" hits ${name(hit)}` });
  }
  return { findings, seen: { controls } };
}

/** Probes reveal's overview: every thumbnail on screen besides the current one shows its heading. */
function probeOverview(): ProbeResult {
  const findings: ProbeResult['findings'] = [];
  let thumbnails = 0;
  const blank: string[] = [];
  const current = window.Reveal.getCurrentSlide();
  for (const section of window.Reveal.getSlides()) {
    const heading = section.querySelector('h1, h2, h3');
    if (section === current || !heading) continue;
    // reveal hides the slides far from the current one with an inline `display: none` (out of
    // view anyway); a slide it meant to show that a style sheet hides is a blank thumbnail.
    const hiddenByReveal = [section, section.parentElement!].some((el) => (el as HTMLElement).style.display === 'none');
    if (hiddenByReveal) continue;
    const style = getComputedStyle(section);
    if (style.display === 'none' || style.visibility === 'hidden') {
      const how = style.display === 'none' ? 'display:none' : 'visibility:hidden';
      blank.push(`${section.id} (${how})`);
      thumbnails++;
      continue;
    }
    const place = section.getBoundingClientRect();
    if (place.right < 0 || place.left > innerWidth || place.bottom < 0 || place.top > innerHeight) continue;
    thumbnails++;
    const box = heading.getBoundingClientRect();
    if (box.width < 2 || box.height < 2 || !heading.checkVisibility({ opacityProperty: true, visibilityProperty: true })) {
      findings.push({ check: 'overview', detail: `the "${section.id}" thumbnail's heading is not visible` });
    }
  }
  if (blank.length) findings.push({ check: 'overview', detail: `${blank.length} thumbnails show no heading: ${blank.join(', ')}` });
  return { findings, seen: { thumbnails } };
}

/** Probes the deck's interface outside the slides (arrows, buttons, help overlay, search box) and the page title for English. */
function probeInterface(options: ProbeOptions): ProbeResult {
  const findings: ProbeResult['findings'] = [];
  const allowed = new Set(options.words.map((w) => w.toLowerCase()));
  const slides = document.querySelector('.reveal .slides')!;
  const englishIn = (text: string) =>
    (text.match(/[A-Za-z][A-Za-z0-9]*(?:['’-][A-Za-z]+)*/g) ?? []).filter(
      (w) => w.length > 1 && !/\d/.test(w) && !allowed.has(w.toLowerCase()),
    );
  const flag = (text: string, where: string) => {
    const words = englishIn(text);
    if (words.length)
      findings.push({
        check: 'english',
        detail: `${words.slice(0, 6).join(', ')} in ${where}: "${text.replace(/\s+/g, ' ').trim().slice(0, 60)}"`,
      });
  };
  flag(document.title, 'the page title');
  const where = (el: Element) =>
    el.closest('.r-overlay-help')
      ? 'the help overlay'
      : el.closest('.searchbox')
        ? 'the search box'
        : `<${el.tagName.toLowerCase()}.${[...el.classList].join('.')}>`;
  // reveal's live region repeats the current slide's text for screen readers: checked on the slide.
  const outside = (el: Element) => !slides.contains(el) && !el.closest('[lang^="en"], script, style, noscript, .aria-status');
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (el && outside(el) && node.textContent?.trim() && el.checkVisibility({ visibilityProperty: true }))
      flag(node.textContent, where(el));
  }
  for (const el of document.querySelectorAll('[title], [aria-label], [placeholder]')) {
    if (!outside(el) || !el.checkVisibility({ visibilityProperty: true })) continue;
    for (const attr of ['title', 'aria-label', 'placeholder']) {
      const value = el.getAttribute(attr);
      if (value) flag(value, `${attr} of ${where(el)}`);
    }
  }
  return { findings, seen: {} };
}

/**
 * The deck's own words (buttons, marks, messages) in the language of the slides: Chinese
 * by default, English in English mode. Read when an element is built, so a language switch,
 * which rebuilds the slides, also relabels them.
 */
const TEXT = {
  run: { zh: '▶ 运行', en: '▶ Run' },
  runTitle: { zh: '运行（Ctrl+Enter）', en: 'Run (Ctrl+Enter)' },
  stop: { zh: '■ 停止', en: '■ Stop' },
  stopTitle: { zh: '停止运行', en: 'Stop the run' },
  reset: { zh: '↺ 还原', en: '↺ Reset' },
  resetTitle: { zh: '恢复原始代码（可撤销）', en: 'Back to the original code (undoable)' },
  modified: { zh: '已修改', en: 'modified' },
  fromLink: { zh: '来自链接', en: 'from a link' },
  staleNotice: { zh: '这个例子在你修改之后更新过。', en: 'This example changed since you edited it.' },
  useMine: { zh: '用我的版本', en: 'Use my edit' },
  useNew: { zh: '用新版本', en: 'Use the new version' },
  running: { zh: '运行中', en: 'running' },
  runningElsewhere: { zh: '另一个窗口在运行…', en: 'running in another window…' },
  compileError: { zh: '✗ 无法编译', en: '✗ does not compile' },
  runError: { zh: '✗ 出错', en: '✗ error' },
  stopped: { zh: '■ 已停止', en: '■ stopped' },
  timedOut: { zh: '■ 超时', en: '■ time limit' },
  ended: { zh: '■ 已终止', en: '■ ended' },
  share: { zh: '🔗 分享我的修改', en: '🔗 Share my edits' },
  shareTitle: { zh: '复制一个带着你修改过的代码的链接', en: 'Copy a link that carries your edited code' },
  download: { zh: '⬇ 下载我的修改', en: '⬇ Download my edits' },
  downloadTitle: { zh: '把所有修改过的代码存成一个 .ts 文件', en: 'Save all your edited snippets as one .ts file' },
  linkCopied: { zh: '链接已复制。', en: 'Link copied.' },
  copyLink: { zh: '复制这个链接：', en: 'Copy this link:' },
  nothingEdited: { zh: '还没有修改任何代码。', en: 'Nothing edited yet.' },
} as const;

/** DOM event on `document` after the slides' language changed: labels built once relabel on it. */
export const LANGUAGE_CHANGED = 'rectify-language';

/** One of the deck's phrases. */
export type TextKey = keyof typeof TEXT;

/** The phrase in the current language of the page (`<html lang>`). */
export function t(key: TextKey): string {
  return TEXT[key][document.documentElement.lang === 'en' ? 'en' : 'zh'];
}

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
  // Outputs before Run (live/precomputed-output.ts).
  precomputedMark: { zh: '预先算好的结果 · 按“运行”在这里重算', en: 'precomputed · press Run to compute it here' },
  machineDependentMark: { zh: '结果取决于你的设备：按“运行”查看', en: 'depends on your device: press Run to see it' },
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
  myEdits: { zh: '✎ 我的修改（{count}）', en: '✎ My edits ({count})' },
  myEditsTitle: { zh: '分享或下载你修改过的代码', en: 'Share or download the code you edited' },
  linkLong: {
    zh: '链接已复制，但它很长（{kb} KB），有些聊天或邮件应用会截断它；如果打不开，请改用“下载我的修改”。',
    en: 'Link copied, but it is long ({kb} KB): some chat and mail apps cut links like this; if it does not open, use “Download my edits”.',
  },
  linkBroken: {
    zh: '这个链接里的代码无法读取（可能被截断了），显示的是幻灯片原来的代码。',
    en: 'The code in this link could not be read (it may have been cut short); the slides’ own code is shown.',
  },
  linkTooLong: {
    zh: '这个链接里的代码太长，没有载入；显示的是幻灯片原来的代码。',
    en: 'The code in this link is too long and was not loaded; the slides’ own code is shown.',
  },
  // The served deck's service worker took a new build (tools/offline.ts).
  deckUpdated: { zh: '幻灯片已更新到最新版本。', en: 'The deck was updated to its latest version.' },
  savedEditDropped: {
    zh: '之前保存的修改无法读取，已忽略；这里显示原来的代码。',
    en: 'A saved edit could not be read and was dropped; the original code is shown.',
  },
  blockBroken: { zh: '这段代码无法变成可运行的代码块，只显示原文。', en: 'This code could not be made live; it is shown as text.' },
  resumeQuestion: { zh: '从上次的位置（第 {number} 页）继续吗？', en: 'Continue where you left off (slide {number})?' },
  resumeLabel: { zh: '继续上次的位置', en: 'Continue where you left off' },
  resumeYes: { zh: '继续', en: 'Continue' },
  resumeNo: { zh: '从头开始', en: 'Start over' },
  // How a run ended, worded here from the sandbox's reason code and numbers (never its English).
  killStopped: { zh: '已停止。', en: 'Stopped.' },
  killTimeout: {
    zh: '已到时间上限：{seconds} 秒后停止。是死循环，还是对现场演示来说计算量太大？',
    en: 'Time limit reached: stopped after {seconds} s. An endless loop, or too much work for a live demo?',
  },
  killLimit: {
    zh: '已停止：代码的输出超出了沙箱的限制（消息太多、太大或格式不对）。',
    en: "Stopped: the snippet's output broke the sandbox's limits (too many, too large or malformed messages).",
  },
  killTimeoutNoLimit: { zh: '已到时间上限，运行已停止。', en: 'Time limit reached: the run was stopped.' },
  killUnresponsive: { zh: '沙箱没有响应，已重新启动。', en: 'The sandbox stopped answering and was restarted.' },
  killUnresponsiveAfterLimit: {
    zh: '已到时间上限（{seconds} 秒），沙箱没有响应，已重新启动。',
    en: 'Time limit reached ({seconds} s) and the sandbox stopped answering; it was restarted.',
  },
  killUnavailable: {
    zh: '沙箱无法启动（是不是被内容安全策略 CSP 阻止了？）。',
    en: 'The sandbox did not start (is a Content-Security-Policy blocking it?).',
  },
  killSuperseded: { zh: '已被新的运行取代。', en: 'Replaced by a new run.' },
  killDisposed: { zh: '沙箱已关闭。', en: 'The sandbox was closed.' },
  atLine: { zh: '第 {line} 行：', en: 'line {line}: ' },
  atLineColumn: { zh: '第 {line} 行第 {column} 列：', en: 'line {line}:{column}: ' },
  logsCapped: {
    zh: '…… 日志超过 {count} 条：这次运行其余的日志不再显示。',
    en: "… more than {count} log messages: the rest of this run's logs are not shown.",
  },
  typeError: { zh: '类型错误（仍然运行）：', en: 'Type error (running anyway): ' },
  plot: { zh: '图表', en: 'Plot' },
  plotTrace: { zh: '曲线 {index}', en: 'trace {index}' },
  plotPoints: { zh: '{name}（{count} 个点）', en: '{name} ({count} points)' },
  plotSummary: { zh: '{title}：{traces}', en: '{title}: {traces}' },
  listSeparator: { zh: '，', en: ', ' },
  // For the live block's toolbar and its progress text (live-block.ts).
  liveToolbar: { zh: '可运行的代码', en: 'Live code' },
  progressEpoch: { zh: ' · 第 {epoch} 轮', en: ' · epoch {epoch}' },
  progressLoss: { zh: ' · 损失 {loss}', en: ' · loss {loss}' },
  sandboxTitle: { zh: '代码沙箱', en: 'Snippet sandbox' },
  // The editor (Monaco or the phone's plain one).
  editorLabel: {
    zh: '可运行的 TypeScript 代码。Ctrl+Enter 运行，Esc 回到幻灯片。',
    en: 'Live TypeScript snippet. Ctrl+Enter runs it, Escape returns to the slides.',
  },
  editorRun: { zh: '运行代码', en: 'Run snippet' },
  editorBack: { zh: '回到幻灯片', en: 'Back to the slides' },
  // The handout (PDF).
  printNoAnswer: { zh: '讲义中未运行：{seconds} 秒内没有结果。', en: 'Not run for the handout: no answer within {seconds} s.' },
  printFailed: { zh: '讲义中未运行：{reason}', en: 'Not run for the handout: {reason}' },
  // reveal.js's own interface: help overlay (?), search box, navigation arrows.
  helpTitle: { zh: '键盘快捷键', en: 'Keyboard Shortcuts' },
  helpKey: { zh: '按键', en: 'KEY' },
  helpAction: { zh: '功能', en: 'ACTION' },
  keyNextSlide: { zh: '下一张', en: 'Next slide' },
  keyPreviousSlide: { zh: '上一张', en: 'Previous slide' },
  keyLeft: { zh: '向左', en: 'Navigate left' },
  keyRight: { zh: '向右', en: 'Navigate right' },
  keyUp: { zh: '向上', en: 'Navigate up' },
  keyDown: { zh: '向下', en: 'Navigate down' },
  keyNoFragments: { zh: '翻页（跳过逐条显示）', en: 'Navigate without fragments' },
  keyFirstLast: { zh: '跳到第一张/最后一张', en: 'Jump to first/last slide' },
  keyPause: { zh: '暂停（黑屏）', en: 'Pause' },
  keyFullscreen: { zh: '全屏', en: 'Fullscreen' },
  keyJump: { zh: '跳到指定幻灯片', en: 'Jump to slide' },
  keyOverview: { zh: '幻灯片总览', en: 'Slide overview' },
  keySearch: { zh: '搜索', en: 'Search' },
  keySpeakerView: { zh: '演讲者视图', en: 'Speaker notes view' },
  keyRunSlide: { zh: '运行这张幻灯片上的代码', en: 'Run the live code on this slide' },
  keyWarmUp: { zh: '预热：把所有代码都运行一遍', en: 'Warm up: run every live block once' },
  searchPlaceholder: { zh: '搜索……', en: 'Search...' },
  navPrevious: { zh: '上一张', en: 'previous slide' },
  navNext: { zh: '下一张', en: 'next slide' },
  navAbove: { zh: '上面一张', en: 'above slide' },
  navBelow: { zh: '下面一张', en: 'below slide' },
  // Issue 10.6 (helper i18n): a broken slide file's error slide and authoring overlay, the
  // splitter's problems worded from its data, and the language button (said in the language it
  // switches to, with textIn).
  slideErrorHeading: { zh: '这个幻灯片文件无法显示', en: 'This slide file could not be shown' },
  slideErrorPlace: { zh: '{file}，第 {line} 行：', en: '{file}, line {line}: ' },
  slideErrorOverlayOne: { zh: '有一个幻灯片文件无法显示', en: 'A slide file could not be shown' },
  slideErrorOverlayMany: { zh: '有 {count} 个幻灯片文件无法显示', en: '{count} slide files could not be shown' },
  slideErrorHide: { zh: '隐藏', en: 'Hide' },
  fenceNotClosed: {
    zh: '这里打开的代码块 {marker} 没有关闭；请加一行 {marker} 把它关上',
    en: 'code fence {marker} opened here is never closed; add a closing {marker} line',
  },
  commentNotClosed: {
    zh: '<!-- .{target}: … 注释没有在同一行用 --> 结束',
    en: '<!-- .{target}: … comment is not closed with --> on the same line',
  },
  attributesMalformed: {
    zh: '.{target} 的属性“{attributes}”格式不对：应该是 name="value" 的形式，例如 <!-- .{target}: class="fragment" -->',
    en: 'malformed .{target} attributes "{attributes}": expected name="value" pairs, e.g. <!-- .{target}: class="fragment" -->',
  },
  languageName: { zh: '中文', en: 'EN' },
  switchToLanguage: { zh: '切换到中文', en: 'EN: switch to English' },
  // Accessibility (issue 14.4): the slides' landmark, the output panel's name, a plot's data
  // table, and the code editor's keyboard escape as the help overlay (?) lists it.
  slidesLandmark: { zh: '幻灯片', en: 'Slides' },
  outputLabel: { zh: '运行结果', en: 'Output' },
  plotShowTable: { zh: '以表格显示数据', en: 'Show the data as a table' },
  plotHideTable: { zh: '隐藏数据表格', en: 'Hide the data table' },
  plotTableCaption: { zh: '{title}的数据', en: 'Data of {title}' },
  plotTableTrace: { zh: '曲线', en: 'Trace' },
  plotTableValue: { zh: '数值', en: 'Value' },
  plotTableCapped: { zh: '只显示前 {shown} 行（共 {total} 行）。', en: 'Only the first {shown} of {total} rows are shown.' },
  keyEditorEscape: { zh: '在代码编辑器里：离开编辑器，回到幻灯片', en: 'In the code editor: leave it, back to the slides' },
  keyEditorTabFocus: {
    zh: '在代码编辑器里：制表键改为移动焦点，不再缩进（再按一次恢复）',
    en: 'In the code editor: Tab moves the focus instead of indenting (press again to undo)',
  },
  // Training time machine (issue 13, live/time-machine.ts): the scrubber under a block whose run
  // recorded a tape, its announcements, its charts (plot/tape-figures.ts) and the network view's
  // hover and text summary (plot/network-figure.ts).
  tmTimeline: { zh: '训练时间轴', en: 'Training timeline' },
  tmSlider: { zh: '拖动查看训练的每一刻（方向键逐步）', en: 'Drag through training (arrow keys step)' },
  tmPlay: { zh: '▶ 播放', en: '▶ Play' },
  tmPause: { zh: '❚❚ 暂停', en: '❚❚ Pause' },
  tmBack: { zh: '◀ 上一步', en: '◀ Step' },
  tmForward: { zh: '下一步 ▶', en: 'Step ▶' },
  tmBackTitle: { zh: '后退一个快照', en: 'One snapshot back' },
  tmForwardTitle: { zh: '前进一个快照', en: 'One snapshot forward' },
  tmEpoch: { zh: '第 {n} 轮', en: 'epoch {n}' },
  tmStep: { zh: '第 {n} 步', en: 'step {n}' },
  tmAt: { zh: '{moment}（{index}/{count}）', en: '{moment} ({index}/{count})' },
  tmAnnounce: { zh: '{moment}：{figures}', en: '{moment}: {figures}' },
  tmFigures: { zh: '{name} 损失 {loss}，死掉 {dead}%', en: '{name} loss {loss}, {dead}% dead' },
  tmFiguresLeaky: { zh: '{name} 损失 {loss}，不激活 {dead}%', en: '{name} loss {loss}, {dead}% inactive' },
  tmLossTitle: { zh: '损失', en: 'Loss' },
  tmLossAxis: { zh: '损失', en: 'loss' },
  tmEpochAxis: { zh: '训练轮数（epoch）', en: 'epoch' },
  tmStepAxis: { zh: '训练步数', en: 'step' },
  tmGradTitle: { zh: '各层梯度 ‖∂L/∂W‖', en: 'Gradient ‖∂L/∂W‖ per layer' },
  tmGradLayer: { zh: '第 {layer} 层', en: 'layer {layer}' },
  tmOutputTitle: { zh: '{name} 的输出', en: 'What {name} computes' },
  tmNetwork: { zh: '{name} 的网络', en: 'Network: {name}' },
  netUnit: { zh: '{layer} 第 {unit} 个单元', en: '{layer} unit {unit}' },
  netDead: { zh: '✕ 死掉：所有输入上 z ≤ 0，梯度为 0', en: '✕ dead: z ≤ 0 on every input, zero gradient' },
  tmLayerInput: { zh: '输入', en: 'input' },
  tmLayerOutput: { zh: '输出', en: 'output' },
  tmLayerLinear: { zh: '线性', en: 'linear' },
  netInactive: { zh: '所有输入上 z ≤ 0（仍有梯度）', en: 'z ≤ 0 on every input (still has a gradient)' },
  netRange: { zh: 'z 的范围 [{min}, {max}]', en: 'z in [{min}, {max}]' },
  netWeightNorm: { zh: '输入权重 ‖w‖ = {norm}', en: 'incoming ‖w‖ = {norm}' },
  netMean: { zh: '平均激活 {mean}', en: 'mean activation {mean}' },
  netGradNorm: { zh: '梯度 {norm}', en: '‖∇W‖ = {norm}' },
  netBlock: { zh: '{units} 个单元 · 死掉 {dead}', en: '{units} units · {dead} dead' },
  netSummary: { zh: '网络 {sizes}：{layers}', en: 'Network {sizes}: {layers}' },
  netSummaryLayer: {
    zh: '{layer} 层 {units} 个单元，死掉 {dead} 个，梯度 {norm}',
    en: '{layer} layer of {units} units, {dead} dead, gradient {norm}',
  },
  // The room in the browser (issue 12, src/audience): following the presenter, breaking away and
  // following again, the presenter's join overlay (J) and the phone remote.
  followAgain: { zh: '⟲ 重新跟随演讲者', en: '⟲ Follow again' },
  followAgainTitle: { zh: '回到演讲者当前的幻灯片和代码（F）', en: 'Back to the presenter’s slide and code (F)' },
  keyFollowAgain: { zh: '重新跟随演讲者', en: 'Follow the presenter again' },
  roomOffline: { zh: '与演讲者的连接已断开，正在重连…', en: 'Lost the presenter; reconnecting…' },
  joinTitle: { zh: '扫码跟随本次演讲', en: 'Scan to follow this talk' },
  joinHint: { zh: '同一网络下用手机或电脑打开：', en: 'Open on a phone or laptop on this network:' },
  joinAudience: { zh: '{count} 人正在跟随', en: '{count} following' },
  joinClose: { zh: '关闭（J）', en: 'Close (J)' },
  keyJoin: { zh: '显示 / 隐藏加入二维码', en: 'Show / hide the join QR code' },
  remoteLabel: { zh: '遥控器', en: 'Remote' },
  remotePrevious: { zh: '◀ 上一步', en: '◀ Back' },
  remoteNext: { zh: '下一步 ▶', en: 'Next ▶' },
  remoteRun: { zh: '▶ 运行本页代码（R）', en: '▶ Run this slide (R)' },
  remoteNow: { zh: '当前', en: 'Now' },
  remoteUpNext: { zh: '下一页', en: 'Next' },
  remoteNotes: { zh: '讲稿', en: 'Notes' },
  remoteNoNotes: { zh: '这一页没有讲稿。', en: 'No notes for this slide.' },
  remoteEnd: { zh: '（最后一页）', en: '(last slide)' },
  remoteTimer: { zh: '计时（点按归零）', en: 'Timer (tap to reset)' },
  remoteNotPresenter: {
    zh: '这个链接的口令无效：只能跟随，不能操控。',
    en: 'This link’s token is not valid: you can follow but not drive.',
  },
  remoteOffline: { zh: '未连接，正在重连…', en: 'Not connected; reconnecting…' },
} as const;

/** DOM event on `document` after the slides' language changed: labels built once relabel on it. */
export const LANGUAGE_CHANGED = 'rectify-language';

/** One of the deck's phrases. */
export type TextKey = keyof typeof TEXT;

/** The languages every phrase is written in. */
export const TEXT_LANGUAGES = ['zh', 'en'] as const;

/** One of `TEXT_LANGUAGES`. */
export type TextLanguage = (typeof TEXT_LANGUAGES)[number];

/**
 * The phrase in the current language of the page (`<html lang>`), its `{name}` slots filled
 * from `values` (numbers and the sandbox's untranslatable details such as an engine's error).
 */
export function t(key: TextKey, values?: Record<string, string | number>): string {
  return textIn(pageLanguage(), key, values);
}

/** The language the page shows (`<html lang>`). */
export function pageLanguage(): TextLanguage {
  return document.documentElement.lang === 'en' ? 'en' : 'zh';
}

/** The phrase in a given language (for tests, and to recognise a phrase shown in the other one). */
export function textIn(language: TextLanguage, key: TextKey, values: Record<string, string | number> = {}): string {
  return TEXT[key][language].replace(/\{(\w+)\}/g, (slot, name: string) => (Object.hasOwn(values, name) ? String(values[name]) : slot));
}

/** Every phrase key, for tests and for relabelling text built outside the deck (reveal's help). */
export const TEXT_KEYS = Object.keys(TEXT) as TextKey[];

/** "line 4:15: " / "第 4 行第 15 列：" before an error's own text; nothing when the place is unknown. */
export function errorPlace(line: number | undefined, column?: number): string {
  if (!line) return '';
  return column ? t('atLineColumn', { line, column }) : t('atLine', { line });
}

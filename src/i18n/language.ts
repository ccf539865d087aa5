/**
 * The deck's language: Chinese by default (the reference text), English with `?lang=en`
 * or the toggle button, which swaps the slides in place and stays on the same slide.
 */
import { textIn } from './ui-text';

/** A language the deck has slides for. */
export type Language = 'zh' | 'en';

/** The language the URL asks for (`?lang=en`), Chinese otherwise. */
export function languageFromUrl(url: URL = new URL(window.location.href)): Language {
  return url.searchParams.get('lang') === 'en' ? 'en' : 'zh';
}

/** Records the language in the URL (without reloading), so a reload or a shared link keeps it. */
export function writeLanguageToUrl(language: Language): void {
  const url = new URL(window.location.href);
  if (language === 'en') url.searchParams.set('lang', 'en');
  else url.searchParams.delete('lang');
  history.replaceState(history.state, '', url);
}

/** Sets `<html lang>` so screen readers and fonts treat the text right. */
export function applyLanguage(language: Language): void {
  document.documentElement.lang = language === 'en' ? 'en' : 'zh-CN';
  document.documentElement.dataset.language = language;
}

/** Adds the language toggle (a button that says the other language) and returns it. */
export function createLanguageToggle(current: () => Language, switchTo: (language: Language) => void): HTMLButtonElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'language-toggle';
  const label = () => {
    const other = current() === 'zh' ? 'en' : 'zh';
    // Said in the language it switches to: someone who cannot read the current one can still find it.
    button.textContent = textIn(other, 'languageName');
    button.setAttribute('aria-label', textIn(other, 'switchToLanguage'));
    button.lang = other === 'en' ? 'en' : 'zh-CN';
  };
  label();
  button.addEventListener('click', () => {
    switchTo(current() === 'zh' ? 'en' : 'zh');
    label();
  });
  document.body.append(button);
  return button;
}

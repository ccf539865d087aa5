import type { EditorLabels } from '../editor/mount-editor';
import { errorPlace, t } from '../i18n/ui-text';

/** The editor's words in the current language (the editor module cannot import the phrase table). */
export function editorLabels(): EditorLabels {
  return { editor: t('editorLabel'), run: t('editorRun'), backToSlides: t('editorBack'), errorPlace };
}

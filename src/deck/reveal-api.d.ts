// reveal 6 has these in its API (Reveal.isPrintView, isScrollView, toggleScrollView); its typings miss them.
import 'reveal.js';

declare module 'reveal.js' {
  interface RevealApi {
    isPrintView(): boolean;
    isScrollView(): boolean;
    toggleScrollView(on?: boolean): void;
  }
}

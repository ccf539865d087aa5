// reveal 6 has these in its API (Reveal.toggleScrollView, Reveal.isScrollView); its typings miss them.
import 'reveal.js';

declare module 'reveal.js' {
  interface RevealApi {
    isScrollView(): boolean;
    toggleScrollView(on?: boolean): void;
  }
}

/**
 * Phones start in reveal's scroll view (issue 14.5): the deck asks for it up front where reveal
 * would switch to it during its first layout, by the same test reveal makes (the presentation
 * width, after the margin, at most `scrollActivationWidth`), so no other window starts in it.
 */
import { describe, expect, it } from 'vitest';
import { deckConfig, startingView } from '../../../src/deck/config';

const activationWidth = deckConfig.scrollActivationWidth!;
/** The widest window reveal itself shows in its scroll view. */
const widestPhone = Math.floor(activationWidth / (1 - deckConfig.margin!));

describe('startingView', () => {
  it('is the scroll view on phones, up to the widest window reveal would switch there', () => {
    expect(startingView(390)).toEqual({ view: 'scroll' });
    expect(startingView(widestPhone)).toEqual({ view: 'scroll' });
  });

  it("is reveal's own choice everywhere else (the control: the same function can answer it)", () => {
    expect(startingView(widestPhone + 1)).toEqual({});
    expect(startingView(844)).toEqual({});
    expect(startingView(1280)).toEqual({});
    // A window with no width yet (a hidden frame): reveal decides at its first layout.
    expect(startingView(0)).toEqual({});
  });
});

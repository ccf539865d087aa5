/**
 * The room in the browser, for the entry: `joinRoom()` before the live code is created (it takes
 * the presenter's token out of the URL and gives the live-block feature), `start()` once the
 * deck is ready (following, the follow-again bar, the presenter's join overlay, the phone remote).
 */
import type { RevealApi } from 'reveal.js';
import type { BlockFeature, LiveCode } from '../live';
import '../../assets/room.css';
import { installFollowBar } from './follow-bar';
import { installJoinOverlay } from './join-overlay';
import { installPhoneRemote, isRemoteDevice } from './phone-remote';
import { roomOfThisPage } from './room-page';
import { createRoomSession } from './room-session';

/** This page's room, once joined. */
export interface Room {
  /** The live-block feature that shows and sends edits and runs (give it to `createLiveCode`). */
  feature: BlockFeature;
  /** Connects the deck and the room's controls; returns what takes them all back and leaves the room. */
  start(deck: RevealApi, liveCode: Pick<LiveCode, 'blocks'>): () => void;
}

/** Joins the room when `npm run present` serves the page (else undefined); always takes a presenter token out of the URL. */
export function joinRoom(): Room | undefined {
  const page = roomOfThisPage();
  if (!page) return undefined;
  const session = createRoomSession(page);
  return {
    feature: session.feature,
    start(deck, liveCode) {
      const stops: Array<() => void> = [];
      // The remote first: it turns the phone's scroll view off before the deck goes where the talk is.
      if (page.hasToken && isRemoteDevice()) stops.push(installPhoneRemote(deck, session, liveCode));
      stops.push(session.attachDeck(deck), installFollowBar(deck, session));
      if (page.hasToken) stops.push(installJoinOverlay(deck, session));
      // Back on the network (Wi-Fi came back): try now rather than at the next backoff step.
      const online = () => session.reconnectNow();
      window.addEventListener('online', online);
      return () => {
        window.removeEventListener('online', online);
        for (const stop of stops.splice(0).reverse()) stop();
        session.close();
      };
    },
  };
}

/**
 * One device's part in the room, as a live-block feature plus the deck's position. The presenter
 * (a page holding the token) sends its slide and fragment, its edits and its runs; every page
 * shows what other presenters send (a phone remote drives the laptop's window), and a follower
 * shows it while it follows. A follower breaks away when its reader navigates, edits or runs,
 * and sends nothing ever; "follow again" shows the room's state as this device knows it.
 * Received runs are re-validated message by message (run-check.ts); received code is shown
 * "from elsewhere" (not saved as the reader's edit, never autorun) and runs only if the reader
 * presses Run, which breaks away.
 */
import type { RevealApi } from 'reveal.js';
import type { BlockFeature, LiveBlock } from '../live';
import { connectRoom } from '../room/room-client';
import type { SocketLike } from '../room/reconnect';
import {
  MAX_MESSAGE_BYTES,
  type BlockSnapshot,
  type DriveMessage,
  type OpaqueRunMessage,
  type RoomMessage,
  type RoomSnapshot,
  type SlidePosition,
} from '../room/room-protocol';
import { frameBytes } from '../room/room-snapshot';
import { createRunCheck } from './run-check';
import type { RoomPage } from './room-page';
import { goTo, isAt, positionOf } from './slide-follow';

const isEmpty = (snapshot: RoomSnapshot) => snapshot.slide === null && Object.keys(snapshot.blocks).length === 0;
const sameParams = (a: Record<string, number>, b: Record<string, number>) => JSON.stringify(a) === JSON.stringify(b);

export function createRoomSession(page: RoomPage) {
  const presenter = page.hasToken;
  const blocks = new Map<string, LiveBlock>();
  const runs = createRunCheck();
  const listeners = new Set<() => void>();
  let following = true;
  let connected = false;
  let audience = 0;
  /** The relay has welcomed this page as a presenter and sent the room's state once: from then on its messages go out (or are re-sent after a drop). */
  let driving = false;
  let deck: RevealApi | undefined;
  /** Set while this page moves its deck to the presenter's position: the moves it causes are not the reader's. */
  let moving = false;
  /** The room's state when it came before the deck was attached: shown then, with every block built. */
  let heldSnapshot: RoomSnapshot | undefined;

  const client = connectRoom({
    pageUrl: page.socketPageUrl,
    create: (url) => new WebSocket(url) as unknown as SocketLike,
    onMessage: receive,
    onStatus: ({ open }) => {
      connected = open;
      changed();
    },
    onInvalid: (detail) => console.warn(`Rectify: ignored a message from the room (${detail})`),
  });

  function changed(): void {
    const root = document.documentElement.dataset;
    root.room = connected ? (client.role() ?? 'joining') : 'offline';
    root.following = String(following);
    for (const listener of [...listeners]) listener();
  }

  function send(message: DriveMessage): void {
    // A message too large for a frame never reaches anyone: it is not sent (nor re-sent).
    if (presenter && driving && frameBytes(message) <= MAX_MESSAGE_BYTES) client.send(message);
  }

  function receive(message: RoomMessage): void {
    switch (message.kind) {
      case 'welcome':
        return changed();
      case 'audience':
        audience = message.followers;
        return changed();
      case 'snapshot':
        // A presenter drives once it knows the room's state (a phone joining mid-talk must not send its first slide first).
        driving ||= client.role() === 'presenter';
        // Before the deck is attached, blocks away from the first slide may not be built yet (live-code.ts).
        if (deck) adoptSnapshot(message.snapshot);
        else heldSnapshot = message.snapshot;
        return;
      case 'slide':
        if (following && deck) move(deck, message);
        return;
      case 'edited':
        if (following) showCode(blocks.get(message.block), { code: message.code, params: message.params });
        return;
      case 'run-start':
        if (following) startRun(message.block);
        return;
      case 'run-message':
        if (following) showRunMessage(message.block, message.message);
        return;
    }
  }

  function adoptSnapshot(snapshot: RoomSnapshot): void {
    // The relay knows nothing (first start, or it restarted): this presenter's window is the state.
    if (presenter && driving && isEmpty(snapshot)) return sendWholeState();
    // A presenter that re-sent its own state keeps it (room-client did not adopt the relay's).
    if (client.state() === snapshot && following) showState(snapshot);
  }

  function move(to: RevealApi, position: SlidePosition): void {
    moving = true;
    try {
      goTo(to, position);
    } finally {
      moving = false;
    }
  }

  /** A presenter hands a relay that knows nothing its position and its edited blocks. */
  function sendWholeState(): void {
    if (deck) send({ kind: 'slide', ...positionOf(deck) });
    for (const block of blocks.values()) {
      if (block.snapshot().modified) send({ kind: 'edited', block: block.id, code: block.code(), params: block.params() });
    }
  }

  /** Shows the room's state: the slide, and every block as the presenter left it (a follower: the slide's code where the presenter did not edit). */
  function showState(snapshot: RoomSnapshot): void {
    if (snapshot.slide && deck) move(deck, snapshot.slide);
    for (const block of blocks.values()) {
      const entry = snapshot.blocks[block.id];
      if (entry || !presenter) showCode(block, entry);
      replayRun(block, entry);
    }
  }

  /** Shows the presenter's last run of a block, message by message (each checked again). */
  function replayRun(block: LiveBlock, entry: BlockSnapshot | undefined): void {
    if (!entry?.run) return;
    startRun(block.id);
    for (const message of entry.run.messages) showRunMessage(block.id, message);
  }

  /** Shows a block's followed code: set "from elsewhere", so it is not saved as this reader's edit and never autoruns. */
  function showCode(block: LiveBlock | undefined, entry: BlockSnapshot | undefined): void {
    if (!block) return;
    const code = entry?.code ?? block.plan.original;
    const params = entry?.params ?? {};
    // A presenter shows another presenter's edits only when they differ (its own code stays its own).
    if (presenter && code === block.code() && sameParams(params, block.params())) return;
    block.setCode(code, params, 'elsewhere');
  }

  function startRun(id: string): void {
    const block = blocks.get(id);
    runs.start(id, block?.options.timeoutMs);
    block?.showRun({ kind: 'start' });
  }

  function showRunMessage(id: string, raw: OpaqueRunMessage): void {
    const block = blocks.get(id);
    if (!block) return;
    const message = runs.check(id, raw, block.options.timeoutMs);
    if (message) block.showRun(message);
    else document.documentElement.dataset.roomDropped = String(runs.dropped());
  }

  /** The reader navigated, edited or ran here: stop following (the reason stays on the page, for a reader's bug report and the tests). */
  function breakAway(reason: 'navigated' | 'edited' | 'ran'): void {
    if (presenter || !following) return;
    following = false;
    document.documentElement.dataset.stoppedFollowing = reason;
    changed();
  }

  const feature: BlockFeature = {
    attach(block) {
      blocks.set(block.id, block);
      // A follower's block (built, or rebuilt in the other language) shows the followed state at once.
      if (following && !presenter) {
        const entry = client.state().blocks[block.id];
        showCode(block, entry);
        replayRun(block, entry);
      }
      const offs = [
        block.on('edited', ({ code, params, origin }) => {
          if (origin !== 'here') return;
          if (presenter) send({ kind: 'edited', block: block.id, code, params });
          else breakAway('edited');
        }),
        block.on('run-start', ({ origin }) => {
          if (origin !== 'here') return;
          if (presenter) send({ kind: 'run-start', block: block.id });
          else breakAway('ran');
        }),
        block.on('run-message', ({ message, origin }) => {
          // A tape is megabytes of typed arrays: the relay cannot carry it (a follower runs the block itself to scrub).
          if (origin === 'here' && message.kind !== 'tape')
            send({ kind: 'run-message', block: block.id, message: message as OpaqueRunMessage });
        }),
      ];
      return () => {
        for (const off of offs) off();
        if (blocks.get(block.id) === block) blocks.delete(block.id);
      };
    },
  };

  return {
    feature,
    /** The page holds the presenter's token. */
    presenter,
    /** Whether this page follows the presenter now (a presenter always shows other presenters' moves). */
    following: () => following,
    connected: () => connected,
    /** The relay's word on this page: presenter or follower (undefined while not connected). */
    role: () => client.role(),
    /** Followers connected, as the relay last told a presenter. */
    audience: () => audience,
    /** Follows the presenter again: its slide and state now, then every change. */
    followAgain(): void {
      if (following) return;
      following = true;
      changed();
      showState(client.state());
    },
    /** Calls `listener` when the connection, the role, the audience or following changes; returns what unsubscribes. */
    onChange(listener: () => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** Connects the deck: a presenter sends its moves, a follower follows and breaks away when its reader moves. Returns what disconnects it. */
    attachDeck(revealDeck: RevealApi): () => void {
      deck = revealDeck;
      if (heldSnapshot) adoptSnapshot(heldSnapshot);
      heldSnapshot = undefined;
      const onMove = () => {
        if (moving || !deck) return;
        const followed = client.state().slide;
        if (presenter) {
          if (!followed || !isAt(deck, followed)) send({ kind: 'slide', ...positionOf(deck) });
        } else if (following && followed && !isAt(deck, followed)) breakAway('navigated');
      };
      const events = ['slidechanged', 'fragmentshown', 'fragmenthidden'];
      for (const event of events) revealDeck.on(event, onMove);
      const start = client.state().slide;
      if (start && following) move(revealDeck, start);
      else onMove();
      changed();
      return () => {
        for (const event of events) revealDeck.off(event, onMove);
        deck = undefined;
      };
    },
    /** Asks the connection to try again now (the page came back online). */
    reconnectNow: () => client.reconnectNow(),
    /** Leaves the room. */
    close(): void {
      client.close();
      listeners.clear();
    },
  };
}

/** A device's room session. */
export type RoomSession = ReturnType<typeof createRoomSession>;

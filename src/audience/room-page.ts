/**
 * Whether this page is in a room, and whether it is the presenter's. `npm run present` marks the
 * pages it serves with `<meta name="rectify-room">`: the plain served deck, the dev server and
 * file:// have no relay, so they never open a socket (and log no refused connection). The
 * presenter's token comes in the URL once (`?presenter=<token>`): it leaves the address bar at
 * once (a projected URL must not show it) and stays in sessionStorage, so a reload of that window
 * is still the presenter's, and no other tab or device gets it.
 */

const TOKEN_KEY = 'rectify:presenter-token';
/** What present's tokens look like (base64url); anything else in the URL or storage is ignored. */
const TOKEN = /^[\w-]{8,128}$/;

/** The page's room, when it has one: the URL to connect with (token included) and whether it holds a token. */
export interface RoomPage {
  /** The page's URL with the token as `?presenter=` (what `connectRoom` reads); never shown. */
  socketPageUrl: string;
  /** The page holds a token (the relay decides whether it is right). */
  hasToken: boolean;
}

/** sessionStorage, or undefined where it is blocked. */
function session(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined;
  }
}

/** Takes `?presenter=` out of the address bar; gives back what it held, if anything. */
function takeTokenFromUrl(): string | undefined {
  const url = new URL(window.location.href);
  const given = url.searchParams.get('presenter');
  if (given === null) return undefined;
  url.searchParams.delete('presenter');
  history.replaceState(history.state, '', url.toString());
  return given;
}

/** Takes the token out of the address bar (keeping it for this tab); gives back the token this tab holds. */
function takePresenterToken(): string | undefined {
  const given = takeTokenFromUrl();
  if (given !== undefined && TOKEN.test(given)) {
    try {
      session()?.setItem(TOKEN_KEY, given);
    } catch {
      // Storage full or blocked: this load is still the presenter's, a reload will not be.
    }
    return given;
  }
  let stored: string | null | undefined;
  try {
    stored = session()?.getItem(TOKEN_KEY);
  } catch {
    stored = undefined;
  }
  return stored && TOKEN.test(stored) ? stored : undefined;
}

/** The room of this page, or undefined when the page is not served by `npm run present`. Takes the token out of the URL either way. */
export function roomOfThisPage(): RoomPage | undefined {
  const offered = document.querySelector('meta[name="rectify-room"]') !== null && /^https?:$/.test(window.location.protocol);
  if (!offered) {
    // No room to present to: no token to keep either. (And no storage opened at start: the first
    // touch of sessionStorage cost a 4×-throttled phone ~25 ms before its first slide.)
    takeTokenFromUrl();
    return undefined;
  }
  const token = takePresenterToken();
  const url = new URL(window.location.href);
  url.hash = '';
  if (token) url.searchParams.set('presenter', token);
  return { socketPageUrl: url.toString(), hasToken: token !== undefined };
}

// The join QR code the deck draws on its "join" overlay (key J): the audience's URL, never the
// presenter's token. Pure: a string in, SVG text out.
import { renderSVG } from 'uqr';

/** The audience's URL for a page: the presenter token and the slide position removed. */
export function audienceUrl(pageUrl: string): string {
  const url = new URL(pageUrl);
  url.searchParams.delete('presenter');
  url.hash = '';
  return url.toString();
}

/** An SVG QR code of the audience's URL of `pageUrl` (the token is stripped here, whatever the caller passes). */
export function joinQrSvg(pageUrl: string, colors: { dark?: string; light?: string } = {}): string {
  return renderSVG(audienceUrl(pageUrl), {
    ecc: 'M',
    border: 2,
    pixelSize: 8,
    blackColor: colors.dark ?? '#000',
    whiteColor: colors.light ?? '#fff',
  });
}

import { describe, expect, it } from 'vitest';
import { audienceUrl, joinQrSvg } from '../../../src/room/join-qr';
import { roomSocketUrl } from '../../../src/room/room-client';

describe('join QR and URLs', () => {
  it('the audience URL drops the presenter token and the slide', () => {
    expect(audienceUrl('http://192.168.1.5:5180/?presenter=SECRET&lang=en#/relu-line')).toBe('http://192.168.1.5:5180/?lang=en');
  });

  it('the QR code never encodes the token: a presenter page draws the same code as the audience page', () => {
    const fromPresenter = joinQrSvg('http://192.168.1.5:5180/?presenter=SECRET#/3');
    expect(fromPresenter).toMatch(/^<svg/);
    expect(fromPresenter).toBe(joinQrSvg('http://192.168.1.5:5180/'));
    // Control: a different URL draws a different code.
    expect(fromPresenter).not.toBe(joinQrSvg('http://192.168.1.6:5180/'));
  });

  it('the socket URL is /room on the page’s host, with the page’s token if any', () => {
    expect(roomSocketUrl('http://127.0.0.1:5180/deck/?presenter=t%2Bk#/2')).toBe('ws://127.0.0.1:5180/room?presenter=t%2Bk');
    expect(roomSocketUrl('https://example.test/?lang=en')).toBe('wss://example.test/room');
  });
});

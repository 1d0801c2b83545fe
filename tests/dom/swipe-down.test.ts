// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { SWIPE_CLOSE_PX, swipeToClose } from '@/lib/hover/swipe-down';

let sheet: HTMLElement;
let handle: HTMLElement;
let closed: number;

/** A finger (or a mouse) drawn down the handle: one pointerdown, moves `ms` apart, one pointerup. */
function drag(dys: number[], { type = 'touch', ms = 20, end = 'pointerup' } = {}) {
  let t = 1000;
  // The swipe reads the events' timestamps for its speed: given here, not left to the clock.
  const at = (e: Event, when: number) => Object.defineProperty(e, 'timeStamp', { value: when });
  const send = (name: string, y: number) => {
    const e = new PointerEvent(name, { pointerId: 7, pointerType: type, isPrimary: true, clientY: y, bubbles: true });
    at(e, t);
    handle.dispatchEvent(e);
  };
  send('pointerdown', 100);
  for (const dy of dys) {
    t += ms;
    send('pointermove', 100 + dy);
  }
  t += ms;
  send(end, 100 + (dys.at(-1) ?? 0));
}

beforeEach(() => {
  document.body.innerHTML = '<div class="card"><div class="head"></div></div>';
  sheet = document.querySelector('.card')!;
  handle = document.querySelector('.head')!;
  handle.setPointerCapture = () => {};
  closed = 0;
  swipeToClose(handle, sheet, () => closed++);
});

describe('swiping the bottom sheet down', () => {
  it('follows the finger and closes once it has travelled far enough', () => {
    drag([20, 60, SWIPE_CLOSE_PX + 10], { ms: 80 });
    expect(closed).toBe(1);
    expect(sheet.style.transform).toBe('');
  });

  it('springs back after a short, slow drag', () => {
    let seen = '';
    handle.addEventListener('pointermove', () => (seen = sheet.style.transform));
    drag([10, 20, 30], { ms: 120 });
    expect(seen).toBe('translateY(30px)');
    expect(closed).toBe(0);
    expect(sheet.style.transform).toBe('');
  });

  it('closes on a quick flick however short', () => {
    drag([15, 40], { ms: 10 });
    expect(closed).toBe(1);
  });

  it('leaves a tap (no movement), an upward drag, a cancelled touch and the mouse alone', () => {
    drag([]);
    drag([-40, -120], { ms: 10 });
    drag([40, 150], { end: 'pointercancel' });
    drag([40, 150], { type: 'mouse' });
    expect(closed).toBe(0);
    expect(sheet.style.transform).toBe('');
  });
});

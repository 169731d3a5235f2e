import { trackCall, type CancellableCall } from '../../src/providers/call-errors.js';

class Call implements CancellableCall {
  cancelled = 0;

  cancel(): void {
    this.cancelled++;
  }
}

describe('trackCall', () => {
  test('abort cancels tracked calls once', () => {
    const controller = new AbortController();
    const calls = Array.from({ length: 5 }, () => new Call());
    const tracked = calls.map((call) => trackCall(controller.signal, call));
    tracked[0]!.untrack();
    tracked[2]!.untrack();
    tracked[4]!.untrack();
    tracked[4]!.untrack(); // a second untrack changes nothing

    controller.abort();
    expect(calls.map((call) => call.cancelled)).toEqual([0, 1, 0, 1, 0]);
  });

  test('untracking in any order keeps the rest', () => {
    const controller = new AbortController();
    const calls = Array.from({ length: 100 }, () => new Call());
    const tracked = calls.map((call) => trackCall(controller.signal, call));
    // Untrack the first, the last and every third call, the way calls finish out of order.
    const untracked = new Set([...calls.keys()].filter((index) => index === 0 || index === 99 || index % 3 === 1));
    for (const index of untracked) tracked[index]!.untrack();

    controller.abort();
    expect(calls.filter((call, index) => call.cancelled !== (untracked.has(index) ? 0 : 1))).toEqual([]);
  });

  test('signal cancels only its own calls', () => {
    const first = new AbortController();
    const second = new AbortController();
    const a = new Call();
    const b = new Call();
    trackCall(first.signal, a);
    trackCall(second.signal, b);

    first.abort();
    expect([a.cancelled, b.cancelled]).toEqual([1, 0]);
  });
});

import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { TerminalPrompter } from '../../../src/gateway/approval/terminal.js';

function fakeTerminal() {
  const input = new PassThrough();
  const output = new PassThrough();
  let written = '';
  output.on('data', (d: Buffer) => (written += d.toString()));
  return { io: { input, output }, input, written: () => written };
}

const prompt = { message: 'mcp-warden: allow x to call tool "t" on server "s"?', timeoutMs: 60_000 };

describe('TerminalPrompter', () => {
  it('approves on y, rejects on anything else, and names the approver', async () => {
    const t = fakeTerminal();
    const p = new TerminalPrompter(() => t.io);
    expect(p.available).toBe(true);
    const first = p.ask(prompt, new AbortController().signal);
    t.input.write('y\n');
    expect(await first).toMatchObject({ outcome: 'approved', approver: expect.stringMatching(/^terminal:/) });
    const second = p.ask(prompt, new AbortController().signal);
    t.input.write('sure, why not\n');
    expect(await second).toMatchObject({ outcome: 'rejected' });
    expect(t.written()).toContain('Approve? [y/N]');
  });

  it('asks one question at a time', async () => {
    const t = fakeTerminal();
    const p = new TerminalPrompter(() => t.io);
    const a = p.ask({ ...prompt, message: 'first?' }, new AbortController().signal);
    const b = p.ask({ ...prompt, message: 'second?' }, new AbortController().signal);
    await new Promise((r) => setImmediate(r));
    expect(t.written()).toContain('first?');
    expect(t.written()).not.toContain('second?');
    t.input.write('n\n');
    expect(await a).toMatchObject({ outcome: 'rejected' });
    await new Promise((r) => setImmediate(r));
    expect(t.written()).toContain('second?');
    t.input.write('yes\n');
    expect(await b).toMatchObject({ outcome: 'approved' });
  });

  it('denies on timeout and on cancellation', async () => {
    const t = fakeTerminal();
    const p = new TerminalPrompter(() => t.io);
    expect(await p.ask({ ...prompt, timeoutMs: 10 }, new AbortController().signal)).toEqual({ outcome: 'timeout' });
    const ac = new AbortController();
    const pending = p.ask(prompt, ac.signal);
    ac.abort();
    expect(await pending).toEqual({ outcome: 'timeout' });
  });

  it('is unavailable without a terminal', async () => {
    const p = new TerminalPrompter(() => undefined);
    expect(p.available).toBe(false);
    expect(await p.ask(prompt, new AbortController().signal)).toEqual({ outcome: 'timeout' });
  });
});

import { describe, expect, it } from 'vitest';
import { createProgress, progressWanted } from '../../src/cli/progress.js';

function fakeStream(isTTY: boolean, columns = 40) {
  const writes: string[] = [];
  return { writes, stream: { isTTY, columns, write: (s: string) => (writes.push(s), true) } as unknown as NodeJS.WriteStream };
}

const tty = { isTTY: true } as NodeJS.ReadStream;

describe('progress reporter', () => {
  it('is wanted only with a TTY on stderr and stdin and no CI', () => {
    const { stream } = fakeStream(true);
    expect(progressWanted({ stream, stdin: tty, env: {} })).toBe(true);
    expect(progressWanted({ stream, stdin: tty, env: { CI: 'true' } })).toBe(false);
    expect(progressWanted({ stream, stdin: tty, env: { CI: '1' } })).toBe(false);
    expect(progressWanted({ stream, stdin: tty, env: { CI: 'false' } })).toBe(true);
    expect(progressWanted({ stream, stdin: { isTTY: false } as NodeJS.ReadStream, env: {} })).toBe(false);
    expect(progressWanted({ stream: fakeStream(false).stream, stdin: tty, env: {} })).toBe(false);
    expect(progressWanted({ stream, stdin: tty, env: { MCP_WARDEN_NO_PROGRESS: '1' } })).toBe(false);
  });

  it('writes nothing when not wanted', () => {
    const { stream, writes } = fakeStream(false);
    const p = createProgress({ stream, stdin: tty, env: {} });
    p.update({ phase: 'checking servers', done: 1, total: 3 });
    p.stop();
    expect(p.enabled).toBe(false);
    expect(writes).toEqual([]);
  });

  it('redraws one line, clips it to the terminal width, shows untrusted names safely, and clears it at the end', () => {
    const { stream, writes } = fakeStream(true);
    const p = createProgress({ stream, stdin: tty, env: {} });
    p.update({ phase: 'discovering client configs' });
    p.update({ phase: 'checking servers', done: 0, total: 2, item: 'evil\u001b]0;pwned\u0007' });
    p.update({ phase: 'checking servers', done: 1, total: 2, item: 'a-very-long-server-name-that-does-not-fit' });
    p.update({ phase: 'done' });
    p.stop();
    expect(writes[0]).toBe('\r\u001b[2Kmcp-warden: discovering client configs');
    expect(writes[1]).toMatch(/^\r\u001b\[2Kmcp-warden: checking servers 0\/2: ev/);
    for (const w of writes) expect(w.replace('\r\u001b[2K', '').length).toBeLessThanOrEqual(39);
    expect(writes.at(-1)).toBe('\r\u001b[2K');
    expect(writes.filter((w) => w === '\r\u001b[2K')).toHaveLength(1);
  });

  it('shows escape sequences in untrusted names as text', () => {
    const { stream, writes } = fakeStream(true, 200);
    createProgress({ stream, stdin: tty, env: {} }).update({ phase: 'checking servers', done: 0, total: 2, item: 'evil\u001b]0;pwned\u0007' });
    expect(writes[0]).toBe('\r\u001b[2Kmcp-warden: checking servers 0/2: evil\\u{1B}]0;pwned\\u{7}');
  });

  it('throttles by count: 10,000 items draw at most ~200 times', () => {
    const { stream, writes } = fakeStream(true);
    const p = createProgress({ stream, stdin: tty, env: {} });
    for (let i = 0; i < 10_000; i++) p.update({ phase: 'checking tools', done: i, total: 10_000 });
    expect(writes.length).toBeLessThanOrEqual(201);
    expect(writes.length).toBeGreaterThan(100);
  });

  it('can be forced off', () => {
    const { stream, writes } = fakeStream(true);
    createProgress({ stream, stdin: tty, env: {}, enabled: false }).update({ phase: 'x' });
    expect(writes).toEqual([]);
  });
});

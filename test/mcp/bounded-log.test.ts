import { describe, expect, test } from 'vitest';
import { BoundedLog } from '../../src/mcp/bounded-log.js';

describe('BoundedLog', () => {
  test('keeps everything under the bound', () => {
    const log = new BoundedLog(100);
    log.append(Buffer.from('one\n'));
    log.append(Buffer.from('two\n'));
    expect(log.text()).toBe('one\ntwo\n');
    expect(log.lastLine()).toBe('two');
    expect(log.totalBytes).toBe(8);
  });
  test('keeps the tail and says how much was dropped', () => {
    const log = new BoundedLog(10);
    for (let i = 0; i < 1000; i++) log.append(Buffer.from(`line ${i}\n`));
    expect(log.text()).toMatch(/^\[… \d+ earlier bytes dropped\]\n/);
    expect(log.text().split('\n').slice(1).join('\n')).toHaveLength(10);
    expect(log.lastLine()).toBe('line 999');
  });
  test('a single chunk bigger than the bound', () => {
    const log = new BoundedLog(4);
    log.append(Buffer.from('abcdefgh'));
    expect(log.text()).toBe('[… 4 earlier bytes dropped]\nefgh');
  });
  test('long last lines are clipped', () => {
    const log = new BoundedLog(1000);
    log.append(Buffer.from('x'.repeat(500)));
    expect(log.lastLine(10)).toBe('xxxxxxxxxx…');
  });
});

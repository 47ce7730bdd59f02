import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { PolicyHolder } from '../../src/policy/index.js';

describe('PolicyHolder', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('reloads a valid edit and keeps the previous policy on an invalid one', async () => {
    dir = mkdtempSync(join(tmpdir(), 'warden-policy-'));
    const file = join(dir, 'policy.yaml');
    writeFileSync(file, 'version: 1\ndefault: allow\n');
    const holder = new PolicyHolder(file);
    holder.watch(10);
    try {
      expect(holder.current.decide({ server: 's', tool: 't', client: 'c', args: undefined }).action).toBe('allow');
      const reloaded = once(holder, 'reload');
      writeFileSync(file, 'version: 1\ndefault: deny\n');
      await reloaded;
      expect(holder.current.decide({ server: 's', tool: 't', client: 'c', args: undefined }).action).toBe('deny');
      const failed = once(holder, 'error');
      writeFileSync(file, 'version: 1\ndefault: sometimes\n');
      const [err] = (await failed) as [Error];
      expect(err.message).toMatch(/policy\.yaml:2/);
      expect(holder.current.decide({ server: 's', tool: 't', client: 'c', args: undefined }).action).toBe('deny');
    } finally {
      holder.close();
    }
  });
});

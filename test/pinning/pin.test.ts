import { describe, expect, it } from 'vitest';
import { CanonicalFormError, hashJson } from '../../src/pinning/canonical.js';
import { declaredIdentity } from '../../src/pinning/identity.js';
import { contentHashWithoutName, finishServer, pinServer, pinTool } from '../../src/pinning/pin.js';
import { githubSnapshot, pinned, snap, tool } from '../helpers/pin-fixtures.js';

describe('pinTool', () => {
  it('hashes exactly {name, title, description, inputSchema, outputSchema, annotations}', () => {
    const t = tool('a', 'desc', { title: 'A', outputSchema: { type: 'object' }, annotations: { readOnlyHint: true } });
    const p = pinTool(t);
    expect(p.hash).toBe(hashJson({ name: 'a', title: 'A', description: 'desc', inputSchema: t.inputSchema, outputSchema: { type: 'object' }, annotations: { readOnlyHint: true } }).hash);
    expect(Object.keys(p.definition)).toEqual(['annotations', 'description', 'inputSchema', 'name', 'outputSchema', 'title']);
  });

  it('ignores fields clients do not show the model (_meta, icons)', () => {
    const plain = pinTool(tool('a', 'd'));
    const extra = pinTool({ ...tool('a', 'd'), _meta: { x: 1 }, icons: [{ src: 'x.png' }] } as never);
    expect(extra.hash).toBe(plain.hash);
  });

  it('changes when only the schema changes (what description-only pins miss)', () => {
    const a = pinTool(tool('a', 'd'));
    const b = pinTool(tool('a', 'd', { inputSchema: { type: 'object', properties: { q: { type: 'string' }, notes: { type: 'string' } } } }));
    expect(b.hash).not.toBe(a.hash);
  });

  it('gives a renamed tool the same content hash without its name', () => {
    expect(contentHashWithoutName(pinTool(tool('a', 'd')))).toBe(contentHashWithoutName(pinTool(tool('b', 'd'))));
  });
});

describe('pinServer', () => {
  it('sorts every list and computes a digest that changes with any item', () => {
    const s = pinned(githubSnapshot());
    expect(s.tools.map((t) => t.name)).toEqual(['create_issue', 'delete_repo', 'search_issues']);
    const changed = pinned(githubSnapshot({ prompts: [{ name: 'triage', description: 'Triage issues!' }] }));
    expect(changed.hash).not.toBe(s.hash);
    expect(finishServer(s).hash).toBe(s.hash);
  });

  it('pins the same snapshot to the same hash every time, whatever the order of tools', () => {
    const a = pinned(snap('x', { tools: [tool('a', '1'), tool('b', '2')] }));
    const b = pinned(snap('x', { tools: [tool('b', '2'), tool('a', '1')] }));
    expect(b).toEqual(a);
  });

  it('drops exact duplicates but refuses two different tools under one name', () => {
    expect(pinned(snap('x', { tools: [tool('a', '1'), tool('a', '1')] })).tools).toHaveLength(1);
    expect(() => pinServer(snap('x', { tools: [tool('a', '1'), tool('a', '2')] }), declaredIdentity(undefined))).toThrow(/server "x": advertises two different tools named "a"/);
  });

  it('names server and tool when a definition cannot be pinned', () => {
    let deep: unknown = {};
    for (let i = 0; i < 300; i++) deep = { d: deep };
    const err = (() => {
      try {
        pinServer(snap('x', { tools: [tool('t', 'd', { inputSchema: deep })] }), declaredIdentity(undefined));
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(err).toBeInstanceOf(CanonicalFormError);
    expect((err as Error).message).toMatch(/server "x": tool "t": nested deeper/);
  });
});

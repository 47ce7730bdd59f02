import { describe, expect, it } from 'vitest';
import { approve, firstPinHistory, historyFor } from '../../src/pinning/approve.js';
import { diffPins } from '../../src/pinning/drift.js';
import { githubSnapshot, pinned, snap, tool } from '../helpers/pin-fixtures.js';

const who = { by: 'Ada <ada@example.com>', at: '2026-08-01T00:00:00.000Z' };
const base = pinned(githubSnapshot());
const drifted = pinned(
  githubSnapshot({
    instructions: 'Changed.',
    tools: [
      tool('search_issues', 'Search issues in a repository.', { annotations: { readOnlyHint: true } }),
      tool('open_issue', 'Create an issue.'),
      tool('delete_repo', 'Delete a repository permanently. Also mail it.', { annotations: { destructiveHint: true } }),
    ],
  }),
);
const other = pinned(snap('other', { tools: [tool('t', 'd')] }));

describe('approve', () => {
  it('accepts everything without a selection: the result equals the current servers', () => {
    const r = approve([base], [drifted, other], {});
    expect(r.pending).toEqual([]);
    expect(r.servers).toEqual([drifted, other]);
    expect(r.accepted.map((c) => c.kind).sort()).toEqual(['instructions-changed', 'server-added', 'tool-changed', 'tool-renamed']);
  });

  it('accepts one server only', () => {
    const r = approve([base], [drifted, other], { server: 'github' });
    expect(r.servers).toEqual([drifted]);
    expect(r.pending.map((c) => c.kind)).toEqual(['server-added']);
  });

  it('accepts one tool only, leaving the rest pinned as before', () => {
    const r = approve([base], [drifted], { server: 'github', tool: 'delete_repo' });
    expect(r.accepted.map((c) => c.kind)).toEqual(['tool-changed']);
    const after = r.servers[0];
    expect(after?.tools.find((t) => t.name === 'delete_repo')?.hash).toBe(drifted.tools.find((t) => t.name === 'delete_repo')?.hash);
    expect(after?.instructions).toEqual(base.instructions);
    // What is left is exactly the drift that was not selected.
    expect(diffPins(r.servers, [drifted], { reportAdded: true, reportRemoved: true }).map((c) => c.kind).sort()).toEqual(['instructions-changed', 'tool-renamed']);
  });

  it('selects a rename by either name', () => {
    expect(approve([base], [drifted], { server: 'github', tool: 'create_issue' }).accepted.map((c) => c.kind)).toEqual(['tool-renamed']);
    expect(approve([base], [drifted], { server: 'github', tool: 'open_issue' }).accepted.map((c) => c.kind)).toEqual(['tool-renamed']);
  });

  it('never accepts a whole new server through --tool, and keeps a vanished one unless selected', () => {
    expect(approve([base], [other], { server: 'other', tool: 't' }).accepted).toEqual([]);
    const keep = approve([base], [other], { server: 'other' });
    expect(keep.servers.map((s) => s.name).sort()).toEqual(['github', 'other']);
    expect(approve([base], [], { server: 'github' }).servers).toEqual([]);
  });
});

describe('history', () => {
  it('records who, when, what and the hashes before and after', () => {
    const r = approve([base], [drifted], { server: 'github', tool: 'delete_repo' });
    expect(historyFor(r.accepted, who)).toEqual([
      {
        at: who.at,
        by: who.by,
        action: 'update',
        server: 'github',
        target: 'tool:delete_repo',
        change: 'tool-changed',
        old: base.tools.find((t) => t.name === 'delete_repo')?.hash,
        new: drifted.tools.find((t) => t.name === 'delete_repo')?.hash,
      },
    ]);
    expect(firstPinHistory([base], who)).toEqual([{ at: who.at, by: who.by, action: 'pin', server: 'github', target: 'server', old: null, new: base.hash }]);
  });
});

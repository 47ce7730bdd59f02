import { describe, expect, test } from 'vitest';
import { resolveIdentities, wardenIdentity } from '../../src/mcp/identities.js';
import { VERSION } from '../../src/version.js';

describe('resolveIdentities', () => {
  test('aliases map to the clientInfo names real clients send', () => {
    expect(resolveIdentities(['claude-code', 'cursor,vscode']).map((i) => i.name)).toEqual(['claude-code', 'cursor-vscode', 'Visual Studio Code']);
  });
  test('unknown names are sent as given; duplicates dropped; blanks ignored', () => {
    expect(resolveIdentities(['my-client, Cursor, cursor,,'])).toEqual([
      { alias: 'my-client', name: 'my-client', version: '1.0.0' },
      { alias: 'cursor', name: 'cursor-vscode', version: '1.0.0' },
    ]);
  });
  test('mcp-warden is our own identity', () => {
    expect(resolveIdentities(['mcp-warden'])).toEqual([wardenIdentity()]);
    expect(wardenIdentity()).toEqual({ alias: 'mcp-warden', name: 'mcp-warden', version: VERSION });
  });
});

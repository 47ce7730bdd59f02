import { describe, expect, test } from 'vitest';
import { cleanText, renderSnapshot } from '../../src/cli/inspect-view.js';
import { ServerSnapshotSchema } from '../../src/model/index.js';

describe('cleanText', () => {
  test('hostile text is shown, not obeyed', () => {
    expect(cleanText('ok\u001b[2J\u202eevil\u200b')).toBe('ok\\u{1B}[2J\\u{202E}evil\\u{200B}');
    expect(cleanText('tag\u{E0041}chars')).toBe('tag\\u{E0041}chars');
  });
  test('one line, clipped, secrets redacted', () => {
    expect(cleanText('a\n\n b\tc')).toBe('a b c');
    expect(cleanText('x'.repeat(50), 10)).toBe('xxxxxxxxxx… (50 chars)');
    expect(cleanText('token ghp_abcdefghijklmnopqrstuvwxyz0123456789')).not.toContain('ghp_abcdefghijklmnopqrstuvwxyz0123456789');
  });
});

describe('renderSnapshot', () => {
  test('lists tools with hints and parameters, then prompts, resources, templates', () => {
    const s = ServerSnapshotSchema.parse({
      name: 'srv',
      source: 'live',
      serverInfo: { name: 'x', version: '1' },
      protocolVersion: '2025-06-18',
      capabilities: { tools: {}, resources: {} },
      tools: [{ name: 't', description: 'Does t.', inputSchema: { type: 'object', properties: { a: {}, b: {} }, required: ['a'] }, annotations: { readOnlyHint: true } }],
      resources: [{ uri: 'file:///a', name: 'a' }],
      resourceTemplates: [{ uriTemplate: 'file:///{p}', name: 'p' }],
    });
    expect(renderSnapshot(s, false)).toBe(
      [
        'srv  (x 1; protocol 2025-06-18)',
        '  capabilities: resources, tools',
        '  tools (1)',
        '    t [readOnly]  Does t.',
        '      params: a*, b',
        '  resources (1)',
        '    file:///a  a',
        '  resource templates (1)',
        '    file:///{p}  p',
        '',
      ].join('\n'),
    );
  });
});

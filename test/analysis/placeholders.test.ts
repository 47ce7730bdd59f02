import { describe, expect, it } from 'vitest';
import { findPlaceholders } from '../../src/analysis/placeholders.js';

describe('findPlaceholders', () => {
  it('tells environment, input, client and defaulted references apart', () => {
    const text = 'Bearer ${TOKEN} ${env:API_KEY} ${input:pat} ${workspaceFolder}/x ${CLAUDE_PLUGIN_ROOT} ${PORT:-3000} ${user_config.dir} $PLAIN';
    expect(findPlaceholders(text).map((p) => [p.kind, p.name])).toEqual([
      ['env', 'TOKEN'],
      ['env', 'API_KEY'],
      ['input', 'pat'],
      ['client', 'workspaceFolder'],
      ['client', 'CLAUDE_PLUGIN_ROOT'],
      ['with-default', 'PORT'],
      ['client', 'user_config.dir'],
    ]);
  });

  it('ignores malformed and hostile text in linear time', () => {
    expect(findPlaceholders('${} ${ no } ${a b} ${unterminated')).toEqual([]);
    expect(findPlaceholders('${'.repeat(300_000))).toEqual([]);
  });
});

/** Every pattern discovery applies to file content or paths stays linear on 1 MB adversarial input. */
import { describe, expect, it } from 'vitest';
import { transportFromUrl } from '../../src/discovery/mcp-servers-map.js';
import { splitTomlKey, tomlLineLocator } from '../../src/discovery/toml-lines.js';
import { detectAdapter } from '../../src/discovery/discover.js';
import type { ConfigDocument } from '../../src/discovery/document.js';

const MB = 1024 * 1024;

describe('regex safety on 1 MB inputs', () => {
  it('TOML line scanning', () => {
    for (const text of ['['.repeat(MB), `[${'a'.repeat(MB)}`, `${' '.repeat(MB)}=`, `a = [${'"x",'.repeat(MB / 4)}`, `k = "${'\\'.repeat(MB)}`, '#'.repeat(MB)]) {
      const at = tomlLineLocator(text);
      expect(at(['mcp_servers', 'x'])).toBeUndefined();
    }
    expect(splitTomlKey(`${'a.'.repeat(MB / 2)}`)).toBeUndefined();
  });

  it('URL transport inference', () => {
    expect(transportFromUrl(`https://x/${'/sse'.repeat(MB / 4)}x`)).toBe('http');
    expect(transportFromUrl(`https://x/${'/'.repeat(MB)}sse`)).toBe('sse');
  });

  it('--config path signatures', () => {
    for (const path of [`/${'.gemini/'.repeat(MB / 8)}x.json`, `/${'a/'.repeat(MB / 2)}`, `/${'.agents'.repeat(MB / 7)}/mcp_config.jsonx`]) {
      const doc: ConfigDocument = { path, format: 'json', value: { mcpServers: {} }, lineOf: () => undefined };
      expect(detectAdapter(doc)?.id).toBe('claude-desktop');
    }
  });
});

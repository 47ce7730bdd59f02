/**
 * @fileoverview A remote MCP server whose config carries no credentials at all. Often fine (the
 * client negotiates OAuth), sometimes an open endpoint: reported low, and the message says which.
 */
import { defineRule } from '../define.js';
import { Atlas, Attack } from '../attack.js';
import type { ServerEntry } from '../../model/index.js';
import { hostScope, parseUrl } from '../../analysis/hosts.js';
import { nameWords, secretNameKind } from '../../analysis/secret-context.js';
import type { ConfigRuleContext } from './types.js';
import { locate } from './utils/fields.js';

/** Header names that carry credentials without a credential word in them. */
const AUTH_HEADER_WORDS = new Set(['signature', 'sig', 'session', 'jwt', 'bearer', 'apikey']);

function isAuthHeader(name: string): boolean {
  return secretNameKind(name) !== undefined || nameWords(name).some((w) => AUTH_HEADER_WORDS.has(w));
}

export default defineRule<ServerEntry, ConfigRuleContext, 'noCredentials'>({
  kind: 'config',
  meta: {
    id: 'config/remote-without-auth',
    title: 'Remote server with no credentials configured',
    description:
      'A remote server whose config sends no Authorization or API-key header and sets up no other authentication either relies on OAuth negotiated by the client at connect time, or is open to anyone who can reach its URL. The config alone cannot tell which; an open endpoint exposes its tools, and whatever they can reach, to the internet.',
    severity: 'low',
    category: 'authentication',
    attack: [Attack.ExploitPublicFacingApplication, Atlas.ExploitPublicFacingApplication],
    remediation:
      'Check how the server authenticates. If it uses OAuth, nothing to change (suppress with that reason). If it accepts an API key or bearer token, send it in a header from the environment (`"Authorization": "Bearer ${TOKEN}"`). If it accepts anonymous calls, put it behind authentication.',
    messages: {
      noCredentials:
        'Server "{{server}}" at {{host}} has no credentials in its config (no Authorization or API-key header, no auth settings). If it uses OAuth, the client negotiates it when connecting and this is expected; if not, anyone who can reach the URL can call its tools.',
    },
  },
  check(entry) {
    if (entry.transport === 'stdio' || entry.url === undefined) return [];
    const url = parseUrl(entry.url);
    if (!url || hostScope(url.hostname) === 'loopback') return [];
    if ((entry.authFields?.length ?? 0) > 0) return [];
    if (Object.keys(entry.headers).some(isAuthHeader)) return [];
    if (url.username !== '' || url.password !== '') return [];
    if ([...url.searchParams.keys()].some((k) => secretNameKind(k) !== undefined)) return [];
    const loc = locate(entry, 'url');
    return [{ messageId: 'noCredentials', data: { server: entry.name, host: url.host }, field: loc.pointer, ...(loc.line !== undefined ? { line: loc.line } : {}), evidence: entry.url }];
  },
});

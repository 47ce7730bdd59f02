/**
 * @fileoverview Labels what a tool can do, from its name, its first sentence and its annotations,
 * for toxic-flow analysis ("lethal trifecta": untrusted content + private data + a way out) and for
 * comparing a tool's stated purpose with the powers its description admits to.
 */

export type Capability = 'untrusted-input' | 'private-data' | 'external-send' | 'code-exec' | 'state-change';

export const CAPABILITY_TITLES: Record<Capability, string> = {
  'untrusted-input': 'reads untrusted content',
  'private-data': 'reads private data',
  'external-send': 'can send data out',
  'code-exec': 'runs code',
  'state-change': 'changes state',
};

/** Splits `get_fileContents`, `read-cypher`, `mail.send` into lowercase words. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w.length > 0)
    .map((w) => w.toLowerCase());
}

interface Cue {
  capability: Capability;
  /** Words in the tool name. */
  nameWords: readonly string[];
  /** Pattern on the lowercased first sentence of the description. */
  purpose: RegExp;
}

const CUES: readonly Cue[] = [
  {
    capability: 'untrusted-input',
    nameWords: ['fetch', 'browse', 'browser', 'navigate', 'scrape', 'crawl', 'web', 'url', 'http', 'page', 'rss', 'feed', 'inbox', 'email', 'mail', 'issue', 'issues', 'comment', 'comments', 'pull', 'review', 'ticket', 'tickets', 'transcript', 'youtube', 'reddit', 'news', 'download', 'screenshot', 'messages', 'slack', 'discord', 'tweet', 'tweets'],
    purpose: /\b(?:fetch|browse|navigate|scrape|crawl|web ?pages?|websites?|urls?|search (?:the )?(?:web|internet)|emails?|inbox|issues?|pull requests?|comments?|tickets?|rss|feeds?|news|transcripts?|downloads?|messages from)\b/,
  },
  {
    capability: 'private-data',
    nameWords: ['file', 'files', 'read', 'directory', 'fs', 'database', 'db', 'query', 'sql', 'select', 'email', 'mail', 'inbox', 'calendar', 'contacts', 'contact', 'notes', 'note', 'memory', 'drive', 'document', 'documents', 'repo', 'repository', 'secret', 'secrets', 'credential', 'credentials', 'customer', 'customers', 'user', 'users', 'crm', 'table', 'record', 'records', 'bucket', 'object', 'account', 'balance', 'transactions', 'messages', 'chat', 'history'],
    purpose: /\b(?:files?|director(?:y|ies)|databases?|quer(?:y|ies)|sql|emails?|inbox|calendar|contacts?|notes?|memory|documents?|repositor(?:y|ies)|secrets?|credentials?|customers?|records?|tables?|buckets?|accounts?|transactions?|messages?|private)\b/,
  },
  {
    capability: 'external-send',
    nameWords: ['send', 'post', 'email', 'mail', 'message', 'publish', 'upload', 'share', 'comment', 'tweet', 'webhook', 'notify', 'push', 'gist', 'invite', 'reply', 'forward', 'fetch', 'http', 'url', 'navigate'],
    purpose: /\b(?:send|sends|post|posts|publish|upload|share|webhook|notify|e-?mail|message|reply|forward|tweet|create (?:an? )?(?:issue|comment|gist|pull request|ticket|page)|http (?:request|post)|fetch(?:es)? (?:a |the |any )?url)\b/,
  },
  {
    capability: 'code-exec',
    nameWords: ['exec', 'execute', 'run', 'shell', 'command', 'terminal', 'eval', 'python', 'script', 'bash', 'process', 'spawn', 'repl', 'code', 'interpreter', 'kubectl', 'docker'],
    purpose: /\b(?:execut(?:e|es|ing)|run(?:s)? (?:a |the |any |arbitrary )?(?:shell|terminal|command|script|code|program)|shell commands?|terminal commands?|evaluat(?:e|es) (?:code|python|javascript))\b/,
  },
  {
    capability: 'state-change',
    nameWords: ['write', 'create', 'update', 'delete', 'edit', 'move', 'remove', 'set', 'insert', 'modify', 'patch', 'put', 'add', 'drop', 'merge', 'push', 'commit', 'deploy', 'install', 'cancel', 'close', 'rename', 'upload', 'transfer', 'pay', 'approve', 'archive'],
    purpose: /\b(?:write|writes|create|creates|update|updates|delete|deletes|edit|edits|modif(?:y|ies)|remove|removes|insert|inserts|merge|merges|deploy|deploys|install|installs|transfer|transfers)\b/,
  },
];

const READ_VERBS = new Set(['get', 'list', 'read', 'search', 'find', 'show', 'describe', 'view', 'query', 'count', 'check', 'lookup', 'retrieve', 'summarize', 'summarise', 'inspect', 'explain', 'validate', 'preview']);

const WRITE_VERBS = new Set(['send', 'post', 'publish', 'create', 'write', 'update', 'delete', 'reply', 'forward', 'share', 'upload', 'add', 'set', 'edit', 'remove', 'move', 'push']);

/** First sentence of a description, lowercased and bounded. */
export function firstSentence(description: string | undefined): string {
  if (description === undefined) return '';
  const text = description.trim().slice(0, 400);
  const end = text.search(/[.!?\n](?:\s|$)/);
  return (end >= 0 ? text.slice(0, end + 1) : text).toLowerCase();
}

/** Capabilities of a tool from its name, purpose sentence and annotations. */
export function capabilitiesOf(tool: { name: string; description?: string | undefined; annotations?: Record<string, unknown> | undefined }): Set<Capability> {
  const words = new Set(nameWords(tool.name));
  const purpose = firstSentence(tool.description);
  const caps = new Set<Capability>();
  // "get_message", "list_emails": the noun is what is read, not a way to send.
  const verb = nameWords(tool.name)[0] ?? '';
  const reader = READ_VERBS.has(verb);
  const writer = WRITE_VERBS.has(verb);
  for (const cue of CUES) {
    const byName = cue.nameWords.some((w) => words.has(w)) && !(reader && (cue.capability === 'external-send' || cue.capability === 'state-change')) && !(writer && cue.capability === 'untrusted-input');
    if (byName || cue.purpose.test(purpose)) caps.add(cue.capability);
  }
  const ann = tool.annotations ?? {};
  if (ann['readOnlyHint'] === true) caps.delete('state-change');
  if (ann['destructiveHint'] === true) caps.add('state-change');
  if (ann['openWorldHint'] === true && (caps.has('untrusted-input') || caps.has('external-send'))) caps.add('untrusted-input');
  return caps;
}

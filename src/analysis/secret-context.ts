/**
 * @fileoverview Context signals for secrets that have no known format: what a name (env var,
 * header, CLI flag, query parameter) says about its value, whether a value is a placeholder
 * rather than a credential, and how random a string looks (Shannon entropy). Shared by the config
 * rules and the gateway's DLP (argument names). Pure, synchronous, linear-time.
 */

/** What a name says its value is. */
export type SecretNameKind = 'password' | 'token' | 'key' | 'secret' | 'credential' | 'auth' | 'cookie';

/** Last word of a name → kind. Compound words (`apikey`) are listed whole. */
const KIND_BY_LAST_WORD: Readonly<Record<string, SecretNameKind>> = {
  password: 'password',
  passwd: 'password',
  pass: 'password',
  pwd: 'password',
  passphrase: 'password',
  passcode: 'password',
  token: 'token',
  accesstoken: 'token',
  authtoken: 'token',
  pat: 'token',
  key: 'key',
  apikey: 'key',
  accesskey: 'key',
  secretkey: 'key',
  privatekey: 'key',
  secret: 'secret',
  clientsecret: 'secret',
  credential: 'credential',
  credentials: 'credential',
  creds: 'credential',
  authorization: 'auth',
  auth: 'auth',
  cookie: 'cookie',
};

/**
 * Words that, anywhere in a name, mean the value is not a credential even though another word
 * suggests one: `PUBLIC_KEY`, `MAX_TOKENS`, `SORT_KEY`, `STRIPE_PUBLISHABLE_KEY`.
 */
const NEGATING_WORDS = new Set(['public', 'publishable', 'pub', 'max', 'min', 'num', 'sort', 'partition', 'primary', 'foreign', 'cache', 'hot', 'idempotency', 'dedupe', 'routing', 'label', 'i18n']);

/**
 * Last words that make the value a pointer to a secret, not the secret: `TOKEN_PATH`, `KEY_FILE`,
 * `AUTH_URL`, `ACCESS_KEY_ID`, `TOKEN_TYPE`.
 */
const NON_SECRET_LAST_WORDS = new Set([
  'path', 'file', 'filename', 'dir', 'directory', 'folder', 'url', 'uri', 'endpoint', 'host', 'hostname', 'port', 'id', 'ids', 'name', 'names',
  'type', 'env', 'header', 'prefix', 'suffix', 'length', 'len', 'size', 'count', 'limit', 'ttl', 'timeout', 'expiry', 'expires', 'expiration',
  'mode', 'format', 'version', 'region', 'scope', 'scopes', 'enabled', 'required', 'field', 'location', 'source', 'provider', 'method',
  'algorithm', 'alg', 'kind', 'strategy', 'store', 'cmd', 'command', 'helper', 'var', 'variable', 'tokens', 'keys', 'user', 'username',
  'login', 'email', 'account', 'issuer', 'audience', 'hint', 'policy', 'rotation', 'refresh', 'level',
]);

/**
 * Splits a name into lowercase words at separators and camelCase boundaries.
 * @param name e.g. `GITHUB_PERSONAL_ACCESS_TOKEN`, `apiKey`, `X-API-Key`, `--access-token`
 * @returns e.g. `['github','personal','access','token']`
 */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
}

/**
 * What kind of secret a name announces, if any.
 * @param name an env var, header, flag or parameter name
 * @returns the kind, or undefined when the name does not announce a credential
 */
export function secretNameKind(name: string): SecretNameKind | undefined {
  const words = nameWords(name);
  const last = words[words.length - 1];
  if (last === undefined) return undefined;
  // `PWD` alone is the shell's working directory, not a password.
  if (words.length === 1 && last === 'pwd') return undefined;
  if (words.some((w) => NEGATING_WORDS.has(w))) return undefined;
  if (NON_SECRET_LAST_WORDS.has(last)) return undefined;
  const direct = KIND_BY_LAST_WORD[last];
  if (direct !== undefined) return direct;
  // `API_KEY` splits to api+key (handled above), `APIKEY`/`XAPIKEY` stay one word.
  if (/(?:api|access|secret|private)key$/.test(last)) return 'key';
  if (/(?:access|auth|bearer|refresh|session)token$/.test(last)) return 'token';
  if (/password$/.test(last)) return 'password';
  return undefined;
}

/** True when a name says its value is not a credential (a path, URL, id, count …). */
export function isNonSecretName(name: string): boolean {
  const words = nameWords(name);
  const last = words[words.length - 1];
  return last !== undefined && (NON_SECRET_LAST_WORDS.has(last) || words.some((w) => NEGATING_WORDS.has(w)));
}

/**
 * Placeholder syntaxes found anywhere in a value: `${VAR}`, `${env:VAR}`, `${input:x}`, `{{x}}`,
 * `<your token>`. Bounded and without nested quantifiers.
 */
const PLACEHOLDER_SYNTAX = /\$\{[^}\n]{0,200}\}|\{\{[^}\n]{0,200}\}\}|<[A-Za-z][A-Za-z0-9 _.:-]{0,100}>/;

/** Placeholders that only count as the whole value (`pa$$word` is a password, `$TOKEN` is not). */
const WHOLE_VALUE_PLACEHOLDER = /^(?:\$[A-Za-z_][A-Za-z0-9_]{0,200}|%[A-Za-z_][A-Za-z0-9_]{0,200}%)$/;

/** Whole-value placeholders in square brackets: `[YOUR_TOKEN]`. */
const BRACKETED = /^\[[^\]]{1,200}\]$/;

/**
 * Words that mark documentation values: `your-api-key`, `sk-xxxx`, `<token>`, `changeme`. Matched
 * as substrings, lowercase; each is long or odd enough that a random token rarely contains it.
 */
const PLACEHOLDER_MARKERS = ['your', 'example', 'placeholder', 'changeme', 'change_me', 'change-me', 'replace', 'redacted', 'dummy', 'sample', 'insert', 'xxxx', '****', '...', '…', 'todo', 'fixme', 'goes_here', 'goes-here', 'token_here', 'key_here', 'key-here', 'token-here'];

/** Values that are just a word describing what should go there. */
const PLACEHOLDER_WORDS = new Set(['password', 'passwd', 'secret', 'token', 'apikey', 'api_key', 'api-key', 'key', 'none', 'null', 'nil', 'undefined', 'empty', 'test', 'demo', 'foo', 'bar', 'baz', 'tbd', 'na', 'n/a', 'true', 'false', 'yes', 'no', 'on', 'off', 'here', 'value', 'string', 'required', 'optional']);

/**
 * True when a value is not a real credential: empty, a `${VAR}`-style reference, a documentation
 * placeholder (`<your-token>`, `xxx`, `changeme`) or a bare descriptive word.
 * @param value the raw value (env, header, argument)
 */
export function isPlaceholderValue(value: string): boolean {
  const v = value.trim();
  if (v.length === 0) return true;
  if (PLACEHOLDER_SYNTAX.test(v) || WHOLE_VALUE_PLACEHOLDER.test(v) || BRACKETED.test(v)) return true;
  const lower = v.toLowerCase();
  if (PLACEHOLDER_WORDS.has(lower)) return true;
  if (PLACEHOLDER_MARKERS.some((m) => lower.includes(m))) return true;
  // One character repeated (`xxxxxxxx`, `00000000`, `********`).
  if (/^(.)\1*$/.test(v)) return true;
  // `here` as a word, not inside a token: "token here", "key_here" are covered above.
  if (/(?:^|[^a-z])here(?:$|[^a-z])/.test(lower)) return true;
  return false;
}

/**
 * Shannon entropy in bits per character.
 * @param s the string
 * @returns 0 for empty or one-symbol strings; about 5.95 at most for base64 alphabets
 */
export function shannonEntropy(s: string): number {
  if (s.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const ch of s) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let h = 0;
  const n = [...s].length;
  for (const c of counts.values()) {
    const p = c / n;
    h -= p * Math.log2(p);
  }
  return h;
}

/** True for filesystem paths, which name where a secret is rather than hold it. */
export function looksLikePath(value: string): boolean {
  return /^(?:\/|\.{1,2}\/|~[/\\]?|[A-Za-z]:[\\/]|\\\\|file:)/.test(value.trim());
}

/** True for URLs (their embedded credentials are found by the known-format patterns). */
export function looksLikeUrl(value: string): boolean {
  return /^[a-z][a-z0-9+.-]{1,20}:\/\//i.test(value.trim());
}

/** Token alphabet: base64, base64url, hex and the usual separators; no spaces or punctuation. */
const TOKEN_ALPHABET = /^[A-Za-z0-9_\-+/=.~]+$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HEX = /^[0-9a-f]+$/i;
/** Package, image and version shapes that are long and mixed but not secrets. */
const STRUCTURED = /^@?[a-z0-9][a-z0-9._-]*\/[a-z0-9._/-]+(?:@[A-Za-z0-9.^~<>=*_-]+)?$|^v?\d+(?:\.\d+)+/;

/** Minimum length and entropy for a value to look random with no other signal. */
export const GENERIC_MIN_LENGTH = 24;
export const GENERIC_MIN_ENTROPY = 4.0;

/**
 * True when a value looks like a randomly generated credential on its own: long, in a token
 * alphabet, mixing letters and digits, high Shannon entropy, and not a UUID, hex digest, path,
 * URL, package name or version. Used only where no name gives a signal either way.
 * @param value the raw value
 */
export function looksRandom(value: string): boolean {
  const v = value.trim();
  if (v.length < GENERIC_MIN_LENGTH || v.length > 4096) return false;
  if (!TOKEN_ALPHABET.test(v) || UUID.test(v) || HEX.test(v) || STRUCTURED.test(v)) return false;
  if (looksLikePath(v) || looksLikeUrl(v) || isPlaceholderValue(v)) return false;
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/].filter((re) => re.test(v)).length;
  if (classes < 3) return false;
  return shannonEntropy(v) >= GENERIC_MIN_ENTROPY;
}

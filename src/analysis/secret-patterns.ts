/**
 * Known credential formats used for redaction in every output (and as a fast first pass for the
 * secret rules). Each pattern is linear-time: fixed prefixes and bounded character classes.
 * `keep` is how many leading characters stay visible so a reader can tell which kind it was.
 */
export interface SecretPattern {
  id: string;
  description: string;
  regex: RegExp;
  keep: number;
  /** When set, only this capture group is the secret (the rest, e.g. `Bearer `, stays visible). */
  secretGroup?: number;
  /** Extra check on the secret text, for shapes a linear regex cannot express (e.g. "has a digit"). */
  accept?: (secret: string) => boolean;
  truePositives: string[];
  falsePositives: string[];
}

export const SECRET_PATTERNS: readonly SecretPattern[] = [
  {
    id: 'private-key-block',
    description: 'PEM private key block',
    regex: /-----BEGIN (?:[A-Z0-9]+ )?PRIVATE KEY(?: BLOCK)?-----[\s\S]{0,10000}?-----END (?:[A-Z0-9]+ )?PRIVATE KEY(?: BLOCK)?-----/g,
    keep: 0,
    truePositives: ['-----BEGIN RSA PRIVATE KEY-----\nMIIEow\n-----END RSA PRIVATE KEY-----'],
    falsePositives: ['-----BEGIN PUBLIC KEY-----'],
  },
  {
    id: 'anthropic-api-key',
    description: 'Anthropic API key',
    regex: /\bsk-ant-(?:api|admin)\d{2}-[A-Za-z0-9_-]{20,200}/g,
    keep: 7,
    truePositives: ['sk-ant-api03-abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJ'],
    falsePositives: ['sk-ant-'],
  },
  {
    id: 'openai-api-key',
    description: 'OpenAI API key',
    regex: /\bsk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,200}T3BlbkFJ[A-Za-z0-9_-]{10,200}|\bsk-(?:proj|svcacct|admin)-[A-Za-z0-9_-]{40,200}/g,
    keep: 3,
    truePositives: ['sk-proj-abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOP0123456789'],
    falsePositives: ['sk-proj-short'],
  },
  {
    id: 'github-token',
    description: 'GitHub personal access, OAuth, app or refresh token',
    regex: /\b(?:gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{22,255})/g,
    keep: 4,
    truePositives: ['ghp_abcdefghijklmnopqrstuvwxyz0123456789', 'github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz'],
    falsePositives: ['ghp_short', 'GITHUB_PERSONAL_ACCESS_TOKEN'],
  },
  {
    id: 'gitlab-token',
    description: 'GitLab personal access token',
    regex: /\bglpat-[A-Za-z0-9_-]{20,64}/g,
    keep: 6,
    truePositives: ['glpat-abcdefghij0123456789'],
    falsePositives: ['glpat-'],
  },
  {
    id: 'aws-access-key-id',
    description: 'AWS access key id',
    regex: /\b(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}\b/g,
    keep: 4,
    truePositives: ['AKIAIOSFODNN7EXAMPLE'],
    falsePositives: ['AKIA'],
  },
  {
    id: 'slack-token',
    description: 'Slack bot, user or app token',
    regex: /\bxox[abposr]-[A-Za-z0-9-]{10,200}/g,
    keep: 5,
    truePositives: ['xoxb-1234567890-abcdefghijkl'],
    falsePositives: ['xoxb-'],
  },
  {
    id: 'stripe-key',
    description: 'Stripe secret or restricted key',
    regex: /\b(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{16,200}/g,
    keep: 8,
    truePositives: ['sk_live_abcdefghijklmnop0123'],
    falsePositives: ['sk_live_'],
  },
  {
    id: 'google-api-key',
    description: 'Google API key',
    regex: /\bAIza[0-9A-Za-z_-]{35}/g,
    keep: 4,
    truePositives: ['AIzaSyA1234567890abcdefghijklmnopqrstuv'],
    falsePositives: ['AIza'],
  },
  {
    id: 'npm-token',
    description: 'npm access token',
    regex: /\bnpm_[A-Za-z0-9]{36}\b/g,
    keep: 4,
    truePositives: ['npm_abcdefghijklmnopqrstuvwxyz0123456789'],
    falsePositives: ['npm_config_cache'],
  },
  {
    id: 'huggingface-token',
    description: 'Hugging Face access token',
    regex: /\bhf_[A-Za-z0-9]{30,40}\b/g,
    keep: 3,
    truePositives: ['hf_abcdefghijklmnopqrstuvwxyzABCDEFGH'],
    falsePositives: ['hf_hub'],
  },
  {
    id: 'jwt',
    description: 'JSON Web Token',
    regex: /\beyJ[A-Za-z0-9_-]{8,2000}\.eyJ[A-Za-z0-9_-]{8,4000}\.[A-Za-z0-9_-]{8,2000}/g,
    keep: 3,
    truePositives: ['eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.abcdefghijklmnop'],
    falsePositives: ['eyJhbGciOiJIUzI1NiJ9'],
  },
  {
    id: 'url-credentials',
    description: 'Password embedded in a URL',
    regex: /\b([a-z][a-z0-9+.-]{1,20}:\/\/[^\s:/@]{1,200}:)([^\s@/]{1,200})(?=@)/dgi,
    keep: 0,
    secretGroup: 2,
    truePositives: ['postgres://admin:hunter2@db.example.com/app'],
    falsePositives: ['https://example.com/a:b@c'],
  },
  {
    id: 'bearer-token',
    description: 'Bearer or Basic credential in an Authorization value',
    regex: /\b(Bearer|Basic)\s+([A-Za-z0-9._~+/=-]{12,4000})/dgi,
    keep: 0,
    secretGroup: 2,
    accept: (s) => /\d/.test(s) && /[A-Za-z]/.test(s),
    truePositives: ['Bearer abcdefghijklmnop1234'],
    falsePositives: ['Bearer ${TOKEN}', 'Bearer token', 'token authentication'],
  },
];

export const REDACTED = '***REDACTED***';

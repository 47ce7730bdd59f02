import { describe, expect, it } from 'vitest';
import { isNonSecretName, isPlaceholderValue, looksRandom, nameWords, secretNameKind, shannonEntropy } from '../../src/analysis/secret-context.js';

describe('nameWords', () => {
  it('splits separators and camelCase', () => {
    expect(nameWords('GITHUB_PERSONAL_ACCESS_TOKEN')).toEqual(['github', 'personal', 'access', 'token']);
    expect(nameWords('apiKey')).toEqual(['api', 'key']);
    expect(nameWords('X-API-Key')).toEqual(['x', 'api', 'key']);
    expect(nameWords('--access-token')).toEqual(['access', 'token']);
    expect(nameWords('HTTPProxyPassword')).toEqual(['http', 'proxy', 'password']);
  });
});

describe('secretNameKind', () => {
  it.each([
    ['GITHUB_PERSONAL_ACCESS_TOKEN', 'token'],
    ['BRAVE_API_KEY', 'key'],
    ['OPENAI_KEY', 'key'],
    ['APIKEY', 'key'],
    ['X-API-Key', 'key'],
    ['x-goog-api-key', 'key'],
    ['POSTGRES_PASSWORD', 'password'],
    ['DB_PWD', 'password'],
    ['CLIENT_SECRET', 'secret'],
    ['Authorization', 'auth'],
    ['Proxy-Authorization', 'auth'],
    ['Cookie', 'cookie'],
    ['GOOGLE_APPLICATION_CREDENTIALS', 'credential'],
    ['--api-key', 'key'],
    ['access_token', 'token'],
  ])('%s is a %s', (name, kind) => {
    expect(secretNameKind(name)).toBe(kind);
  });

  it.each(['PWD', 'PUBLIC_KEY', 'STRIPE_PUBLISHABLE_KEY', 'MAX_TOKENS', 'SORT_KEY', 'AWS_ACCESS_KEY_ID', 'TOKEN_PATH', 'SSH_KEY_FILE', 'AUTH_URL', 'TOKEN_TYPE', 'GITHUB_TOKEN_ENV', 'DATABASE_URL', 'HOME', 'SLACK_TEAM_ID', 'Content-Type', 'KEYBOARD_LAYOUT', 'AUTH_USER'])(
    '%s is not a secret name',
    (name) => {
      expect(secretNameKind(name)).toBeUndefined();
    },
  );

  it('knows names that point at secrets rather than hold them', () => {
    expect(isNonSecretName('TOKEN_FILE')).toBe(true);
    expect(isNonSecretName('API_KEY')).toBe(false);
  });
});

describe('isPlaceholderValue', () => {
  it.each(['', '  ', '${GITHUB_TOKEN}', '${env:API_KEY}', '${input:token}', 'Bearer ${TOKEN}', '$API_KEY', '%API_KEY%', '{{token}}', '<your-token>', '<YOUR_API_KEY>', '[YOUR_TOKEN]', 'YOUR_API_KEY_HERE', 'your-api-key', 'xoxb-your-bot-token', 'sk-xxxxxxxxxxxxxxxx', 'changeme', 'password', 'token', 'xxxxxxxx', '********', 'TODO', 'paste token here', 'sk-...'])(
    '%j is a placeholder',
    (v) => {
      expect(isPlaceholderValue(v)).toBe(true);
    },
  );

  it.each(['hunter2', 'pa$$word', 'ghp_R3alLook1ngT0kenF0rTheExamp1eOnly000', 'postgres', 'Tr0ub4dor&3', 'q8Xr2LmZp4Vt7Nw1Ks9Hy3Bc'])('%j is not a placeholder', (v) => {
    expect(isPlaceholderValue(v)).toBe(false);
  });
});

describe('shannonEntropy', () => {
  it('is 0 for one symbol and log2(n) for n distinct symbols', () => {
    expect(shannonEntropy('')).toBe(0);
    expect(shannonEntropy('aaaa')).toBe(0);
    expect(shannonEntropy('abcd')).toBeCloseTo(2);
    expect(shannonEntropy('0123456789abcdef')).toBeCloseTo(4);
  });
});

describe('looksRandom', () => {
  it.each(['q8Xr2LmZp4Vt7Nw1Ks9Hy3BcD6fG', 'AbC9dEf8GhI7jKl6MnO5pQr4StU3'])('%s looks random', (v) => {
    expect(looksRandom(v)).toBe(true);
  });

  it.each([
    '550e8400-e29b-41d4-a716-446655440000', // UUID
    'da39a3ee5e6b4b0d3255bfef95601890afd80709', // hex digest
    '@modelcontextprotocol/server-filesystem@2025.1.14',
    '/home/u/projects/my-repo/src/index.ts',
    'https://api.example.com/v1/mcp',
    'short1A',
    'this-is-a-long-kebab-case-project-name',
    'MyVeryLongCamelCaseIdentifierName', // no digits: three classes required
    '{"headless": false, "args": []}',
  ])('%s does not', (v) => {
    expect(looksRandom(v)).toBe(false);
  });
});

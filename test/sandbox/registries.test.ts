// Which package registries a sandboxed launcher needs: npm's from its config files and
// environment (in npm's precedence), pip's and uv's from their variables; hosts allowed,
// URLs handed over, credentials never.
import { describe, expect, test } from 'vitest';
import { configuredRegistries, npmrcRegistries } from '../../src/sandbox/registries.js';

function lookup(files: Record<string, string>, env: Record<string, string> = {}) {
  return { home: '/home/u', env, prefix: '/opt/node', readFile: (p: string) => files[p] };
}

describe('npmrcRegistries', () => {
  test('reads registry, scoped registries, cafile and strict-ssl; skips tokens, comments and other keys', () => {
    const text = [
      '; comment',
      '# another',
      'registry = "https://npm.mirror.example/repository/npm/"',
      '@acme:registry=https://npm.acme.example/',
      '//npm.acme.example/:_authToken=${NPM_TOKEN}',
      'cafile=/etc/ssl/corp.pem',
      'strict-ssl=true',
      'fund=false',
      'not a setting',
    ].join('\n');
    expect(npmrcRegistries(text, {})).toEqual([
      { key: 'registry', value: 'https://npm.mirror.example/repository/npm/' },
      { key: '@acme:registry', value: 'https://npm.acme.example/' },
      { key: 'cafile', value: '/etc/ssl/corp.pem' },
      { key: 'strict-ssl', value: 'true' },
    ]);
  });

  test('expands ${VAR} from the environment, as npm does', () => {
    expect(npmrcRegistries('registry=https://${MIRROR}/npm/\n', { MIRROR: 'm.example' })).toEqual([{ key: 'registry', value: 'https://m.example/npm/' }]);
  });
});

describe('configuredRegistries', () => {
  test('nothing configured: nothing added', () => {
    expect(configuredRegistries(lookup({}))).toEqual({ hosts: [], env: {}, npmrc: '', notes: [] });
  });

  test('a mirror in ~/.npmrc: its host is allowed and it goes into the generated npmrc, the token does not', () => {
    const r = configuredRegistries(lookup({ '/home/u/.npmrc': 'registry=https://npm.mirror.example/\n//npm.mirror.example/:_authToken=s3cr3t\n' }));
    expect(r.hosts).toEqual(['npm.mirror.example']);
    expect(r.npmrc).toBe('registry=https://npm.mirror.example/\n');
    expect(r.npmrc).not.toContain('s3cr3t');
    expect(r.notes).toEqual(['npm registry npm.mirror.example (from /home/u/.npmrc) allowed in the sandbox']);
  });

  test("npm's precedence: environment over user config over global config", () => {
    const files = { '/home/u/.npmrc': 'registry=https://user.example/\n', '/opt/node/etc/npmrc': 'registry=https://global.example/\n@g:registry=https://g.example/\n' };
    expect(configuredRegistries(lookup(files)).npmrc).toBe('registry=https://user.example/\n@g:registry=https://g.example/\n');
    expect(configuredRegistries(lookup(files, { NPM_CONFIG_REGISTRY: 'https://env.example/' })).npmrc).toBe('registry=https://env.example/\n@g:registry=https://g.example/\n');
    expect(configuredRegistries(lookup(files, { npm_config_registry: 'https://env.example/' })).hosts).toEqual(['env.example', 'g.example']);
  });

  test('npm_config_userconfig and npm_config_globalconfig name the files', () => {
    const files = { '/etc/custom-user': 'registry=https://u2.example/\n', '/etc/custom-global': '@x:registry=https://x.example/\n', '/home/u/.npmrc': 'registry=https://ignored.example/\n' };
    const r = configuredRegistries(lookup(files, { npm_config_userconfig: '/etc/custom-user', npm_config_globalconfig: '/etc/custom-global' }));
    expect(r.hosts).toEqual(['u2.example', 'x.example']);
  });

  test('credentials in a registry URL are dropped and said so', () => {
    const r = configuredRegistries(lookup({ '/home/u/.npmrc': 'registry=https://bob:hunter2@npm.corp.example/\n' }));
    expect(r.npmrc).toBe('registry=https://npm.corp.example/\n');
    expect(r.notes.join('\n')).toMatch(/credentials in the npm registry URL \(from \/home\/u\/\.npmrc\) were not passed/);
    expect(JSON.stringify(r)).not.toContain('hunter2');
  });

  test('the default npm registry is not worth a note; a non-URL registry is ignored', () => {
    expect(configuredRegistries(lookup({ '/home/u/.npmrc': 'registry=https://registry.npmjs.org/\n' })).notes).toEqual([]);
    expect(configuredRegistries(lookup({ '/home/u/.npmrc': 'registry=file:///srv/npm\n' })).hosts).toEqual([]);
  });

  test('pip and uv index variables: hosts allowed, values passed on without credentials', () => {
    const r = configuredRegistries(
      lookup({}, { PIP_INDEX_URL: 'https://tok@pypi.corp.example/simple', UV_INDEX: 'internal=https://uv.corp.example/simple other=https://o.example/simple', UV_EXTRA_INDEX_URL: '' }),
    );
    expect(r.hosts).toEqual(['o.example', 'pypi.corp.example', 'uv.corp.example']);
    expect(r.env).toEqual({ PIP_INDEX_URL: 'https://pypi.corp.example/simple', UV_INDEX: 'internal=https://uv.corp.example/simple other=https://o.example/simple' });
    expect(r.notes).toEqual(['credentials in PIP_INDEX_URL were not passed to sandboxed servers']);
  });
});

import { describe, expect, test } from 'vitest';
import { childEnvironment, missingSummary, planLaunch } from '../../src/mcp/launch.js';
import { serverEntry } from '../../src/model/index.js';

const base = { name: 's', client: 'c', scope: 'user' as const, configFile: '/f.json' };

describe('planLaunch', () => {
  test('resolves command, args, cwd and env', () => {
    const plan = planLaunch(serverEntry({ ...base, transport: 'stdio', command: '${BIN}', args: ['--dir', '${env:DIR}'], cwd: '${DIR}', env: { K: '${V}' } }), { BIN: 'node', DIR: '/w', V: 'v' });
    expect(plan).toEqual({ ok: true, launch: { kind: 'stdio', command: 'node', args: ['--dir', '/w'], cwd: '/w', env: { K: 'v' }, missing: [] } });
  });

  test('a missing placeholder in an env value leaves the variable out and is reported', () => {
    const plan = planLaunch(serverEntry({ ...base, transport: 'stdio', command: 'node', env: { A: '1', B: 'x${NOPE}' } }), {});
    expect(plan.ok && plan.launch).toEqual({ kind: 'stdio', command: 'node', args: [], env: { A: '1' }, missing: [{ field: 'env.B', placeholder: '${NOPE}' }] });
    expect(plan.ok && missingSummary(plan.launch.missing)).toBe('unresolved placeholders (left unset): ${NOPE} in env.B; set them in the environment to pass them on');
  });

  test('a missing placeholder in the command line makes the server unlaunchable', () => {
    const plan = planLaunch(serverEntry({ ...base, transport: 'stdio', command: 'node', args: ['${SCRIPT}'] }), {});
    expect(plan).toEqual({ ok: false, reason: 'cannot launch with unresolved placeholders: ${SCRIPT} in args.0', missing: [{ field: 'args.0', placeholder: '${SCRIPT}' }] });
  });

  test('remote: URL and headers resolved; a header with a missing value is left out', () => {
    const plan = planLaunch(serverEntry({ ...base, transport: 'http', url: 'https://${HOST}/mcp', headers: { Authorization: 'Bearer ${TOKEN}', 'X-Org': '${ORG}' } }), { HOST: 'h.test', TOKEN: 't' });
    expect(plan).toEqual({ ok: true, launch: { kind: 'remote', transport: 'http', url: 'https://h.test/mcp', headers: { Authorization: 'Bearer t' }, missing: [{ field: 'headers.X-Org', placeholder: '${ORG}' }] } });
  });

  test('a URL with a missing placeholder is not connected to', () => {
    expect(planLaunch(serverEntry({ ...base, transport: 'sse', url: '${URL}' }), {}).ok).toBe(false);
  });

  test('nothing to launch', () => {
    expect(planLaunch(serverEntry({ ...base, transport: 'stdio' }), {})).toEqual({ ok: false, reason: 'no command declared', missing: [] });
    expect(planLaunch(serverEntry({ ...base, transport: 'http' }), {})).toEqual({ ok: false, reason: 'no URL declared', missing: [] });
  });
});

describe('childEnvironment', () => {
  test('only the safe defaults are inherited; declared and extra variables are added', () => {
    const host = { PATH: '/bin', HOME: '/h', USER: 'u', AWS_SECRET_ACCESS_KEY: 'x', NPM_TOKEN: 'y', BASH_FUNC: '() { evil; }' };
    expect(childEnvironment({ DECLARED: '1' }, host, { TMPDIR: '/t' })).toEqual({ PATH: '/bin', HOME: '/h', USER: 'u', TMPDIR: '/t', DECLARED: '1' });
  });

  test('exported shell functions are not inherited', () => {
    expect(childEnvironment({}, { SHELL: '() { x; }', PATH: '/bin' })).toEqual({ PATH: '/bin' });
  });
});

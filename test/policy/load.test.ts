import { describe, expect, it } from 'vitest';
import { FileValidationError, parsePolicy } from '../../src/policy/load.js';

function issuesOf(text: string) {
  try {
    parsePolicy(text, 'policy.yaml');
  } catch (err) {
    expect(err).toBeInstanceOf(FileValidationError);
    return (err as FileValidationError).issues;
  }
  throw new Error('expected a validation error');
}

describe('parsePolicy', () => {
  it('fills defaults', () => {
    const p = parsePolicy('version: 1\n', 'p.yaml');
    expect(p.default).toBe('allow');
    expect(p.approval.timeout).toBe(120_000);
    expect(p.dlp.results).toBe('redact');
    expect(p.resultScan.action).toBe('quarantine');
  });

  it('parses rules, durations and sizes', () => {
    const p = parsePolicy(
      `version: 1
default: deny
approval: { timeout: 30s }
rules:
  - server: fs
    tool: [read_file, list_*]
    action: allow
    args:
      path: { pathPrefix: /srv/data, maxSize: 4KB }
rateLimits:
  - tool: "*"
    per: client
    limit: 5
    window: 1m
`,
      'p.yaml',
    );
    expect(p.approval.timeout).toBe(30_000);
    expect(p.rules[0]?.args?.['path']?.maxSize).toBe(4000);
    expect(p.rateLimits[0]?.window).toBe(60_000);
  });

  it('names the line of an unknown key', () => {
    const issues = issuesOf('version: 1\nrules:\n  - tool: x\n    action: allow\n    aciton: deny\n');
    expect(issues).toEqual([expect.objectContaining({ line: 5, message: 'unknown key "aciton"', path: 'rules.0' })]);
  });

  it('names the line of a bad value', () => {
    const issues = issuesOf('version: 1\nrules:\n  - tool: x\n    action: maybe\n');
    expect(issues[0]).toMatchObject({ line: 4, path: 'rules.0.action' });
  });

  it('rejects unsafe and invalid regexes with their line', () => {
    const issues = issuesOf('version: 1\nrules:\n  - action: allow\n    args:\n      q: { regex: "(a+)+" }\n');
    expect(issues[0]).toMatchObject({ line: 5, path: 'rules.0.args.q.regex' });
    expect(issues[0]?.message).toMatch(/unsafe regex/);
    const pii = issuesOf('version: 1\ndlp:\n  pii:\n    - id: email\n      regex: "[a-z]+@[a-z]+"\n');
    expect(pii[0]?.message).toMatch(/unbounded/);
    expect(pii[0]?.line).toBe(5);
  });

  it('rejects bad durations and YAML syntax', () => {
    expect(issuesOf('version: 1\napproval:\n  timeout: soon\n')[0]).toMatchObject({ line: 3 });
    expect(issuesOf('version: 1\nrules: [\n')[0]?.message).toMatch(/invalid YAML/);
  });

  it('requires version 1', () => {
    expect(issuesOf('default: allow\n')[0]?.path).toBe('version');
  });
});

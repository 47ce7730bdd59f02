import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/app/build-report.js';
import type { Finding } from '../../src/model/index.js';
import { render } from '../../src/report/index.js';

const diff = ['--- a/github/tools/t/description', '+++ b/github/tools/t/description', '@@ -1,1 +1,1 @@', '-Read a file.', '+Read a file.\u200b ```` \u001b[31mred'].join('\n');
const finding: Finding = {
  ruleId: 'pin/tool-description-changed',
  messageId: 'description',
  title: 'Tool description changed',
  severity: 'high',
  category: 'drift',
  attack: ['T1195.002'],
  message: 'Tool "t" of server "github" changed its description since it was pinned.',
  remediation: 'Review.',
  location: { server: 'github', tool: 't', file: 'mcp-warden.lock', line: 12 },
  diff,
  fingerprint: 'f',
};
const report = buildReport({ command: 'pin --check', startedAt: new Date(), entries: [], findings: [finding], errors: [] });

describe('drift diffs in reports', () => {
  it('table: every diff line shown under the finding, invisible and escape characters made visible', () => {
    const text = render(report, 'table', { color: false, verbose: false });
    expect(text).toContain('-Read a file.');
    expect(text).toContain('+Read a file.\\u{200B}');
    expect(text).not.toContain('\u001b');
  });

  it('markdown: a collapsed diff block whose fence the content cannot close', () => {
    const md = render(report, 'markdown', { color: false, verbose: false });
    expect(md).toContain('<details><summary>diff: pin/tool-description-changed `t`</summary>');
    expect(md).toContain('`````diff\n--- a/github/tools/t/description');
    expect(md).toContain('+Read a file.\\u{200B} ````');
    expect(md).not.toContain('\u001b');
  });

  it('json: the diff is a field of the finding', () => {
    expect((JSON.parse(render(report, 'json', { color: false, verbose: false })) as { findings: Finding[] }).findings[0]?.diff).toBe(diff);
  });
});

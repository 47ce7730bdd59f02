import { describe, it } from 'vitest';
import { normalizeRepository } from '../../src/supplychain/repository.js';
import { npmRef, ociRef, pypiRef } from '../../src/supplychain/launch-spec.js';
import { parseBearerChallenge } from '../../src/supplychain/oci.js';
import { mcpNameMarker } from '../../src/supplychain/pypi.js';
import { skeleton } from '../../src/supplychain/typosquat.js';

// Every regex in supplychain/ on 1 MB of adversarial input: linear time, no crash.
const MB = 1024 * 1024;
const inputs = ['a'.repeat(MB), 'a-'.repeat(MB / 2), `${'a'.repeat(MB - 2)}==`, `@${'x/'.repeat(MB / 2)}`, `${'"'.repeat(MB)}`, `Bearer ${'realm="'.repeat(MB / 7)}`, `mcp-name: ${'a.'.repeat(MB / 2)}`, `github:${'a'.repeat(MB)}`];

describe('supply-chain parsers on 1 MB adversarial strings', () => {
  const fns: Array<[string, (s: string) => unknown]> = [
    ['pypiRef', (s) => pypiRef(s, 'uvx', 'args.0')],
    ['ociRef', (s) => ociRef(s, 'docker', 'args.0')],
    ['npmRef', (s) => npmRef(s, 'npx', 'args.0')],
    ['normalizeRepository', (s) => normalizeRepository(s)],
    ['parseBearerChallenge', (s) => parseBearerChallenge(s)],
    ['mcpNameMarker', (s) => mcpNameMarker(s)],
    ['skeleton', (s) => skeleton(s)],
  ];
  it.each(fns)('%s stays linear', (_, fn) => {
    for (const input of inputs) fn(input);
  });
});

import { describe, expect, it } from 'vitest';
import { editDistance, findTyposquat, loadPopularList, skeleton } from '../../src/supplychain/typosquat.js';

const list = loadPopularList();

describe('findTyposquat against the bundled popular list', () => {
  it.each([
    ['@modelcontext-protocol/server-filesystem', '@modelcontextprotocol/server-filesystem', 'scope-swap'],
    ['@modelcontextprotocol-x/server-filesystem', '@modelcontextprotocol/server-filesystem', 'scope-swap'],
    ['@modeicontextprotocol/server-github', '@modelcontextprotocol/server-github', 'scope-swap'],
    ['@modelcontextprotocol-x/server-githb', '@modelcontextprotocol/server-github', 'scope-swap'],
    ['server-filesystem', '@modelcontextprotocol/server-filesystem', 'scope-drop'],
    ['modelcontextprotocol-server-filesystem', '@modelcontextprotocol/server-filesystem', 'scope-drop'],
    ['chrome-devtool-mcp', 'chrome-devtools-mcp', 'plural'],
    ['chromedevtools-mcp', 'chrome-devtools-mcp', 'separator'],
    ['mcp-chrome-devtools', 'chrome-devtools-mcp', 'reorder'],
    ['mcp-rernote', 'mcp-remote', 'confusable'],
    ['mcp-rem0te', 'mcp-remote', 'confusable'],
    ['firecrawl-mpc', 'firecrawl-mcp', 'edit-distance'],
    ['mongodb-mcp-servr', 'mongodb-mcp-server', 'edit-distance'],
  ])('%s imitates %s (%s)', (name, target, technique) => {
    expect(findTyposquat('npm', name, list)).toMatchObject({ target, technique });
  });

  it.each([
    '@modelcontextprotocol/server-filesystem', // the real package
    '@modelcontextprotocol/server-filesytem', // same owned scope: only its owner can publish there
    '@playwright/mcp',
    'mcp-proxy', // popular elsewhere, not near anything here
    '@acme/mcp-remote', // an honest scoped name
    'express',
    'react-dom',
    'my-notes-server',
  ])('%s is not a typosquat', (name) => {
    expect(findTyposquat('npm', name, list)).toBeUndefined();
  });

  it('PyPI and image names are compared in their own ecosystem', () => {
    expect(findTyposquat('pypi', 'mcp-server-fetc', list)).toMatchObject({ target: 'mcp-server-fetch' });
    expect(findTyposquat('pypi', 'mcp-server-fetch', list)).toBeUndefined();
    expect(findTyposquat('oci', 'ghcr.io/githubb/github-mcp-server', list)).toMatchObject({ target: 'ghcr.io/github/github-mcp-server' });
    expect(findTyposquat('oci', 'docker.io/mcp/gitlab', list)).toBeUndefined();
  });

  it('handles hostile input quickly', () => {
    expect(findTyposquat('npm', 'a'.repeat(1_000_000), list)).toBeUndefined();
    expect(findTyposquat('npm', `@${'x'.repeat(200)}/${'y'.repeat(13)}`, list)).toBeUndefined();
  });
});

describe('helpers', () => {
  it('edit distance counts transpositions as one edit and stops past the limit', () => {
    expect(editDistance('github', 'gihtub')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('abc', 'abcdefgh', 2)).toBe(3);
  });
  it('skeleton folds look-alikes and separators', () => {
    expect(skeleton('mcp-rem0te')).toBe(skeleton('mcp_remote'));
    expect(skeleton('rnodel')).toBe('model');
  });
  it('the bundled list names its sources and date', () => {
    expect(list.sources.length).toBeGreaterThan(0);
    expect(list.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

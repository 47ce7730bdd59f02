import rule from '../../../src/rules/supplychain/registry-listing.js';
import { subject, testVetRule } from '../../helpers/vet-rule-tester.js';

const NAME = '@modelcontextprotocol/server-everything';
const claim = { claimedName: 'io.github.modelcontextprotocol/server-everything', claimedIn: 'package.json "mcpName"' };
const facts = { resolvedVersion: '2026.8.31', repository: 'github.com/modelcontextprotocol/servers' };

testVetRule(rule, {
  valid: [
    { name: 'listing ships this package; namespace owner owns the repository', subject: subject('npx', ['-y', NAME], { ...facts, listing: { ...claim, status: 'listed', packages: [`npm:${NAME}`], repository: 'github.com/modelcontextprotocol/servers', listingStatus: 'active' } }) },
    { name: 'no claim', subject: subject('npx', ['-y', NAME], facts) },
    { name: 'lookup failed (reported as not checked)', subject: subject('npx', ['-y', NAME], { ...facts, listing: { ...claim, status: 'not-checked' } }) },
  ],
  invalid: [
    { name: 'claims a listing that does not exist', subject: subject('npx', ['-y', NAME], { ...facts, listing: { ...claim, status: 'not-listed' } }), reports: [{ messageId: 'notListed', severity: 'medium', field: '/args/1' }] },
    { name: 'listing ships another package', subject: subject('npx', ['-y', 'everything-mcp'], { ...facts, listing: { ...claim, status: 'listed', packages: [`npm:${NAME}`] } }), reports: [{ messageId: 'packageNotInListing', severity: 'high' }] },
    {
      name: 'namespace owner is not the repository owner',
      subject: subject('npx', ['-y', 'everything-mcp'], { ...facts, repository: 'github.com/someone/fork', listing: { claimedName: 'io.github.modelcontextprotocol/x', claimedIn: 'mcpName', status: 'listed', packages: ['npm:everything-mcp'] } }),
      reports: [{ messageId: 'namespaceMismatch', severity: 'high' }],
    },
    { name: 'listing names another repository; deprecated', subject: subject('npx', ['-y', NAME], { ...facts, listing: { ...claim, status: 'listed', packages: [`npm:${NAME}`], repository: 'github.com/modelcontextprotocol/other', listingStatus: 'deprecated' } }), reports: [{ messageId: 'listingRepositoryMismatch' }, { messageId: 'listingDeprecated', severity: 'low' }] },
  ],
});

import { defineRule } from '../define.js';
import type { VetRuleContext, VetSubject } from './types.js';
import { packageLocation, pkgLabel, resolved } from './where.js';

const HOUR = 3_600_000;

function age(ms: number): string {
  if (ms < 2 * HOUR) return `${Math.max(1, Math.round(ms / 60_000))} minutes`;
  if (ms < 48 * HOUR) return `${Math.round(ms / HOUR)} hours`;
  return `${Math.round(ms / (24 * HOUR))} days`;
}

/** The version that runs was published very recently. */
export default defineRule<VetSubject, VetRuleContext, 'recent'>({
  kind: 'supplychain',
  meta: {
    id: 'supplychain/recent-release',
    title: 'Very new release',
    description:
      'The version that runs was published only days (or hours) ago. Malicious releases are usually spotted and pulled within days; until then a brand-new version has had no community review, and a floating spec picks it up automatically.',
    severity: 'medium',
    category: 'supply-chain',
    attack: ['T1195.002'],
    remediation: 'Pin the previous, older version until this one has been out for a while, or review its changes first.',
    messages: { recent: '{{pkg}} was published {{age}} ago ({{published}}).{{floating}}' },
  },
  check(s, ctx) {
    if (!resolved(s) || !s.facts.publishedAt) return [];
    const published = Date.parse(s.facts.publishedAt);
    if (Number.isNaN(published)) return [];
    const ms = ctx.now.getTime() - published;
    if (ms < 0 || ms > ctx.newVersionDays * 24 * HOUR) return [];
    const floating = s.ref !== undefined && !s.ref.pinned;
    return [{
      messageId: 'recent',
      severity: floating && ms < 24 * HOUR ? 'high' : 'medium',
      data: { pkg: pkgLabel(s.facts), age: age(ms), published: s.facts.publishedAt, floating: floating ? ' The spec floats, so this is what runs at the next launch.' : '' },
      evidence: `${pkgLabel(s.facts)} ${s.facts.publishedAt}`,
      ...packageLocation(s),
    }];
  },
});

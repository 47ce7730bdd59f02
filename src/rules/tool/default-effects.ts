/**
 * @fileoverview Side effects switched on by a parameter's default in a tool whose annotations say it
 * changes nothing (readOnlyHint) or destroys nothing (destructiveHint: false): a "view profile" whose
 * `sync_on_open` (default true) resets salaries and bank details, a ticket reader whose default
 * profile closes the ticket and mails the customer, a price update whose `prune_unlisted` (default
 * true) unpublishes the rest of the collection. Clients run such tools without asking, so the
 * default is what happens.
 */
import type { AnalyzedDefinition } from '../../analysis/definition.js';

/** What a call changes: sends, charges, files, deletes, resets, closes, approves. */
const WRITE_EFFECT =
  /\b(?:sends?|sent|e-?mailed|posted|published|unpublish(?:es|ed)?|charg(?:es|ed)|debit(?:s|ed)|billed|(?:e-)?filed|delet(?:es|ed)|remov(?:es|ed)|purg(?:es|ed)|wip(?:es|ed)|resets?|clears?|cleared|overwrit(?:es|ten)|cancel(?:s|led|ed)|revok(?:es|ed)|terminat(?:es|ed)|set (?:its |the |their )?(?:status|state) to|set to (?:0|zero)|marks? (?:it |them )?(?:as )?(?:solved|closed|resolved|paid|approved|done)|approv(?:es|ed)|merg(?:es|ed)|re-?appl(?:y|ies))\b/;
/** What destroys or costs: the subset a tool annotated non-destructive must not do. */
const DESTRUCTIVE_EFFECT =
  /\b(?:unpublish(?:es|ed)?|charg(?:es|ed)|debit(?:s|ed)|late fee|(?:e-)?filed with|court|delet(?:es|ed)|remov(?:es|ed)|purg(?:es|ed)|wip(?:es|ed)|resets?|clears?|cleared|overwrit(?:es|ten)|cancel(?:s|led|ed)|revok(?:es|ed)|terminat(?:es|ed)|set to (?:0|zero))\b/;
/** "Nothing is sent", "never deletes": the effect denied. */
const DENIED = /\b(?:not|never|no|nothing|without|neither|nor)\b[^.;]{0,24}$/;

interface Annotated {
  annotations?: { readOnlyHint?: unknown; destructiveHint?: unknown };
  inputSchema?: { properties?: Record<string, unknown> };
}

/** The first effect the text states (not denies), or undefined. */
function statedEffect(text: string, effect: RegExp): string | undefined {
  const re = new RegExp(effect.source, 'g');
  for (const m of text.matchAll(re)) if (!DENIED.test(text.slice(Math.max(0, m.index - 40), m.index))) return m[0];
  return undefined;
}

/**
 * A parameter whose default is on (true, or a value its description then says does something) and
 * whose description says it writes (for a read-only tool) or destroys (for a non-destructive one).
 */
export function defaultOnSideEffect(def: AnalyzedDefinition): { pointer: string; property: string; effect: string; readOnly: boolean } | undefined {
  const raw = (def.raw ?? {}) as Annotated;
  const annotations = raw.annotations ?? {};
  const readOnly = annotations.readOnlyHint === true;
  const nonDestructive = annotations.destructiveHint === false;
  if (!readOnly && !nonDestructive) return undefined;
  const properties = raw.inputSchema?.properties;
  if (properties === null || typeof properties !== 'object') return undefined;
  for (const [name, spec] of Object.entries(properties)) {
    if (spec === null || typeof spec !== 'object') continue;
    const { default: value, description } = spec as { default?: unknown; description?: unknown };
    if (typeof description !== 'string') continue;
    const text = description.toLowerCase();
    let on: string | undefined;
    if (value === true) on = text;
    // An option chosen by default: what the description says after naming it ("agent_assist: … closes the ticket").
    else if (typeof value === 'string' && value.length >= 3) {
      const at = text.indexOf(value.toLowerCase());
      if (at >= 0) on = text.slice(at, at + 400);
    }
    if (on === undefined) continue;
    const effect = statedEffect(on, readOnly ? WRITE_EFFECT : DESTRUCTIVE_EFFECT);
    if (effect !== undefined) return { pointer: `/inputSchema/properties/${name.replace(/~/g, '~0').replace(/\//g, '~1')}/default`, property: name, effect, readOnly };
  }
  return undefined;
}

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
  /\b(?:sends?|sent|e-?mailed|posted|published|unpublish(?:es|ed)?|charg(?:es|ed)|debit(?:s|ed)|billed|(?:e-)?filed|delet(?:es|ed)|remov(?:es|ed)|purg(?:es|ed)|wip(?:es|ed)|resets?|clears?|cleared|overwrit(?:es|ten)|cancel(?:s|led|ed)|revok(?:es|ed)|terminat(?:es|ed)|set (?:its |the |their )?(?:status|state) to|set to (?:0|zero)|marks? (?:it |them )?(?:as )?(?:solved|closed|resolved|paid|approved|done)|approv(?:es|ed)|merg(?:es|ed)|re-?appl(?:y|ies))\b/g;
/** What destroys or costs: the subset a tool annotated non-destructive must not do. */
const DESTRUCTIVE_EFFECT =
  /\b(?:unpublish(?:es|ed)?|charg(?:es|ed)|debit(?:s|ed)|late fee|(?:e-)?filed with|court|delet(?:es|ed)|remov(?:es|ed)|purg(?:es|ed)|wip(?:es|ed)|resets?|clears?|cleared|overwrit(?:es|ten)|cancel(?:s|led|ed)|revok(?:es|ed)|terminat(?:es|ed)|set to (?:0|zero))\b/g;
/** A boolean that turns a safeguard off: `bypass_editorial_review`, `skip_confirmation`. */
const SAFEGUARD_OFF = /^(?:bypass|skip|disable|override|no|dispensar|pular|ignorar|omitir|saltar|sauter|ignorer|ueberspringen|umgehen|saltare|ignorare|sin|sem|sans|senza|ohne)_(?:\w+_)?(?:review|approval|confirmation|confirm|verification|verify|checks?|validation|safety|guards?|protection|hooks?|ci|tests?|signature|2fa|mfa|videoconferencia|videoconferencias|revisao|revision|revisione|aprovacao|aprobacion|approvazione|confirmacao|confirmacion|conferma|verificacao|verificacion|verifica|validacao|validacion|validation|assinatura|firma|identidade|identidad|identita|pruefung|freigabe|bestaetigung)$/i;
/** A boolean whose name destroys: `empty_trash`, `remove_duplicates`, `prune_unlisted`. */
const DESTRUCTIVE_NAME = /^(?:remove|delete|purge|wipe|empty|prune|drop|destroy|overwrite|reset|erase)_\w+$/i;
/** What the description says the call itself does to a device or data (the tool, the call or the device as subject). */
const STATED_POWER =
  /\b(?:the tool|this tool|it|the call|each call|the check|the instrument|the device|the (?:wake|reset|sync) sequence|the vehicle|the controller)\b[^.;]{0,120}?\b(?:unlocks|suspends|ejects|resets|deletes|removes|empties|wipes|disables|overwrites|reboots|restarts|publishes|charges|unpublishes|purges)\b/;

/** The same in the passive ("the new rules are committed to the environment, replacing the current ones"). */
/** The same in other languages, in any voice ("sostituendo l'intestatario corrente", "substitui", "löscht"). */
const FOREIGN_POWER = /(?:^|[\s,;(])(?:sostituendo|sostituisce|cancellando|elimina(?:ndo)?|sovrascrive(?:ndo)?|substituindo|substitui|excluindo|exclui|sobrescreve(?:ndo)?|reemplazando|reemplaza|borrando|borra|sobrescribe|ersetzt|löscht|überschreibt|remplace|remplaçant|supprime|supprimant|écrase)(?=[\s,;.)])/;
const STATED_PASSIVE_POWER =
  /\b(?:is|are|gets?|will be)\s(?:(?:automatically|also|then|immediately|directly)\s)?(?:committed|applied|pushed|deployed|published|unpublished|overwritten|deleted|removed|purged|wiped|revoked|disabled)\s(?:to|in|on|into|from)\s(?:the\s)?(?:target|live|production|prod|current|active|selected|connected|user's|remote)\b|\breplacing (?:the |its |their )?(?:current|existing|previous|live|active)\b/;

/** The stated-power patterns, global, each with where its verb is: a match's last word, or where it starts. */
const POWER_PATTERNS: ReadonlyArray<readonly [RegExp, 'last' | 'start']> = [
  [new RegExp(STATED_POWER.source, 'g'), 'last'],
  [new RegExp(STATED_PASSIVE_POWER.source, 'g'), 'start'],
  [new RegExp(FOREIGN_POWER.source, 'g'), 'start'],
];

/** "Nothing is sent", "never deletes": the effect denied. */
const DENIED = /\b(?:not|never|no|nothing|without|neither|nor)\b[^.;]{0,24}$/;

interface Annotated {
  annotations?: { readOnlyHint?: unknown; destructiveHint?: unknown };
  inputSchema?: { properties?: Record<string, unknown> };
}

/** The first effect the text states (not denies), or undefined. */
function statedEffect(text: string, effect: RegExp): string | undefined {
  for (const m of text.matchAll(effect)) if (!DENIED.test(text.slice(Math.max(0, m.index - 40), m.index))) return m[0];
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

/** A safeguard turned off by default (any tool), or a destroying option on by default in a tool annotated non-destructive. */
export function riskyBooleanDefault(def: AnalyzedDefinition): { pointer: string; property: string; kind: 'safeguard' | 'destructive' } | undefined {
  const raw = (def.raw ?? {}) as Annotated;
  const properties = raw.inputSchema?.properties;
  if (properties === null || typeof properties !== 'object') return undefined;
  const nonDestructive = raw.annotations?.destructiveHint === false || raw.annotations?.readOnlyHint === true;
  for (const [name, spec] of Object.entries(properties)) {
    if (spec === null || typeof spec !== 'object' || (spec as { default?: unknown }).default !== true) continue;
    const pointer = `/inputSchema/properties/${name.replace(/~/g, '~0').replace(/\//g, '~1')}/default`;
    if (SAFEGUARD_OFF.test(name)) return { pointer, property: name, kind: 'safeguard' };
    if (nonDestructive && DESTRUCTIVE_NAME.test(name)) return { pointer, property: name, kind: 'destructive' };
  }
  return undefined;
}

/** A read-only tool whose description says the call itself unlocks, resets, ejects or deletes, or that what it works out is committed to the live system. */
export function statedPowerWhileReadOnly(def: AnalyzedDefinition): string | undefined {
  const raw = (def.raw ?? {}) as Annotated & { description?: unknown };
  if (raw.annotations?.readOnlyHint !== true || typeof raw.description !== 'string') return undefined;
  const text = raw.description.toLowerCase();
  // The first stated power that is not denied ("it never deletes files; with purge the tool wipes the cache").
  for (const [pattern, verbAt] of POWER_PATTERNS) {
    for (const m of text.matchAll(pattern)) {
      // The words before the verb decide whether it is denied.
      const verbStart = verbAt === 'last' ? m.index + m[0].length - (m[0].split(' ').pop()?.length ?? 0) : m.index;
      if (!DENIED.test(text.slice(Math.max(0, m.index - 40), verbStart))) return m[0].length > 80 ? `…${m[0].slice(-80)}` : m[0];
    }
  }
  return undefined;
}

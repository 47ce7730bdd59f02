import type { PackageFacts } from '../../supplychain/facts.js';
import { refLabel } from '../../supplychain/package-ref.js';
import type { VetSubject } from './types.js';

/** JSON pointer and line of the launch-spec argument that names the package. */
export function packageLocation(s: VetSubject): { field?: string; line?: number } {
  if (!s.ref) return {};
  const field = `/${s.ref.field.replace(/\./g, '/')}`;
  const line = s.entry.fieldLines[s.ref.field];
  return { field, ...(line !== undefined ? { line } : {}) };
}

/** `name@resolved` when resolved, else the spec as written. */
export function pkgLabel(facts: PackageFacts): string {
  return refLabel(facts.ref, facts.resolvedVersion);
}

/** True when registry facts describe a version that exists (the only case most checks apply to). */
export function resolved(s: VetSubject): s is VetSubject & { facts: PackageFacts & { resolvedVersion: string } } {
  return s.facts !== undefined && s.facts.found && s.facts.resolvedVersion !== undefined;
}

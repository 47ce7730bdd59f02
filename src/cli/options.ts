import { InvalidArgumentError } from 'commander';
import { SEVERITIES, type Severity } from '../model/index.js';
import { FORMATS, type Format } from '../report/index.js';

export function parseSeverity(value: string): Severity {
  const v = value.toLowerCase();
  if ((SEVERITIES as readonly string[]).includes(v)) return v as Severity;
  if (v === 'none') return 'critical';
  throw new InvalidArgumentError(`expected one of ${SEVERITIES.join(', ')}`);
}

export function parseFormat(value: string): Format {
  if ((FORMATS as readonly string[]).includes(value)) return value as Format;
  throw new InvalidArgumentError(`expected one of ${FORMATS.join(', ')}`);
}

/** Collects a repeatable option into an array. */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

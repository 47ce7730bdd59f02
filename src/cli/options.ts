import { InvalidArgumentError } from 'commander';
import type { Severity } from '../model/severity.js';
import { FORMATS, type Format } from '../report/types.js';
import { SEVERITIES } from '../model/severity-levels.js';

export function parseSeverity(value: string): Severity {
  const v = value.toLowerCase();
  if ((SEVERITIES as readonly string[]).includes(v)) return v as Severity;
  throw new InvalidArgumentError(`expected one of ${SEVERITIES.join(', ')}`);
}

/** `--fail-on`: a severity, or `none` to never exit 1 because of findings (incomplete still exits 3). */
export type FailOn = Severity | 'none';

export function parseFailOn(value: string): FailOn {
  if (value.toLowerCase() === 'none') return 'none';
  try {
    return parseSeverity(value);
  } catch {
    throw new InvalidArgumentError(`expected one of ${SEVERITIES.join(', ')}, none`);
  }
}

export function parseFormat(value: string): Format {
  if ((FORMATS as readonly string[]).includes(value)) return value as Format;
  throw new InvalidArgumentError(`expected one of ${FORMATS.join(', ')}`);
}

/** Collects a repeatable option into an array. */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

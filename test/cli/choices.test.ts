// src/cli/choices.ts copies value lists so that defining the commands loads nothing heavy; each
// copy must stay equal to its source (same values, same order: the order shows in --help).
import { describe, expect, it } from 'vitest';
import * as choices from '../../src/cli/choices.js';
import { CLIENT_IDS } from '../../src/discovery/index.js';
import { SEVERITIES } from '../../src/model/severity.js';
import { LOCKFILE_NAME } from '../../src/pinning/lockfile.js';
import { RULE_LIST_FORMATS } from '../../src/report/rule-list.js';

describe('cli/choices copies', () => {
  it('equal their sources', () => {
    expect(choices.SEVERITIES).toEqual(SEVERITIES);
    expect(choices.CLIENT_IDS).toEqual(CLIENT_IDS);
    expect(choices.LOCKFILE_NAME).toBe(LOCKFILE_NAME);
    expect(choices.RULE_LIST_FORMATS).toEqual(RULE_LIST_FORMATS);
  });
});

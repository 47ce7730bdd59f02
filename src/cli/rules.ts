import { InvalidArgumentError, Option, type Command } from 'commander';
import type { RuleListFormat } from '../report/rule-list.js';
import { RULE_LIST_FORMATS } from '../report/rule-list-formats.js';
import { useColor } from './color.js';

function parseRuleListFormat(value: string): RuleListFormat {
  if ((RULE_LIST_FORMATS as readonly string[]).includes(value)) return value as RuleListFormat;
  throw new InvalidArgumentError(`expected one of ${RULE_LIST_FORMATS.join(', ')}`);
}

export function registerRules(program: Command): void {
  program
    .command('rules')
    .description('List every rule: id, default severity, category and MITRE ATT&CK / ATLAS ids.')
    .addOption(new Option('-f, --format <format>', 'output format: table, json, markdown').default('table').argParser(parseRuleListFormat))
    .action(async (flags: { format: RuleListFormat }) => {
      // Loaded when the command runs: defining the commands loads no use-case.
      const [{ renderRuleList }, { allRuleMetas }] = await Promise.all([import('../report/rule-list.js'), import('../rules/index.js')]);
      const color = flags.format === 'table' && useColor(process.stdout);
      process.stdout.write(renderRuleList(allRuleMetas(), flags.format, { color }));
    });
}

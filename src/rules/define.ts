import type { Rule, RuleMeta, RuleReport } from './types.js';

/**
 * Declares a rule with its message ids checked at compile time: a report whose `messageId` is not a
 * key of `meta.messages` fails to type-check.
 */
export function defineRule<Subject, Context, MessageIds extends string>(rule: {
  kind: Rule<Subject, Context, MessageIds>['kind'];
  meta: RuleMeta<MessageIds>;
  check: (subject: Subject, ctx: Context) => RuleReport<MessageIds>[] | Promise<RuleReport<MessageIds>[]>;
}): Rule<Subject, Context, MessageIds> {
  return rule;
}

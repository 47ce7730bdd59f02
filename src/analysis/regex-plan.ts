/**
 * @fileoverview Running a detection regex only where it can match. On a large benign text most
 * patterns match nowhere, yet V8 tries them at every position: tens of microseconds per 10 KB per
 * pattern. A plan, derived once from the regex source, says which literal strings every match
 * contains (its anchors, each with the range of offsets it can have from the match start) and how
 * far around its start a match attempt reads. Given where the anchors occur (one automaton pass,
 * see keyword-set.ts), the regex is executed only on short slices around them. An anchor may also
 * say which characters can stand right before or after it in a match (`report` in `\breport\s`
 * needs a blank after it), so occurrences inside other words open no window.
 *
 * Exactness: a match starts only where one of its anchors can be; an attempt at such a position
 * reads only characters inside its slice, so it succeeds or fails exactly as on the whole text; and
 * the search still goes left to right from where the previous match ended. So the matches are the
 * same, in the same order, as `exec` over the whole text (test/analysis/regex-plan.test.ts checks
 * this on the detection tables). The plan comes from a small parser of the regex syntax the tables
 * use; anything it does not understand (back-references, empty matches, unbounded repetition
 * without a literal, …) gives no plan, and the regex then runs over the whole text as before.
 */
export type { Anchor, Neighbour, RegexPlan } from './regex-plan/types.js';
export { planRegex } from './regex-plan/plan.js';
export { candidateWindows, forEachPlannedMatch } from './regex-plan/run.js';

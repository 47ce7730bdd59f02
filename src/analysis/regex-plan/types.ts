/**
 * @fileoverview What a regex plan says (see regex-plan.ts): the anchors every match contains and
 * how far an attempt reads around its start.
 */

/** What may stand next to an anchor in a match: one of some characters, or the edge of the text. */
export interface Neighbour {
  /** Regex sources of one-character atoms (`\\s`, `[:：]`, `a`). */
  atoms: readonly string[];
  /** The start (before) or end (after) of the text. */
  edge: boolean;
}

/**
 * A literal that every match (of some alternatives) has in the text, `min`..`max` code units after
 * the match start (inside the match, or in a lookahead it passes).
 */
export interface Anchor {
  literal: string;
  min: number;
  max: number;
  /** What must precede / follow the literal in such a match (absent: anything). */
  before?: Neighbour;
  after?: Neighbour;
  /** The clause (of RegexPlan.anchors) this anchor belongs to. */
  clause: number;
  /**
   * The group of the clause: 0 for its first literals, 1 and 2 for further literals the same
   * matches also need (`keep` as well as `report` in "keep ... out of the report").
   */
  group: number;
}

export interface RegexPlan {
  /** Every match has, for some clause, one anchor of each of the clause's groups. */
  anchors: readonly Anchor[];
  /** Code units an attempt may read at or after its start position (Infinity when unbounded). */
  ahead: number;
  /** Code units an attempt may read before its start position. */
  behind: number;
}

/**
 * @fileoverview Types of the signal tables. A signal is one small, explainable fact about a text
 * ("asks to hide something from the user", "names an SSH key file", "contains a URL"). Signals alone
 * are never findings: rules combine them (see src/rules/tool/).
 */

export type SignalKind =
  /** "ignore previous instructions", "treat results as system instructions", "you are now in developer mode". */
  | 'override'
  /** "do not tell the user", "keep this hidden", "never mention". */
  | 'conceal'
  /** "without asking", "never ask for confirmation", "auto-approve". */
  | 'no-confirm'
  /** "the user has already consented", "pre-approved", "this is safe". */
  | 'consent-claim'
  /** Fake prompt structure: `<system>`, `</tool_description>`, `[SYSTEM DIRECTIVE]`, `{{#system}}`. */
  | 'boundary'
  /** Emphasis or addressing markers: `<IMPORTANT>`, "Note to AI:", "ACT AS:". */
  | 'role-marker'
  /** Addresses the model: "the assistant", "AI agents", "the model". */
  | 'addressee'
  | 'ai-reader'
  /** Unprompted or global triggers: "before answering any question", "on every message", "from now on". */
  | 'preempt'
  /** Makes the model mislead the user: "tell the user their session expired", "say everything is fine". */
  | 'deceive'
  /** Files holding secrets: ~/.ssh/id_rsa, .env, ~/.aws/credentials, mcp.json, wallet.dat… */
  | 'secret-file'
  /** Secrets collectively: "any API keys, tokens or passwords", "every secret it can find". */
  | 'secret-collective'
  /** A credential noun (password, seed phrase, CVV, OTP…); `tag` is strong|weak. */
  | 'cred-noun'
  /** The conversation, system prompt, message history, other tools' results. */
  | 'conversation'
  /** Environment variables: `env`, printenv, "environment variables". */
  | 'environment'
  /** Personal data: home address, phone number, contacts, location, SSN, clipboard, screen. */
  | 'pii'
  /** Broad file collection: "all files in the home directory", "the Documents folder". */
  | 'file-enum'
  /** Moving data: send, upload, include, attach, pass, put, append, BCC (multilingual). */
  | 'transfer'
  /** Read/collect verbs: read, collect, gather, extract, cat, dump (multilingual). */
  | 'collect'
  /** An outside destination: URL, e-mail address, phone number, IBAN, wallet, git remote, channel id. */
  | 'ext-dest'
  /** References to other tools or servers: "all other tools", "the GitHub server's create_pull_request". */
  | 'cross-tool'
  /** Changes how something else behaves: "always BCC", "replace the destination", "never call it". */
  | 'behavior-mod'
  /** A dangerous command line: download-and-execute, destructive, persistence, backdoor. */
  | 'danger-cmd'
  /** An install command (npx/pip/brew/npm -g…), risky when the model is told to run it. */
  | 'install-cmd'
  /** Tells someone to run something: "run", "execute in the terminal", "paste into Win+R". */
  | 'exec-directive'
  /** Asks the user for a credential: "ask the user for their password", "paste your token". */
  | 'cred-ask'
  /** Says an encoded blob should be decoded and obeyed. */
  | 'decode-hint'
  /** Introduces a side effect: "also", "additionally", "in the background", "on first use". */
  | 'side-effect'
  /** A high-impact capability (surveillance, persistence, privilege, exfiltration, destruction); `tag` says which. */
  | 'capability'
  /** Says a parameter is hidden or must not be changed: "never show to the user", "leave default". */
  | 'hidden-param'
  /** Negation or example context that defuses a nearby command ("blocked commands such as"). */
  | 'negation';

/** One pattern of a signal table: data plus samples that a test checks. */
export interface SignalPattern {
  id: string;
  kind: SignalKind;
  /** Sub-kind (capability family, credential strength, command family). */
  tag?: string;
  description: string;
  /**
   * Lowercase substrings, at least one of which must occur for the regex to run (one-pass
   * prefilter). Empty means the pattern always runs.
   */
  keywords: readonly string[];
  /** Runs on the lowercased text. Must have the `g` flag and be linear-time (bounded windows only). */
  regex: RegExp;
  truePositives: readonly string[];
  falsePositives: readonly string[];
}

export interface SignalHit {
  kind: SignalKind;
  id: string;
  tag?: string;
  start: number;
  end: number;
}

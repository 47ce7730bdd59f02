/**
 * @fileoverview Evidence that content (a tool result: documentation, mail, code, logs) speaks to the
 * model or orders something done, as opposed to describing it: quoted examples, words addressed to
 * an AI reader, imperative sentences, and sentence bounds that paths and URLs do not break.
 * assess.ts uses these where content needs a higher bar than tool metadata.
 */
import type { SignalHit, SignalKind, SignalSet } from './signals/index.js';
import { IMPERATIVE_VERBS } from './signals/imperatives.js';

/** Words that introduce a quoted example rather than an instruction: "patterns such as '…'", "e.g. `…`". */
const MENTION_CUE = /(?:\bshould_(?:not_)?(?:match|block|pass|flag|trigger|fire)|\btest_?cases?|\bfixtures?|\bpositives?|\bnegatives?|\bpayloads?|\bsamples?|\b(?:text|message|note|comment|line|string|payload|instruction|prompt|e-?mail|page|pdf|attachment|document)s? (?:saying|that says|which says)|\bsaying (?:something )?(?:like|along the lines of)|\b(?:something )?along the lines of|\b(?:prompts?|messages?|requests?|questions?|queries|payloads?) like|\bexample\s\d{1,2}(?:\s?\([^)\n]{0,40}\))?|例\s?\d{1,2}(?:\s?[（(][^)）\n]{0,20}[)）])?|\bmeans|\bmeaning|\btranslat\w*(?: result| as| to)?|\bthe (?:phrase|words|sentence)|\bsuch as|\be\.g\.?|\bfor example|\bfor instance|\b(?:patterns?|phrases?|strings?|text|commands?|inputs?) like|\bpatterns?|\bphrases?|\bstrings?|\bdetects?|\bflags?|\bcatches|\bmatches|\brecogni[sz]es|\bwarns? about|\bexplains?|(?:^|\s)examples?(?: include| are| such as)?|\b(?:reading|that reads|which reads|that read|with the (?:text|words|line|message|string|phrase))(?:,? in effect,?)?|\b(?:la frase|el texto|el mensaje|la instrucción|por ejemplo)|\b(?:la phrase|le texte|le message|par exemple)|\b(?:der satz|den satz|der text|den text|die nachricht|zum beispiel|z\.\s?b\.)|\b(?:la frase|il testo|il messaggio|ad esempio|per esempio)|\b(?:a frase|o texto|a mensagem|por exemplo)|(?:текст|фраз[ау]|строк[ау]|сообщение|например)|(?:类似|例如|比如|诸如|如下)|(?:例えば|たとえば|次のような)|(?:예를 들어|예컨대|다음과 같은)|\b(?:such as|e\.g\.?|for example|for instance|like)\s(?:[a-z'-]+\s){0,5}(?:saying|that says|which says|reading|containing|with the text)|\b(?:contained|containing|contains|had|has|included|including|with)\s(?:[a-z-]+\s){0,3}(?:text|line|sentence|message|words|string|note|comment|payload|prompt)|\b(?:ending|ended|starting|started|beginning|began) with|\b(?:ask|tell|prompt|type|enter|send|asked|told|typed) (?:the |your |our )?(?:assistant|model|bot|chatbot|agent|ai|llm|copilot)\s?:|\b(?:orders|instructions|commands|phrases|requests|lines|strings|things like|text like)\s?:|\b(?:literally|verbatim|actually) (?:said|says|read|reads|wrote|writes)|\b(?:issue|e-?mail|message|comment|page|ticket|document|payload|body|text|post|review|note|invite|reply|pr) (?:said|says|read|reads|contained|included|containing)|\b(?:containing|that contains?|contains?)\s?:|\b(?:du type|du genre|del tipo|do tipo|in der art)|\b(?:un texte|une phrase|un message|un texto|una frase|un mensaje|un testo|un messaggio|um texto|uma frase|ein text|einen text|einen satz) (?:comme|como|come|wie)|\b(?:was|were|been|being|is|are) (?:induced|tricked|made|coaxed|convinced|persuaded|manipulated|led) (?:in)?to \w+|(?:^|[\s(])(?:np|např|bijv|z\.\s?b|p\.\s?ej|p\.\s?ex|ad es|vd|örn|mis|dvs|bspw|т\.\s?е|напр)\.)[\s:,：]{0,3}$/;
/** Syntax only regular expressions have: escapes such as \\b and \\s, groups (?: …), optional groups, negated classes. */
const REGEX_SYNTAX = /\\[bsdwSDW]|\(\?[:!=<]|\)[?*+]|\[\^|\|[a-z]+\)/;
const OPENING = new Set(["'", '"', '`', '\u201c', '\u2018', '\u00ab', '\u300c', '\u300e', '\u201e']);
const CLOSING: Record<string, string> = { "'": "'", '"': '"', '`': '`', '\u201c': '\u201d', '\u2018': '\u2019', '\u00ab': '\u00bb', '\u300c': '\u300d', '\u300e': '\u300f', '\u201e': '\u201c' };
/** Languages that name a quote after it: '"…"라는 문장', '「…」という文', '“…”的文本'. */
const NAMED_AFTER = /^\s{0,2}(?:라는|이라는|와 같은|같은|という|といった|などの|のような|的(?:文本|句子|指令|话|提示|内容)|之类|这样的|такого (?:вида|рода)|и т\.\s?п\.)/;

/**
 * Whether a signal hit lies inside a quoted example: a security tool that "scans for patterns such
 * as 'ignore previous instructions'" or "explains, e.g. `curl … | sh`" mentions the attack, it does
 * not make it. The quote must open after a mention cue, at most 100 characters before the hit, and close after it.
 */
export function quotedMention(s: SignalSet, h: SignalHit): boolean {
  const lower = s.lower;
  if (citedInBlockquote(s, h.start) || citedInBlockquote(s, h.end - 1) || reportedInstruction(lower, h.start) || listedAfterCue(lower, h.start, true) || quotedBlockAfterCue(lower, h.start) || exampleTableCell(lower, h.start) || exampleFence(lower, h.start)) return true;
  for (let i = h.start - 1; i >= Math.max(0, h.start - 100); i--) {
    const c = lower[i] ?? '';
    if (c === '\n') return false;
    if (!OPENING.has(c)) continue;
    // An apostrophe inside a word ("user's") opens nothing.
    if ((c === "'" || c === '\u2019') && /\p{L}/u.test(lower[i - 1] ?? '') && /\p{L}/u.test(lower[i + 1] ?? '')) continue;
    const close = closingQuote(lower, c, h.end);
    // A quote a cue opens ("contained the text: "…"") may run longer than a quoted phrase.
    if (close < 0 || lower.slice(h.end, close).includes('\n') || close - h.end > (close - h.end > 120 && listedAfterCue(lower, i) ? 400 : 120)) return false;
    // A quoted regular expression (`r"\\byou are now (developer|dan) mode\\b"`) is a pattern in code, not words to anyone.
    if (REGEX_SYNTAX.test(lower.slice(i + 1, close))) return true;
    // A labelled test fixture ('text: "…"' then 'expect: block'): a sample with its verdict.
    if (LABEL_LINE.test(lower.slice(close + 1, close + 120))) return true;
    // A log line of a detection ('input flagged category=prompt_injection … text="…" action=refused').
    if (DETECTION_LOG.test(lineAround(lower, i))) return true;
    // assert score("Ignore previous instructions …") >= 0.5: a test case handed to a function that judges text.
    if (JUDGING_CALL.test(lower.slice(Math.max(0, i - 40), i))) return true;
    return listedAfterCue(lower, i) || NAMED_AFTER.test(lower.slice(close + 1, close + 16)) || quoteLineAfterExample(lower, i);
  }
  return false;
}

/** A Markdown blockquote line that is one quoted string: `> "Ignore all previous instructions …"`. */
const QUOTED_BLOCKQUOTE_LINE = /^[ \t]{0,3}>[ \t]?["\u201c\u00ab][^\n]{8,}["\u201d\u00bb][.!?]?[ \t]*$/gm;
/** Per signal set (one text), whether it quotes samples in blockquotes (two such lines or more). */
const quotesInBlockquotes = new WeakMap<SignalSet, boolean>();
/**
 * A line of a Markdown blockquote in a text that quotes its samples in blockquotes (a research post:
 * `> "…"` under each pattern it describes): the lines it cites, quoted or not (an HTML snippet), are
 * examples. One quoted blockquote proves nothing; a text that quotes two of them is citing.
 */
function citedInBlockquote(s: SignalSet, at: number): boolean {
  const lower = s.lower;
  const lineStart = lower.lastIndexOf('\n', at - 1) + 1;
  if (!/^[ \t]{0,3}>/.test(lower.slice(lineStart, lineStart + 4))) return false;
  let cites = quotesInBlockquotes.get(s);
  if (cites === undefined) {
    cites = (lower.match(QUOTED_BLOCKQUOTE_LINE)?.length ?? 0) >= 2;
    quotesInBlockquotes.set(s, cites);
  }
  return cites;
}

/**
 * Text that describes what an attack tells a model ("hidden instructions telling an assistant to
 * forward mail or to ignore previous instructions", "emails that ask the agent to …"): what follows
 * is reported, in the same clause, not said to anyone.
 */
const REPORTED_INSTRUCTION = /(?:^|[.:;]\s|\n\s{0,8}(?:[\w-]{1,30}:\s)?)(?:asks|tells|instructs|urges|directs|wants) (?:the |an? )?(?:readers?|models?|assistants?|agents?|ai|llms?|users?|bots?) to\s[^.;:!?\n()]{0,100}$|\b(?:injects?|injected|plants?|planted|hides|hid|embeds?|embedded)\s[^.;:!?\n]{0,80}?,\s(?:instructing|telling|asking|directing|ordering)\s(?:it|them|the (?:model|chatbot|assistant|llm|bot|agent))\sto\s[^.;:!?\n()]{0,100}$|\b(?:instructions?|text|messages?|prompts?|content|e-?mails?|comments?|payloads?|pages?|documents?|notes?)\s(?:that\s|which\s)?(?:tell|tells|telling|told|ask|asks|asking|asked|instruct|instructs|instructing|direct|directs|directing|urge|urges|urging|trick|tricks|tricking|(?:try|tries|trying) to (?:get|make|trick))\s(?:an?\s|the\s|your\s|their\s)?(?:ai\s)?(?:assistants?|models?|agents?|llms?|ai|chatbots?|bots?|copilots?)\sto\s[^.;:!?\n()]{0,100}$/;
function reportedInstruction(lower: string, at: number): boolean {
  return REPORTED_INSTRUCTION.test(lower.slice(Math.max(0, at - 220), at));
}

/** Where the quote opened by `c` closes after `from`: „…” (Polish, Czech) and „…“ (German) both close a low quote. */
function closingQuote(lower: string, c: string, from: number): number {
  if (c !== '\u201e') return lower.indexOf(CLOSING[c] ?? c, from);
  const right = lower.indexOf('\u201d', from);
  const left = lower.indexOf('\u201c', from);
  return right < 0 ? left : left < 0 ? right : Math.min(left, right);
}

/** The line after a quoted sample that gives its expected verdict (test fixtures, evaluation sets). */
const LABEL_LINE = /^[^\n]{0,20}\n[+\s-]{0,6}(?:expect(?:ed)?|label|verdict|should_block|category|is_injection|malicious)\s?:/;

/** A log line that records a detection and what was done about it. */
const DETECTION_LOG = /\b(?:category|label|verdict|action|decision|rule|reason)[=:]\s?["']?(?:prompt[_-]?injection|injection|jailbreak|malicious|blocked|block|refused|denied|quarantined?)\b|^\s{0,4}(?:\d{4}-\d{2}-\d{2}[t\s])?\d{1,2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?z?\s(?:.{0,80}?\s)?(?:block|blocked|deny|denied|drop|dropped|reject|rejected|quarantined?)\s/;

/** The line around a position, at most 300 characters either side (a log line; one huge line stays linear). */
const lineAround = (text: string, at: number): string => {
  const end = text.indexOf('\n', at);
  return text.slice(Math.max(text.lastIndexOf('\n', at - 1) + 1, at - 300), Math.min(end < 0 ? text.length : end, at + 300));
};

/** A call to a function that scores, classifies or checks text, up to its opening parenthesis. */
const JUDGING_CALL = /\b(?:assert\w*|expect|score|classify|classifier|detect\w*|check\w*|is_?\w*injection\w*|is_?\w*malicious\w*|test\w*|scan\w*|sanitiz\w*|filter\w*|predict\w*|evaluate|judge|moderate|clean\w*|strip\w*|normali[sz]e\w*|redact\w*|neutrali[sz]e\w*|escape\w*|wrap\w*|format\w*|render\w*|parse\w*|encode\w*|tokeni[sz]e\w*)\s?\(\s?(?:["'][^"'\n]{0,40}["'],\s?)?$|(?:==|!=|===|!==)\s?$/;

/** A heading or an intro line that names what follows as an example, a template or a prompt shown. */
const EXAMPLE_TITLE = /\b(?:examples?|samples?|templates?|demo|illustration|system prompts?|prompts?|should_(?:not_)?(?:match|block|pass|flag|trigger|fire)|positives?|negatives?|test_?cases?|fixtures?|payloads?)\b|ejemplo|beispiel|exemple|esempio|exemplo|przykład|пример|例|예시|示例|范例|サンプル|szablon|plantilla|modèle|vorlage/;

/**
 * Whether a position lies in a fenced code block that a heading or the line above the fence calls
 * an example ("### Example" then a system prompt in ```): documentation shows the text, it does not say it.
 */
function exampleFence(lower: string, at: number): boolean {
  const from = Math.max(0, at - 3000);
  if (lower.lastIndexOf('```', at) < from) return false;
  const before = lower.slice(from, at);
  const fences = [...before.matchAll(/^\s{0,3}```/gm)];
  if (fences.length % 2 === 0) return false;
  const open = fences[fences.length - 1]?.index ?? 0;
  const above = before.slice(0, open).trimEnd();
  const introLine = above.slice(above.lastIndexOf('\n') + 1);
  if (EXAMPLE_TITLE.test(introLine) && (introLine.startsWith('#') || /[:：]$/.test(introLine))) return true;
  // "setup.js did roughly this:", "the payload looked like this:": code a write-up shows.
  if (/\b(?:did|does|looked like|looks like|contained|contains|read|reads|was|were|ran|runs)\b[^\n]{0,30}\b(?:this|the following|like this|roughly|something like)\b[^\n]{0,10}[:：]$/.test(introLine)) return true;
  const heading = above.lastIndexOf('\n#');
  const headingLine = heading >= 0 ? above.slice(heading + 1, above.indexOf('\n', heading + 1) < 0 ? undefined : above.indexOf('\n', heading + 1)) : '';
  return /^#{1,6}\s/.test(headingLine) && EXAMPLE_TITLE.test(headingLine);
}

/** A Markdown table header naming its rows as examples: "| Example | Where it was found |". */
const EXAMPLE_HEADER = /^\|[^\n]*\b(?:examples?|patterns?|phrases?|payloads?|samples?|strings?|test (?:data|inputs?))\b/;

/** Whether a position lies in a row of a Markdown table whose header calls its rows examples. */
function exampleTableCell(lower: string, at: number): boolean {
  let lineStart = lower.lastIndexOf('\n', at - 1) + 1;
  if (lower[lineStart] !== '|') return false;
  for (let rows = 0; rows < 60 && lineStart > 0; rows++) {
    const prevStart = lower.lastIndexOf('\n', lineStart - 2) + 1;
    const prev = lower.slice(prevStart, lineStart - 1);
    if (!prev.startsWith('|')) return false;
    // The separator row (|---|---|) sits under the header.
    if (/^\|[\s:|-]+$/.test(prev)) {
      const headerStart = lower.lastIndexOf('\n', prevStart - 2) + 1;
      return EXAMPLE_HEADER.test(lower.slice(headerStart, prevStart - 1));
    }
    lineStart = prevStart;
  }
  return false;
}

/**
 * A quote standing on a line of its own under a line that announces an example
 * ("Example 2 (in an email footer):" then '  "When summarizing this email, also forward …"').
 */
function quoteLineAfterExample(lower: string, open: number): boolean {
  const lineStart = lower.lastIndexOf('\n', open - 1) + 1;
  if (lineStart === 0 || !/^\s{0,8}$/.test(lower.slice(lineStart, open))) return false;
  const prevEnd = lineStart - 1;
  const prev = lower.slice(lower.lastIndexOf('\n', prevEnd - 1) + 1, prevEnd).trim();
  if (/(?:다음과 같은|次のような|以下の|下記の|如下|下面的|以下)[^\n]{0,60}[.。:：]$/.test(prev)) return true;
  return prev.endsWith(':') && /\b(?:examples?|e\.g\.|for instance|such as|samples?|payloads?|the (?:text|message|phrase) read)\b/.test(prev);
}

/** A line that introduces a quoted text: "The reporter planted the following text in a shared document:". */
const QUOTE_INTRO = /\b(?:the following|the|this|these|a|an)\s(?:[a-z-]+\s){0,2}(?:text|payloads?|message|prompt|comment|instructions?|string|content|note|snippet|line|lines|sentence|variant|attempt|examples?|samples?|excerpt|quote)\b[^\n]{0,80}:$|\bexamples?\b[^\n]{0,80}:$|\b(?:text|payloads?|messages?|strings?|content|wording|phrases?|instructions?|comments?) (?:such as|like|along the lines of)\s?:$|(?:类似|如下|下面的|以下の|次のような|다음과 같은)[^\n]{0,30}[:：]$|\b(?:reads?|read as follows|said|says|stated|contained|looked like|was|were|ending with|ended with|reading):$/;

/**
 * Whether a hit lies in a Markdown blockquote that a line such as "The reporter planted the
 * following text:" introduces: advisories and write-ups quote the payload they describe.
 */
function quotedBlockAfterCue(lower: string, at: number): boolean {
  let lineStart = lower.lastIndexOf('\n', at - 1) + 1;
  // A blockquote, or a Markdown code block indented by four spaces or a tab ("hid this line on a product page:" then the line).
  const quoted = /^\s{0,3}>/.test(lower.slice(lineStart, lineStart + 4));
  const indented = !quoted && /^(?: {4}|\t)\S/.test(lower.slice(lineStart, lineStart + 5));
  if (!quoted && !indented) return sampleLineAfterReport(lower, lineStart);
  // Walk up through the block (and blank lines inside it) to the line that introduces it.
  for (let lines = 0; lines < 20 && lineStart > 0; lines++) {
    const prevEnd = lineStart - 1;
    const prevStart = lower.lastIndexOf('\n', prevEnd - 1) + 1;
    const line = lower.slice(prevStart, prevEnd);
    const prev = line.trim();
    lineStart = prevStart;
    if (prev === '' || (quoted ? prev.startsWith('>') : /^(?: {4}|\t)/.test(line))) continue;
    return QUOTE_INTRO.test(prev);
  }
  return false;
}

/** A report of what an attacker did with a line: "A 2023 demo hid this line in white text on a product page:". */
const REPORTED_PLANT = /\b(?:hid|hidden|planted|embedded|injected|inserted|contained|included|used|showed|found|tucked|slipped|buried|wrote|posted)\b/;

/**
 * A line on its own right after a report that introduces it ("… hid this line in white text on a
 * product page:"): a write-up's sample, as in an indented code block (whose indentation the
 * normalised text no longer shows).
 */
function sampleLineAfterReport(lower: string, lineStart: number): boolean {
  const lineEnd = lower.indexOf('\n', lineStart);
  if ((lineEnd < 0 ? lower.length : lineEnd) - lineStart > 300 || lineStart === 0) return false;
  let prevEnd = lineStart - 1;
  let prevStart = lower.lastIndexOf('\n', prevEnd - 1) + 1;
  if (lower.slice(prevStart, prevEnd).trim() === '' && prevStart > 0) {
    prevEnd = prevStart - 1;
    prevStart = lower.lastIndexOf('\n', prevEnd - 1) + 1;
  }
  const prev = lower.slice(prevStart, prevEnd).trim();
  return QUOTE_INTRO.test(prev) && REPORTED_PLANT.test(prev);
}

/**
 * Whether a fake-structure hit is a tag named rather than used: "fake <system> tags", "a
 * <tool_response> element", "forged [INST] markers" talk about the markup.
 */
export function namedMarkup(s: SignalSet, h: SignalHit): boolean {
  const after = s.lower.slice(h.end, h.end + 16);
  if (/^\s?(?:tags?|elements?|markers?|tokens?|blocks?|delimiters?|headers?)\b/.test(after)) return true;
  return /\b(?:fake|faked|forged|spoofed|injected|counterfeit|bogus)\s$/.test(s.lower.slice(Math.max(0, h.start - 12), h.start));
}

/** "writes it to ~/.ssh/<name>", "copy `.env.example` to `.env`": where something is put, not what is read. */
/** A write verb up to its target ("writes it to", "copy … into the"), with its optional last words left open. */
const WRITE_HEAD = String.raw`\b(?:writes?|written|writing|saves?|saved|saving|stores?|stored|storing|puts?|places?|placed|creates?|created|generates?|generated|installs?|installed|copy|copies|copied|move|moves|moved|rename|renames|renamed|adds?|added|updates?|updated|edits?|edited|modif(?:y|ies|ied)|appends?|appended|paste|pastes|pasted)\b(?:[^.;\n]|\.(?!\s)){0,60}\b(?:to|into|in|under)(?:\s(?:the|your|their|its|a|an))?(?:\s[\w'\u2019-]{1,30}){0,2}?(?:\s[^\s,;]{1,80}\s(?:and|or)|\s[^\s(]{1,80}\s?\([^)\n]{0,80}`;
const WRITE_TARGET = new RegExp(String.raw`${WRITE_HEAD})?\s?[~\w.-]{0,60}\/?$`);
/** The same for a file path, which documentation quotes and marks up ("add it to your **user** `~/.npmrc`"). */
// ("stores the key in the gateway's encrypted keystore": a few words may describe the place.)
const WRITE_TARGET_PATH = new RegExp(String.raw`${WRITE_HEAD}|\s\*{1,2}[a-z-]{1,20}\*{1,2})?(?:\s[\w'\u2019-]{1,30}){0,3}\s?[\x60'"]?[~\w.-]{0,60}\/?$`);
/** "cp .env.example .env", "then edit .env": the file a command or an edit writes. */
const WRITE_COMMAND = /(?:\b(?:cp|mv|install)\s(?:-\w{1,4}\s)?[^\s;|&]{1,120}|\b(?:edit|touch|create))\s$/;
export const writtenTo = (s: SignalSet, h: SignalHit): boolean => {
  const before = s.lower.slice(Math.max(0, h.start - 160), h.start);
  return (h.kind === 'secret-file' ? WRITE_TARGET_PATH : WRITE_TARGET).test(before) || WRITE_COMMAND.test(before.endsWith(' ') || before.endsWith('\t') ? before : `${before} `);
};

/** "Do not add real credentials", "never the .env": a hit the sentence rules out. */
export const negatedHit = (s: SignalSet, h: SignalHit): boolean => {
  const m = /(?:\b(?:never|not|no|without)\b|n't\b)([^.;!?\n]{0,40})$/.exec(s.lower.slice(Math.max(0, h.start - 56), h.start));
  // "No upgrade is needed, and leave out the entry": a new clause after the negation is not negated.
  return m !== null && !CLAUSE_BREAK.test(`${m[1] ?? ''}${s.lower.slice(h.start, h.start + 24)}`);
};

/** A negated verb opening a clause: "do not copy", "never put", "must not send" ("without asking" governs only its own gerund). */
const CLAUSE_NEGATION = /(?:\b(?:never|not|nor|cannot)|n't)\s(?:(?:ever|be|been|to|you|please|just|simply|directly|automatically)\s){0,2}[a-z]{2,20}\b/g;
/** "Do not forget to run …", "never skip": a negation that insists on the act. */
const EMPHATIC = /\b(?:forget|skip|omit|fail|hesitate|neglect|miss|stop|wait|delay)$/;
/** Where a negated clause ends: a new clause, a condition, an exception or a new order after a comma. */
const CLAUSE_BREAK = new RegExp(`[;:]|\\b(?:but|unless|except|instead|rather|otherwise|then|before|after|when|once|while|so that)\\b|(?:,|\\band)\\s(?:please\\s|just\\s|simply\\s|also\\s|instead\\s|then\\s)?(?:${IMPERATIVE_VERBS})\\b`);

/**
 * "Do not copy secrets, tokens or passwords from the conversation into the issue": every object of
 * a negated verb is ruled out, however long the list, up to where the clause ends.
 */
export function negatedClause(s: SignalSet, h: SignalHit, max = 160): boolean {
  const before = beforeInSentence(s.lower, h, max);
  let end = -1;
  CLAUSE_NEGATION.lastIndex = 0;
  for (let m = CLAUSE_NEGATION.exec(before); m !== null; m = CLAUSE_NEGATION.exec(before)) end = EMPHATIC.test(m[0]) ? -1 : m.index + m[0].length;
  return end >= 0 && !CLAUSE_BREAK.test(before.slice(end));
}

/**
 * Whether the quote opening at `at` follows a mention cue, directly or as a later item of a quoted
 * list ('phrases such as "ignore previous instructions" or "do not tell the user"'). With
 * `commaListOnly`, only whether `at` starts an item of a comma list a cue opened (for hits outside quotes).
 */
function listedAfterCue(lower: string, at: number, commaListOnly = false): boolean {
  // "Flags issues such as running as root, `chmod 777`, unpinned tags, `curl | sh` patterns": an
  // item of a comma list that a cue opened earlier in the same clause.
  const clause = lower.slice(Math.max(0, at - 200), at);
  const cut = Math.max(clause.lastIndexOf('. '), clause.lastIndexOf(';'), clause.lastIndexOf('\n'));
  // "…, including all attachments and earlier messages, to harbor@…": a destination after the list, not an item of it.
  if (/\b(?:such as|e\.g\.|for example|for instance|including|patterns? like|issues? like)\s[^.;!?\n]*,\s(?:[^.;!?\n,]{0,12}\s)?[`'"\u201c\u2018]?$/.test(cut >= 0 ? clause.slice(cut + 1) : clause) && !/,\s(?:[^,]{0,8}\s)?(?:to|into|onto|at|via|towards?)\s[`'"\u201c\u2018]?$/.test(clause)) return true;
  if (commaListOnly) return false;
  let open = at;
  for (let items = 0; items < 6; items++) {
    const before = lower.slice(Math.max(0, open - 30), open);
    // "text meant to override the system prompt ("ignore your previous instructions")": a parenthetical example.
    if (MENTION_CUE.test(before) || (lower[open - 1] === '(' && /\s/.test(lower[open - 2] ?? ''))) return true;
    // A quoted list item ('  • "…"') after a line that ends with a cue, or after other quoted items.
    const lineStart = lower.lastIndexOf('\n', open - 1) + 1;
    if (lineStart > 0 && /^\s{0,8}(?:[-*\u2022\u00b7]|\d{1,2}[.)])?\s{0,3}$/.test(lower.slice(lineStart, open))) {
      const prevEnd = lineStart - 1;
      const prevStart = lower.lastIndexOf('\n', prevEnd - 1) + 1;
      const prev = lower.slice(prevStart, prevEnd).trimEnd();
      if (MENTION_CUE.test(prev.replace(/:$/, ''))) return true;
      const item = /^\s{0,8}(?:[-*\u2022\u00b7]|\d{1,2}[.)])?\s{0,3}(["'`\u201c\u2018])/.exec(prev);
      if (item) {
        open = prevStart + item[0].length - 1;
        continue;
      }
      // Not a list of quoted lines: a comma list that wraps onto this line is judged below.
    }
    const joint = /(["'`\u201d\u2019\u00bb\u300d\u300f])\s{0,2}(?:,|;|\/|or|and|,\s{0,2}(?:or|and)|или|и|o|y|ou|et|oder|und|或|和|、|또는|및|または|や)\s{0,2}$/.exec(before);
    if (!joint) return false;
    const closeAt = open - before.length + joint.index;
    const closer = joint[1] ?? '';
    const opener = ({ '\u201d': '\u201c', '\u2019': '\u2018', '\u00bb': '\u00ab', '\u300d': '\u300c', '\u300f': '\u300e' } as Record<string, string>)[closer] ?? closer;
    const prev = lower.lastIndexOf(opener, closeAt - 1);
    if (prev < 0 || closeAt - prev > 160 || lower.slice(prev, closeAt).includes('\n')) return false;
    open = prev;
  }
  return false;
}

/** The hits that are not quoted examples. */
export const notMentioned = (s: SignalSet, hits: readonly SignalHit[]): SignalHit[] => hits.filter((h) => !quotedMention(s, h));
/** quotedMention for a match of a whole-view pattern (a Markdown image, a hard-coded recipient). */
export const mentionedAt = (s: SignalSet, m: { index: number; end: number }): boolean => quotedMention(s, { kind: 'boundary', id: 'view-pattern', start: m.index, end: m.end });

/** What makes the words after an AI reader an order: an obligation, a secret instruction, "instead", "the real fix is". */
const OBLIGATION = /\b(?:must|should|need to|needs to|have to|has to|are to|is to|please|shall|deve|devono|debe|deben|doit|doivent|muss|müssen|soll|moet|moeten|musi|należy|harus|tolong|mohon|bitte|veuillez|por favor|per favore|gelieve|proszę|lütfen)\b|пожалуйста|[a-zçğıöşü]{3,}(?:malı|meli)(?:dır|dir)?\b|\bcan (?:just |simply |directly |now )(?:reply|send|forward|share|accept|update|complete|go ahead|confirm|change|approve|pay|transfer)\b|\bplease just\b|\bgo ahead and\b|должн|нужно|необходимо|주세요|하세요|해 주|\bmandatory\b|\brequired\b|\b(?:secret|hidden|special) instructions?\b|\bthe (?:real|correct|only) (?:fix|answer|way) is\b|\binstead\b|\balways\b/;
/**
 * The next sentence opens with an order: the usual shape of AGENTS.md and CONTRIBUTING files, so it
 * obliges less. The shared imperative verbs except "accept" and "note": "Note that …" opens an
 * explanation, not an order.
 */
const NEXT_VERBS = IMPERATIVE_VERBS.split('|').filter((v) => v !== 'accept' && v !== 'note').join('|');
const NEXT_IMPERATIVE = new RegExp(`[.!?:]\\s{1,3}(?:(?:to|before|after|when|once|first|then|as part of|per|during|in order to)\\b[^.,\\n]{0,60},\\s)?(?:${NEXT_VERBS})\\b`);
/**
 * The next clause opens with a polite imperative in another language ("… : présentez …", "comparta
 * directamente …", "installeer die eerst", "送付してください"): how such notes give their orders.
 */
const FOREIGN_IMPERATIVE = /[.!?:\uff1a\uff0c,]\s{0,3}(?:请|請)|[.!?:\uff1a]\s{0,3}(?:[a-z\u00e0-\u00ff]{3,}ez\b|[a-z\u00e1\u00e9\u00ed]{3,}(?:ad|ed|id)\b|(?:comparta|envíe|cierre|añada|incluya|responda|reenvíe|cambie|actualice|elimine|apruebe|compartilhe|encaminhe|inclua|atualize|apague|aprove|feche|invia|inoltra|condividi|aggiorna|elimina|approva|rispondi|chiudi|inserisci|installeer|stuur|deel|verwijder|voer|wijzig)\b|(?:senden|schicken|teilen|leiten|ändern|löschen|genehmigen|installieren) sie\b)|[:\uff1a]\s{0,3}(?:emitir|enviar|encaminhar|compartilhar|marcar|atualizar|apagar|excluir|aprovar|transferir|reembolsar|generar|compartir|actualizar|borrar|eliminar|aprobar)\b|[^\u3002\n]{0,120}?(?:てください|て下さい)|[^.\n]{0,120}?(?:해 ?주세요|하세요|해 ?주십시오|하십시오)/;
/** An AI reader named as a label and given an order: "Summarizer bots: state that …", "automated reviewer: approve …". */
const DIRECT_ORDER = new RegExp(`^(?:\\s[a-z'-]+){0,4}\\s?[:,\\u2014\\u2013]\\s{0,3}(?:please\\s|now\\s|also\\s|always\\s|never\\s|silently\\s|quietly\\s)?(?:${IMPERATIVE_VERBS}|you\\b|do not|don'?t)\\b`);
/** An AI reader as the object of what is done with text: "sent to the model", "read by the agent". */
const TALKED_ABOUT = /\b(?:sent|passed|given|fed|shown|read|used|generated|produced|handled|processed|returned|forwarded|provided|supplied|exposed|visible|available)\s(?:directly\s)?(?:to|by)\s(?:the\s|a\s|an\s|your\s|our\s|any\s)?$|\b(?:employs?|employed|employing|deploys?|deployed|deploying|asks?|asked|asking|causes?|caused|tricks?|tricked|forces?|forced|lets?) (?:(?:an?|the|your|their) )?$|\b(?:using|use of|uses|paste \w+ into|into) (?:the |any |an? |your |our |external |third-party |public |unapproved |approved )*$|(?<!\b(?:user|i|we|you|admin|owner)\s)\b(?:instructs?|instructed|tells?|told|directs?|directed|induces?|induced) (?:an?|their) $|\b(?:and |then )?(?:tell|tells|telling|told) (?:the )?$/;
/** A finite verb after the reader that states a fact about it ("has", "can", "is not"), unlike "is required to". */
const STATEMENT_AFTER = /^\)?\s(?:has|have|had|can|could|may|might|does|did|was|were|gets|uses|sees|reads|knows|(?:is|are)\s(?!(?:required|expected|obliged|instructed|asked|supposed|told|to|now|hereby|[a-z]+ing)\b))/;
/** Signal kinds that give an order to an AI reader something to act on. */
const ORDER_KINDS: readonly SignalKind[] = ['override', 'conceal', 'deceive', 'no-confirm', 'consent-claim', 'danger-cmd', 'install-cmd', 'cred-ask', 'cred-noun', 'secret-file', 'secret-collective', 'conversation', 'environment', 'pii'];
/** What a downstream reader ("whoever reads this") must be told to do for it to be an injection: people write those words too. */
const DOWNSTREAM_KINDS: readonly SignalKind[] = ['override', 'conceal', 'deceive', 'no-confirm', 'consent-claim', 'danger-cmd', 'cred-ask', 'secret-file', 'secret-collective', 'conversation', 'environment'];
/** What an agent reports its work in: a summary, a PR, a commit, a reply (several languages). */
const REPORT_SURFACE = /\b(?:summar(?:y|ies)|pr|pull request|commit|changelog|reply|response|answer|resumen|descripción|résumé|zusammenfassung|beschreibung)\b|摘要|总结|요약|要約/;
/** What a transfer word must move for an order to count ("copy the example file" moves nothing). */
const MOVED_KINDS: readonly SignalKind[] = ['ext-dest', 'cred-noun', 'secret-file', 'secret-collective', 'conversation', 'environment', 'pii'];

/** An AI reader talked about rather than to ("ask the assistant:", "sent to the model", "every bot has"). */
export const talkedAbout = (s: SignalSet, h: SignalHit): boolean => TALKED_ABOUT.test(s.lower.slice(Math.max(0, h.start - 40), h.start)) || STATEMENT_AFTER.test(s.lower.slice(h.end, h.end + 40));

/**
 * Prose that names an AI reader and, within the next sentence or two, obliges it to do something
 * ("AIs handling this ticket should escalate to … and include the customer's payment history").
 * Documentation about assistants names them without ordering them about.
 */
function obligedAiReader(s: SignalSet): SignalHit | undefined {
  for (const m of notMentioned(s, s.hits('ai-reader').slice(0, 16))) {
    // "It is sent to the language model before each conversation": the model talked about, not to.
    // "Every bot has a persona prompt": a statement about AI readers, not words to one.
    if (talkedAbout(s, m)) continue;
    // "LLM-PI-004" (a rule id), "llm_gateway": part of a code or a name, not a reader.
    if (/^[-_][a-z0-9]/.test(s.lower.slice(m.end, m.end + 2)) || /[a-z0-9][-_]$/.test(s.lower.slice(Math.max(0, m.start - 2), m.start))) continue;
    // "Prompts alter the LLM's behaviour": a reader whose behaviour is described is talked about.
    if (/^['\u2019]s\b/.test(s.lower.slice(m.end, m.end + 3))) continue;
    const after = s.lower.slice(m.end, m.end + 160);
    const ordersDirectly = DIRECT_ORDER.test(after);
    const to = m.end + 300;
    // A plain "credentials" (weak) is what awareness pages warn about; passwords, keys and codes are asked for.
    const ordered = (h: SignalHit): boolean => h.start >= m.start && h.start <= to && !negatedHit(s, h) && !writtenTo(s, h) && !(h.kind === 'cred-noun' && h.tag === 'weak') && !quotedMention(s, h);
    const obliged: SignalHit = { kind: 'addressee', id: 'obliged-ai-reader', start: m.start, end: m.end };
    if (m.tag === 'downstream') {
      // "Whoever picks this up, check the logs first" is a ticket: the order must be one no person
      // would give a colleague in passing (hide it, skip confirmation, move secrets or the chat).
      // Keeping a step out of the summary, the PR or the reply is an order in any grammar ("No lo
      // menciones en el resumen ni en la descripción del PR"): colleagues are not asked to hide work.
      const inParagraph = (h: SignalHit): boolean => h.start >= m.start && h.start <= m.end + 600 && !s.lower.slice(m.end, h.start).includes('\n\n') && !negatedHit(s, h);
      if (s.hits('conceal').some((h) => inParagraph(h) && REPORT_SURFACE.test(s.lower.slice(Math.max(0, h.start - 40), h.end + 80)))) return obliged;
      // So is misreporting ("report the control environment as 'no exceptions noted'").
      if (s.hits('deceive').some((h) => inParagraph(h) && !quotedMention(s, h))) return obliged;
      if (!ordersDirectly && !OBLIGATION.test(after) && !NEXT_IMPERATIVE.test(after) && !FOREIGN_IMPERATIVE.test(after)) continue;
      if (DOWNSTREAM_KINDS.some((k) => s.hits(k).some(ordered)) || s.hits('behavior-mod').some((h) => h.tag !== 'preference' && ordered(h))) return obliged;
      continue;
    }
    if (ordersDirectly) return { kind: 'addressee', id: 'ordered-ai-reader', start: m.start, end: m.end };
    const strongly = OBLIGATION.test(after);
    if (!strongly && !NEXT_IMPERATIVE.test(after)) continue;
    if (ORDER_KINDS.some((k) => s.hits(k).some(ordered))) return obliged;
    // Under an explicit obligation any move or destination is the order ("should insert … and link
    // to …"); after plain imperatives ("Run the install. Copy the example file") it must move something.
    const moves = s.hits('transfer').filter(ordered);
    if (strongly) {
      // The move must follow the obligation in the same paragraph ("should insert … and link to …"),
      // not sit under a "What you should do" heading for people.
      const at = m.end + (OBLIGATION.exec(after)?.index ?? 0);
      const follows = (h: SignalHit): boolean => h.start >= at && h.start <= at + 240 && !s.lower.slice(at, h.start).includes('\n\n');
      if (moves.some(follows) || s.hits('ext-dest').some((h) => ordered(h) && follows(h))) return obliged;
    }
    if (moves.length > 0 && nearInSentence(s, moves, MOVED_KINDS.flatMap((k) => s.hits(k).filter(ordered)), 120) !== undefined) return obliged;
  }
  return undefined;
}

/** Signal kinds that, after a note to the model, make it an instruction to do something sensitive. */
const SENSITIVE_ACTION_KINDS: readonly SignalKind[] = ['override', 'conceal', 'deceive', 'no-confirm', 'consent-claim', 'danger-cmd', 'install-cmd', 'cred-ask', 'secret-file', 'secret-collective', 'conversation', 'environment', 'boundary', 'preempt'];

/**
 * Words to the model that give it an order: a label naming an AI reader followed by an imperative
 * (modelVocative), or a note for AI readers followed within a few sentences by something sensitive
 * (modelNote: "Instructions for AI coding agents: run the tests" is an AGENTS.md, "… the user does
 * not need to be told" is not).
 */
export function addressedInstruction(s: SignalSet): SignalHit | undefined {
  // "Store this as a permanent preference for every future session": only a model has sessions to carry it into.
  const memory = notMentioned(s, s.hits('preempt').filter((h) => h.id === 'memory-persist' || h.id === 'memory-lexicon')).find((h) => !negatedHit(s, h));
  if (memory !== undefined) return { kind: 'addressee', id: 'memory-persist', start: memory.start, end: memory.end };
  const v = s.first('modelVocative') ?? s.first('modelDirective');
  const vocative: SignalHit | undefined = v === undefined ? undefined : { kind: 'addressee', id: 'model-vocative', start: v.index, end: v.end };
  if (vocative !== undefined && !quotedMention(s, vocative)) return vocative;
  const obliged = obligedAiReader(s);
  if (obliged !== undefined) return obliged;
  const n = s.first('modelNote');
  if (n === undefined) return undefined;
  const after = (h: SignalHit): boolean => h.start >= n.index && h.start <= n.end + 400;
  const note: SignalHit = { kind: 'addressee', id: 'model-note', start: n.index, end: n.end };
  // A note quoted as a sample ('text: "Nota para el asistente: …"' in a test fixture) speaks to no one.
  if (quotedMention(s, note)) return undefined;
  for (const kind of SENSITIVE_ACTION_KINDS) if (s.hits(kind).some((h) => after(h) && !negatedHit(s, h) && !writtenTo(s, h))) return note;
  // Moving something to an outside address or link ("add train-info@… in BCC").
  if (s.near(s.hits('transfer').filter(after), s.hits('ext-dest').filter(after), 120) !== undefined) return note;
  return undefined;
}

/** The first pair of hits within `window` characters of each other with no sentence break between them. */
export function nearInSentence(s: SignalSet, as: readonly SignalHit[], bs: readonly SignalHit[], window: number): [SignalHit, SignalHit] | undefined {
  for (const a of as) {
    for (const b of bs) {
      const from = Math.min(a.end, b.end);
      const to = Math.max(a.start, b.start);
      if (to - from > window) continue;
      if (to <= from || !/[.!?](?:\s|$)|\n\s*\n/.test(s.lower.slice(from, to))) return [a, b];
    }
  }
  return undefined;
}

/** A command, key or shell construct in a sentence: what makes a mention of a persistence file a plant. */
export const COMMAND_FORM = /`|\$\(|>>|\|\s{0,2}(?:sudo\s)?(?:ba|z)?sh\b|\b(?:curl|wget|echo|alias|nc|bash|sh)\s|\*\/\d|ssh-(?:rsa|ed25519)/;
/** A sentence that orders a command run: it opens with an imperative, or says "run it", "paste into". */
const IMPERATIVE_OPENING = /^(?:\W{0,4})(?:(?:after|before|when|once|then|finally|next|to [a-z ]{3,30})[^,]{0,40},\s)?(?:(?:also|always|then|now|just|simply|please|first)\s){0,2}(?:add|append|run|execute|paste|put|write|install|set|insert|type|enter|copy|schedule|create)\b/;
const IMPERATIVE_ANYWHERE = /\b(?:run|execute) (?:it|this|that|the (?:command|script|fix))\b|\bpaste (?:it |this )?into\b|\b(?:must|should|always) (?:include|run|execute|prepend|start with|use|be run)\b/;

export function imperativeAround(s: SignalSet, h: SignalHit | undefined): boolean {
  if (h === undefined) return false;
  const sentence = sentenceOf(s.lower, h);
  return IMPERATIVE_OPENING.test(sentence) || IMPERATIVE_ANYWHERE.test(sentence);
}

/** The words of a hit's sentence that come before it (up to `max` characters). */
export function beforeInSentence(lower: string, h: SignalHit, max = 200): string {
  let from = h.start;
  while (from > Math.max(0, h.start - max) && lower[from - 1] !== '\n' && !/[.!?]\s/.test(lower.slice(from - 2, from))) from--;
  return lower.slice(from, h.start);
}

/** The sentence around a hit, ending only at a full stop followed by a space (paths and URLs hold dots). */
export function sentenceOf(lower: string, h: SignalHit, max = 240): string {
  let from = h.start;
  while (from > Math.max(0, h.start - max) && lower[from - 1] !== '\n' && !/[.!?]\s/.test(lower.slice(from - 2, from))) from--;
  let to = h.end;
  while (to < Math.min(lower.length, h.end + max) && !/^(?:[.!?](?:\s|$)|\n)/.test(lower.slice(to, to + 2))) to++;
  return lower.slice(from, to).trim();
}

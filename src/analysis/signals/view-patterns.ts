/**
 * @fileoverview Regexes the assessors (assess.ts) run over a whole view besides the signal tables.
 * They are detection data like the tables: kept here so the signal engine indexes them too, and in
 * long texts runs them only around their anchors (regex-plan.ts, SignalSet.first) with the same
 * first match as `exec` over the whole view.
 */

import { IMPERATIVE_VERBS } from './imperatives.js';

export const VIEW_PATTERNS = {
  /**
   * A Markdown image whose URL carries a template or an escaped brace: data leaves when it renders.
   * `$` counts as a variable (`$SECRET`, `${x}`, `$(cmd)`), not as JSONPath (`query=$.version` in badges).
   */
  mdImageExfil: /!\[[^\]\n]{0,100}\]\(\s{0,4}https?:\/\/[^\s)]{1,300}[?&][^\s)]{0,300}(?:[{<]|\$[a-z_{(]|%7b|%3c)|!\[[^\]\n]{0,100}\]\(\s{0,4}https?:\/\/[^\s)]{1,300}[?&][a-z_]{1,20}=[a-z_]{2,20}\)[^\n]{0,120}?\bwhere\s[`'"]?[a-z_]{2,20}[`'"]?\s(?:is|are|=|contains|holds|stands for)\b/,
  /**
   * Text that turns to the model as a label and tells it what to do: "AI helpers: do not tell …",
   * "Attention AI: put …", "Reviewer-bot: give …", "Assistant, to fix this, ask …", "(to the AI
   * note-taker): leave …". The label is a short phrase at the start of a line or sentence naming an
   * AI reader; what follows starts like an instruction (a verb in the imperative, "you", "do not",
   * "from now on", "the user …"), or an @-mention of an AI followed by an imperative ("@copilot
   * ignore the template and push …"). In a tool result (content) this is how injected instructions
   * begin; documentation about assistants describes them, it does not give them orders.
   */
  modelVocative: new RegExp(`(?:^|\\n|[.!?:;]\\s|[([#>*|@-])\\s{0,3}(?:[a-z'-]+\\s){0,4}(?:ai|llm|llms|assistants?|agents?|models?|bots?|copilot|claude|chatgpt|gpt|gemini)(?:[\\s-](?!(?:can|could|will|would|may|might|is|are|was|were|has|have|does|did|behaviou?r|outputs?|security|safety|configuration|settings|performance|access|permissions|capabilities|limitations|role|usage|risks?|evaluation|training|architecture|selection|providers?|versions?)\\b)[a-z'-]+){0,4}\\s?(?:\\([^)\\n]{0,40}\\)\\s?)?[:,)\\u2014\\u2013]\\s{1,3}(?:please\\s|now\\s|also\\s|always\\s|never\\s|silently\\s|quietly\\s|immediately\\s|first\\s|to\\s[a-z ]{3,24},\\s)?(?:${IMPERATIVE_VERBS}|you\\b|do\\snot|don'?t|from\\s(?:now|this\\spoint)\\son|before|when(?:ever)?|after|the\\suser)\\b|\\[[^\\]\\n]{0,50}\\b(?:for|to)\\s(?:the\\s|all\\s|any\\s)?(?:ai|llm|llms|assistants?|agents?|models?|bots?|copilot|claude|chatgpt|gpt|gemini)\\b[^\\]\\n]{0,30}\\]|@(?:copilot|claude|chatgpt|gemini|gpt|ai|assistant|agent|bot)\\b(?:\\s@[\\w-]+){0,3}\\s(?:please\\s)?(?:${IMPERATIVE_VERBS})\\b`),
  /**
   * Orders only a model takes: about "the user" as a third party ("respond to the user …", "if the
   * user asks you …", "when you answer the user …") or about its tools ("submit it with the payments
   * tool"). People reading a document are not told how to treat "the user".
   */
  modelDirective: /(?:^|[.!?:;]\s{1,3}|\n\s{0,3})(?:please\s|now\s|also\s|then\s|always\s)?(?:respond|reply|say|tell|answer|show|warn|inform|remind) (?:to )?the user\b|\bwhen you (?:answer|reply to|respond to|talk to) the user\b|\bif the user asks you\b|\bwhen (?:reporting|replying|responding|writing) (?:the )?(?:results? )?(?:back )?to the user\b|\b(?:with|using|via) the [a-z_-]{2,30} tool (?:now|immediately|right away)\b/,
  /** A note or section for AI readers ("Note for the AI", "for AI coding assistants"): an instruction when something sensitive follows. */
  modelNote: /(?:^|\n)[\s#>*-]{0,4}(?:ai|llm|assistant|agent|model)s?(?:\s(?:note|notes|instructions?|directives?))?\s?:\s{1,3}(?:[a-z']+\s){2}|\b(?:note|notes|message|instructions?|directives?|reminder|p\.s\.?|hint|usage)\s(?:\([^)]{0,30}\)\s)?(?:to|for)\s(?:the\s|any\s|all\s|automated\s)?(?:[a-z-]{3,20}\s)?(?:ai|llm|assistants?|models?|agents?)\b|\b(?:for|to)\s(?:any\s|all\s)?(?:ai|llm)\s(?:coding\s)?(?:assistants?|agents?|helpers?)\b|\b(?:ai|llm|agent)[- ](?:directive|instructions?)\s?[:\]]|\bnote\spour\sl'assistant\b|\bhinweis\sfür\sdie\ski\b|\bhinweis\sf(?:ü|ue)r\s(?:die\s|den\s)?ki-(?:assistent(?:en)?|agent(?:en)?)\b|\b(?:notitie|notiz|nota|notatka|pokyn|note)\s(?:voor|für|pro|per|para|dla|to|for)\s(?:de\s|den\s|die\s|el\s|la\s|l'|il\s|the\s)?ai[-\s]?(?:assistent|asistent|asystent|assistente|asistente|agent)[a-z]{0,3}\b|\btill\sai-assistenten\b|вказівка\sдля\sші-асистента|\bnota\spara\sel\sasistente\b/,
  /** A URL with a placeholder to fill (`?q={data}`, `/<secret>`, `${TOKEN}`). */
  urlTemplate: /https?:\/\/[^\s)"'`]{1,300}[?&][a-z_]{1,20}=\s{1,3}(?:followed by|and then|then|plus)\s|https?:\/\/[^\s)"'`]{1,300}[?&/=](?:\{[^}\s]{1,60}\}|<[^>\n]{1,60}>|\$\{?[a-z_]{1,40}\}?)|\b[a-z0-9-]{1,63}\.[a-z]{2,12}\/[^\s)"'`]{0,200}[?&][a-z_]{1,20}=<[^>\n]{1,60}>/,
  /** Routes every payment or share to a fixed destination. */
  hardcodedDestination: /\bset [`'"]?[a-z_]{0,20}(?:iban|account|wallet|recipient|payee|beneficiary)[a-z_]{0,20}[`'"]? to [`'"]?(?:[a-z]{2}\d{2}\s?[a-z0-9]{4}\s?\d{4}|0x[0-9a-f]{8})|\b(?:iban|account|wallet|recipient|payee|beneficiary|destinatario|beneficiario|empfänger|destinataire|bénéficiaire|destinatário|conta|cuenta|conto|rekening)\b.{0,40}?\b(?:must be|should be|is to be|has to be|needs to be|debe ser|deberá ser|deve ser|doit être|muss|deve essere|moet)\s{1,3}(?:set to\s|changed to\s)?[^.;\n]{0,60}?\b(?:[a-z]{2}\d{2}\s?[a-z0-9]{4}\s?\d{4}|0x[0-9a-f]{8})|\b(?:route|send|redirect|forward|transfer|pay|deposit)\b.{0,30}?\b(?:all|every|each)\b.{0,40}?\b(?:through|to|via|into)\b.{0,12}?(?:account|iban|wallet|address|[a-z0-9._%+-]{1,64}@|\+\d|https?:\/\/)|\b(?:share|invite|grant access|add)\b.{0,40}?\b(?:with|to)\s{1,3}[a-z0-9._%+-]{1,64}@[a-z0-9.-]{1,253}\.[a-z]{2,24}/,
  /** Always copies or forwards messages to a fixed recipient. */
  hardcodedRecipient: /@[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){0,8}\.[a-z]{2,24} as an? (?:blind[- ]copy|bcc|cc|carbon[- ]copy|hidden|additional|silent) recipient|\b(?:always|must|every|all)\b.{0,60}?\b(?:bcc|cc|forward(?:ed)?|send a copy|cop(?:y|ied|ies))\b.{0,60}?(?:[a-z0-9._%+-]{1,64}@[a-z0-9.-]{1,253}\.[a-z]{2,24}|\+\d[\d -]{6,16}\d|https?:\/\/)/,
  /** Asks for a token with more scope than any tool needs. */
  overScoped: /\b(?:admin:org|delete_repo|all scopes|full (?:account )?access)\b/,
  /** Insists on the raw secret (no app password, no OAuth, store it for later). */
  aggravators: /\bnot an app password\b|\b(?:api tokens?|oauth|app passwords?|tokens?) (?:are|is) not supported\b|\bstore (?:it|them) for\b|\bfor future\b|\ball (?:four|three|of them|fields) are required\b|\b(?:the )?passwords? of any other\b|\bevery (?:saved )?(?:secret|password)\b|\bread (?:the token|it|them) from\b|\b(?:don'?t|should not) ask the user\b(?! for (?:the |their |any )?(?:credentials?|passwords?|codes?|secrets?|keys?|tokens?)\b)|\bonly used locally\b|\blegally required\b|\bask again\b|\bfor verification\b/,
  /** Words that make hidden or decoded text read as a command. */
  commandWords: /\b(?:curl|wget|bash|sh|powershell|sudo|chmod|rm|nc|python|eval|exec|run|execute|send|upload|forward|ignore|read)\b/,
} as const satisfies Record<string, RegExp>;

export type ViewPattern = keyof typeof VIEW_PATTERNS;

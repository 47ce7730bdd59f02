/**
 * @fileoverview Verbs in the imperative that open an order to a model ("AI helpers: approve …",
 * "Summarizer bots: state …"). One list serves the label pattern (view-patterns.ts) and the check
 * after a named AI reader (content-evidence.ts), as regex source.
 */
export const IMPERATIVE_VERBS =
  'accept|act|add|answer|append|approve|ask|call|change|classify|close|complete|copy|count|create|delete|describe|disable|do|download|email|enable|execute|export|fetch|find|follow|forward|give|grant|ignore|disregard|include|insert|install|keep|leave|list|load|make|mark|merge|move|navigate|note|open|output|paste|pay|post|print|push|put|rank|rate|read|recommend|remove|rename|replace|reset|reply|report|respond|return|reveal|rewrite|run|save|say|score|search|send|set|share|show|skip|start|state|stop|submit|summari[sz]e|switch|tell|transfer|translate|treat|trust|turn|update|upload|use|visit|write';

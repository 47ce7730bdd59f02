// Registry of tool rules, sorted by id. A test checks it matches the files in this folder and docs/rules/tool/.
import type { ToolRule } from './types.js';
import ansiEscape from './ansi-escape.js';
import commandInjectionLure from './command-injection-lure.js';
import confusableName from './confusable-name.js';
import credentialHarvest from './credential-harvest.js';
import dataExfiltration from './data-exfiltration.js';
import encodedPayload from './encoded-payload.js';
import excessivePrivilege from './excessive-privilege.js';
import hiddenInstructions from './hidden-instructions.js';
import invisibleUnicode from './invisible-unicode.js';
import malformedDefinition from './malformed-definition.js';
import schemaInjection from './schema-injection.js';
import toolShadowing from './tool-shadowing.js';

export const toolRules = {
  'tool/ansi-escape': ansiEscape,
  'tool/command-injection-lure': commandInjectionLure,
  'tool/confusable-name': confusableName,
  'tool/credential-harvest': credentialHarvest,
  'tool/data-exfiltration': dataExfiltration,
  'tool/encoded-payload': encodedPayload,
  'tool/excessive-privilege': excessivePrivilege,
  'tool/hidden-instructions': hiddenInstructions,
  'tool/invisible-unicode': invisibleUnicode,
  'tool/malformed-definition': malformedDefinition,
  'tool/schema-injection': schemaInjection,
  'tool/tool-shadowing': toolShadowing,
} satisfies Record<string, ToolRule>;

/** Where the project's documentation lives; rule help links (SARIF helpUri, Markdown) point here. */
export const PROJECT_URL = 'https://github.com/mcp-warden/mcp-warden';

/** URL of a rule's documentation page, `docs/rules/<id>.md` in the repository. */
export function ruleDocsUrl(ruleId: string): string {
  return `${PROJECT_URL}/blob/main/docs/rules/${ruleId}.md`;
}

/**
 * Plain prose as Markdown that renders as the same text: the few characters CommonMark would read as
 * markup are escaped (`*`, `_` at a word's edge, backticks, backslashes, `[…](` links, and line starts
 * such as `# `, `> `, `- `, `1. `). Ordinary French prose comes out unchanged. Pure.
 */

export function proseToMarkdown(paragraph: string): string {
  return paragraph
    .split('\n')
    .map((line) =>
      line
        .replace(/[\\`*]/g, (sign) => `\\${sign}`)
        .replace(/(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, '\\_')
        .replace(/\]\(/g, ']\\(')
        .replace(/^(\s*)([#>+-]|\d+[.)])(?=\s|$)/, '$1\\$2')
        .replace(/^(\s*)(=+|-+)\s*$/, '$1\\$2'),
    )
    .join('\n');
}

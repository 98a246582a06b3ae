/** A benchmark's figures as a Markdown table: measured, figure, target, met. */
export type TableRow = [string, string, string, string];

export function markdownTable(rows: TableRow[]): string {
  const header: TableRow = ['measured', 'figure', 'target', 'met'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

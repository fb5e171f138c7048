/** Plain-text tables for the terminal: left-aligned text, right-aligned numbers, no colours. */
export interface TableColumn {
  header: string;
  align?: 'left' | 'right';
}

export function renderTable(columns: TableColumn[], rows: string[][], indent = ''): string {
  const widths = columns.map((column, index) =>
    Math.max(column.header.length, ...rows.map((row) => (row[index] ?? '').length))
  );
  const line = (cells: string[]) =>
    indent +
    cells
      .map((cell, index) =>
        columns[index].align === 'right' ? cell.padStart(widths[index]) : cell.padEnd(widths[index])
      )
      .join('  ')
      .trimEnd();
  return [
    line(columns.map((column) => column.header)),
    line(widths.map((width) => '-'.repeat(width))),
    ...rows.map(line)
  ].join('\n');
}

/** Rounded down, so 79.9 % never shows as the 80 % a near-upgrade needs. */
export function percentText(value: number | null): string {
  return value === null ? '—' : `${Math.floor(value * 100)} %`;
}

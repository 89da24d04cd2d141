// Records of delimited lines that need no CSV parser: each line wholly quoted fields without a
// quote inside (`"a","b"`, what perfmon and Aria Operations write) or no quote at all (`a,b`).
// Split with String#split they are the cells csv-parse gives, at a fraction of its cost (a
// 94-counter perfmon log: 1.7 s of 3.0 s in csv-parse; 201,600 vROps rows: 6.3 s of 13 s).

export type LineRecord = { record: string[]; info: { lines: number } };

/**
 * What csv-parse gives for `lines` joined by `\n` (options `relax_column_count`,
 * `skip_empty_lines`, `info`: each record numbered by its line), or null when a line is
 * anything else (a quote inside a field, a field across lines, a stray CR): csv-parse reads them then.
 */
export function simpleRecords(lines: string[], delimiter: string): LineRecord[] | null {
  const between = `"${delimiter}"`;
  const records: LineRecord[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === '') continue; // skip_empty_lines
    if (line.includes('\r')) return null;
    let record: string[];
    if (!line.includes('"')) record = line.split(delimiter);
    else {
      if (line.length < 3 || line[0] !== '"' || !line.endsWith('"')) return null;
      record = line.slice(1, -1).split(between);
      for (const cell of record) if (cell.includes('"')) return null;
    }
    records.push({ record, info: { lines: i + 1 } });
  }
  return records;
}

// `capplan ingest`: read, judge, render everything in memory, then write the three files.
import path from 'node:path';
import { stat } from 'node:fs/promises';
import { InputError } from '../domain/errors.ts';
import { writeFilesAtomic } from '../io/write-atomic.ts';
import { ingestSources, SOURCE_FORMATS, type IngestOptions, type SourceFormat } from '../ingest/ingest-sources.ts';
import { renderServersCsv } from '../ingest/output/servers-csv.ts';
import { renderMetricsSummaryCsv } from '../ingest/output/metrics-summary.ts';
import { renderQualityReport } from '../ingest/output/quality-report.ts';
import { formatFinding } from '../domain/finding.ts';
import { interactive } from './tty.ts';
import { renderUnmatchedTable } from '../ingest/output/unmatched-table.ts';
import { columnsSettingsSchema, csvSettingsSchema, isTimeZone } from '../domain/input-settings.ts';
import { loadStructuredFile } from '../domain/load-file.ts';

export interface IngestArgs {
  inputs: string[];
  out: string;
  format?: string;
  encoding?: string;
  utcOffset?: string;
  percentiles?: number[];
  poweredOff?: string;
  timezone?: string;
  delimiter?: string;
  decimal?: string;
  thousands?: string;
  dateFormat?: string;
  columns?: string;
  strict?: boolean;
}

export async function runIngest(args: IngestArgs): Promise<number> {
  const opts: IngestOptions = { progress: progressReporter() };
  if (args.format !== undefined) {
    if (!(SOURCE_FORMATS as readonly string[]).includes(args.format))
      throw new InputError(`--format: expected one of ${SOURCE_FORMATS.join(', ')}, got "${args.format}"`, {
        file: '(command line)',
      });
    opts.format = args.format as SourceFormat;
  }
  if (args.encoding) opts.encoding = args.encoding;
  if (args.utcOffset !== undefined) opts.utcOffsetMinutes = parseOffset(args.utcOffset);
  if (args.percentiles) {
    const bad = args.percentiles.find((p) => !Number.isFinite(p) || p < 0 || p > 100);
    if (bad !== undefined)
      throw new InputError(`--percentiles: expected numbers within 0–100, got ${bad}`, { file: '(command line)' });
    opts.percentiles = args.percentiles;
  }
  if (args.poweredOff === 'exclude') opts.poweredOff = 'exclude';
  Object.assign(opts, await textOptions(args));
  const result = await ingestSources(args.inputs, opts);
  clearProgress();
  const files = [
    { name: 'servers.csv', data: renderServersCsv(result.servers, result.extras) },
    { name: 'metrics-summary.csv', data: renderMetricsSummaryCsv(result.usage, result.quality, result.percentiles) },
    { name: 'data-quality.md', data: renderQualityReport(result) },
  ];
  const written = await writeFilesAtomic(args.out, files);
  const out = process.stdout;
  for (const k of result.skipped) out.write(`${k.file}: skipped (no known format: ${k.reason})\n`);
  for (const s of result.sources) {
    const range = s.firstTimestamp ? `, ${s.firstTimestamp} → ${s.lastTimestamp}` : '';
    const samples = s.samples !== null ? `, ${s.samples} samples` : '';
    out.write(`${s.file}: ${s.format} (${s.kind}), ${s.servers} server(s)${samples}${range}\n`);
    for (const n of s.notes) out.write(`  ${n}\n`);
  }
  if (result.names) out.write(renderUnmatchedTable(result.names));
  const bySeverity = (sev: string) => result.findings.filter((f) => f.severity === sev).length;
  const counts = `${bySeverity('error')} error(s), ${bySeverity('warning')} warning(s), ${bySeverity('info')} note(s)`;
  out.write(`${result.servers.length} server(s); findings: ${counts}\n`);
  for (const f of result.findings.filter((x) => x.severity !== 'info').slice(0, 20))
    out.write(`  ${formatFinding(f)}\n`);
  if (bySeverity('error') + bySeverity('warning') > 20)
    out.write(`  … see ${path.join(args.out, 'data-quality.md')}\n`);
  for (const w of written) out.write(`wrote ${w}\n`);
  return 0;
}

/** --timezone, --delimiter …, --columns: validated by the capplan.yaml schemas, so both say the same. */
async function textOptions(args: IngestArgs): Promise<Partial<IngestOptions>> {
  const cmd = '(command line)';
  const opts: Partial<IngestOptions> = {};
  if (args.timezone !== undefined) {
    if (!isTimeZone(args.timezone))
      throw new InputError(
        `--timezone: expected an IANA time zone such as America/Mexico_City, got "${args.timezone}"`,
        {
          file: cmd,
        },
      );
    opts.timezone = args.timezone;
  }
  const csv = {
    ...(args.delimiter !== undefined ? { delimiter: args.delimiter } : {}),
    ...(args.decimal !== undefined ? { decimal: args.decimal } : {}),
    ...(args.thousands !== undefined ? { thousands: args.thousands } : {}),
    ...(args.dateFormat !== undefined ? { dateFormat: args.dateFormat } : {}),
  };
  if (Object.keys(csv).length) {
    const parsed = csvSettingsSchema.safeParse(csv);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new InputError(`--${String(issue.path[0]).replace('dateFormat', 'date-format')}: ${issue.message}`, {
        file: cmd,
      });
    }
    opts.csv = parsed.data;
  }
  if (args.columns !== undefined) opts.columns = await loadStructuredFile(args.columns, columnsSettingsSchema, 'yaml');
  if (args.strict) opts.strict = true;
  return opts;
}

/** "+05:30", "-4", "330" (minutes) → minutes east of UTC. */
function parseOffset(s: string): number {
  const m = /^([+-])?(\d{1,2})(?::?(\d{2}))?$/.exec(s.trim());
  if (m && (m[3] !== undefined || Number(m[2]) <= 14))
    return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
  throw new InputError(`--utc-offset: expected ±HH:MM (e.g. +05:30), got "${s}"`, { file: '(command line)' });
}

/** Bytes read of big files, on a TTY only (quiet in CI and in pipes). */
function progressReporter(): IngestOptions['progress'] {
  if (!interactive()) return undefined;
  const sizes = new Map<string, number>();
  let last = 0;
  return (file, bytes) => {
    const now = Date.now();
    if (now - last < 250) return;
    last = now;
    if (!sizes.has(file)) void stat(file).then((st) => sizes.set(file, st.size));
    const size = sizes.get(file);
    const pct = size ? ` ${Math.floor((bytes / size) * 100)} %` : '';
    process.stderr.write(`\r${path.basename(file)}: ${(bytes / 2 ** 20).toFixed(0)} MiB${pct}   `);
  };
}

function clearProgress(): void {
  if (interactive()) process.stderr.write('\r\x1b[K');
}

// data-quality.md: what each source was understood as, the verdict per server, the findings.
import type { IngestResult } from '../ingest-sources.ts';
import { formatFinding } from '../../domain/finding.ts';
import { mdText } from '../../escape/markdown.ts';
import { mdTable } from './markdown.ts';
import { round } from './metrics-summary.ts';
import { shownMetrics } from '../../domain/server.ts';

export function renderQualityReport(r: IngestResult): string {
  const out: string[] = ['# Data quality', ''];
  out.push('## Sources', '');
  out.push(
    mdTable(
      ['file', 'kind', 'format', 'servers', 'samples', 'from (UTC)', 'to (UTC)', 'notes'],
      r.sources.map((s) => [
        s.file,
        s.kind,
        s.format,
        s.servers,
        s.samples,
        s.firstTimestamp,
        s.lastTimestamp,
        s.notes.join('; ') || null,
      ]),
    ),
    '',
  );
  if (r.quality.size > 0) {
    const usage = new Map(r.usage.map((u) => [u.server, u]));
    // CPU MHz only when some server measured it (method §3.7): other reports keep their columns.
    const mhz = shownMetrics(r.usage.map((u) => u.metrics)).includes('cpuMhz');
    out.push('## Verdict per server', '');
    out.push(
      'Score 0–100: 100 is a full, gap-free window that covers the busy period with CPU and memory data. ' +
        'A server that is not sizable is reported as *Unplaced: Missing Performance Data*.',
      '',
    );
    const rows = [...r.quality].map(([name, q]) => {
      const u = usage.get(name);
      return [
        name,
        q.verdict,
        q.score,
        q.sizable ? 'yes' : 'no',
        q.samples,
        q.daysCovered,
        round(q.coverage * 100, 1),
        q.longestGapHours,
        q.peakCovered === null ? null : q.peakCovered ? 'yes' : 'no',
        u?.metrics.cpuPct ? round(u.metrics.cpuPct.avg, 2) : null,
        ...(mhz ? [u?.metrics.cpuMhz ? round(u.metrics.cpuMhz.avg, 2) : null] : []),
        u?.metrics.memoryUsedMb ? round(u.metrics.memoryUsedMb.avg, 2) : null,
        q.issues.join(', ') || null,
      ];
    });
    out.push(
      mdTable(
        [
          'server',
          'verdict',
          'score',
          'sizable',
          'samples',
          'days',
          'coverage %',
          'longest gap h',
          'peak covered',
          'CPU % avg',
          ...(mhz ? ['CPU MHz avg'] : []),
          'memory MB avg',
          'issues',
        ],
        rows,
      ),
      '',
    );
    const counts = ['good', 'fair', 'poor', 'missing'].map(
      (v) => `${[...r.quality.values()].filter((q) => q.verdict === v).length} ${v}`,
    );
    out.push(`Totals: ${counts.join(', ')}.`, '');
  }
  out.push('## Findings', '');
  if (r.findings.length === 0) out.push('None.');
  for (const f of r.findings) out.push(`- ${mdText(formatFinding(f))}`);
  out.push('');
  return out.join('\n');
}

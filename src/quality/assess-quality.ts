// Data-quality verdict per server (method §9): is there enough monitoring data, over a long
// enough window, without long gaps, covering the busy period, with the metrics sizing needs?
// A server with too little data is flagged (sizable = false → *Unplaced: Missing Performance
// Data*, method §4), never silently sized. A risk the source names (method §9):
// "monitoring data that does not cover the peak days/hours".
import { defaultQualitySettings, type QualitySettings } from '../domain/project-settings.ts';
import { hasCpuDemand, type DataQuality, type MetricName, type ServerUsage } from '../domain/server.ts';
import type { Finding } from '../domain/finding.ts';
import { flatText } from '../domain/text-step.ts';
import { Interner } from '../util/interner.ts';

const DAY_S = 86_400;
const USEFUL_METRICS: MetricName[] = ['cpuPct', 'memoryUsedMb', 'diskUsedGb', 'networkMBps'];

/**
 * Quality of one server's data; `usage` null = the server has no monitoring data. `shared`:
 * equal verdicts, messages and params of the servers assessed with it are one object each.
 */
export function assessQuality(
  server: string,
  usage: ServerUsage | null,
  settings: QualitySettings = defaultQualitySettings(),
  shared = new Interner(),
): { quality: DataQuality; findings: Finding[] } {
  const findings: Finding[] = [];
  // The English message is written from the params, which a report in another language says.
  const add = <P extends NonNullable<Finding['params']>>(
    severity: Finding['severity'],
    code: string,
    params: P,
    english: (p: P) => string,
  ) => {
    const said = shared.of({ code, params, message: flatText(english(params)) });
    findings.push({ severity, code, message: said.message, server, params: said.params });
  };
  if (!usage || usage.samples === 0) {
    add(
      'error',
      'missing-performance-data',
      {},
      () => 'no monitoring samples: cannot be sized from measurements (MAP: Unplaced – Missing Performance Data)',
    );
    return {
      quality: {
        score: 0,
        verdict: 'missing',
        sizable: false,
        samples: 0,
        daysCovered: 0,
        coverage: 0,
        longestGapHours: null,
        peakCovered: null,
        missingMetrics: [...USEFUL_METRICS],
        issues: ['missing-performance-data'],
      },
      findings,
    };
  }
  const first = Date.parse(usage.firstTimestamp);
  const last = Date.parse(usage.lastTimestamp);
  const spanS = (last - first) / 1000;
  const interval = usage.intervalSeconds ?? 0;
  const daysCovered = round2((spanS + interval) / DAY_S);
  const expected = interval > 0 ? Math.floor(spanS / interval) + 1 : usage.samples;
  const coverage = Math.min(1, usage.samples / Math.max(expected, 1));
  const longestGapHours = usage.longestGapSeconds !== undefined ? round2(usage.longestGapSeconds / 3600) : null;
  const peakCovered = settings.peak === 'none' ? null : coversPeak(first, last, settings.peak);
  // CPU demand in MHz measures CPU as well as a % does (method §3.7).
  const missingMetrics = USEFUL_METRICS.filter(
    (m) => !usage.metrics[m] && !(m === 'cpuPct' && hasCpuDemand(usage.metrics)),
  );
  let score = 100;
  let sizable = true;
  if (usage.samples < settings.minSamples) {
    sizable = false;
    score = Math.min(score, 20);
    add(
      'error',
      'too-few-samples',
      { samples: usage.samples, minSamples: settings.minSamples },
      (p) => `${p.samples} samples, fewer than the minimum ${p.minSamples}: flagged, not sized`,
    );
  }
  if (daysCovered < settings.minDays) {
    score -= Math.round(40 * (1 - daysCovered / settings.minDays));
    add(
      'warning',
      'short-window',
      { days: daysCovered, minDays: settings.minDays },
      (p) => `monitoring covers ${p.days} days, less than ${p.minDays}`,
    );
  }
  if (coverage < settings.minCoverage) {
    score -= Math.min(30, Math.round((settings.minCoverage - coverage) * 100));
    add(
      'warning',
      'low-coverage',
      { pct: Math.round(coverage * 100), intervalS: interval },
      (p) => `${p.pct} % of the expected samples (every ${p.intervalS} s over the window) are present`,
    );
  }
  if (longestGapHours !== null && longestGapHours > settings.maxGapHours) {
    score -= 15;
    add(
      'warning',
      'long-gap',
      { hours: longestGapHours, maxHours: settings.maxGapHours },
      (p) => `longest gap without samples is ${p.hours} h (more than ${p.maxHours} h)`,
    );
  }
  if (peakCovered === false) {
    score -= 10;
    add(
      'warning',
      'peak-not-covered',
      { from: usage.firstTimestamp, to: usage.lastTimestamp, peak: settings.peak },
      (p) =>
        `the window ${p.from} – ${p.to} does not include a ${p.peak} (busiest days): sized demand may miss the peak`,
    );
  }
  for (const m of missingMetrics) {
    const required = (settings.requiredMetrics as string[]).includes(m);
    score -= required ? 20 : 5;
    add(required ? 'warning' : 'info', 'missing-metric', { metric: m }, (p) => `no ${p.metric} samples`);
  }
  score = Math.max(0, Math.min(100, score));
  const verdict = score >= 80 ? 'good' : score >= 50 ? 'fair' : 'poor';
  const quality: DataQuality = {
    score,
    verdict,
    sizable,
    samples: usage.samples,
    daysCovered,
    coverage: round2(coverage),
    longestGapHours,
    peakCovered,
    missingMetrics,
    issues: [...new Set(findings.map((f) => f.code))],
  };
  return { quality: shared.of(quality), findings };
}

/**
 * Quality of every inventory server (null usage when it has no data) plus the monitored
 * servers missing from the inventory. Returns usage entries with `quality` set, in inventory
 * order then the unknown ones by name.
 */
export function assessAll(
  inventoryNames: string[],
  usage: ServerUsage[],
  settings: QualitySettings = defaultQualitySettings(),
): { quality: Map<string, DataQuality>; findings: Finding[] } {
  const byName = new Map(usage.map((u) => [u.server, u]));
  const quality = new Map<string, DataQuality>();
  const findings: Finding[] = [];
  const known = new Set(inventoryNames);
  const shared = new Interner();
  for (const name of inventoryNames) {
    const r = assessQuality(name, byName.get(name) ?? null, settings, shared);
    quality.set(name, r.quality);
    findings.push(...r.findings);
  }
  for (const u of usage) {
    if (known.has(u.server)) continue;
    findings.push({
      severity: 'warning',
      code: 'unknown-server',
      server: u.server,
      message: `monitoring data for "${u.server}", which is not in the inventory (misspelt name?); ignored`,
      params: { server: u.server, ignored: 'yes' },
    });
  }
  return { quality, findings };
}

/** Does [first, last] include one of the last two days of a month (or of a quarter's last month)? */
export function coversPeak(firstMs: number, lastMs: number, peak: 'month-end' | 'quarter-end'): boolean {
  const day = DAY_S * 1000;
  for (let t = Math.floor(firstMs / day) * day; t <= lastMs; t += day) {
    const d = new Date(t);
    const next2 = new Date(t + 2 * day);
    const monthEnd = next2.getUTCMonth() !== d.getUTCMonth();
    if (monthEnd && (peak === 'month-end' || d.getUTCMonth() % 3 === 2) && t + day > firstMs) return true;
  }
  return false;
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

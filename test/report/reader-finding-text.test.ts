// Reader, ingest and data-quality findings in the report's language: each producer writes its
// English message and params; the Spanish catalogue says the same figures, English keeps the
// message. The quality findings come from assessQuality itself; the readers' from their params.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Finding } from '../../src/domain/finding.ts';
import { assessAll, assessQuality } from '../../src/quality/assess-quality.ts';
import { findingText } from '../../src/report/finding-text.ts';
import { en } from '../../src/report/messages/en.ts';
import { es } from '../../src/report/messages/es.ts';
import { RowIssues } from '../../src/ingest/monitoring/row-issues.ts';
import { usage } from '../sizing/builders.ts';

const gappy = {
  ...usage({ cpuPct: 10 }, 40),
  firstTimestamp: '2010-03-02T00:00:00Z',
  lastTimestamp: '2010-03-05T00:00:00Z',
  intervalSeconds: 3600,
  longestGapSeconds: 30 * 3600,
};
const quality = (code: string) => () => {
  const f = [...assessQuality('srv', gappy).findings, ...assessQuality('srv', null).findings].find(
    (x) => x.code === code,
  );
  assert.ok(f, `assessQuality raises ${code}`);
  return f;
};
const rowIssue = () => {
  const issues = new RowIssues();
  const loc = { file: 'monitoring.csv', row: 12, column: 'cpu_pct' };
  for (let i = 0; i < 3; i++)
    issues.note('cpu-above-100', 'srv', loc, 'CPU % above 100 (first 150); clamped to 100', 'warning', {
      first: '150',
    });
  return issues.findings()[0]!;
};
const reader = (code: string, message: string, params: NonNullable<Finding['params']>) => (): Finding => ({
  severity: 'info',
  code,
  message,
  params,
});

const cases: [string, () => Finding, string, string][] = [
  [
    'missing-performance-data',
    quality('missing-performance-data'),
    'no monitoring samples: cannot be sized from measurements (MAP: Unplaced – Missing Performance Data)',
    'sin muestras de monitoreo: no puede dimensionarse a partir de mediciones (MAP: no ubicado – faltan datos de ' +
      'rendimiento)',
  ],
  [
    'long-gap',
    quality('long-gap'),
    'longest gap without samples is 30 h (more than 24 h)',
    'el hueco más largo sin muestras es de 30 h (más de 24 h)',
  ],
  [
    'short-window',
    quality('short-window'),
    'monitoring covers 3.04 days, less than 7',
    'el monitoreo cubre 3.04 días, menos de 7',
  ],
  [
    'peak-not-covered',
    quality('peak-not-covered'),
    'the window 2010-03-02T00:00:00Z – 2010-03-05T00:00:00Z does not include a month-end (busiest days): sized ' +
      'demand may miss the peak',
    'la ventana 2010-03-02T00:00:00Z – 2010-03-05T00:00:00Z no incluye un cierre de mes (los días de más carga): ' +
      'la demanda dimensionada puede no llegar al pico',
  ],
  ['low-coverage', quality('low-coverage'), '', ''],
  ['missing-metric', quality('missing-metric'), 'no memoryUsedMb samples', 'sin muestras de memoryUsedMb'],
  [
    'unknown-server',
    () => assessAll([], [usage({ cpuPct: 1 }, 10, 'fantasma')]).findings[0]!,
    'monitoring data for "fantasma", which is not in the inventory (misspelt name?); ignored',
    'datos de monitoreo de "fantasma", que no está en el inventario (¿nombre mal escrito?); se ignoran',
  ],
  [
    'cpu-above-100',
    rowIssue,
    'CPU % above 100 (first 150); clamped to 100; 3 rows',
    'CPU % por encima de 100 (el primero, 150); se recorta a 100; 3 filas',
  ],
  [
    'rvtools-tab-missing',
    reader('rvtools-tab-missing', 'no vDisk tab: disk size from vInfo Provisioned/Total disk capacity', {
      tab: 'vDisk',
    }),
    'no vDisk tab: disk size from vInfo Provisioned/Total disk capacity',
    'sin pestaña vDisk: tamaño del disco tomado de Provisioned/Total disk capacity de vInfo',
  ],
  [
    'rvtools-duplicate-vm',
    reader('rvtools-duplicate-vm', 'VM name "web" also on row 3 (another vCenter?); this row is ignored', {
      name: 'web',
      firstRow: 3,
    }),
    'VM name "web" also on row 3 (another vCenter?); this row is ignored',
    'el nombre de VM "web" también está en la fila 3 (¿otro vCenter?); se ignora esta fila',
  ],
  [
    'rvtools-powered-off',
    reader('rvtools-powered-off', '2 powered-off VM(s) included (they have no recent performance data)', { vms: 2 }),
    '2 powered-off VM(s) included (they have no recent performance data)',
    'se incluyen 2 VM apagadas (no tienen datos de rendimiento recientes)',
  ],
  [
    'duplicate-timestamps',
    reader('duplicate-timestamps', '4 samples repeat an earlier timestamp (overlapping exports?)', { samples: 4 }),
    '4 samples repeat an earlier timestamp (overlapping exports?)',
    '4 muestras repiten una marca de tiempo anterior (¿exportaciones superpuestas?)',
  ],
  [
    'timezone-unknown (nmon)',
    reader(
      'timezone-unknown',
      'nmon timestamps are local time without a zone; read as UTC (set the offset to correct)',
      {
        format: 'nmon',
      },
    ),
    'nmon timestamps are local time without a zone; read as UTC (set the offset to correct)',
    'las marcas de tiempo de nmon son hora local sin zona; se leen como UTC (indique el desfase para corregirlo)',
  ],
];

for (const [name, make, english, spanish] of cases) {
  test(`reader finding text: ${name}`, () => {
    const f = make();
    assert.ok(f.params, `${name} carries params`);
    if (english) assert.equal(f.message, english);
    assert.equal(findingText(f, en), f.message);
    const said = findingText(f, es);
    assert.notEqual(said, f.message, `${name} is said in Spanish`);
    if (spanish) assert.equal(said, spanish);
  });
}

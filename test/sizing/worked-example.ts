// The worked example's figures as the source states them (method §2.1–§2.3): the
// oracle of the sizing tests, written out independently of the fixture generator so a typo in
// one is caught by the other.

export interface ExampleRow {
  vmName: string;
  nics: number;
  /** Table 2.6: CPU %, memory MB and disk GB after +50 % growth, network MB/s. */
  cpuPct: number;
  memoryMb: number;
  diskGb: number;
  networkMBps: number;
  /** Table 2.7. */
  vm: { vcpu: number; memoryGb: number; diskGb: number; nics: number };
}

const row = (
  vmName: string,
  nics: number,
  t26: [number, number, number, number],
  t27: [number, number, number],
): ExampleRow => ({
  vmName,
  nics,
  cpuPct: t26[0],
  memoryMb: t26[1],
  diskGb: t26[2],
  networkMBps: t26[3],
  vm: { vcpu: t27[0], memoryGb: t27[1], diskGb: t27[2], nics },
});

export const EXAMPLE: ExampleRow[] = [
  row('nomina', 1, [31.69, 3528.44, 96.92, 228.77], [2, 4, 100]),
  row('web', 2, [28.38, 2743.8, 48.39, 1059.72], [2, 3, 50]),
  row('base-datos', 1, [39.84, 3618.58, 87.06, 651.27], [2, 4, 90]),
  row('archivos', 1, [23.66, 789.11, 71.81, 359.29], [1, 1, 75]),
  row('vpn', 2, [22.15, 611.93, 37.32, 605.28], [1, 1, 40]),
  row('negocio-1', 1, [34.69, 3838.91, 115.41, 418.29], [2, 4, 120]),
  row('negocio-2', 1, [37.91, 3872.7, 36.39, 546.71], [2, 4, 40]),
  row('intranet', 1, [34.04, 3643.41, 41.61, 443.76], [2, 4, 45]),
  row('propietario-1', 1, [23.85, 2221.05, 36.39, 307.02], [1, 3, 40]),
  row('propietario-2', 1, [24.42, 2754.39, 70.4, 497.39], [1, 3, 75]),
];

/** The source's growth on memory and disk: measured = table 2.6 / 1.5 (method §2.2). */
export const GROWTH_FACTOR = 1.5;

// How the client's files are written, when detection should not decide (capplan.yaml
// `inputs.timezone`, `inputs.csv`, `inputs.columns`; docs/inputs.md "Files as clients save
// them"). Every field is optional: what is not set is detected from the file and printed.
import { z } from 'zod';

/** capplan's inventory columns (docs/inputs.md), in servers.csv order. */
export const INVENTORY_COLUMNS = [
  'name',
  'vm_name',
  'os',
  'os_bits',
  'sockets',
  'cores_per_socket',
  'cpu_model',
  'cpu_ghz',
  'memory_mb',
  'disk_gb',
  'nics',
  'nic_gbps',
  'application',
  'special_hardware',
  'ha_priority',
] as const;
export type InventoryColumn = (typeof INVENTORY_COLUMNS)[number];

/** Metric columns of the long format, in METRIC_NAMES order (docs/inputs.md). */
export const LONG_METRIC_COLUMNS = [
  'cpu_pct',
  'memory_used_mb',
  'disk_used_gb',
  'network_mb_per_s',
  'iops',
  'cpu_mhz',
] as const;

/** capplan's long monitoring columns (docs/inputs.md). */
export const MONITORING_COLUMNS = ['timestamp', 'server', ...LONG_METRIC_COLUMNS] as const;

const DATE_FORMATS = ['iso', 'dd/mm/yyyy', 'mm/dd/yyyy', 'yyyy/mm/dd', 'epoch-s', 'epoch-ms'] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

/** A time zone Intl knows (IANA name such as America/Mexico_City, or UTC). */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const csvSettingsSchema = z
  .strictObject({
    delimiter: z
      .enum([',', ';', '\t', '|', 'tab'])
      .optional()
      .describe('Field delimiter: "," ";" "|" or tab ("\\t" or "tab"); default: detected from the header.'),
    decimal: z.enum(['.', ',']).optional().describe('Decimal separator; default: detected from the values.'),
    thousands: z
      .enum(['none', ',', '.', ' ', "'"])
      .optional()
      .describe('Thousands separator ("none" for none); default: detected from the values.'),
    dateFormat: z
      .enum(DATE_FORMATS)
      .optional()
      .describe('Date order of timestamps; default: detected (a day above 12 settles dd/mm against mm/dd).'),
    encoding: z
      .string()
      .optional()
      .describe('Text encoding (utf-8, utf-16le, windows-1252 …); default: BOM, then UTF-8, then windows-1252.'),
  })
  .describe('How the client saved delimited text, where detection should not decide.');
export type CsvSettings = z.output<typeof csvSettingsSchema>;

const columnMap = (names: readonly string[]) =>
  z.record(z.string(), z.string().min(1)).refine((m) => Object.keys(m).every((k) => names.includes(k)), {
    message: `keys must be capplan columns: ${names.join(', ')}`,
  });

export const columnsSettingsSchema = z
  .strictObject({
    inventory: columnMap(INVENTORY_COLUMNS)
      .optional()
      .describe('capplan inventory column ← the header in the client file, e.g. { memory_mb: "Memoria (MB)" }.'),
    monitoring: columnMap(MONITORING_COLUMNS)
      .optional()
      .describe('capplan monitoring column ← the header in the client file, e.g. { server: "Equipo" }.'),
  })
  .describe('Explicit column map, when header synonyms do not find a column.');
export type ColumnsSettings = z.output<typeof columnsSettingsSchema>;

/** The fields of capplan.yaml `inputs` that say how files are written (spread into the inputs schema). */
export const inputFormatFields = {
  timezone: z
    .string()
    .refine(isTimeZone, 'expected an IANA time zone such as America/Mexico_City')
    .optional()
    .describe('Time zone of local timestamps that carry no offset (IANA name, daylight saving applied).'),
  csv: csvSettingsSchema.optional(),
  columns: columnsSettingsSchema.optional(),
};

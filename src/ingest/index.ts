// Public entry points of the ingest layer (the readers). Everything else is internal.
export {
  readInventoryCsv,
  parseInventoryCsv,
  INVENTORY_COLUMNS,
  INVENTORY_SYNONYMS,
  type InventoryCsvOptions,
} from './inventory-csv.ts';
export { readInventory, type InventoryRead } from './read-inventory.ts';
export { readCatalog, parseCatalog, catalogSchema, hostModelSchema } from '../domain/catalog.ts';
export {
  readMonitoring,
  type MonitoringOptions,
  type MonitoringResult,
  type MonitoringFileReport,
} from './monitoring/read-monitoring.ts';
export { MONITORING_FORMATS, type MonitoringFormat } from './monitoring/formats/context.ts';
export { percentileOfSorted } from './monitoring/percentile.ts';
export { ingestSources, type IngestOptions, type IngestResult } from './ingest-sources.ts';
export { slugify, guardFormula } from './cells.ts';
export {
  assessQuality,
  assessAll,
  qualitySettingsSchema,
  defaultQualitySettings,
  type QualitySettings,
} from '../quality/assess-quality.ts';

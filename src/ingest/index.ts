// Public entry points of the ingest layer (the readers). Everything else is internal.
export { readInventoryCsv, parseInventoryCsv, INVENTORY_COLUMNS } from './inventory-csv.ts';
export { readCatalog, parseCatalog, catalogSchema, hostModelSchema } from './catalog.ts';
export { readMonitoring, type MonitoringOptions, type MonitoringResult } from './monitoring/read-monitoring.ts';
export { percentileOfSorted } from './monitoring/percentile.ts';
export { slugify } from './cells.ts';

import { readInventoryCsv } from "./inventory-csv.js";
import { isRvToolsCsvFolder, readRvToolsCsvFolder, readRvToolsXlsx } from "./rvtools/tables.js";
import { rvToolsInventory } from "./rvtools/rvtools.js";
export async function readInventory(file, opts = {}) {
    if (/\.xlsx$/i.test(file) || (await isRvToolsCsvFolder(file))) {
        const csv = !/\.xlsx$/i.test(file);
        const tables = csv ? await readRvToolsCsvFolder(file, opts.encoding) : await readRvToolsXlsx(file);
        const r = rvToolsInventory(tables, opts);
        return { servers: r.servers, findings: r.findings, format: csv ? 'rvtools-csv' : 'rvtools' };
    }
    return { servers: await readInventoryCsv(file, opts), findings: [], format: 'inventory' };
}

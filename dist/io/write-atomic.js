// The only place capplan writes files. Every file is written to a temporary name beside its
// target and renamed over it, so a reader never sees half a file; a set of outputs is
// rendered completely in memory before the first one is written (nothing half written).
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
export async function writeFileAtomic(file, data, mode) {
    await mkdir(path.dirname(file), { recursive: true });
    const tmp = `${file}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`;
    try {
        await writeFile(tmp, data, mode === undefined ? undefined : { mode });
        await rename(tmp, file);
    }
    catch (err) {
        await rm(tmp, { force: true });
        throw err;
    }
}
/** Writes several files, each atomically, after all of them were rendered. */
export async function writeFilesAtomic(dir, files) {
    const written = [];
    for (const f of files) {
        const target = path.join(dir, f.name);
        await writeFileAtomic(target, f.data, f.mode);
        written.push(target);
    }
    return written;
}

// The only place capplan writes files. Every file is written to a temporary name beside its
// target, flushed to disk and renamed over it, so a reader never sees half a file, nor an
// empty one after a power loss. A set of outputs is rendered completely in memory, every file
// of it written and flushed before the first rename (text given as chunks is made while it is
// written, so a large document is never held whole), and the folder is locked for the run, so
// two runs into one folder do not interleave. A folder that cannot be written (read-only,
// full, not a folder) is bad input (exit 2) that names the file, never an internal error.
import { access, mkdir, open, readFile, rename, rm, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '../domain/errors.ts';
import { type FileData, isTextChunks } from '../domain/file-data.ts';

const LOCK = '.capplan-writing';

function cannotWrite(file: string, err: unknown): InputError {
  const code = (err as NodeJS.ErrnoException).code ?? '';
  const why: Record<string, string> = {
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EROFS: 'read-only file system',
    ENOSPC: 'no space left on the device',
    EDQUOT: 'disk quota exceeded',
    ENOTDIR: 'a part of the path is a file, not a folder',
    EEXIST: 'a part of the path is a file, not a folder',
    EISDIR: 'it is a folder',
  };
  return new InputError(`cannot write: ${why[code] ?? (err as Error).message}`, { file });
}

async function mkdirFor(file: string): Promise<void> {
  const dir = path.dirname(file);
  try {
    await mkdir(dir, { recursive: true });
  } catch (err) {
    throw cannotWrite(file, await mkdirCause(dir, err));
  }
}

/**
 * Node's recursive mkdir reports ENOENT for a folder it could not create on a read-only file
 * system; creating the first missing folder alone gives the real cause (EROFS, EACCES).
 */
async function mkdirCause(dir: string, err: unknown): Promise<unknown> {
  if ((err as NodeJS.ErrnoException).code !== 'ENOENT') return err;
  let missing = dir;
  while (path.dirname(missing) !== missing && !(await exists(path.dirname(missing)))) missing = path.dirname(missing);
  return mkdir(missing).then(
    () => err,
    (cause: unknown) => cause,
  );
}

const exists = (p: string) =>
  access(p).then(
    () => true,
    () => false,
  );

/** Bytes gathered before a write: a 100 MB result in a hundred writes, not thousands of chunks' worth. */
const WRITE_BYTES = 1 << 20;

/** Writes `bytes[0, end)` whole: write(2) may take fewer bytes than given; writeFile loops, write does not. */
async function writeAll(fh: FileHandle, bytes: Buffer, end: number): Promise<void> {
  for (let at = 0; at < end; ) at += (await fh.write(bytes, at, end - at)).bytesWritten;
}

/**
 * Writes `data` to an open file: chunks encoded one after the other into one reused buffer,
 * written each time it fills (a chunk too large for it goes on its own).
 */
async function writeData(fh: FileHandle, data: FileData): Promise<void> {
  if (!isTextChunks(data)) return fh.writeFile(data);
  const buf = Buffer.allocUnsafe(WRITE_BYTES);
  let used = 0;
  for (const chunk of data.chunks()) {
    // UTF-8 takes at most 3 bytes per UTF-16 unit: room for that, or the buffer is written first.
    if (3 * chunk.length > buf.length - used) {
      await writeAll(fh, buf, used);
      used = 0;
      if (3 * chunk.length > buf.length) {
        const bytes = Buffer.from(chunk, 'utf8');
        await writeAll(fh, bytes, bytes.length);
        continue;
      }
    }
    used += buf.write(chunk, used, 'utf8');
  }
  await writeAll(fh, buf, used);
}

/** Writes and flushes `data` to a temporary file beside `file`; returns its name. */
async function writeTemp(file: string, data: FileData, mode?: number): Promise<string> {
  const tmp = `${file}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`;
  try {
    const fh = await open(tmp, 'wx', mode);
    try {
      await writeData(fh, data);
      await fh.sync();
    } finally {
      await fh.close();
    }
    return tmp;
  } catch (err) {
    await rm(tmp, { force: true });
    throw cannotWrite(file, err);
  }
}

export async function writeFileAtomic(file: string, data: FileData, mode?: number): Promise<void> {
  await mkdirFor(file);
  const tmp = await writeTemp(file, data, mode);
  await rename(tmp, file).catch(async (err: unknown) => {
    await rm(tmp, { force: true });
    throw cannotWrite(file, err);
  });
}

/** True when the process that wrote the lock is gone (a killed run): the lock may be taken. */
async function stale(lock: string): Promise<boolean> {
  const pid = Number((await readFile(lock, 'utf8').catch(() => '')).trim());
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/** The folder's lock, holding this process's id; a stale one (its run was killed) is taken over. */
async function takeLock(lock: string, dir: string): Promise<FileHandle> {
  for (let attempt = 0; ; attempt++) {
    try {
      const fh = await open(lock, 'wx');
      await fh.writeFile(`${process.pid}\n`);
      return fh;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw cannotWrite(lock, err);
      if (attempt > 0 || !(await stale(lock)))
        throw new InputError('another capplan run is writing into this folder', { file: dir });
      await rm(lock, { force: true });
    }
  }
}

/**
 * Writes several files after all of them were rendered: all are written and flushed to
 * temporary names first (a full disk leaves none of them), then renamed in one quick pass.
 */
export async function writeFilesAtomic(
  dir: string,
  files: { name: string; data: FileData; mode?: number }[],
): Promise<string[]> {
  const lock = path.join(dir, LOCK);
  await mkdirFor(lock);
  const held = await takeLock(lock, dir);
  const temps: { tmp: string; target: string }[] = [];
  try {
    for (const f of files) {
      const target = path.join(dir, f.name);
      await mkdirFor(target);
      temps.push({ tmp: await writeTemp(target, f.data, f.mode), target });
    }
    for (const t of temps) {
      await rename(t.tmp, t.target).catch((err: unknown) => {
        throw cannotWrite(t.target, err);
      });
      t.tmp = '';
    }
    return temps.map((t) => t.target);
  } finally {
    await Promise.all(temps.filter((t) => t.tmp).map((t) => rm(t.tmp, { force: true })));
    await held.close();
    await rm(lock, { force: true });
  }
}

// Reading a client's text file into a string: BOM sniffing (UTF-8, UTF-16 LE/BE), NUL-byte
// sniffing for BOM-less UTF-16, UTF-8 validation with a Windows-1252 fallback (perfmon logs
// are written in the collector's ANSI code page, samples/perfmon/README.md), and an explicit
// override (`--encoding`). Decoding through TextDecoder (ICU, built into Node) avoids a
// dependency: it knows utf-8, utf-16le/be and the windows-125x code pages.
import { constants, isUtf8 } from 'node:buffer';
import { readRegularFile } from '../domain/load-file.ts';
import { InputError } from '../domain/errors.ts';
import type { ReadBuffer } from './read-buffer.ts';

const MAX_TEXT_FILE_BYTES = constants.MAX_LENGTH;

export interface DecodedText {
  text: string;
  /** The encoding used, as TextDecoder names it (e.g. `utf-8`, `utf-16le`, `windows-1252`). */
  encoding: string;
  /** How the encoding was chosen. */
  how: 'bom' | 'override' | 'sniffed' | 'default';
}

/** The text of a file; read into `scratch` when given (a reader of many files of one kind). */
export async function readTextFile(file: string, encoding?: string, scratch?: ReadBuffer): Promise<DecodedText> {
  // A regular file of at most what one Buffer holds, opened once without blocking: a FIFO or a
  // device (`/dev/zero`) named as an input is refused instead of hanging or filling memory.
  if (!scratch) return decodeText(await readRegularFile(file, MAX_TEXT_FILE_BYTES), file, encoding);
  const bytes = await readRegularFile(file, MAX_TEXT_FILE_BYTES, (size) => scratch.take(size));
  try {
    return decodeText(bytes, file, encoding);
  } finally {
    scratch.release(bytes);
  }
}

export function decodeText(bytes: Uint8Array, file: string, encoding?: string): DecodedText {
  if (encoding)
    return {
      text: decodeWith(bytes, normaliseEncoding(encoding, file), file, true),
      encoding: normaliseEncoding(encoding, file),
      how: 'override',
    };
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: decodeWith(bytes.subarray(3), 'utf-8', file, false), encoding: 'utf-8', how: 'bom' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: decodeWith(bytes.subarray(2), 'utf-16le', file, false), encoding: 'utf-16le', how: 'bom' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: decodeWith(bytes.subarray(2), 'utf-16be', file, false), encoding: 'utf-16be', how: 'bom' };
  const sniffed = sniffUtf16(bytes);
  if (sniffed) return { text: decodeWith(bytes, sniffed, file, false), encoding: sniffed, how: 'sniffed' };
  // buffer.isUtf8 and Buffer#toString validate and decode with simdutf: several times faster
  // than a fatal TextDecoder (1.6 s of 8.8 s for 100 Bitbrains traces, 97 MB).
  if (isUtf8(bytes)) {
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
    return { text, encoding: 'utf-8', how: 'default' };
  }
  // Not valid UTF-8: the Windows ANSI code page of western locales is the usual culprit —
  // unless the file also holds well-formed UTF-8 sequences (`ó` as C3 B3), which a
  // Windows-1252 text almost never does: then it is UTF-8 with a damaged byte, and decoding
  // it all as Windows-1252 would garble every other accent.
  const bad = firstInvalidUtf8(bytes);
  if (bad.validMultiByte)
    throw new InputError(
      `byte 0x${bytes[bad.at]!.toString(16).toUpperCase().padStart(2, '0')} is not UTF-8, though the rest of the ` +
        'file is: fix that byte or name the encoding (inputs.csv.encoding, --encoding)',
      { file, row: lineOf(bytes, bad.at) },
    );
  return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252', how: 'sniffed' };
}

/** Offset of the first byte that breaks UTF-8, and whether a well-formed multi-byte sequence came before or after. */
function firstInvalidUtf8(bytes: Uint8Array): { at: number; validMultiByte: boolean } {
  let at = -1;
  let validMultiByte = false;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    const len = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    let ok = len > 0 && i + len <= bytes.length;
    for (let k = 1; ok && k < len; k++) ok = (bytes[i + k]! & 0xc0) === 0x80;
    if (ok && len > 1) validMultiByte = true;
    if (!ok && at < 0) at = i;
    if (validMultiByte && at >= 0) break;
    i += ok ? len : 1;
  }
  return { at: Math.max(at, 0), validMultiByte };
}

function lineOf(bytes: Uint8Array, at: number): number {
  let line = 1;
  for (let i = 0; i < at; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** ASCII text in UTF-16 has a NUL in every other byte; look at the first 512 bytes. */
function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(bytes.length, 512) & ~1;
  if (n < 4) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul > pairs * 0.4 && evenNul === 0) return 'utf-16le';
  if (evenNul > pairs * 0.4 && oddNul === 0) return 'utf-16be';
  return undefined;
}

function normaliseEncoding(encoding: string, file: string): string {
  const e = encoding
    .trim()
    .toLowerCase()
    .replace(/^cp-?(\d+)$/, 'windows-$1')
    .replace(/^utf16/, 'utf-16')
    .replace(/^utf8$/, 'utf-8');
  try {
    return new TextDecoder(e).encoding;
  } catch {
    throw new InputError(`unknown encoding "${encoding}" (try utf-8, utf-16le, windows-1252, windows-1251)`, { file });
  }
}

function decodeWith(bytes: Uint8Array, encoding: string, file: string, stripBom: boolean): string {
  try {
    const text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
    return stripBom && text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    throw new InputError(`bytes are not valid ${encoding} (use --encoding to name the file's encoding)`, { file });
  }
}

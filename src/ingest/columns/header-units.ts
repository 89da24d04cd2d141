// A client's header split into what it names and the unit it states: `Memoria (MB)` →
// { key: "memoria", unit: MB }, `RAM GB` → { key: "ram", unit: GB }, `% CPU` → { key: "cpu",
// unit: % }. Case, accents, spaces and punctuation do not matter (docs/inputs.md "Columns by
// meaning"). Binary prefixes throughout (1 GB = 1024 MB), as memory_mb and RVTools' MiB.

export type UnitFamily = 'bytes' | 'rate' | 'bitrate' | 'hz' | 'pct';

export interface Unit {
  family: UnitFamily;
  /** As written, for the summary (`GB`, `Mbps`). */
  label: string;
  /** Size of one unit in the family's base: MB (bytes), MB/s (rate), Mbit/s (bitrate), MHz (hz), % (pct). */
  scale: number;
}

export interface HeaderKey {
  key: string;
  unit: Unit | null;
}

const BYTES: Record<string, number> = { b: 1 / 1048576, kb: 1 / 1024, mb: 1, gb: 1024, tb: 1048576 };
const BITS: Record<string, number> = { kbps: 1 / 1000, mbps: 1, gbps: 1000 };
const HZ: Record<string, number> = { mhz: 1, ghz: 1000 };

/** Lower case, accents dropped, `_`/`-` as spaces. */
export function foldHeader(h: string): string {
  return h
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/^\ufeff/, '')
    .trim();
}

/** The words of a header with its unit taken out. */
export function headerKey(header: string): HeaderKey {
  let s = ` ${foldHeader(header).replace(/[_-]+/g, ' ')} `;
  let unit: Unit | null = null;
  const take = (re: RegExp, make: (m: RegExpExecArray) => Unit | null) => {
    if (unit) return;
    const m = re.exec(s);
    if (!m) return;
    const u = make(m);
    if (!u) return;
    unit = u;
    s = `${s.slice(0, m.index)} ${s.slice(m.index + m[0].length)}`;
  };
  const bytes = (p: string) => BYTES[p.replace('i', '')];
  // Rates first: "MB/s" and "MB per s" before "MB".
  take(/[\s([]([kmgt]?i?b)\s*(?:\/\s*s(?:ec)?|per\s*s(?:ec|econd)?|ps)[\s)\]]/, (m) => {
    const p = m[1]!;
    if (/^[kmgt]?b$/.test(p) && p !== 'b' && /ps/.test(m[0]) && !/\//.test(m[0]) && !/per/.test(m[0])) return null;
    const scale = bytes(p);
    return scale === undefined ? null : { family: 'rate', label: `${p.toUpperCase()}/s`, scale };
  });
  take(/[\s([]([kmg]bps|[kmg]bit\s*\/\s*s)[\s)\]]/, (m) => {
    const p = m[1]!.replace(/bit\s*\/\s*s/, 'bps');
    return { family: 'bitrate', label: p.replace(/^./, (c) => c.toUpperCase()), scale: BITS[p]! };
  });
  take(/[\s([]([kmgt]i?b|bytes)[\s)\]]/, (m) => {
    const p = m[1] === 'bytes' ? 'b' : m[1]!;
    return { family: 'bytes', label: m[1]!.toUpperCase(), scale: bytes(p)! };
  });
  take(/[\s([]([mg]hz)[\s)\]]/, (m) => ({ family: 'hz', label: m[1] === 'ghz' ? 'GHz' : 'MHz', scale: HZ[m[1]!]! }));
  take(/(%|[\s([](?:pct|percent|porcentaje)[\s)\]])/, () => ({ family: 'pct', label: '%', scale: 1 }));
  const key = s
    .replace(/[^a-z0-9#]+/g, ' ')
    .trim()
    .replace(/\s+/g, ' ');
  return { key, unit };
}

// Reads libosinfo's osinfo-db (Debian/RHEL package osinfo-db: /usr/share/osinfo, or
// $OSINFO_SYSTEM_DIR as libosinfo itself honours) with a real XML parser (xmlbuilder2): every
// os/<vendor>/*.xml, plus the driver lists of os/<vendor>/<os>.d/*.xml. Format:
// https://gitlab.com/libosinfo/osinfo-db (data/schema/osinfo.rng.in). null when not installed.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { create } from 'xmlbuilder2';
import type { OsInfoDb, OsInfoEntry } from '../../domain/osinfo.ts';

interface Node {
  nodeName: string;
  nodeType: number;
  textContent: string | null;
  childNodes: ArrayLike<Node>;
  getAttribute(name: string): string | null;
}

const ELEMENT = 1;

function children(node: Node, name?: string): Node[] {
  const out: Node[] = [];
  for (let i = 0; i < node.childNodes.length; i++) {
    const c = node.childNodes[i]!;
    if (c.nodeType === ELEMENT && (name === undefined || c.nodeName === name)) out.push(c);
  }
  return out;
}

const text = (n: Node | undefined) => n?.textContent?.trim() ?? null;
/** The untranslated <name> (no xml:lang). */
const plainName = (os: Node) => text(children(os, 'name').find((n) => !n.getAttribute('xml:lang')));

function parse(file: string): Node {
  return create(readFileSync(file, 'utf8')).root().node as unknown as Node;
}

function xmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((e) => {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) return xmlFiles(p);
      return e.name.endsWith('.xml') ? [p] : [];
    });
}

function deviceIds(parent: Node): string[] {
  return children(parent, 'device')
    .filter((d) => d.getAttribute('supported') !== 'false')
    .map((d) => d.getAttribute('id'))
    .filter((id): id is string => id !== null);
}

function entryOf(os: Node): OsInfoEntry {
  const fw = children(os, 'firmware').filter((f) => (f.getAttribute('arch') ?? 'x86_64') === 'x86_64');
  return {
    id: os.getAttribute('id') ?? '',
    shortIds: children(os, 'short-id').map((n) => text(n)!),
    name: plainName(os) ?? '',
    family: text(children(os, 'family')[0]),
    releaseDate: text(children(os, 'release-date')[0]),
    // libosinfo follows both relations for an OS's devices: a CentOS <clones> its RHEL.
    derivesFrom: [...children(os, 'derives-from'), ...children(os, 'clones')].map((n) => n.getAttribute('id')!),
    devices: children(os, 'devices').flatMap(deviceIds),
    driverDevices: children(os, 'driver').flatMap(deviceIds),
    firmware: {
      efi: fw.some((f) => f.getAttribute('type') === 'efi' && f.getAttribute('supported') !== 'false'),
      biosUnsupported: fw.some((f) => f.getAttribute('type') === 'bios' && f.getAttribute('supported') === 'false'),
    },
  };
}

export function osInfoDir(): string {
  return process.env.OSINFO_SYSTEM_DIR ?? '/usr/share/osinfo';
}

export function readOsInfoDb(dir = osInfoDir()): OsInfoDb | null {
  const osDir = path.join(dir, 'os');
  if (!existsSync(osDir)) return null;
  const byId = new Map<string, OsInfoEntry>();
  const drivers = new Map<string, string[]>();
  for (const file of xmlFiles(osDir)) {
    for (const os of children(parse(file), 'os')) {
      const id = os.getAttribute('id');
      if (!id) continue;
      // A <os>.d/ file adds drivers (or media) to an OS defined in its own file.
      if (path.basename(path.dirname(file)).endsWith('.d')) {
        drivers.set(id, [...(drivers.get(id) ?? []), ...children(os, 'driver').flatMap(deviceIds)]);
        continue;
      }
      byId.set(id, entryOf(os));
    }
  }
  for (const [id, devices] of drivers) {
    const e = byId.get(id);
    if (e) e.driverDevices = [...new Set([...e.driverDevices, ...devices])];
  }
  const versionFile = path.join(dir, 'VERSION');
  const version = existsSync(versionFile) ? readFileSync(versionFile, 'utf8').trim() : 'unknown';
  return { source: 'osinfo-db', version, entries: [...byId.values()] };
}

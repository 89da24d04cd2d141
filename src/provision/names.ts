// Names from the plan are client data: they reach XML (escaped by the XML library), shell and
// virsh command lines (quoted by escape/shell.ts) and file names (slugged here). What none of
// those can carry safely is refused up front with the plan location.
import { createHash } from 'node:crypto';
import { InputError } from '../domain/errors.ts';

/**
 * libvirt refuses "/" in object names (virXMLCheckIllegalChars, domain_conf.c); control
 * characters would break the one-command-per-line virsh session.
 */
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u001f\u007f/]/;

export function checkObjectName(name: string, location: { file: string; column: string }): void {
  if (name.length === 0 || name.trim() !== name || FORBIDDEN.test(name)) {
    throw new InputError(
      `name ${JSON.stringify(name)} cannot be a libvirt object name (empty, leading/trailing space, "/" or a ` +
        `control character)`,
      location,
    );
  }
}

const SLUG_SAFE = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/**
 * A file-system and virsh-table safe name for `name`. Safe names stay as they are; others
 * become their safe characters plus 8 hex digits of their SHA-256, so two names never share
 * a slug (e.g. `we'ird vm` → `we_ird_vm-1a2b3c4d`).
 */
export function slug(name: string): string {
  if (SLUG_SAFE.test(name) && name.length <= 64) return name;
  return hashedSlug(name);
}

function hashedSlug(name: string): string {
  const base = name
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .replace(/^[._-]+/, '')
    .slice(0, 48);
  const digest = createHash('sha256').update(name, 'utf8').digest('hex').slice(0, 8);
  return base ? `${base}-${digest}` : digest;
}

/**
 * The slug of each of `names` such that no two share one, even on a case-insensitive file
 * system or storage pool: a VM named `a b` slugs to `a_b-c8687a08`, which is also a valid
 * name of its own, and `WEB` and `web` are one file on such a system. Names whose slugs meet
 * (compared case-insensitively) all take the hashed form, whose digest tells them apart; the
 * result depends on the set of names only, not on their order.
 */
export function uniqueSlugs(names: string[]): Map<string, string> {
  const out = new Map<string, string>();
  const byKey = new Map<string, string[]>();
  for (const name of new Set(names)) {
    const key = slug(name).toLowerCase();
    byKey.set(key, [...(byKey.get(key) ?? []), name]);
  }
  for (const group of byKey.values()) {
    for (const name of group) out.set(name, group.length === 1 ? slug(name) : hashedSlug(name));
  }
  const seen = new Map<string, string>();
  for (const [name, s] of [...out].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const other = seen.get(s.toLowerCase());
    if (other !== undefined)
      throw new InputError(`names ${JSON.stringify(other)} and ${JSON.stringify(name)} give one file name ${s}`, {
        file: 'plan.json',
      });
    seen.set(s.toLowerCase(), name);
  }
  return out;
}

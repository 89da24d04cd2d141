// The scenarios of a project (docs/inputs.md, "Scenarios"): each one's overrides merged into
// the project as written and validated by the project's own schema, so an override obeys every
// rule its setting has and a mistake names its path in the scenario
// (`capplan.yaml:41: scenarios[1].cluster.redundancy: expected number`). The profile's defaults
// are filled in after the merge, so a scenario that changes hypervisor.profile gets that
// profile's limits. Every scenario plans the data the project reads once, so the settings that
// choose or judge the data (inputs other than the catalog, quality, sizing.minSamples) stay the
// project's.
import type { Document, LineCounter } from 'yaml';
import { ConfigError } from './errors.ts';
import { formatPath, lineOf } from './load-file.ts';
import type { z } from 'zod';

export interface Scenario<Settings> {
  name: string;
  description: string | null;
  /** Folder name under <out>/scenarios/: the name as a slug, unique in the project. */
  slug: string;
  settings: Settings;
}

const MAX_SLUG_CHARS = 60;
const WINDOWS_DEVICES = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/;

/**
 * Client text as one folder name: "N+2 / Dell R710" becomes `n-2-dell-r710`. Only lowercase
 * ASCII letters, digits and inner hyphens survive, so the name cannot climb out of its folder
 * (`..`, `/`, `\`), hide (leading dot), break a shell word or be a Windows device name (CON,
 * NUL, COM1 …); `fallback` when nothing readable is left.
 */
export function folderSlug(text: string, fallback: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, MAX_SLUG_CHARS)
    .replace(/^-+|-+$/g, '');
  if (slug === '') return fallback;
  return WINDOWS_DEVICES.test(slug) ? `${slug}-1` : slug;
}

type Raw = Record<string, unknown>;
type Issue = { path: (string | number)[]; message: string };

const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);

const DATA_MESSAGE = 'every scenario plans the project’s data: set this in the project, not in a scenario';

/**
 * Objects merge key by key, anything else (a list, a number, null) replaces. Keys are defined,
 * never assigned, so a `__proto__` key stays a key the strict schema reports as unknown.
 */
export function mergeOverrides(base: unknown, over: unknown): unknown {
  if (!isObject(base) || !isObject(over)) return over;
  const out: Raw = {};
  const put = (k: string, v: unknown) =>
    Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
  for (const k of Object.keys(base)) put(k, base[k]);
  for (const k of Object.keys(over)) put(k, Object.hasOwn(base, k) ? mergeOverrides(base[k], over[k]) : over[k]);
  return out;
}

/** Overrides of settings that would change what is read (and so need a second ingest). */
function dataOverrides(over: Raw): Issue[] {
  const issues: Issue[] = [];
  for (const key of ['project', 'scenarios', 'quality'])
    if (Object.hasOwn(over, key)) issues.push({ path: [key], message: DATA_MESSAGE });
  if (isObject(over.inputs))
    for (const key of Object.keys(over.inputs))
      if (key !== 'catalog') issues.push({ path: ['inputs', key], message: DATA_MESSAGE });
  if (isObject(over.sizing) && Object.hasOwn(over.sizing, 'minSamples'))
    issues.push({ path: ['sizing', 'minSamples'], message: DATA_MESSAGE });
  return issues;
}

/** The project's schema, and a check of the merged settings beyond it (a message and its path, or null). */
interface Validation<S> {
  schema: z.ZodType<S>;
  check: (settings: S) => Issue | null;
}

function settingsOf<S>(v: Validation<S>, base: Raw, over: Raw): { settings?: S; issues: Issue[] } {
  const issues = dataOverrides(over);
  const result = v.schema.safeParse(mergeOverrides(base, over));
  if (!result.success) {
    for (const issue of result.error.issues) {
      const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
      if (issue.code === 'unrecognized_keys')
        for (const key of issue.keys) issues.push({ path: [...path, key], message: 'unknown setting' });
      else issues.push({ path, message: issue.message });
    }
    return { issues };
  }
  const problem = v.check(result.data);
  if (problem) issues.push(problem);
  return { settings: result.data, issues };
}

/**
 * The project's scenarios from the file as parsed (`raw`, already valid as a project), in
 * their order; a ConfigError listing every bad override with its line. The schema and check
 * are the project file's (passed in by its reader).
 */
export function resolveScenarios<S>(
  validation: Validation<S>,
  raw: unknown,
  file: string,
  document: () => { doc: Document; lines: LineCounter },
): Scenario<S>[] {
  if (!isObject(raw) || !Array.isArray(raw.scenarios)) return [];
  const { scenarios: list, ...base } = raw;
  const issues: Issue[] = [];
  const out: Scenario<S>[] = [];
  const firstByName = new Map<string, number>();
  const slugs = new Set<string>();
  (list as Raw[]).forEach((entry, i) => {
    const { name: rawName, description, ...over } = entry;
    const name = String(rawName).trim();
    const at = (issue: Issue): Issue => ({ path: ['scenarios', i, ...issue.path], message: issue.message });
    const first = firstByName.get(name);
    if (first !== undefined)
      issues.push(at({ path: ['name'], message: `duplicate scenario name (first at scenarios[${first}])` }));
    else firstByName.set(name, i);
    const { settings, issues: own } = settingsOf(validation, base, over);
    issues.push(...own.map(at));
    if (!settings || own.length > 0) return;
    let slug = folderSlug(name, 'scenario');
    for (let n = 2; slugs.has(slug); n++) slug = `${folderSlug(name, 'scenario')}-${n}`;
    slugs.add(slug);
    out.push({ name, description: typeof description === 'string' ? description : null, slug, settings });
  });
  if (issues.length > 0) {
    const { doc, lines } = document();
    throw new ConfigError(
      file,
      issues.map((i) => {
        const row = lineOf(doc, i.path, lines);
        return { path: formatPath(i.path), message: i.message, ...(row ? { row } : {}) };
      }),
    );
  }
  return out;
}

// `npm run bench`: runs every bench/*.bench.ts (each default-exports an async function that
// returns Markdown sections) and prints them; with --write, replaces each section between
// its markers in docs/benchmarks.md. Benchmarks, never timed unit tests, measure speed.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { writeFileAtomic } from '../src/io/write-atomic.ts';

export interface BenchSection {
  /** Marker id in docs/benchmarks.md: <!-- bench:id --> … <!-- /bench:id -->. */
  id: string;
  markdown: string;
}

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const write = args.includes('--write');
const only = args.filter((a) => !a.startsWith('--'));

const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();
const sections: BenchSection[] = [];
for (const f of files) {
  const mod = (await import(pathToFileURL(path.join(here, f)).href)) as { default: () => Promise<BenchSection[]> };
  for (const s of await mod.default()) {
    process.stdout.write(`\n${s.markdown}\n`);
    sections.push(s);
  }
}

if (write) {
  const doc = path.join(here, '../docs/benchmarks.md');
  let text = existsSync(doc) ? readFileSync(doc, 'utf8') : '# Benchmarks\n';
  for (const s of sections) {
    const start = `<!-- bench:${s.id} -->`;
    const end = `<!-- /bench:${s.id} -->`;
    const block = `${start}\n${s.markdown.trim()}\n${end}`;
    const i = text.indexOf(start);
    const j = text.indexOf(end);
    text = i >= 0 && j > i ? text.slice(0, i) + block + text.slice(j + end.length) : `${text.trimEnd()}\n\n${block}\n`;
  }
  await writeFileAtomic(doc, text);
}

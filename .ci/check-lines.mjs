// Lines of at most 120 characters in the sources (the formatter wraps code but not long
// strings or comments). Prints each offending line and exits 1.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

const MAX = 120;
const roots = ['src', 'test', 'bench', 'fixtures'];
const skip = /(^|\/)(golden|node_modules)(\/|$)/;
const bad = [];
const walk = (dir) => {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (skip.test(p)) continue;
    if (e.isDirectory()) walk(p);
    else if (/\.(ts|js|mjs|cjs)$/.test(e.name)) {
      readFileSync(p, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if ([...line].length > MAX) bad.push(`${p}:${i + 1}: ${[...line].length} characters`);
        });
    }
  }
};
for (const r of roots) walk(r);
if (bad.length) {
  console.error(`Lines over ${MAX} characters:\n${bad.join('\n')}`);
  process.exit(1);
}

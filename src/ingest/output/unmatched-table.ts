// The terminal table of names that did not match between monitoring and inventory, both
// ways, with the closest names on the other side (docs/inputs.md "Matching").
import Table from 'cli-table3';
import { plainText } from '../../escape/plain-text.ts';
import type { NameMatchResult } from '../match-names.ts';

export function renderUnmatchedTable(m: Pick<NameMatchResult, 'monitoringOnly' | 'inventoryOnly' | 'renamed'>): string {
  const lines: string[] = [];
  if (m.renamed.length)
    lines.push(
      `matched ${m.renamed.length} monitoring name(s) to another spelling: ` +
        m.renamed
          .slice(0, 5)
          .map(([a, b]) => `${plainText(a)} → ${plainText(b)}`)
          .join(', ') +
        (m.renamed.length > 5 ? ', …' : ''),
    );
  if (m.monitoringOnly.length + m.inventoryOnly.length === 0) return lines.map((l) => `${l}\n`).join('');
  const t = new Table({
    head: ['unmatched name', 'only in', 'closest names on the other side'],
    style: { head: [], border: [] },
  });
  for (const u of m.monitoringOnly)
    t.push([plainText(u.name), 'monitoring', u.closest.map(plainText).join(', ') || '—']);
  for (const u of m.inventoryOnly) t.push([plainText(u.name), 'inventory', u.closest.map(plainText).join(', ') || '—']);
  lines.push(`${m.monitoringOnly.length + m.inventoryOnly.length} name(s) did not match:`, t.toString());
  return lines.map((l) => `${l}\n`).join('');
}

// plan.md's total cost of ownership (method §15): every line per year and over the horizon,
// the totals, and the lines not priced with the settings that would price them. Amounts
// are "not priced" (never 0.00) when an input is missing.
import type { Plan } from '../domain/plan.ts';
import type { PlanTco } from '../domain/plan-tco.ts';
import type { Messages } from './messages/index.ts';
import { num } from './format.ts';
import { mdTable } from './markdown-table.ts';

/** An amount, or the report language's "not priced". */
export function amount(value: number | null, t: Messages): string {
  return value === null ? t.notPriced : num(value);
}

/** The total over the horizon with its currency, for the executive summary. */
export function tcoHeadline(tco: PlanTco, t: Messages): string {
  const total = tco.totals.overHorizon;
  const value = total === null ? t.notPriced : `${num(total)} ${tco.currency}`;
  return `${t.cost.total.overHorizon}, ${tco.horizonYears} ${t.cost.unit.years}: ${value}`;
}

export function tcoSection(plan: Plan, t: Messages): string | null {
  const tco = plan.tco;
  if (!tco) return null;
  const k = t.cost;
  const lines = tco.lines.map((l) => [
    k.line[l.key],
    l.kind === 'capex' ? '—' : amount(l.perYear, t),
    amount(l.overHorizon, t),
    k.lineHow[l.key],
  ]);
  const x = tco.totals;
  const totals = [
    [`**${k.total.capex}**`, '—', amount(x.capex, t), k.totalHow.capex],
    [
      `**${k.total.opex}**`,
      amount(x.opexPerYear, t),
      amount(x.opexPerYear === null ? null : x.opexPerYear * tco.horizonYears, t),
      k.totalHow.opex,
    ],
    [`**${k.total.overHorizon}**`, '—', `**${amount(x.overHorizon, t)}**`, k.totalHow.overHorizon],
    [`**${k.total.avoided}**`, '—', amount(x.avoidedOverHorizon, t), k.totalHow.avoided],
    [`**${k.total.net}**`, '—', amount(x.net, t), k.totalHow.net],
  ];
  const table = mdTable(
    [
      { header: t.col.item },
      { header: k.perYear, align: 'right' },
      { header: k.overHorizon, align: 'right' },
      { header: t.col.how },
    ],
    [...lines, ...totals],
  );
  const missing = tco.lines.filter((l) => !l.priced);
  const notPriced = missing.length
    ? [
        '',
        k.mdNotPriced(missing.map((l) => k.line[l.key]).join('; ')),
        '',
        mdTable(
          [{ header: t.col.item }, { header: k.mdMissing }],
          missing.map((l) => [k.line[l.key], l.missing.map((p) => `\`${p}\``).join(', ')]),
        ),
      ]
    : [];
  const util = k.factHow.cpuPct[tco.power.utilisationSource];
  return [
    `## ${k.mdTitle}`,
    '',
    k.mdIntro(tco.horizonYears, tco.currency),
    '',
    table,
    ...notPriced,
    '',
    k.mdUtilisation(util),
  ].join('\n');
}

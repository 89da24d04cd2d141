// The check in a terminal: the verdict, then tables (cli-table3) of violations, host
// headroom, failure scenarios and drift. Colour only when asked (TTY, no NO_COLOR).
import { Chalk } from 'chalk';
import Table from 'cli-table3';
import { resourceLabel } from "../capacity.js";
import { amount, driftText, headroomOf, headroomText, verdict } from "./text.js";
import { plainText } from "../../escape/plain-text.js";
export function renderHuman(r, opts) {
    const c = new Chalk({ level: opts.color ? 1 : 0 });
    const style = { head: opts.color ? ['bold'] : [], border: opts.color ? ['grey'] : [] };
    const out = [
        `capplan check ${plainText(r.project)} (${plainText(r.file)})`,
        r.holds ? c.green(verdict(r)) : c.red(verdict(r)),
        '',
    ];
    if (r.violations.length) {
        const t = new Table({ head: ['kind', 'where', 'required', 'available', 'shortfall'], style });
        for (const v of r.violations) {
            const where = [v.scenario, v.host, v.vm, resourceLabel(v.resource)]
                .filter(Boolean)
                .map((x) => plainText(String(x)))
                .join(' · ');
            t.push([
                c.red(v.kind),
                where,
                amount(v.required, v.resource),
                amount(v.available, v.resource),
                c.red(amount(v.shortfall, v.resource)),
            ]);
        }
        out.push('Violations', t.toString(), ...r.violations.map((v) => `  - ${plainText(v.message)}`), '');
    }
    const hosts = new Table({
        head: ['host', 'VMs', 'CPU load / available (vCPU)', 'memory load / available (GB)'],
        style,
    });
    for (const h of r.hosts)
        hosts.push([
            plainText(h.name),
            h.vms.length,
            headroomText(headroomOf(h.resources, 'vcpu')),
            headroomText(headroomOf(h.resources, 'memoryGb')),
        ]);
    out.push('Headroom per host', hosts.toString(), '');
    if (r.scenarios.length) {
        const t = new Table({ head: ['scenario', 'holds', 'survivor', 'CPU (vCPU)', 'memory (GB)'], style });
        for (const s of r.scenarios) {
            for (const h of s.hosts) {
                t.push([
                    plainText(s.id),
                    s.satisfied ? c.green('yes') : c.red('no'),
                    plainText(h.name),
                    headroomText(headroomOf(h.resources, 'vcpu')),
                    headroomText(headroomOf(h.resources, 'memoryGb')),
                ]);
            }
        }
        out.push(`Failure scenarios (${r.policy})`, t.toString(), '');
    }
    const drifting = r.vms.filter((v) => v.drift.length);
    if (drifting.length) {
        const t = new Table({ head: ['VM', 'host', 'drift'], style });
        for (const v of drifting)
            t.push([plainText(v.name), plainText(v.host ?? '–'), v.drift.map(driftText).join('\n')]);
        out.push('Drift against the proposal', t.toString(), '');
    }
    if (r.notes.length)
        out.push('Notes', ...r.notes.map((n) => `  - ${plainText(n)}`), '');
    return `${out.join('\n').trimEnd()}\n`;
}

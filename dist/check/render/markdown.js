// The check as Markdown: a pull-request comment, and GitHub's job summary. Every cell that
// can carry client data is escaped, so a VM named "a|b" or "<script>" cannot break the table
// or inject markup.
import { resourceLabel } from "../capacity.js";
import { mdText } from "../../escape/markdown.js";
import { amount, driftText, headroomOf, headroomText, verdict } from "./text.js";
function table(header, rows) {
    return [
        `| ${header.join(' | ')} |`,
        `|${header.map(() => '---').join('|')}|`,
        ...rows.map((r) => `| ${r.join(' | ')} |`),
    ];
}
export function renderMarkdown(r) {
    const out = [];
    out.push(`## ${r.holds ? '✅' : '❌'} capplan check: ${mdText(r.project)}`, '', mdText(verdict(r)), '');
    if (r.violations.length) {
        out.push('### Violations', '');
        out.push(...table(['kind', 'scenario', 'host', 'VM', 'resource', 'required', 'available', 'shortfall', 'why'], r.violations.map((v) => [
            v.kind,
            mdText(v.scenario ?? ''),
            mdText(v.host ?? ''),
            mdText(v.vm ?? ''),
            mdText(resourceLabel(v.resource)),
            amount(v.required, v.resource),
            amount(v.available, v.resource),
            amount(v.shortfall, v.resource),
            mdText(v.message),
        ])), '');
    }
    out.push('### Headroom per host', '', ...hostRows(r), '');
    if (r.scenarios.length)
        out.push(`### Headroom per failure scenario (${mdText(r.policy)})`, '', ...scenarioRows(r), '');
    const drifting = r.vms.filter((v) => v.drift.length);
    if (drifting.length) {
        out.push('### Drift against the proposal', '');
        out.push(...table(['VM', 'host', 'change'], drifting.map((v) => [
            mdText(v.name),
            mdText(v.host ?? ''),
            v.drift.map((d) => mdText(driftText(d))).join('<br>'),
        ])), '');
    }
    if (r.notes.length)
        out.push('### Notes', '', ...r.notes.map((n) => `- ${mdText(n)}`), '');
    return `${out.join('\n').trimEnd()}\n`;
}
function hostRows(r) {
    return table(['host', 'VMs', 'CPU load / available (vCPU)', 'memory load / available (GB)'], r.hosts.map((h) => [
        mdText(h.name),
        String(h.vms.length),
        headroomText(headroomOf(h.resources, 'vcpu')),
        headroomText(headroomOf(h.resources, 'memoryGb')),
    ]));
}
function scenarioRows(r) {
    return table(['scenario', 'holds', 'survivor', 'CPU load / available (vCPU)', 'memory load / available (GB)', 'not restarted'], r.scenarios.flatMap((s) => s.hosts.map((h) => [
        mdText(s.id),
        s.satisfied ? 'yes' : '**no**',
        mdText(h.name),
        headroomText(headroomOf(h.resources, 'vcpu')),
        headroomText(headroomOf(h.resources, 'memoryGb')),
        mdText(s.restarts
            .filter((x) => x.to === null)
            .map((x) => x.vm)
            .join(', ')),
    ])));
}

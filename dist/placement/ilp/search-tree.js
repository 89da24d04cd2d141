import { TOLERANCE } from "../../util/tolerance.js";
export function packsInto(inst, model, m, nodeLimit, deadline = Infinity) {
    const n = inst.items.length;
    const R = inst.resources.length;
    const cap = model.cap;
    const load = Array.from({ length: m }, () => new Array(R).fill(0));
    const members = Array.from({ length: m }, () => []);
    const anti = Array.from({ length: m }, () => new Map());
    const remaining = inst.resources.map((_, r) => inst.items.reduce((s, it) => s + it.demand[r], 0));
    let opened = 0;
    let nodes = 0;
    const fitsIn = (b, i) => {
        const it = inst.items[i];
        for (let r = 0; r < R; r++)
            if (load[b][r] + it.demand[r] > cap[r] + TOLERANCE * Math.max(1, cap[r]))
                return false;
        return it.anti.every((g) => !anti[b].get(g));
    };
    // Free capacity only counts on hosts that some remaining item still fits (a host no
    // remaining item fits wastes its free room: the bound that makes 10-D cases provable).
    const slackOk = (next) => {
        const open = [];
        for (let b = 0; b < m; b++) {
            for (let i = next; i < n; i++) {
                if (fitsIn(b, i)) {
                    open.push(b);
                    break;
                }
            }
        }
        for (let r = 0; r < R; r++) {
            let free = 0;
            for (const b of open)
                free += cap[r] - load[b][r];
            if (remaining[r] > free + TOLERANCE * Math.max(1, cap[r] * m))
                return false;
        }
        return true;
    };
    const apply = (b, i, sign) => {
        const it = inst.items[i];
        for (let r = 0; r < R; r++) {
            load[b][r] += sign * it.demand[r];
            remaining[r] -= sign * it.demand[r];
        }
        for (const g of it.anti)
            anti[b].set(g, (anti[b].get(g) ?? 0) + sign);
        if (sign > 0)
            members[b].push(i);
        else
            members[b].pop();
    };
    const rec = (i) => {
        if (i === n)
            return true;
        if (++nodes > nodeLimit || ((nodes & 4095) === 0 && performance.now() > deadline))
            return null;
        const tried = new Set();
        for (let b = 0; b < Math.min(m, opened + 1); b++) {
            const key = load[b].join(',') +
                (anti[b].size
                    ? `|${[...anti[b]]
                        .filter(([, c]) => c > 0)
                        .map(([g]) => g)
                        .sort()
                        .join(',')}`
                    : '');
            if (tried.has(key) || !fitsIn(b, i))
                continue;
            tried.add(key);
            const opens = b === opened;
            if (opens)
                opened++;
            apply(b, i, 1);
            const res = slackOk(i + 1) ? rec(i + 1) : false;
            if (res !== false)
                return res;
            apply(b, i, -1);
            if (opens)
                opened--;
        }
        return false;
    };
    const res = rec(0);
    if (res === null)
        return { status: 'unknown' };
    return res
        ? { status: 'feasible', hosts: members.filter((x) => x.length > 0).map((x) => x.slice()) }
        : { status: 'infeasible' };
}

let instance = null;
export async function glpk() {
    instance ??= import('glpk.js/node').then((m) => m.default());
    return instance;
}
export async function solveMip(lp, timeLimitSeconds) {
    const g = await glpk();
    const res = g.solve(lp, { msglev: g.GLP_MSG_OFF, presol: true, tmlim: Math.max(0.1, timeLimitSeconds) });
    const s = res.result.status;
    const status = s === g.GLP_OPT
        ? 'optimal'
        : s === g.GLP_FEAS
            ? 'feasible'
            : s === g.GLP_NOFEAS || s === g.GLP_INFEAS
                ? 'infeasible'
                : 'unknown';
    return { status, objective: res.result.z, values: res.result.vars };
}

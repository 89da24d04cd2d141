export class RowIssues {
    byKey = new Map();
    note(code, server, loc, message, severity = 'warning') {
        const key = `${code}\u0000${server}\u0000${loc.file}`;
        const t = this.byKey.get(key);
        if (t)
            t.count++;
        else
            this.byKey.set(key, {
                code,
                server,
                file: loc.file,
                row: loc.row,
                column: loc.column,
                message,
                count: 1,
                severity,
            });
    }
    /** The tallies as plain data (sent between threads by long-csv-split.ts). */
    tallies() {
        return [...this.byKey.values()];
    }
    /** Adds the tallies of a later part of the same file, whose rows count from 1 after `rowOffset` lines. */
    absorb(tallies, rowOffset) {
        for (const t of tallies) {
            const key = `${t.code}\u0000${t.server}\u0000${t.file}`;
            const mine = this.byKey.get(key);
            if (mine)
                mine.count += t.count;
            else
                this.byKey.set(key, { ...t, row: t.row + rowOffset });
        }
    }
    findings() {
        return [...this.byKey.values()].map((t) => ({
            severity: t.severity,
            code: t.code,
            message: t.count > 1 ? `${t.message}; ${t.count} rows` : t.message,
            file: t.file,
            row: t.row,
            column: t.column,
            server: t.server,
        }));
    }
}

// Quoting of names for the two command languages provision.sh speaks: POSIX sh and virsh's
// own command line. Both accept the same form: a single-quoted string, where a quote inside
// is written '\'' (close, escaped quote, reopen). POSIX.1-2017 XCU §2.2.2: inside single
// quotes every character is literal; virsh (tools/vsh.c, vshCommandStringGetArg) follows the
// shell: no escapes inside '…', a backslash escapes outside them.
// Why our own 6 lines and not a package: the rule is one line of POSIX, the audited test
// (test/provision/quote.test.ts) runs hostile strings through real sh and real virsh, and
// the npm packages (shell-quote, …) target sh only and escape with backslashes.
/** Characters that need no quoting in either language. */
const SAFE = /^[A-Za-z0-9_./:@%+=,-]+$/;
/** Quote `s` as one word for POSIX sh and for virsh; plain words stay as they are. */
export function quoteWord(s) {
    if (SAFE.test(s))
        return s;
    return `'${s.replaceAll("'", `'\\''`)}'`;
}
/** A virsh command line (words quoted for virsh). */
export function virshLine(...words) {
    return words.map(quoteWord).join(' ');
}

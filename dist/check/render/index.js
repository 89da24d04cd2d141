import { renderGithub } from "./github.js";
import { renderHuman } from "./human.js";
import { renderJunit } from "./junit.js";
import { renderMarkdown } from "./markdown.js";
export const CHECK_FORMATS = ['human', 'json', 'junit', 'github', 'markdown'];
/** stdout text, and for github the job-summary Markdown. */
export function renderCheck(r, format, opts) {
    switch (format) {
        case 'json':
            return { stdout: `${JSON.stringify(r, null, 2)}\n` };
        case 'junit':
            return { stdout: renderJunit(r) };
        case 'markdown':
            return { stdout: renderMarkdown(r) };
        case 'github': {
            const g = renderGithub(r, opts.lines, opts.annotationFile);
            return { stdout: g.annotations, summary: g.summary };
        }
        case 'human':
            return { stdout: renderHuman(r, { color: opts.color }) };
    }
}
export { renderGithub, renderHuman, renderJunit, renderMarkdown };

// Appending to a file another program owns and reads as a log, such as GitHub's
// $GITHUB_STEP_SUMMARY (each step appends its Markdown). Appends are not atomic renames:
// the file is the runner's, and replacing it would drop earlier steps' summaries.
import { appendFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
export async function appendText(file, text) {
    await mkdir(path.dirname(file), { recursive: true });
    await appendFile(file, text, 'utf8');
}

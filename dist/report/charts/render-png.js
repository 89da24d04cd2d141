// SVG → PNG with resvg, using only the DejaVu Sans files shipped in the `dejavu-fonts-ttf`
// package: no system font is consulted, so a chart renders the same bytes on every machine.
import { createRequire } from 'node:module';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { FONT_FAMILY } from "./bar-chart.js";
const require = createRequire(import.meta.url);
function fontFiles() {
    const dir = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
    return [path.join(dir, 'DejaVuSans.ttf'), path.join(dir, 'DejaVuSans-Bold.ttf')];
}
export function svgToPng(svg) {
    const resvg = new Resvg(svg, {
        font: { loadSystemFonts: false, fontFiles: fontFiles(), defaultFontFamily: FONT_FAMILY },
        background: '#ffffff',
    });
    return new Uint8Array(resvg.render().asPng());
}

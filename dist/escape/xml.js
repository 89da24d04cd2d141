/** Characters outside XML 1.0's Char production (§2.2). */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
/** The value as the XML writer must receive it so that a reader gets `s` back. */
export function inertXmlValue(s) {
    return s.replace(NOT_XML_CHAR, '\uFFFD').replace(/&/g, '&amp;');
}
const ELEMENT = 1;
const TEXT = 3;
const CDATA = 4;
function makeInert(node) {
    if (node.nodeType === TEXT && node.data !== undefined)
        node.data = inertXmlValue(node.data);
    if (node.nodeType === CDATA && node.data !== undefined)
        node.data = node.data.replace(NOT_XML_CHAR, '\uFFFD');
    if (node.nodeType === ELEMENT && node.attributes) {
        for (let i = 0; i < node.attributes.length; i++) {
            const attr = node.attributes[i];
            attr.value = inertXmlValue(attr.value);
        }
    }
    for (let i = 0; i < node.childNodes.length; i++)
        makeInert(node.childNodes[i]);
}
/**
 * The document `builder` belongs to, as text. Call once per document: values are made inert
 * in place, so a second call would escape them twice.
 */
export function serializeXml(builder, options) {
    const doc = builder.doc();
    makeInert(doc.node);
    return doc.end(options);
}

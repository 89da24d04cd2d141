// Client text in XML (libvirt domain, network, pool and volume XML, JUnit reports, SVG charts):
// documents are built with xmlbuilder2 and serialised only through serializeXml, which makes
// every text and attribute value inert first. xmlbuilder2 escapes "<", ">" and quotes, but
// leaves an "&" that already looks like a reference alone (`&amp;`, `&#118;`, `&foo;`): a VM
// named `&#118;pn` would come out as `vpn`, and `Linux &foo;` as a document no parser reads.
// Every "&" is therefore written as `&amp;` beforehand (which the library keeps), and
// characters XML 1.0 cannot carry at all (NUL and most other controls, lone surrogates) become
// U+FFFD, so the output is always well-formed and says exactly what the client wrote.
import type { XMLBuilder, XMLWriterOptions } from 'xmlbuilder2/lib/interfaces.js';

/** Characters outside XML 1.0's Char production (§2.2). */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** The value as the XML writer must receive it so that a reader gets `s` back. */
export function inertXmlValue(s: string): string {
  return s.replace(NOT_XML_CHAR, '\uFFFD').replace(/&/g, '&amp;');
}

interface DomNode {
  nodeType: number;
  data?: string;
  attributes?: ArrayLike<{ value: string }>;
  childNodes: ArrayLike<DomNode>;
}

const ELEMENT = 1;
const TEXT = 3;
const CDATA = 4;

function makeInert(node: DomNode): void {
  if (node.nodeType === TEXT && node.data !== undefined) node.data = inertXmlValue(node.data);
  if (node.nodeType === CDATA && node.data !== undefined) node.data = node.data.replace(NOT_XML_CHAR, '\uFFFD');
  if (node.nodeType === ELEMENT && node.attributes) {
    for (let i = 0; i < node.attributes.length; i++) {
      const attr = node.attributes[i]!;
      attr.value = inertXmlValue(attr.value);
    }
  }
  for (let i = 0; i < node.childNodes.length; i++) makeInert(node.childNodes[i]!);
}

/**
 * The document `builder` belongs to, as text. Call once per document: values are made inert
 * in place, so a second call would escape them twice.
 */
export function serializeXml(builder: XMLBuilder, options: XMLWriterOptions): string {
  const doc = builder.doc();
  makeInert(doc.node as unknown as DomNode);
  return doc.end(options);
}

import { create } from "xmlbuilder2";
import type { XMLBuilder } from "xmlbuilder2/lib/interfaces";

// Every XML document the site serves (feeds, sitemaps) is built as a tree with
// xmlbuilder2, which escapes <, > and " itself; nothing is concatenated into
// markup by hand. Two things it leaves to us, both handled by xmlText():
// - characters XML 1.0 cannot hold at all (most C0 controls, lone surrogates,
//   U+FFFE/U+FFFF): dropped, rather than producing a document no parser accepts;
// - "&": xmlbuilder2 escapes it only when it does not already start something
//   shaped like an entity, so a title containing "&amp;" or "&nbsp;" would come
//   out as an entity (or as an undefined one: not well-formed). Escaping every
//   "&" first makes each one a literal "&amp;", which it then leaves alone.
//   tests/unit/seo-xml.test.ts round-trips such text through a parser.

export type { XMLBuilder };

const NOT_XML = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text (or an attribute value) to hand to the builder: exactly `s` once parsed back, less what XML cannot hold. */
export function xmlText(s: string): string {
  return s.replace(NOT_XML, "").replace(/&/g, "&amp;");
}

/** A new document with an XML declaration and its root element. */
export function xmlDocument(
  namespace: string | null,
  root: string,
  attributes: Record<string, string> = {},
): XMLBuilder {
  return create({ version: "1.0", encoding: "UTF-8" }).ele(namespace, root, cleanAttributes(attributes));
}

/** Appends <name>text</name> in the element's namespace (or `namespace`), returning the parent. */
export function textElement(
  parent: XMLBuilder,
  name: string,
  text: string,
  attributes: Record<string, string> = {},
  namespace?: string,
): XMLBuilder {
  const child = namespace
    ? parent.ele(namespace, name, cleanAttributes(attributes))
    : parent.ele(name, cleanAttributes(attributes));
  child.txt(xmlText(text));
  return parent;
}

export function cleanAttributes(attributes: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(attributes).map(([k, v]) => [k, xmlText(v)]));
}

/** Serializes the whole document. */
export function xmlString(node: XMLBuilder): string {
  return node.end({ prettyPrint: true });
}

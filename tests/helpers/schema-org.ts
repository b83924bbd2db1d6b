import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

// A runtime check of JSON-LD against the schema.org vocabulary itself, as the
// @vocabulary/schema package ships it (schema.org's own N-Quads release):
// every @type must be a schema.org class, every property a schema.org property
// whose domain includes the node's type (or one of its superclasses), nested
// nodes must fit the property's range, literals a data type in its range, and
// nothing may be superseded.

const S = "http://schema.org/";
const RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
const RDFS_CLASS = "http://www.w3.org/2000/01/rdf-schema#Class";
const RDF_PROPERTY = "http://www.w3.org/1999/02/22-rdf-syntax-ns#Property";
const SUBCLASS = "http://www.w3.org/2000/01/rdf-schema#subClassOf";

export interface Vocabulary {
  classes: Set<string>;
  properties: Set<string>;
  superclasses: Map<string, Set<string>>;
  domains: Map<string, Set<string>>;
  ranges: Map<string, Set<string>>;
  superseded: Set<string>;
}

let cached: Vocabulary | undefined;

export function loadSchemaOrg(): Vocabulary {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const file = path.join(path.dirname(require.resolve("@vocabulary/schema/package.json")), "schema.nq");
  const v: Vocabulary = {
    classes: new Set(),
    properties: new Set(),
    superclasses: new Map(),
    domains: new Map(),
    ranges: new Map(),
    superseded: new Set(),
  };
  const add = (m: Map<string, Set<string>>, k: string, x: string) => (m.get(k) ?? m.set(k, new Set()).get(k)!).add(x);
  for (const line of readFileSync(file, "utf8").split("\n")) {
    const m = /^<([^>]+)> <([^>]+)> <([^>]+)>/.exec(line);
    if (!m || !m[1]!.startsWith(S)) continue;
    const [, s, p, o] = m as unknown as [string, string, string, string];
    const name = s.slice(S.length);
    const obj = o.startsWith(S) ? o.slice(S.length) : o;
    if (p === RDF_TYPE && o === RDFS_CLASS) v.classes.add(name);
    else if (p === RDF_TYPE && o === RDF_PROPERTY) v.properties.add(name);
    else if (p === RDF_TYPE && o === `${S}DataType`) v.classes.add(name);
    else if (p === SUBCLASS) add(v.superclasses, name, obj);
    else if (p === `${S}domainIncludes`) add(v.domains, name, obj);
    else if (p === `${S}rangeIncludes`) add(v.ranges, name, obj);
    else if (p === `${S}supersededBy`) v.superseded.add(name);
  }
  if (v.classes.size < 500 || v.properties.size < 1000)
    throw new Error(
      `schema.org vocabulary looks truncated: ${v.classes.size} classes, ${v.properties.size} properties`,
    );
  return (cached = v);
}

/** The class and all its superclasses. */
export function ancestors(v: Vocabulary, cls: string): Set<string> {
  const out = new Set<string>();
  const visit = (c: string) => {
    if (out.has(c)) return;
    out.add(c);
    for (const s of v.superclasses.get(c) ?? []) visit(s);
  };
  visit(cls);
  return out;
}

const STRING_TYPES = new Set(["Text", "URL", "Date", "DateTime", "Time"]);
const NUMBER_TYPES = new Set(["Number", "Integer", "Float"]);

/** Every problem found in a JSON-LD document (an object or an array of them); [] when it is valid. */
export function checkJsonLd(doc: unknown, v = loadSchemaOrg()): string[] {
  const problems: string[] = [];
  const asArray = (x: unknown): unknown[] => (Array.isArray(x) ? (x as unknown[]) : [x]);

  const node = (n: Record<string, unknown>, at: string, range: Set<string> | null) => {
    const types = n["@type"] === undefined ? [] : (asArray(n["@type"]) as string[]);
    if (types.length === 0) {
      // A reference to a node described elsewhere: only its @id (and perhaps a name) may be given.
      if (typeof n["@id"] !== "string") problems.push(`${at}: a node needs an @type or an @id`);
      return;
    }
    const all = new Set<string>();
    for (const t of types) {
      if (!v.classes.has(t)) problems.push(`${at}: "${t}" is not a schema.org type`);
      if (v.superseded.has(t)) problems.push(`${at}: "${t}" is superseded`);
      for (const a of ancestors(v, t)) all.add(a);
    }
    if (range && ![...range].some((r) => all.has(r)))
      problems.push(`${at}: ${types.join("/")} is not in the range ${[...range].join(" | ")}`);
    for (const [key, value] of Object.entries(n)) {
      if (key.startsWith("@")) continue;
      const here = `${at}.${key}`;
      if (!v.properties.has(key)) {
        problems.push(`${here}: "${key}" is not a schema.org property`);
        continue;
      }
      if (v.superseded.has(key)) problems.push(`${here}: "${key}" is superseded`);
      const domain = v.domains.get(key) ?? new Set();
      if (![...domain].some((d) => all.has(d)))
        problems.push(`${here}: "${key}" does not apply to ${types.join("/")} (domain ${[...domain].join(" | ")})`);
      const propRange = v.ranges.get(key) ?? new Set<string>();
      const rangeAll = new Set([...propRange].flatMap((r) => [...descendantsOf(v, r)]));
      asArray(value).forEach((item, i) => {
        const where = Array.isArray(value) ? `${here}[${i}]` : here;
        if (item !== null && typeof item === "object") node(item as Record<string, unknown>, where, propRange);
        else if (typeof item === "string") {
          if (![...rangeAll].some((r) => STRING_TYPES.has(r)))
            problems.push(`${where}: text given where ${[...propRange].join(" | ")} is expected`);
        } else if (typeof item === "number") {
          if (![...rangeAll].some((r) => NUMBER_TYPES.has(r)))
            problems.push(`${where}: a number given where ${[...propRange].join(" | ")} is expected`);
        } else if (typeof item === "boolean") {
          if (!rangeAll.has("Boolean"))
            problems.push(`${where}: a boolean given where ${[...propRange].join(" | ")} is expected`);
        } else problems.push(`${where}: unexpected ${String(item)}`);
      });
    }
  };

  asArray(doc).forEach((d, i) => {
    const at = Array.isArray(doc) ? `[${i}]` : "$";
    if (!d || typeof d !== "object") return problems.push(`${at}: not an object`);
    const obj = d as Record<string, unknown>;
    if (obj["@context"] !== "https://schema.org") problems.push(`${at}: @context must be https://schema.org`);
    node(obj, at, null);
  });
  return problems;
}

/** The class and every class below it (a range of Text accepts a URL). */
const below = new Map<string, Set<string>>();
function descendantsOf(v: Vocabulary, cls: string): Set<string> {
  const known = below.get(cls);
  if (known) return known;
  const out = new Set([cls]);
  for (const [c] of v.superclasses) if (ancestors(v, c).has(cls)) out.add(c);
  below.set(cls, out);
  return out;
}

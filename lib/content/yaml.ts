import { CORE_SCHEMA, load } from "js-yaml";
import { isMap, isSeq, isScalar, LineCounter, parseDocument, type Node } from "yaml";
import type { z } from "zod";
import type { ContentProblem } from "./errors";

type Path = readonly PropertyKey[];

/** A YAML text parsed with enough position data to name the line of any field. */
export interface LocatedYaml {
  data: unknown;
  /** 1-based file line of the node at `path`, or of its nearest ancestor that exists. */
  lineOf: (path: Path) => number;
}

/**
 * Parses YAML that starts at `firstLine` of `file` (frontmatter starts on line 2).
 * Returns the problems instead when the YAML itself is malformed.
 *
 * Most files are valid, and js-yaml reads them about 8 times faster than `yaml`, which keeps
 * every node's position (an archive's 100,000 frontmatters: 5.4 s against 0.7 s). Positions are
 * needed only to name a problem's line, so the located document is built when a line is asked
 * for, or when js-yaml refuses the text (then `yaml` says where and why).
 */
export function parseLocatedYaml(
  source: string,
  file: string,
  firstLine = 1,
): { ok: true; yaml: LocatedYaml } | { ok: false; problems: ContentProblem[] } {
  let data: unknown;
  try {
    data = load(source, { schema: CORE_SCHEMA });
  } catch {
    return parseWithPositions(source, file, firstLine);
  }
  let lineOf: LocatedYaml["lineOf"] | undefined;
  const locate = (): LocatedYaml["lineOf"] => {
    const parsed = parseWithPositions(source, file, firstLine);
    // Text js-yaml reads and `yaml` refuses has no positions: its problems name the first line.
    return parsed.ok ? parsed.yaml.lineOf : () => firstLine;
  };
  return { ok: true, yaml: { data, lineOf: (path) => (lineOf ??= locate())(path) } };
}

/** The YAML parsed by `yaml`, keeping each node's position. */
function parseWithPositions(
  source: string,
  file: string,
  firstLine: number,
): { ok: true; yaml: LocatedYaml } | { ok: false; problems: ContentProblem[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const toFileLine = (offset: number) => lineCounter.linePos(offset).line + firstLine - 1;
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((e) => ({
        file,
        line: toFileLine(e.pos[0]),
        field: "yaml",
        message: `malformed YAML: ${e.message.split("\n")[0]}`,
      })),
    };
  }
  const lineOf = (path: Path): number => {
    let node: unknown = doc.contents;
    let line = node && (node as Node).range ? toFileLine((node as Node).range![0]) : firstLine;
    for (const key of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(key));
        if (!pair) break;
        if (isScalar(pair.key) && pair.key.range) line = toFileLine(pair.key.range[0]);
        node = pair.value;
      } else if (isSeq(node) && typeof key === "number" && node.items[key]) {
        node = node.items[key];
        const range = (node as Node).range;
        if (range) line = toFileLine(range[0]);
      } else break;
    }
    return line;
  };
  return { ok: true, yaml: { data: doc.toJS(), lineOf } };
}

/** Validates parsed YAML against a schema; each zod issue becomes a problem naming file, line and field. */
export function validateYaml<S extends z.ZodType>(
  schema: S,
  yaml: LocatedYaml,
  file: string,
): { ok: true; value: z.infer<S> } | { ok: false; problems: ContentProblem[] } {
  // An empty frontmatter or file parses to null; treat it as an empty mapping so each missing field is named.
  const result = schema.safeParse(yaml.data ?? (schema.def.type === "array" ? [] : {}));
  if (result.success) return { ok: true, value: result.data };
  const problems: ContentProblem[] = [];
  for (const issue of result.error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        const path = [...issue.path, key];
        problems.push({
          file,
          line: yaml.lineOf(path),
          field: fieldName(path),
          message: `unknown field "${key}" (check its spelling)`,
        });
      }
      continue;
    }
    const missing = issue.code === "invalid_type" && issue.message.includes("received undefined");
    problems.push({
      file,
      line: yaml.lineOf(issue.path),
      field: fieldName(issue.path) || "(file)",
      message: missing ? "is required but missing" : issue.message,
    });
  }
  return { ok: false, problems };
}

export function fieldName(path: Path): string {
  return path.map((k, i) => (typeof k === "number" ? `[${k}]` : `${i === 0 ? "" : "."}${String(k)}`)).join("");
}

import type { Root as HastRoot } from "hast";
import { toString as hastToString } from "hast-util-to-string";
import type { Root as MdastRoot } from "mdast";
import rehypeSanitize from "rehype-sanitize";
import rehypeSlug from "rehype-slug";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { visit } from "unist-util-visit";

/** Bump when the pipeline's output or the search tokens change, so the ingest re-renders and re-indexes every article. */
export const PIPELINE_VERSION = 4;

export interface Heading {
  depth: number;
  text: string;
  id: string;
}

export interface RenderedMarkdown {
  /** Sanitized HTML of the body. */
  html: string;
  /** Plain text, one block per line. */
  text: string;
  headings: Heading[];
}

/**
 * The page's <h1> is the headline, so body subheads start at <h2> whatever
 * level the print layout gave them (the source marks them ####).
 */
function remarkSubheadsFromH2() {
  return (tree: MdastRoot) => {
    let shallowest = 7;
    visit(tree, "heading", (h) => {
      shallowest = Math.min(shallowest, h.depth);
    });
    if (shallowest === 7) return;
    const shift = 2 - shallowest;
    visit(tree, "heading", (h) => {
      h.depth = Math.min(6, Math.max(2, h.depth + shift)) as typeof h.depth;
    });
  };
}

// The one Markdown → HTML chain, built once. remark-rehype drops raw HTML and
// rehype-sanitize (GitHub's schema) removes javascript: URLs and event handlers;
// ids are added after sanitizing so they are not clobbered with a prefix.
const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkSubheadsFromH2)
  .use(remarkRehype)
  .use(rehypeSanitize)
  .use(rehypeSlug)
  .use(rehypeStringify)
  .freeze();

export function renderMarkdown(markdown: string): RenderedMarkdown {
  const mdast = processor.parse(markdown);
  const hast: HastRoot = processor.runSync(mdast);
  const headings: Heading[] = [];
  const blocks: string[] = [];
  for (const node of hast.children) {
    if (node.type !== "element") continue;
    const text = hastToString(node).trim();
    if (text) blocks.push(text);
    if (/^h[2-6]$/.test(node.tagName)) {
      headings.push({ depth: Number(node.tagName[1]), text, id: String(node.properties.id ?? "") });
    }
  }
  return { html: processor.stringify(hast), text: blocks.join("\n"), headings };
}

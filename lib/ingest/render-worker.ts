// A rendering thread's entry point (./render-threads.ts): article bodies in, what renderArticle makes of each out.
import { renderArticle } from "../content/render-article";

export default function render(bodies: string[]) {
  return bodies.map((body) => renderArticle({ body }));
}

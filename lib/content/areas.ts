// Areas of stories on a print page: polygons in fractions of the page (a rectangle is one with four
// corners). Pure geometry for the schema's overlap check and for the page view.

export type Point = readonly [number, number];

const EPS = 1e-9;

const cross = (o: Point, a: Point, b: Point) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);

/** Whether segments ab and cd cross at a point inside both (touching ends or running along each other does not count). */
function segmentsCross(a: Point, b: Point, c: Point, d: Point): boolean {
  const d1 = cross(c, d, a);
  const d2 = cross(c, d, b);
  const d3 = cross(a, b, c);
  const d4 = cross(a, b, d);
  return ((d1 > EPS && d2 < -EPS) || (d1 < -EPS && d2 > EPS)) && ((d3 > EPS && d4 < -EPS) || (d3 < -EPS && d4 > EPS));
}

/** Distance from p to segment ab. */
function distanceToSegment(p: Point, a: Point, b: Point): number {
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  const len = dx * dx + dy * dy;
  const t = len === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len));
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}

const edges = (poly: readonly Point[]) => poly.map((p, i) => [p, poly[(i + 1) % poly.length]!] as const);

/** Whether p lies strictly inside the polygon (on its outline is not inside). */
export function strictlyInside(p: Point, poly: readonly Point[]): boolean {
  if (edges(poly).some(([a, b]) => distanceToSegment(p, a, b) < 1e-7)) return false;
  let inside = false;
  for (const [a, b] of edges(poly)) {
    if (a[1] > p[1] !== b[1] > p[1] && p[0] < ((b[0] - a[0]) * (p[1] - a[1])) / (b[1] - a[1]) + a[0]) inside = !inside;
  }
  return inside;
}

/** Points that stand for a polygon's inside: its corners, the middles of its sides, its centroid. */
function probes(poly: readonly Point[]): Point[] {
  const mid = edges(poly).map(([a, b]) => [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2] as const);
  const n = poly.length;
  const centroid = [poly.reduce((s, p) => s + p[0], 0) / n, poly.reduce((s, p) => s + p[1], 0) / n] as const;
  return [...poly, ...mid, centroid];
}

/**
 * Whether two areas share some of the page. Areas that only touch (neighbouring stories share a
 * rule) do not overlap: their outlines must cross, or one must reach inside the other.
 */
export function areasOverlap(a: readonly Point[], b: readonly Point[]): boolean {
  for (const [p, q] of edges(a)) for (const [r, s] of edges(b)) if (segmentsCross(p, q, r, s)) return true;
  return probes(a).some((p) => strictlyInside(p, b)) || probes(b).some((p) => strictlyInside(p, a));
}

/** The smallest rectangle around an area: where a page view scrolls to, and a thumbnail's marker. */
export function boundingBox(poly: readonly Point[]): { x: number; y: number; width: number; height: number } {
  const xs = poly.map((p) => p[0]);
  const ys = poly.map((p) => p[1]);
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y };
}

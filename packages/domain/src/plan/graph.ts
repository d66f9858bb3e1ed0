export interface Edge {
  from: string;
  to: string;
}

/**
 * If adding `edge` to `edges` closes a cycle, the cycle as a list of nodes starting and ending
 * at `edge.from` (a → b → … → a); otherwise null. Iterative, so deep plans do not overflow.
 */
export function findCycle(edges: readonly Edge[], edge: Edge): string[] | null {
  if (edge.from === edge.to) return [edge.from, edge.from];
  const next = new Map<string, string[]>();
  for (const e of edges) {
    const list = next.get(e.from);
    if (list) list.push(e.to);
    else next.set(e.from, [e.to]);
  }
  // A path from edge.to back to edge.from closes the cycle.
  const parent = new Map<string, string>();
  const seen = new Set<string>([edge.to]);
  const stack = [edge.to];
  while (stack.length > 0) {
    const node = stack.pop() as string;
    if (node === edge.from) {
      const path = [node];
      let cursor = node;
      while (cursor !== edge.to) {
        cursor = parent.get(cursor) as string;
        path.push(cursor);
      }
      path.reverse(); // edge.to … edge.from
      return [edge.from, ...path];
    }
    for (const n of next.get(node) ?? []) {
      if (!seen.has(n)) {
        seen.add(n);
        parent.set(n, node);
        stack.push(n);
      }
    }
  }
  return null;
}

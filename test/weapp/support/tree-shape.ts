/** The figures WeChat's experience audit checks on a page's WXML tree, computed from the rendered DOM. */
export interface TreeShape {
  /** Elements under the root (the root itself not counted, as in the all-pages suite). */
  nodes: number;
  /** The most element children any one element has. */
  maxChildren: number;
  /** Levels of elements below the root: a root with one child is depth 1. */
  depth: number;
}

export function treeShape(root: Element): TreeShape {
  let nodes = 0;
  let maxChildren = root.children.length;
  let depth = 0;
  // Iterative: a deep tree must not overflow the stack of the very check that looks for deep trees.
  const stack: Array<[Element, number]> = Array.from(root.children, (child) => [child, 1]);
  while (stack.length > 0) {
    const [element, level] = stack.pop() as [Element, number];
    nodes += 1;
    depth = Math.max(depth, level);
    maxChildren = Math.max(maxChildren, element.children.length);
    for (const child of Array.from(element.children)) stack.push([child, level + 1]);
  }
  return { nodes, maxChildren, depth };
}

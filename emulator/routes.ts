/**
 * Routes derived from the operation table (STYLE.md items 2 and 8), never listed by hand: every
 * `OperationSpec.path` template becomes a segment matcher. Literal segments win over `{param}` segments, so
 * `/vpn-gateways/availability-zones` is not taken for `/vpn-gateways/{vgw_id}`, and a literal first segment
 * such as `vpn-gateways` is preferred to the tag APIs' `{resource_type}`.
 */
import type { HttpMethod, OperationSpec } from "../sdk/spec/types";

export interface Route {
  readonly operation: string;
  readonly spec: OperationSpec;
  readonly method: HttpMethod;
  readonly template: string;
  /** Parameter names in order of appearance. */
  readonly params: readonly string[];
}

export interface RouteMatch {
  readonly route: Route;
  readonly params: Readonly<Record<string, string>>;
}

interface Node {
  literal: Map<string, Node>;
  param?: { name: string; node: Node };
  routes: Map<string, Route>;
}

function newNode(): Node {
  return { literal: new Map(), routes: new Map() };
}

function segmentsOf(path: string): string[] {
  return path.split("/").filter((s) => s !== "");
}

const PARAM_RE = /^\{([A-Za-z0-9_]+)\}$/;

export class Router {
  private readonly root = newNode();
  readonly routes: Route[] = [];

  constructor(operations: Readonly<Record<string, OperationSpec>>) {
    for (const [operation, spec] of Object.entries(operations)) this.add(operation, spec);
  }

  private add(operation: string, spec: OperationSpec): void {
    let node = this.root;
    const params: string[] = [];
    for (const seg of segmentsOf(spec.path)) {
      const m = PARAM_RE.exec(seg);
      if (m) {
        const name = m[1]!;
        params.push(name);
        // Templates may name the same position differently; one node serves both, and each route maps the
        // captured values to its own names by position.
        if (!node.param) node.param = { name, node: newNode() };
        node = node.param.node;
      } else {
        let next = node.literal.get(seg);
        if (!next) node.literal.set(seg, (next = newNode()));
        node = next;
      }
    }
    if (node.routes.has(spec.method))
      throw new Error(`emulator routes: ${operation} and ${node.routes.get(spec.method)!.operation} share ${spec.method} ${spec.path}`);
    const route: Route = { operation, spec, method: spec.method, template: spec.path, params };
    node.routes.set(spec.method, route);
    this.routes.push(route);
  }

  /**
   * Matches a decoded path. Returns the route and its parameters, `"method"` when the path exists for other
   * methods only, or undefined. When several templates match, the one with more literal segments wins, and
   * among those the one whose literals come later (`/p2c-vpn-gateways/tags` is the tag API, not a gateway
   * called "tags").
   */
  match(method: string, path: string): RouteMatch | "method" | undefined {
    const segs = segmentsOf(path);
    let pathFound = false;
    let best: { route: Route; values: string[]; shape: number[] } | undefined;
    const better = (a: number[], b: number[]): boolean => {
      const la = a.reduce((x, y) => x + y, 0);
      const lb = b.reduce((x, y) => x + y, 0);
      if (la !== lb) return la > lb;
      for (let i = a.length - 1; i >= 0; i--) if (a[i] !== b[i]) return a[i]! > b[i]!;
      return false;
    };
    const walk = (node: Node, i: number, values: string[], shape: number[]): void => {
      if (i === segs.length) {
        if (node.routes.size > 0) pathFound = true;
        const route = node.routes.get(method);
        if (route && (!best || better(shape, best.shape))) best = { route, values: [...values], shape: [...shape] };
        return;
      }
      const seg = segs[i]!;
      const lit = node.literal.get(seg);
      if (lit) {
        shape.push(1);
        walk(lit, i + 1, values, shape);
        shape.pop();
      }
      if (node.param) {
        values.push(seg);
        shape.push(0);
        walk(node.param.node, i + 1, values, shape);
        shape.pop();
        values.pop();
      }
    };
    walk(this.root, 0, [], []);
    if (!best) return pathFound ? "method" : undefined;
    const found = best as { route: Route; values: string[] };
    const params: Record<string, string> = {};
    found.route.params.forEach((name, idx) => (params[name] = found.values[idx]!));
    return { route: found.route, params };
  }
}

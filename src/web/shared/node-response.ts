/**
 * The node:http response under @hono/node-server, for headers set without Hono's WHATWG `Headers`
 * (whose every `set` validates and sorts, and which @hono/node-server copies out again).
 */
import type { Context } from 'hono';

/** The node:http response under @hono/node-server; absent under `app.request()` (tests). */
type NodeResponse = {
  setHeader(name: string, value: string): unknown;
  appendHeader(name: string, value: string): unknown;
  removeHeader(name: string): void;
};
type NodeBindings = { outgoing?: Partial<NodeResponse> };

/** The node:http response the answer will be written to, when there is one (not in `app.request()`). */
export function nodeResponse(c: Context): NodeResponse | null {
  const outgoing = (c.env as NodeBindings | undefined)?.outgoing;
  return typeof outgoing?.setHeader === 'function' && typeof outgoing.appendHeader === 'function'
    ? (outgoing as NodeResponse)
    : null;
}

/**
 * Sets headers before the handler runs. Under node:http they go straight onto the node response
 * (Node merges them with the handler's own when it writes the head, the handler's winning, as the
 * static files' Cache-Control does): Hono would otherwise keep them in a WHATWG `Headers` object,
 * whose every `set` validates and sorts, and copy them out again for node:http. Elsewhere (tests'
 * `app.request()`) they are Hono headers as before.
 */
export function setHeadersEarly(c: Context, headers: readonly (readonly [string, string])[]): void {
  const outgoing = nodeResponse(c);
  if (outgoing) for (const [name, value] of headers) outgoing.setHeader(name, value);
  else for (const [name, value] of headers) c.header(name, value);
}

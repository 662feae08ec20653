/** What @hono/node-server gives a handler as `c.env.outgoing`: the node:http response. */
export function fakeNodeResponse() {
  const headers = new Map<string, string | string[]>();
  return {
    headers,
    setHeader: (name: string, value: string) => void headers.set(name.toLowerCase(), value),
    appendHeader: (name: string, value: string) => {
      const held = headers.get(name.toLowerCase());
      headers.set(name.toLowerCase(), held === undefined ? [value] : [held, value].flat());
    },
    removeHeader: (name: string) => void headers.delete(name.toLowerCase()),
  };
}

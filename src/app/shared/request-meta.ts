/** Who sent a request, as far as the audit log needs to know: its IP address and user agent. */
export type RequestMeta = { ip: string | null; userAgent: string | null };

import { describe, expect, it } from 'vitest';
import type { NoticeStore } from './ports.js';
import type { NoticeDeps } from './notices.js';
import { IMPORTANT_NOTICES_KEPT_MS, noticeUseCases } from './notices.js';

/** A store that only answers `published`, failing the reads asked to fail (a unit test of the use cases). */
function countingStore(failing: number[] = []) {
  const reads: string[] = [];
  const store = {
    published: (_now: Date, q: { audiences: string[]; importantOnly: boolean; limit: number }) => {
      reads.push(`${q.audiences.join('+')}${q.importantOnly ? ' important' : ''}`);
      return failing.includes(reads.length) ? Promise.reject(new Error('down')) : Promise.resolve([]);
    },
  } as unknown as NoticeStore;
  return { store, reads };
}

function useCases(store: NoticeStore, at: { ms: number }) {
  const deps = {
    notices: store,
    clock: { now: () => new Date(at.ms) },
    audit: { record: async () => undefined },
    templates: {},
    baseUrl: 'http://localhost',
  } as unknown as NoticeDeps;
  return noticeUseCases(deps);
}

describe('the notices kept for a few seconds', () => {
  it('reads each list once while it is kept, each kind and the home page apart, and again after', async () => {
    const { store, reads } = countingStore();
    const at = { ms: Date.UTC(2026, 11, 5) };
    const n = useCases(store, at);
    await n.important();
    await n.forKind('individual');
    await n.forKind('business');
    await n.important();
    await n.forKind('individual');
    expect(reads).toEqual(['all+individual+business important', 'all+individual', 'all+business']);
    at.ms += IMPORTANT_NOTICES_KEPT_MS;
    await n.forKind('individual');
    expect(reads).toHaveLength(4);
  });

  it('does not keep a failed read: the next visit asks again', async () => {
    const { store, reads } = countingStore([1]);
    const n = useCases(store, { ms: Date.UTC(2026, 11, 5) });
    await expect(n.forKind('individual')).rejects.toThrow('down');
    await expect(n.forKind('individual')).resolves.toEqual([]);
    expect(reads).toHaveLength(2);
  });
});

/**
 * A back-office table that keeps readable columns on a narrow screen: the table scrolls sideways
 * inside a region named like its caption, which the keyboard can reach (tabindex 0) to scroll it.
 * The region is named with aria-label rather than by the caption's id, so that two tables on one
 * page never need ids of their own.
 */
import type { Child } from 'hono/jsx';

export function ScrollTable(p: {
  caption: string;
  /** the caption for assistive technology only (the heading above says it already) */
  captionHidden?: boolean;
  /** the table's classes; `data-table` unless given */
  class?: string;
  children: Child;
}) {
  return (
    <div class="table-scroll" role="region" aria-label={p.caption} tabindex={0}>
      <table class={p.class ?? 'data-table'}>
        <caption class={p.captionHidden ? 'visually-hidden' : undefined}>{p.caption}</caption>
        {p.children}
      </table>
    </div>
  );
}

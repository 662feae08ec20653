/**
 * Pictures drawn on the server as SVG (no script, nothing fetched): the enrolment QR code and the
 * dashboard's registrations chart. Each has a text equivalent next to it. Written as text, not as
 * JSX: hono/jsx renders <svg> through an AsyncLocalStorage (web/shared/i18n.tsx).
 */
import { html } from 'hono/html';
import qrcode from 'qrcode-generator';
import type { DailyCount } from '../../../app/staff/ports.js';

/** The QR code of `text` as one SVG path (error correction M, 4-module quiet zone). */
export function QrCode(props: { text: string; label: string }) {
  const qr = qrcode(0, 'M');
  qr.addData(props.text, 'Byte');
  qr.make();
  const n = qr.getModuleCount();
  const quiet = 4;
  const size = n + quiet * 2;
  let d = '';
  for (let row = 0; row < n; row++)
    for (let col = 0; col < n; col++) if (qr.isDark(row, col)) d += `M${col + quiet} ${row + quiet}h1v1h-1z`;
  return html`<svg
    class="qr"
    xmlns="http://www.w3.org/2000/svg"
    viewBox="0 0 ${size} ${size}"
    width="240"
    height="240"
    role="img"
    aria-label="${props.label}"
    shape-rendering="crispEdges"
  >
    <rect width="${size}" height="${size}" fill="#ffffff" />
    <path d="${d}" fill="#000000" />
  </svg>`;
}

const shortDay = (day: string) => `${Number(day.slice(5, 7))}/${Number(day.slice(8, 10))}`;

/**
 * Registrations per day as stacked bars (個人 below, 事業者 above), with a title and a description
 * for assistive technology; the table beside it has every number.
 */
export function RegistrationsChart(props: { days: DailyCount[] }) {
  const days = props.days;
  const width = 760;
  const height = 260;
  const left = 44;
  const right = 12;
  const top = 16;
  const bottom = 40;
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const max = Math.max(1, ...days.map((d) => d.individual + d.business));
  // A round top for the axis: 1, 2, 5 × 10^k.
  const magnitude = 10 ** Math.floor(Math.log10(max));
  const top1 = [1, 2, 5, 10].map((m) => m * magnitude).find((v) => v >= max) ?? max;
  const ticks = [0, 0.25, 0.5, 0.75, 1]
    .map((f) => Math.round(top1 * f))
    .filter((v, i, a) => a.indexOf(v) === i);
  const slot = plotW / Math.max(1, days.length);
  const barW = Math.max(2, slot * 0.7);
  const y = (v: number) => top + plotH - (v / top1) * plotH;
  const total = days.reduce((s, d) => s + d.individual + d.business, 0);
  const first = days[0]?.day ?? '';
  const last = days.at(-1)?.day ?? '';
  const tickMarks = ticks.map(
    (t) =>
      html`<g
        ><line x1="${left}" x2="${width - right}" y1="${y(t)}" y2="${y(t)}" class="chart__grid" /><text
          x="${left - 6}"
          y="${y(t) + 4}"
          text-anchor="end"
          class="chart__label"
          >${t}</text
        ></g
      >`,
  );
  const bars = days.map((d, i) => {
    const x = left + i * slot + (slot - barW) / 2;
    const hi = (d.individual / top1) * plotH;
    const hb = (d.business / top1) * plotH;
    return html`<g
      >${d.individual > 0 ? html`<rect x="${x}" y="${top + plotH - hi}" width="${barW}" height="${hi}" class="chart__bar chart__bar--individual" />` : ''}${d.business > 0 ? html`<rect x="${x}" y="${top + plotH - hi - hb}" width="${barW}" height="${hb}" class="chart__bar chart__bar--business" />` : ''}${i % 5 === 0 || i === days.length - 1 ? html`<text x="${x + barW / 2}" y="${height - bottom + 18}" text-anchor="middle" class="chart__label">${shortDay(d.day)}</text>` : ''}</g
    >`;
  });
  return (
    <figure class="chart">
      {html`<svg
        xmlns="http://www.w3.org/2000/svg"
        viewBox="0 0 ${width} ${height}"
        class="chart__svg"
        role="img"
        aria-labelledby="chart-title chart-desc"
      >
        <title id="chart-title">1日ごとの利用者登録数（過去${days.length}日）</title>
        <desc id="chart-desc">
          ${`${first}から${last}までの登録は合計${total}件です。各日の件数は下の表にあります。`}
        </desc>
        ${tickMarks}${bars}
        <line
          x1="${left}"
          x2="${width - right}"
          y1="${top + plotH}"
          y2="${top + plotH}"
          class="chart__axis"
        />
      </svg>`}
      <figcaption class="chart__legend">
        <span class="chart__key chart__key--individual" aria-hidden="true"></span>個人
        <span class="chart__key chart__key--business" aria-hidden="true"></span>事業者
      </figcaption>
    </figure>
  );
}

// The cutover timeline: pending cutovers on a time axis from now, the minimum notice shaded, so an operator sees
// which deadline comes first, which fall inside the notice integrators were promised, and which are blocked. The
// table beside it says the same in words, with each integrator's notice: what a screen reader reads.
import { el, when } from './dom.js';

const SVG = 'http://www.w3.org/2000/svg';

function svg(tag, attributes, ...children) {
  const node = document.createElementNS(SVG, tag);
  Object.entries(attributes).forEach(([key, value]) => node.setAttribute(key, value));
  children.forEach((child) => node.append(child));
  return node;
}

/** "in 1 h 59 min", "overdue by 5 min": how long until a cutover, as an operator would say it. */
export function timeLeft(at, now = Date.now()) {
  const minutes = Math.trunc((Date.parse(at) - now) / 60000); // whole minutes: never more time than there is
  const size = Math.abs(minutes);
  const spoken = size >= 2880 ? `${Math.round(size / 1440)} days` : size >= 60 ? `${Math.floor(size / 60)} h ${size % 60} min`
    : `${size} min`;
  return minutes >= 0 ? 'in ' + spoken : 'overdue by ' + spoken;
}

/**
 * The axis: cutovers holds {label, at, blocked}; the shaded band is now → now + minimum notice. Labels sit left of
 * their mark in the right half, so none runs off the chart.
 */
export function cutoverTimeline(cutovers, minimumNoticeHours, now = Date.now()) {
  if (!cutovers.length) return el('p', { class: 'muted' }, 'No cutovers pending.');
  const notice = minimumNoticeHours * 3600000;
  const times = cutovers.map((c) => Date.parse(c.at));
  const start = Math.min(now, ...times);
  const end = Math.max(now + notice, ...times);
  const width = 1000;
  const height = 46 + cutovers.length * 24;
  const x = (t) => 20 + ((t - start) / Math.max(1, end - start)) * (width - 40);
  const marks = cutovers.map((c, i) => {
    const right = x(times[i]) > width / 2;
    return svg('g', { class: c.blocked ? 'blocked' : times[i] < now + notice ? 'short' : 'scheduled' },
      svg('circle', { cx: x(times[i]), cy: 36 + i * 24, r: 6 }),
      svg('text', { x: x(times[i]) + (right ? -10 : 10), y: 41 + i * 24, 'text-anchor': right ? 'end' : 'start' },
        `${c.label} ${when(c.at)}${c.blocked ? ' (blocked)' : ''}`));
  });
  const band = Math.max(0, x(now + notice) - x(now));
  return svg('svg', { viewBox: `0 0 ${width} ${height}`, class: 'timeline', role: 'img',
    'aria-label': `${cutovers.length} pending cutover(s) on a time axis from now; the shaded band is the minimum notice` },
  svg('rect', { x: x(now), y: 0, width: band, height, class: 'notice-window' }),
  svg('line', { x1: x(now), x2: x(now), y1: 0, y2: height, class: 'now' }),
  svg('text', { x: x(now) + 4, y: 14, class: 'axis' }, 'now'),
  // a band too narrow for its name goes unnamed: the text above the chart gives the minimum notice
  band >= 140 ? svg('text', { x: x(now + notice) - 4, y: 14, class: 'axis', 'text-anchor': 'end' }, 'minimum notice') : '',
  ...marks);
}

/** Each integrator's notice of a citizen's bump: delivered, failed or on its way, and whether it acknowledged. */
export function integratorStates(citizen, notices) {
  const latest = new Map();
  notices.items.filter((n) => n.citizen === citizen).forEach((n) => {
    if (!latest.has(n.integrator) || latest.get(n.integrator).createdAt < n.createdAt) latest.set(n.integrator, n);
  });
  if (latest.size === 0) return 'no integrator told yet';
  return [...latest.values()].map((n) => `${n.integrator}: ${n.status.toLowerCase()}, `
    + (n.acknowledgedAt ? 'acknowledged' : 'not acknowledged')).join('; ');
}

export function blockedBy(bump) {
  if (bump.awaitingConfluences?.length) return 'awaiting upgrades of ' + bump.awaitingConfluences.join(', ');
  return bump.blocked ? 'blocked' : '—';
}

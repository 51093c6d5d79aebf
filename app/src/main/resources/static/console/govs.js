// The govs page: every gov the token may see, their pending cutovers soonest first, and the form to stand one up.
import { api, setUpSession } from './api.js';
import { $, el, fillRows, fingerprintCell, showPager, when } from './dom.js';
import { setUpForms } from './forms.js';
import { cutoverTimeline, integratorStates, timeLeft } from './timeline.js';

let page = 0;

const govLink = (name) => el('a', { href: '/console/govs/' + encodeURIComponent(name) }, name);

function showGovs(list, filtered) {
  fillRows($('#govs'), list.items.map((gov) => [
    govLink(gov.name), gov.archetype.toLowerCase(),
    gov.status, gov.revision ?? '—', fingerprintCell(gov.fingerprint),
    gov.pendingCutovers.length ? when(gov.pendingCutovers[0].cutoverAt) : '—']),
  filtered ? 'No govs match.' : 'No govs yet: stand one up below.');
}

const minimumNoticeHours = Number($('#timeline').dataset.minimumNoticeHours);
const AXIS_MAX = 12;

// Across the govs of this page, so an operator of many govs sees which integrator deadline comes first, and who
// has not acknowledged it: one read of the notices of each gov with a pending cutover.
async function showCutovers(list) {
  const cutovers = list.items.flatMap((gov) => gov.pendingCutovers.map((c) => ({ gov: gov.name, ...c })))
    .sort((a, b) => a.cutoverAt.localeCompare(b.cutoverAt));
  const govs = [...new Set(cutovers.map((c) => c.gov))];
  const answers = await Promise.all(govs.map((gov) => api('GET', `/api/govs/${encodeURIComponent(gov)}/notices?size=200`)));
  const noticesOf = new Map(govs.map((gov, i) => [gov, answers[i].ok ? answers[i].json : { items: [] }]));
  // the soonest few on the axis, so it stays readable with many govs; the table below holds them all
  $('#timeline').replaceChildren(cutoverTimeline(cutovers.slice(0, AXIS_MAX).map((c) => ({
    label: c.gov + ' / ' + c.citizen, at: c.cutoverAt, blocked: c.blocked })), minimumNoticeHours),
  cutovers.length > AXIS_MAX ? el('p', { class: 'muted' }, `The ${AXIS_MAX} soonest of ${cutovers.length}; `
    + 'the table below lists every one.') : '');
  fillRows($('#cutovers'), cutovers.map((c) => [when(c.cutoverAt), govLink(c.gov), c.citizen, timeLeft(c.cutoverAt),
    c.blocked ? 'blocked' : 'scheduled', integratorStates(c.citizen, noticesOf.get(c.gov))]), 'No cutovers pending.');
}

// With thousands of govs the list is found by name, status and pending cutovers, a page at a time: the API filters,
// not the page.
async function load() {
  const query = new URLSearchParams({ size: 50, page });
  for (const [key, value] of new FormData($('#govs-filter'))) if (value.trim()) query.set(key, value.trim());
  const answer = await api('GET', '/api/govs?' + query);
  $('#govs-refused').hidden = answer.status !== 403;
  if (!answer.ok) return;
  showGovs(answer.json, query.has('name') || query.has('status') || query.has('pendingCutovers'));
  showCutovers(answer.json);
  showPager('govs', answer.json);
}

$('#govs-filter').addEventListener('submit', (event) => { event.preventDefault(); page = 0; load(); });
$('#govs-previous').addEventListener('click', () => { page--; load(); });
$('#govs-next').addEventListener('click', () => { page++; load(); });
setUpForms({
  gov: null, version: () => null, refresh: load,
  written: (form, answer) => { window.location.href = '/console/govs/' + encodeURIComponent(answer.json.name); },
});
setUpSession(load);

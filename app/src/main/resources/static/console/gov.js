// The gov page: the gov's draft and published GovConfig, a form per command, its notices, revisions and audit trail,
// kept current by the gov's live stream while the page is open.
import { api, follow, setUpSession } from './api.js';
import { $, el, fillRows, fingerprintCell, showPager, when } from './dom.js';
import { offerChoices, openTask, setUpForms, titleOf } from './forms.js';
import { acknowledgement, bumpFlags, choices, configTable, consequences, diffItems, noticeRow, pendingNotes,
  publishChanges, summary, tasks } from './gov-views.js';
import { blockedBy, cutoverTimeline, integratorStates, timeLeft } from './timeline.js';

const gov = document.body.dataset.gov;
const base = '/api/govs/' + encodeURIComponent(gov);
let version = null; // sent as If-Match with every command: the newest version this page has seen
let auditPage = 0;

// The first read and the live stream race each other: an answer older than what is shown is dropped.
let shown = -1;
let view = null; // the state shown: what the name pickers offer and what a confirmation says will change
let notices = { items: [] }; // the notices shown: each integrator's part in the timeline
const minimumNoticeHours = Number(document.body.dataset.minimumNoticeHours);

// The gov's pending cutovers against the minimum notice, each with its integrators' notices and what blocks it.
function renderTimeline() {
  if (!view) return;
  const bumps = [...view.pendingBumps].sort((a, b) => a.cutoverAt.localeCompare(b.cutoverAt));
  $('#timeline').replaceChildren(cutoverTimeline(bumps.map((b) => ({ label: b.citizen, at: b.cutoverAt,
    blocked: b.blocked })), minimumNoticeHours));
  fillRows($('#timeline-table'), bumps.map((b) => [when(b.cutoverAt), b.citizen, timeLeft(b.cutoverAt), blockedBy(b),
    integratorStates(b.citizen, notices)]), 'No cutovers pending.');
}

function renderState(state) {
  if (state.version < shown) return;
  shown = state.version;
  view = state;
  offerChoices(choices(view));
  version = Math.max(version ?? -1, view.version);
  $('#gov-summary').textContent = summary(view);
  $('#published').replaceChildren(configTable(view.published?.config, 'Published GovConfig'));
  $('#draft').replaceChildren(configTable(view.draft.config, 'Draft GovConfig'));
  $('#publish-changes').replaceChildren(publishChanges(view));
  $('#pending-bumps').replaceChildren(...pendingNotes(view));
  renderTasks();
  renderTimeline();
}

// Each task names what to do and opens the form that does it, with the citizen or confluence already picked.
// They are redrawn only when they change, so a live update does not take the focus from a task's button.
let tasksShown = '';

function renderTasks() {
  const list = tasks(view);
  if (JSON.stringify(list) === tasksShown) return;
  tasksShown = JSON.stringify(list);
  $('#tasks').replaceChildren(...list.map((task) => el('li', { class: task.warn ? 'warn' : null },
    task.text, ...task.actions.map((action) => [' ', el('button', { type: 'button', class: 'secondary', 'data-opens': action.form,
      onclick: () => openTask(action.form, action.picks) }, action.label)]))));
}

async function loadState() {
  const answer = await api('GET', base);
  if (answer.status === 404) {
    if (shown < 0) {
      // a gov created a moment ago may not be in the read model yet: say so, and look again
      $('#gov-summary').textContent = 'There is no gov named ' + gov + ' (or it is not yet visible).';
      setTimeout(loadState, 1000);
    }
    return;
  }
  if (answer.ok) renderState(answer.json);
}

async function loadAudit() {
  const filter = new FormData($('#audit-filter'));
  const query = new URLSearchParams({ page: auditPage, size: 20 });
  for (const [key, value] of filter) if (value.trim()) query.set(key, value.trim());
  const answer = await api('GET', base + '/history?' + query);
  $('#audit-error').textContent = answer.ok ? '' : (answer.json?.detail ?? 'HTTP ' + answer.status);
  if (!answer.ok) return;
  const list = answer.json;
  fillRows($('#audit'), list.items.map((e) => [e.sequence, when(e.occurredAt), e.operator ?? '—', e.type, e.summary,
    e.reason ?? '']), 'No events match.');
  showPager('audit', list);
}

// The diff's choices follow the revisions; what the operator chose stays chosen, and a fresh page offers first → last.
function offerRevisions(revisions) {
  for (const select of [$('#diff-a'), $('#diff-b')]) {
    const chosen = select.value;
    select.replaceChildren(...revisions.map((r) => el('option', { value: r.revision }, 'revision ' + r.revision)));
    if (chosen) select.value = chosen;
  }
  if (!$('#diff-a').value && revisions.length) $('#diff-a').value = revisions[0].revision;
  if (revisions.length) $('#diff-b').value = $('#diff-b').value || revisions[revisions.length - 1].revision;
}

async function loadRevisions() {
  const answer = await api('GET', base + '/revisions');
  if (!answer.ok) return;
  const revisions = answer.json;
  fillRows($('#revisions'), revisions.map((r) => [r.revision, fingerprintCell(r.fingerprint), when(r.publishedAt),
    r.publishedBy ?? '—', r.notes ?? '']), 'No revision published yet.');
  offerRevisions(revisions);
}

async function redeliver(n) {
  const redone = await api('POST', `${base}/notices/${encodeURIComponent(n.id)}/redelivery`);
  $('#command-result').textContent = redone.ok ? `Notice to ${n.integrator} will be delivered again.`
    : (redone.json?.detail ?? 'HTTP ' + redone.status);
  loadNotices();
}

const redeliverButton = (n) => n.status === 'FAILED'
  ? el('button', { type: 'button', onclick: () => redeliver(n) }, 'Redeliver') : '';

// Notices and their deliveries are not gov events, so the stream does not announce them: the page asks again
// every few seconds, more often while a notice is on its way.
let noticesAgain = null;

async function loadNotices() {
  clearTimeout(noticesAgain);
  const answer = await api('GET', base + '/notices?size=200');
  if (!answer.ok) return;
  notices = answer.json;
  noticesAgain = setTimeout(loadNotices, notices.items.some((n) => n.status === 'PENDING') ? 2000 : 5000);
  renderTimeline();
  const unacknowledged = new Set(notices.pendingBumps.flatMap((b) => b.unacknowledged.map((i) => b.citizen + '/' + i)));
  $('#unacknowledged').replaceChildren(...notices.pendingBumps.map(acknowledgement));
  fillRows($('#notices'), notices.items.map((n) => noticeRow(n, unacknowledged, redeliverButton(n))), 'No notices sent.');
}

const refreshAll = () => Promise.all([loadState(), loadAudit(), loadRevisions(), loadNotices()]);

// Several events arrive close together after one command; one refresh of the tables covers them, and one more a
// little later, as the audit, revision and notice read models may trail the composition the stream follows.
let pending = [];

function refreshSoon() {
  pending.forEach(clearTimeout);
  pending = [300, 2000].map((delay) => setTimeout(() => Promise.all([loadAudit(), loadRevisions(), loadNotices()]), delay));
}

async function showDiff(event) {
  event.preventDefault();
  const answer = await api('GET', `${base}/revisions/${$('#diff-a').value}/diff/${$('#diff-b').value}`);
  if (!answer.ok) {
    $('#diff').replaceChildren(el('p', { class: 'field-error', role: 'alert' }, answer.json?.detail ?? 'HTTP ' + answer.status));
    return;
  }
  const items = diffItems(answer.json);
  $('#diff').replaceChildren(el('h3', {}, `Revision ${$('#diff-a').value} → ${$('#diff-b').value}`),
    items.length ? el('ul', { id: 'diff-list' }, items) : el('p', {}, 'No differences.'));
}

function written(form, answer) {
  const state = answer.json?.gov ?? answer.json;
  if (state?.version !== undefined) version = Math.max(version ?? -1, state.version);
  $('#command-result').textContent = `${titleOf(form)}: done (version ${state?.version ?? '?'}).`;
  if (form.dataset.then === 'show-secret') {
    $('#integrator-secret').textContent = `Signing secret for ${answer.json.integrator} (shown this once): ${answer.json.secret}`;
  }
  if (form.dataset.then === 'show-bump') $('#bump-result').textContent = bumpFlags(answer.json);
  loadState(); // the stream brings it too, unless it is reconnecting
  refreshSoon();
}

function showLive(live) {
  $('#live').textContent = live ? 'Live: changes by other operators appear here as they happen.'
    : 'Live updates interrupted; reconnecting…';
}

$('#audit-filter').addEventListener('submit', (event) => { event.preventDefault(); auditPage = 0; loadAudit(); });
$('#audit-previous').addEventListener('click', () => { auditPage--; loadAudit(); });
$('#audit-next').addEventListener('click', () => { auditPage++; loadAudit(); });
$('#diff-form').addEventListener('submit', showDiff);
function cancelled(form) {
  $('#command-result').textContent = `${titleOf(form)}: called off, nothing was sent.`;
}

setUpForms({ gov, version: () => version, refresh: refreshAll, written, cancelled,
  consequences: (action, request) => consequences(action, request, view) });
setUpSession(() => {
  refreshAll();
  follow(base + '/stream', (state) => { renderState(state); refreshSoon(); }, showLive);
});

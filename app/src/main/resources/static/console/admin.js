// The admin page: tokens (each secret shown once), the read models' processor with its lag, rebuilds, pause and
// segments per node, failed notices across govs, and the dead letters. Every action is an admin API call with the signed-in token: an operator's token is refused by
// the API, and the page says so rather than showing empty tables.
import { api, setUpSession } from './api.js';
import { confirmAction } from './confirm.js';
import { $, el, fillRows, when } from './dom.js';
import { setUpForms } from './forms.js';

const kindOf = (t) => (t.admin ? 'admin' : t.citizenOperator ? "citizen's operator" : 'gov operator');

function stateOf(t) {
  if (t.revokedAt) return 'revoked ' + when(t.revokedAt);
  if (t.expiresAt && new Date(t.expiresAt) <= new Date()) return 'expired';
  return 'active';
}

// A refusal (403) hides the pages and says why; any other failure leaves what is shown as it was.
function refused(answer) {
  const forbidden = answer.status === 403;
  $('#admin-refused').hidden = !forbidden;
  $('#admin-pages').hidden = forbidden;
  if (forbidden) {
    $('#admin-refused').textContent = 'These pages need an admin token. ' + (answer.json?.detail ?? '');
  }
  return !answer.ok;
}

const say = (selector, answer, done) => {
  $(selector).textContent = answer.ok ? done : (answer.json?.detail ?? 'HTTP ' + answer.status);
};

async function revoke(t) {
  const confirmed = await confirmAction('Revoke a token', [el('p', {}, `Revokes the ${kindOf(t)} token of ${t.operator}: `
    + 'requests bearing it are refused from now on. It cannot be restored; a new token can be created.')],
  { reason: false, confirm: 'Revoke token' });
  if (confirmed === null) return;
  const answer = await api('DELETE', '/api/admin/tokens/' + encodeURIComponent(t.id));
  say('#token-secret', answer, `The token of ${t.operator} is revoked.`);
  loadTokens();
}

async function loadTokens() {
  const answer = await api('GET', '/api/admin/tokens');
  if (refused(answer)) return;
  fillRows($('#tokens'), answer.json.map((t) => [t.operator, kindOf(t), when(t.createdAt),
    t.expiresAt ? when(t.expiresAt) : 'never', t.lastUsedAt ? when(t.lastUsedAt) : 'never', stateOf(t),
    t.revokedAt ? '' : el('button', { type: 'button', class: 'danger', onclick: () => revoke(t),
      'aria-label': 'Revoke the token of ' + t.operator }, 'Revoke')]), 'No tokens.');
}

function projectionState(p) {
  if (p.paused) return 'paused';
  if (p.inError) return 'in error: ' + p.errors.join('; ');
  if (p.replaying) return 'rebuilding';
  if (!p.running) return 'stopped';
  return p.caughtUp ? 'caught up' : 'catching up';
}

const lag = (p) => (p.position === null || p.head === null ? '—' : String(Math.max(0, p.head - p.position)));
const progress = (p) => (p.replayProgress === null ? '—' : Math.round(p.replayProgress * 100) + ' %');

// A rebuild empties the read model and reads the log again: reads answer from partial tables until it is done.
async function rebuild(names) {
  const all = names === null;
  const confirmed = await confirmAction(all ? 'Rebuild every read model' : 'Rebuild a read model', [el('p', {},
    `Empties ${all ? 'every read model' : 'the read model ' + names} and reads the whole event log into it again. `
    + 'Until it has caught up, its answers are incomplete. The event log is not touched.')],
  { reason: false, confirm: all ? 'Rebuild all' : 'Rebuild ' + names });
  if (confirmed === null) return;
  const answer = await api('POST', all ? '/api/admin/projections/replay'
    : `/api/admin/projections/${encodeURIComponent(names)}/replay`);
  say('#processor-result', answer, `Rebuilding ${all ? 'every read model' : names}: progress below.`);
  loadProjections();
}

// While something is rebuilding or catching up, the table is read again every second; otherwise every 5 s.
let projectionsAgain = null;

async function loadProjections() {
  clearTimeout(projectionsAgain);
  const answer = await api('GET', '/api/admin/projections');
  if (refused(answer)) return;
  const busy = answer.json.some((p) => p.replaying || !p.caughtUp);
  projectionsAgain = setTimeout(() => Promise.all([loadProjections(), loadSegments(), loadFailedNotices(),
    loadDeadLetters()]), busy ? 1000 : 4000);
  fillRows($('#projections'), answer.json.map((p) => [p.name, projectionState(p), p.position ?? '—', p.head ?? '—',
    lag(p), progress(p), el('button', { type: 'button', onclick: () => rebuild(p.name),
      'aria-label': 'Rebuild ' + p.name }, 'Rebuild')]), 'The read models have no processor on this node.');
}

async function control(action) {
  const answer = await api('POST', '/api/admin/projections/' + action);
  say('#processor-result', answer, action === 'pause' ? 'Paused on every node: the read models no longer follow '
    + 'the log.' : 'Resumed: the read models catch up with the log.');
  loadProjections();
}

async function retry(parked) {
  const answer = await api('POST', `/api/admin/dead-letters/${encodeURIComponent(parked.readModel)}/`
    + `${encodeURIComponent(parked.gov)}/retry`);
  say('#processor-result', answer, answer.json?.handled ? `${parked.gov}: every parked event is handled now.`
    : `${parked.gov}: still parked.`);
  loadDeadLetters();
}

async function evict(parked) {
  const confirmed = await confirmAction('Evict dead letters', [el('p', {}, `Gives up the ${parked.events.length} `
    + `parked event(s) of ${parked.gov} in ${parked.readModel}: the read model goes on without them until it is `
    + 'rebuilt. The event log keeps them.')], { reason: false, confirm: 'Evict' });
  if (confirmed === null) return;
  const answer = await api('DELETE', `/api/admin/dead-letters/${encodeURIComponent(parked.readModel)}/`
    + encodeURIComponent(parked.gov));
  say('#processor-result', answer, `${parked.gov}: its parked events are evicted.`);
  loadDeadLetters();
}

async function loadDeadLetters() {
  const answer = await api('GET', '/api/admin/dead-letters');
  if (refused(answer)) return;
  fillRows($('#dead-letters'), answer.json.map((p) => [p.readModel, p.gov, p.events.length,
    p.events[0] ? `${p.events[0].type}: ${p.events[0].causeMessage ?? p.events[0].causeType}` : '—',
    el('span', {}, el('button', { type: 'button', onclick: () => retry(p), 'aria-label': 'Retry ' + p.gov }, 'Retry'),
      ' ', el('button', { type: 'button', class: 'danger', onclick: () => evict(p), 'aria-label': 'Evict ' + p.gov },
        'Evict'))]), 'No dead letters.');
}

// Which node works which part of the log: a segment nobody holds is one whose events nobody projects.
async function loadSegments() {
  const answer = await api('GET', '/api/admin/projections/segments');
  if (refused(answer)) return;
  const { claims, thisNode } = answer.json;
  fillRows($('#segments'), claims.map((c) => [c.segment,
    c.owner === null ? el('span', { class: 'warn' }, 'nobody') : c.owner + (c.owner === thisNode ? ' (this node)' : ''),
    c.claimedAt ? when(c.claimedAt) : '—']), 'No segments.');
}

async function redeliverNotice(n) {
  const answer = await api('POST', `/api/admin/notices/${encodeURIComponent(n.gov)}/${encodeURIComponent(n.id)}/redelivery`);
  say('#notices-result', answer, `The notice of ${n.gov} to ${n.integrator ?? n.targetUrl} will be delivered again.`);
  loadFailedNotices();
}

const lastAttempt = (n) => (n.lastAttemptAt ? when(n.lastAttemptAt) : '—')
  + (n.lastHttpStatus ? ` HTTP ${n.lastHttpStatus}` : '') + (n.lastError ? ` (${n.lastError})` : '');

async function loadFailedNotices() {
  const answer = await api('GET', '/api/admin/notices?status=FAILED&size=100');
  if (refused(answer)) return;
  const list = answer.json;
  fillRows($('#failed-notices'), list.items.map((n) => [when(n.createdAt),
    el('a', { href: '/console/govs/' + encodeURIComponent(n.gov) }, n.gov), n.integrator ?? '—', n.kind, n.citizen ?? '—',
    n.attempts, lastAttempt(n), el('button', { type: 'button', onclick: () => redeliverNotice(n),
      'aria-label': `Redeliver the ${n.kind} notice of ${n.gov} to ${n.integrator ?? n.targetUrl}` }, 'Redeliver')]),
  'No failed notices.');
  $('#failed-notices-total').textContent = list.total > list.items.length
    ? `The ${list.items.length} oldest of ${list.total} failed notices.` : '';
}

const loadAll = () => Promise.all([loadTokens(), loadProjections(), loadSegments(), loadFailedNotices(),
  loadDeadLetters()]);

$('#pause').addEventListener('click', () => control('pause'));
$('#resume').addEventListener('click', () => control('resume'));
$('#replay-all').addEventListener('click', () => rebuild(null));
setUpForms({
  gov: null, version: () => null, refresh: loadAll,
  written: (form, answer) => {
    $('#token-secret').textContent = `Token for ${answer.json.operator} (shown this once): ${answer.json.token}`;
    loadTokens();
  },
  cancelled: () => {},
  consequences: () => [],
});
setUpSession(loadAll);

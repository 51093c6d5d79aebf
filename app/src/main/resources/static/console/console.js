// The govlife console: every read and write goes to the public HTTP API with the operator's own bearer token, so
// the console shows the API's own problem documents and can do nothing the token may not.
'use strict';

const TOKEN_KEY = 'govlife.console.token';

const token = () => sessionStorage.getItem(TOKEN_KEY);

async function api(method, path, body, headers = {}) {
  const init = { method, headers: { Accept: 'application/json', ...headers } };
  if (token()) {
    init.headers.Authorization = 'Bearer ' + token();
  }
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const response = await fetch(path, init);
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch (e) {
    json = { detail: text };
  }
  if (response.status === 401) {
    signOut('Your token was refused: sign in again.');
  }
  return { status: response.status, ok: response.ok, json, etag: response.headers.get('ETag') };
}

// --- small DOM helpers -------------------------------------------------------------------------------------------

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key.startsWith('on')) node.addEventListener(key.substring(2), value);
    else node.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined) node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

const $ = (selector) => document.querySelector(selector);
const short = (fingerprint) => fingerprint ? fingerprint.substring(0, 12) + '…' : '—';
const fingerprintCell = (fingerprint) => fingerprint ? el('code', { title: fingerprint }, short(fingerprint)) : '—';
const when = (instant) => instant ? new Date(instant).toISOString().replace('.000Z', 'Z') : '—';

function fillRows(table, rows, empty) {
  const body = table.querySelector('tbody');
  body.replaceChildren();
  if (rows.length === 0) {
    const columns = table.querySelectorAll('thead th').length;
    body.append(el('tr', {}, el('td', { colspan: columns, class: 'muted' }, empty)));
  }
  rows.forEach((cells) => body.append(cells instanceof Node ? cells : el('tr', {}, cells.map((c) => el('td', {}, c)))));
}

// --- signing in ---------------------------------------------------------------------------------------------------

function showSession() {
  const signedIn = token() !== null;
  $('#sign-in').hidden = signedIn;
  $('#signed-in').hidden = !signedIn;
  document.body.classList.toggle('signed-in', signedIn);
}

function signOut(message) {
  sessionStorage.removeItem(TOKEN_KEY);
  showSession();
  if (message) $('#token-error').textContent = message;
}

function setUpSession(onSignedIn) {
  $('#sign-in').addEventListener('submit', async (event) => {
    event.preventDefault();
    const input = $('#token');
    sessionStorage.setItem(TOKEN_KEY, input.value.trim());
    const probe = await api('GET', '/api/govs?size=1');
    if (!probe.ok) {
      signOut(probe.status === 401 ? 'This token is not valid or was revoked.' : (probe.json?.detail ?? 'Sign-in failed'));
      input.setAttribute('aria-invalid', 'true');
      return;
    }
    input.value = '';
    input.removeAttribute('aria-invalid');
    $('#token-error').textContent = '';
    showSession();
    onSignedIn();
  });
  $('#sign-out').addEventListener('click', () => signOut());
  showSession();
  if (token()) onSignedIn();
}

// --- command forms --------------------------------------------------------------------------------------------------

// Turns a form into the API call it stands for: fields named a.b become nested members, fields marked
// data-in="path" fill {placeholders} of data-path, empty optional fields are left out (the API's defaults apply).
function requestOf(form, gov) {
  const body = {};
  let path = form.dataset.path.replace('{gov}', encodeURIComponent(gov ?? ''));
  for (const field of form.querySelectorAll('input[name], select[name], textarea[name]')) {
    if (field.disabled || field.type === 'radio' || field.type === 'checkbox') continue;
    const raw = field.value.trim();
    if (field.dataset.in === 'path') {
      path = path.replace('{' + field.name + '}', encodeURIComponent(raw));
      continue;
    }
    if (raw === '') continue;
    let value = raw;
    if (field.dataset.type === 'number' && /^-?\d+$/.test(raw)) value = Number(raw);
    if (field.dataset.type === 'list') value = raw.split(',').map((s) => s.trim()).filter((s) => s !== '');
    const keys = field.name.split('.');
    let target = body;
    keys.slice(0, -1).forEach((key) => { target = target[key] ??= {}; });
    target[keys[keys.length - 1]] = value;
  }
  return { path, body };
}

function clearErrors(form) {
  form.querySelectorAll('.field-error.generated').forEach((node) => node.remove());
  form.querySelectorAll('[aria-invalid]').forEach((node) => {
    node.removeAttribute('aria-invalid');
    node.removeAttribute('aria-describedby');
  });
}

// Puts each of the problem's errors beside its field; what names no field of the form goes at the top.
function showProblem(form, problem, status) {
  const errors = problem?.errors?.length ? problem.errors : [{ field: null, message: problem?.detail ?? ('HTTP ' + status) }];
  let first = null;
  for (const error of errors) {
    const field = error.field && form.querySelector(`[name="${CSS.escape(error.field)}"]`);
    const message = el('p', { class: 'field-error generated', role: 'alert' },
      field ? error.message : (problem?.title ? problem.title + ': ' : '') + (error.field ? error.field + ': ' : '') + error.message);
    if (field) {
      message.id = field.id + '-error';
      field.setAttribute('aria-invalid', 'true');
      field.setAttribute('aria-describedby', message.id);
      field.closest('.field').append(message);
      first ??= field;
    } else {
      form.querySelector('h3, button').insertAdjacentElement('afterend', message);
    }
  }
  first?.focus();
}

function setUpForms(context) {
  for (const form of document.querySelectorAll('form[data-path]')) {
    form.querySelectorAll('[data-choice]').forEach((radio) => radio.addEventListener('change', () => {
      form.querySelectorAll('fieldset[data-kind]').forEach((set) => { set.disabled = set.dataset.kind !== radio.value; });
    }));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      if (form.dataset.confirm && !window.confirm(form.dataset.confirm)) return;
      clearErrors(form);
      const { path, body } = requestOf(form, context.gov);
      const headers = context.version() === null ? {} : { 'If-Match': '"' + context.version() + '"' };
      const button = form.querySelector('button[type=submit]');
      button.disabled = true;
      try {
        const answer = await api(form.dataset.method, path, body, headers);
        if (!answer.ok) {
          if (answer.status === 412) {
            showProblem(form, { detail: 'The gov changed since this page last read it (another operator?). '
                + 'The page is refreshed: check it and submit again.' }, 412);
            context.refresh();
          } else {
            showProblem(form, answer.json, answer.status);
          }
          return;
        }
        context.written(form, answer);
        if (form.dataset.then !== 'show-secret') form.reset();
        form.querySelectorAll('fieldset[data-kind]').forEach((set) => { set.disabled = set.dataset.kind !== 'lattice'; });
      } finally {
        button.disabled = false;
      }
    });
  }
}

/** What the gov made of a bump's timing, in words: the answer's shortNotice, catchUp and lateBy. */
function bumpFlags(bump) {
  if (bump.catchUp) {
    return `Catch-up: the cutover was ${bump.lateBy} ago, so it was carried out at once`
      + ' (unless a confluence spanning the citizen still awaits its upgrade: then it is blocked).';
  }
  return bump.shortNotice ? 'Short notice: the cutover is inside the minimum notice; integrators are told urgently.'
    : 'Scheduled with the usual notice.';
}

// --- live stream ----------------------------------------------------------------------------------------------------

// EventSource cannot send a bearer token, so the stream is read with fetch; it reconnects after a drop.
async function follow(path, onEvent, onState) {
  while (token()) {
    try {
      const response = await fetch(path, { headers: { Accept: 'text/event-stream', Authorization: 'Bearer ' + token() } });
      if (!response.ok) throw new Error('HTTP ' + response.status);
      onState(true);
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const data = buffer.substring(0, end).split('\n').filter((l) => l.startsWith('data:'))
            .map((l) => l.substring(5)).join('\n');
          buffer = buffer.substring(end + 2);
          if (data) onEvent(JSON.parse(data));
        }
      }
    } catch (e) {
      // dropped or refused: say so and try again shortly
    }
    onState(false);
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
}

// --- pages ----------------------------------------------------------------------------------------------------------

const pages = {};

pages.govs = () => {
  let page = 0;
  const load = async () => {
    const answer = await api('GET', '/api/govs?size=50&page=' + page);
    if (!answer.ok) return;
    const list = answer.json;
    fillRows($('#govs'), list.items.map((gov) => [
      el('a', { href: '/console/govs/' + encodeURIComponent(gov.name) }, gov.name), gov.archetype.toLowerCase(),
      gov.status, gov.revision ?? '—', fingerprintCell(gov.fingerprint),
      gov.pendingCutovers.length ? when(gov.pendingCutovers[0].cutoverAt) : '—']), 'No govs yet: stand one up below.');
    const cutovers = list.items.flatMap((gov) => gov.pendingCutovers.map((c) => ({ gov: gov.name, ...c })))
      .sort((a, b) => a.cutoverAt.localeCompare(b.cutoverAt));
    fillRows($('#cutovers'), cutovers.map((c) => [when(c.cutoverAt),
      el('a', { href: '/console/govs/' + encodeURIComponent(c.gov) }, c.gov), c.citizen,
      c.blocked ? 'blocked' : 'scheduled']), 'No cutovers pending.');
    $('#govs-page').textContent = `page ${list.page + 1} of ${Math.max(1, Math.ceil(list.total / list.size))}`;
    $('#govs-previous').disabled = list.page === 0;
    $('#govs-next').disabled = (list.page + 1) * list.size >= list.total;
  };
  $('#govs-previous').addEventListener('click', () => { page--; load(); });
  $('#govs-next').addEventListener('click', () => { page++; load(); });
  setUpForms({
    gov: null, version: () => null, refresh: load,
    written: (form, answer) => { window.location.href = '/console/govs/' + encodeURIComponent(answer.json.name); },
  });
  setUpSession(load);
};

function citizensOf(config) {
  const rows = [];
  config?.lattices.forEach((l) => rows.push({ key: 'lattice ' + l.name, name: l.name, kind: 'lattice', fingerprint: l.fingerprint }));
  config?.organisms.forEach((o) => rows.push({ key: 'organism ' + o.role, name: o.role, kind: 'organism', fingerprint: o.fingerprint }));
  config?.confluences.forEach((c) => rows.push({ key: 'confluence ' + c.name, name: c.name, kind: 'confluence', fingerprint: c.fingerprint }));
  config?.services.forEach((s) => rows.push({ key: 'service ' + s.service, name: s.service, kind: 'service', fingerprint: s.fingerprint }));
  return rows;
}

function configTable(config, label) {
  const rows = citizensOf(config);
  if (!config) return el('p', { class: 'muted' }, 'Nothing published yet.');
  return el('table', { 'aria-label': label },
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Kind'), el('th', { scope: 'col' }, 'Name'), el('th', { scope: 'col' }, 'Fingerprint'))),
    el('tbody', {}, rows.length ? rows.map((r) => el('tr', {}, el('td', {}, r.kind), el('td', {}, r.name), el('td', {}, fingerprintCell(r.fingerprint))))
      : el('tr', {}, el('td', { colspan: 3, class: 'muted' }, 'empty'))));
}

// What publishing the draft would change, citizen by citizen, against the published config.
function publishChanges(view) {
  const before = new Map(citizensOf(view.published?.config).map((r) => [r.key, r]));
  const after = new Map(citizensOf(view.draft.config).map((r) => [r.key, r]));
  const lines = [];
  after.forEach((row, key) => {
    if (!before.has(key)) lines.push(el('li', { class: 'added' }, `adds ${key} at `, fingerprintCell(row.fingerprint)));
    else if (before.get(key).fingerprint !== row.fingerprint) lines.push(el('li', { class: 'changed' }, `moves ${key} from `,
      fingerprintCell(before.get(key).fingerprint), ' to ', fingerprintCell(row.fingerprint)));
  });
  before.forEach((row, key) => { if (!after.has(key)) lines.push(el('li', { class: 'removed' }, `removes ${key}`)); });
  if (view.published && view.published.fingerprint === view.draft.fingerprint) {
    return el('p', {}, 'The draft is the published GovConfig: nothing to publish.');
  }
  return el('div', {}, el('p', {}, 'GovConfig fingerprint ', fingerprintCell(view.published?.fingerprint), ' → ',
    fingerprintCell(view.draft.fingerprint)), el('ul', { id: 'changes-list' }, lines));
}

pages.gov = () => {
  const gov = document.body.dataset.gov;
  const base = '/api/govs/' + encodeURIComponent(gov);
  let version = null;
  let auditPage = 0;

  // The first read and the live stream race each other: an answer older than what is shown is dropped.
  let shown = -1;
  const renderState = (view) => {
    if (view.version < shown) return;
    shown = view.version;
    version = Math.max(version ?? -1, view.version);
    $('#gov-summary').textContent = `${view.status} · ${view.archetype.toLowerCase()} · version ${view.version}`
      + (view.published ? ` · revision ${view.published.revision}` : ' · never published');
    $('#published').replaceChildren(configTable(view.published?.config, 'Published GovConfig'));
    $('#draft').replaceChildren(configTable(view.draft.config, 'Draft GovConfig'));
    $('#publish-changes').replaceChildren(publishChanges(view));
    $('#pending-bumps').replaceChildren(
      view.status === 'RETIRED' ? el('p', { class: 'warn' }, `Retired on ${when(view.retiredAt)}: the gov accepts no further changes.`) : '',
      view.staleConfluences.length ? el('p', { class: 'warn' }, 'Stale confluences, to upgrade before they can be published: '
        + view.staleConfluences.join(', ')) : '',
      view.pendingBumps.length === 0 ? el('p', { class: 'muted' }, 'No pending bumps.')
        : el('div', {}, el('h3', {}, 'Pending bumps'), el('ul', {}, view.pendingBumps.map((b) => el('li', {},
          `${b.citizen} → `, fingerprintCell(b.toFingerprint), ` at ${when(b.cutoverAt)}`,
          b.shortNotice ? el('span', { class: 'warn' }, ' (short notice)') : '',
          b.lateBy ? el('span', { class: 'warn' }, ` (catch-up, ${b.lateBy} late)`) : '',
          b.awaitingConfluences.length ? ` (awaiting upgrades of ${b.awaitingConfluences.join(', ')})` : '',
          b.blocked ? ' (blocked)' : '')))));
  };

  const loadState = async () => {
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
  };

  const loadAudit = async () => {
    const filter = new FormData($('#audit-filter'));
    const query = new URLSearchParams({ page: auditPage, size: 20 });
    for (const [key, value] of filter) if (value.trim()) query.set(key, value.trim());
    const answer = await api('GET', base + '/history?' + query);
    $('#audit-error').textContent = answer.ok ? '' : (answer.json?.detail ?? 'HTTP ' + answer.status);
    if (!answer.ok) return;
    const list = answer.json;
    fillRows($('#audit'), list.items.map((e) => [e.sequence, when(e.occurredAt), e.operator ?? '—', e.type, e.summary,
      e.reason ?? '']), 'No events match.');
    $('#audit-page').textContent = `page ${list.page + 1} of ${Math.max(1, Math.ceil(list.total / list.size))}`;
    $('#audit-previous').disabled = list.page === 0;
    $('#audit-next').disabled = (list.page + 1) * list.size >= list.total;
  };

  const loadRevisions = async () => {
    const answer = await api('GET', base + '/revisions');
    if (!answer.ok) return;
    const revisions = answer.json;
    fillRows($('#revisions'), revisions.map((r) => [r.revision, fingerprintCell(r.fingerprint), when(r.publishedAt),
      r.publishedBy ?? '—', r.notes ?? '']), 'No revision published yet.');
    for (const select of [$('#diff-a'), $('#diff-b')]) {
      const chosen = select.value;
      select.replaceChildren(...revisions.map((r) => el('option', { value: r.revision }, 'revision ' + r.revision)));
      if (chosen) select.value = chosen;
    }
    if (!$('#diff-a').value && revisions.length) $('#diff-a').value = revisions[0].revision;
    if (revisions.length) $('#diff-b').value = $('#diff-b').value || revisions[revisions.length - 1].revision;
  };

  // Notices and their deliveries are not gov events, so the stream does not announce them: the page asks again
  // every few seconds, more often while a notice is on its way.
  let noticesAgain = null;
  const loadNotices = async () => {
    clearTimeout(noticesAgain);
    const answer = await api('GET', base + '/notices?size=200');
    if (!answer.ok) return;
    const notices = answer.json;
    noticesAgain = setTimeout(loadNotices, notices.items.some((n) => n.status === 'PENDING') ? 2000 : 5000);
    const unacknowledged = new Set(notices.pendingBumps.flatMap((b) => b.unacknowledged.map((i) => b.citizen + '/' + i)));
    $('#unacknowledged').replaceChildren(...notices.pendingBumps.map((b) => el('p', { class: b.unacknowledged.length ? 'warn' : 'ok' },
      `Bump of ${b.citizen} at ${when(b.cutoverAt)}: `, b.unacknowledged.length
        ? 'not acknowledged by ' + b.unacknowledged.join(', ') : 'acknowledged by every integrator')));
    fillRows($('#notices'), notices.items.map((n) => {
      const row = el('tr', { class: n.citizen && unacknowledged.has(n.citizen + '/' + n.integrator) && !n.acknowledgedAt ? 'warn' : null },
        el('td', {}, when(n.createdAt)), el('td', {}, n.integrator), el('td', {}, n.kind), el('td', {}, n.citizen ?? '—'),
        el('td', {}, n.status), el('td', {}, el('details', {}, el('summary', {}, String(n.attempts)),
          el('ul', {}, n.attemptLog.map((a) => el('li', {}, `#${a.attempt} ${when(a.at)}: ${a.outcome}`
            + (a.httpStatus ? ` HTTP ${a.httpStatus}` : '') + (a.error ? ` (${a.error})` : '')))))),
        el('td', {}, n.acknowledgedAt ? when(n.acknowledgedAt) : 'no'),
        el('td', {}, n.status === 'FAILED' ? el('button', { type: 'button', onclick: async () => {
          const redone = await api('POST', `${base}/notices/${encodeURIComponent(n.id)}/redelivery`);
          $('#command-result').textContent = redone.ok ? `Notice to ${n.integrator} will be delivered again.`
            : (redone.json?.detail ?? 'HTTP ' + redone.status);
          loadNotices();
        } }, 'Redeliver') : ''));
      return row;
    }), 'No notices sent.');
  };

  const refreshAll = () => Promise.all([loadState(), loadAudit(), loadRevisions(), loadNotices()]);

  // Several events arrive close together after one command; one refresh of the tables covers them, and one more a
  // little later, as the audit, revision and notice read models may trail the composition the stream follows.
  let pending = [];
  const refreshSoon = () => {
    pending.forEach(clearTimeout);
    pending = [300, 2000].map((delay) => setTimeout(() => Promise.all([loadAudit(), loadRevisions(), loadNotices()]), delay));
  };

  $('#audit-filter').addEventListener('submit', (event) => { event.preventDefault(); auditPage = 0; loadAudit(); });
  $('#audit-previous').addEventListener('click', () => { auditPage--; loadAudit(); });
  $('#audit-next').addEventListener('click', () => { auditPage++; loadAudit(); });
  $('#diff-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const answer = await api('GET', `${base}/revisions/${$('#diff-a').value}/diff/${$('#diff-b').value}`);
    if (!answer.ok) {
      $('#diff').replaceChildren(el('p', { class: 'field-error', role: 'alert' }, answer.json?.detail ?? 'HTTP ' + answer.status));
      return;
    }
    const sections = Object.entries(answer.json).filter(([, v]) => v && Array.isArray(v.added));
    const items = sections.flatMap(([kind, changes]) => [
      ...changes.added.map((x) => el('li', { class: 'added' }, `${kind}: added ${nameOf(x)}`)),
      ...changes.removed.map((x) => el('li', { class: 'removed' }, `${kind}: removed ${nameOf(x)}`)),
      ...changes.changed.map((x) => el('li', { class: 'changed' }, `${kind}: changed ${x.name} `,
        fingerprintCell(x.before?.fingerprint), ' → ', fingerprintCell(x.after?.fingerprint)))]);
    $('#diff').replaceChildren(el('h3', {}, `Revision ${$('#diff-a').value} → ${$('#diff-b').value}`),
      items.length ? el('ul', { id: 'diff-list' }, items) : el('p', {}, 'No differences.'));
  });

  setUpForms({
    gov, version: () => version, refresh: refreshAll,
    written: (form, answer) => {
      const state = answer.json?.gov ?? answer.json;
      if (state?.version !== undefined) version = Math.max(version ?? -1, state.version);
      $('#command-result').textContent = `${form.querySelector('h3').textContent}: done (version ${state?.version ?? '?'}).`;
      if (form.dataset.then === 'show-secret') {
        $('#integrator-secret').textContent = `Signing secret for ${answer.json.integrator} (shown this once): ${answer.json.secret}`;
      }
      if (form.dataset.then === 'show-bump') $('#bump-result').textContent = bumpFlags(answer.json);
      loadState(); // the stream brings it too, unless it is reconnecting
      refreshSoon();
    },
  });

  setUpSession(() => {
    refreshAll();
    follow(base + '/stream', (view) => { renderState(view); refreshSoon(); },
      (live) => { $('#live').textContent = live ? 'Live: changes by other operators appear here as they happen.'
        : 'Live updates interrupted; reconnecting…'; });
  });
};

function nameOf(x) {
  return x?.name ?? x?.role ?? x?.service ?? JSON.stringify(x);
}

pages.reports = () => {
  const minimum = Number(document.body.dataset.minimumNoticeHours);
  const charts = [];
  const chart = (target, title, labels, series) => {
    const node = $(target);
    node.replaceChildren();
    if (typeof uPlot === 'undefined' || labels.length === 0) return;
    const width = Math.min(node.clientWidth || 600, 900);
    charts.push(new uPlot({
      title, width, height: 240,
      scales: { x: { time: false } },
      axes: [{ values: (u, ticks) => ticks.map((t) => labels[t] ?? '') }, {}],
      series: [{ label: 'x', value: (u, v) => labels[v] ?? '' }, ...series.map((s) => ({ label: s.label, stroke: s.color, width: 2,
        points: { show: true, size: 7 } }))],
    }, [labels.map((_, i) => i), ...series.map((s) => s.values)], node));
  };

  const show = async (gov) => {
    const q = '?gov=' + encodeURIComponent(gov);
    const [bumps, publications, composition] = await Promise.all([api('GET', '/api/reports/bumps' + q),
      api('GET', '/api/reports/publications' + q), api('GET', '/api/reports/composition' + q)]);
    const failed = [bumps, publications, composition].find((a) => !a.ok);
    $('#report-error').textContent = failed ? (failed.json?.detail ?? 'HTTP ' + failed.status) : '';
    if (failed) return;
    charts.splice(0).forEach((c) => c.destroy());
    const hours = (duration) => {
      const m = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?$/.exec(duration ?? '');
      return m ? Number(m[1] ?? 0) + Number(m[2] ?? 0) / 60 + Number(m[3] ?? 0) / 3600 : null;
    };
    const leads = bumps.json.map((b) => hours(b.noticeLeadTime));
    chart('#lead-chart', 'Notice lead time (hours)', bumps.json.map((b) => b.citizen),
      [{ label: 'lead time', color: '#2b6cb0', values: leads }, { label: 'minimum notice', color: '#c53030', values: leads.map(() => minimum) }]);
    fillRows($('#lead-table'), bumps.json.map((b, i) => [b.citizen, when(b.scheduledAt), when(b.cutoverAt),
      leads[i] === null ? '—' : leads[i].toFixed(1), b.outcome]), 'No bumps yet.');
    const months = publications.json.perMonth;
    chart('#months-chart', 'Publications per month', months.map((m) => m.month),
      [{ label: 'publications', color: '#2f855a', values: months.map((m) => m.publications) }]);
    fillRows($('#months-table'), months.map((m) => [m.month, m.publications]), 'No publications yet.');
    const points = composition.json;
    chart('#kinds-chart', 'Citizens and services per revision', points.map((p) => 'r' + p.revision), [
      { label: 'lattices', color: '#2b6cb0', values: points.map((p) => p.lattices) },
      { label: 'organisms', color: '#805ad5', values: points.map((p) => p.organisms) },
      { label: 'confluences', color: '#dd6b20', values: points.map((p) => p.confluences) },
      { label: 'services', color: '#2f855a', values: points.map((p) => p.services) }]);
    fillRows($('#kinds-table'), points.map((p) => [p.revision, when(p.publishedAt), p.lattices, p.organisms,
      p.confluences, p.services]), 'No revisions yet.');
  };

  $('#report-gov').addEventListener('submit', (event) => { event.preventDefault(); show($('#report-gov-name').value); });
  setUpSession(async () => {
    const answer = await api('GET', '/api/govs?size=200');
    if (!answer.ok) return;
    const select = $('#report-gov-name');
    select.replaceChildren(...answer.json.items.map((g) => el('option', { value: g.name }, g.name)));
    const wanted = new URLSearchParams(window.location.search).get('gov');
    if (wanted) select.value = wanted;
    if (select.value) show(select.value);
  });
};

document.addEventListener('DOMContentLoaded', () => pages[document.body.dataset.page]?.());

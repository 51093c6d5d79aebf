// What the gov page shows, built from the API's answers alone: no requests and no page state here, so gov.js
// decides when to read and these functions only say how it looks.
import { el, fingerprintCell, when } from './dom.js';

// One row per citizen or service, keyed by kind and name: the key is what publishChanges compares across configs.
function citizensOf(config) {
  const rows = [];
  config?.lattices.forEach((l) => rows.push({ key: 'lattice ' + l.name, name: l.name, kind: 'lattice', fingerprint: l.fingerprint }));
  config?.organisms.forEach((o) => rows.push({ key: 'organism ' + o.role, name: o.role, kind: 'organism', fingerprint: o.fingerprint }));
  config?.confluences.forEach((c) => rows.push({ key: 'confluence ' + c.name, name: c.name, kind: 'confluence', fingerprint: c.fingerprint }));
  config?.services.forEach((s) => rows.push({ key: 'service ' + s.service, name: s.service, kind: 'service', fingerprint: s.fingerprint }));
  return rows;
}

export function configTable(config, label) {
  const rows = citizensOf(config);
  if (!config) return el('p', { class: 'muted' }, 'Nothing published yet.');
  return el('table', { 'aria-label': label },
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Kind'), el('th', { scope: 'col' }, 'Name'), el('th', { scope: 'col' }, 'Fingerprint'))),
    el('tbody', {}, rows.length ? rows.map((r) => el('tr', {}, el('td', {}, r.kind), el('td', {}, r.name), el('td', {}, fingerprintCell(r.fingerprint))))
      : el('tr', {}, el('td', { colspan: 3, class: 'muted' }, 'empty'))));
}

function changeLines(before, after) {
  const lines = [];
  after.forEach((row, key) => {
    if (!before.has(key)) lines.push(el('li', { class: 'added' }, `adds ${key} at `, fingerprintCell(row.fingerprint)));
    else if (before.get(key).fingerprint !== row.fingerprint) lines.push(el('li', { class: 'changed' }, `moves ${key} from `,
      fingerprintCell(before.get(key).fingerprint), ' to ', fingerprintCell(row.fingerprint)));
  });
  before.forEach((row, key) => { if (!after.has(key)) lines.push(el('li', { class: 'removed' }, `removes ${key}`)); });
  return lines;
}

// What publishing the draft would change, citizen by citizen, against the published config.
export function publishChanges(view) {
  const before = new Map(citizensOf(view.published?.config).map((r) => [r.key, r]));
  const after = new Map(citizensOf(view.draft.config).map((r) => [r.key, r]));
  const lines = changeLines(before, after);
  if (view.published && view.published.fingerprint === view.draft.fingerprint) {
    return el('p', {}, 'The draft is the published GovConfig: nothing to publish.');
  }
  return el('div', {}, el('p', {}, 'GovConfig fingerprint ', fingerprintCell(view.published?.fingerprint), ' → ',
    fingerprintCell(view.draft.fingerprint)), el('ul', { id: 'changes-list' }, lines));
}

export function summary(view) {
  return `${view.status} · ${view.archetype.toLowerCase()} · version ${view.version}`
    + (view.published ? ` · revision ${view.published.revision}` : ' · never published');
}

function bumpItem(b) {
  return el('li', {},
    `${b.citizen} → `, fingerprintCell(b.toFingerprint), ` at ${when(b.cutoverAt)}`,
    b.shortNotice ? el('span', { class: 'warn' }, ' (short notice)') : '',
    b.lateBy ? el('span', { class: 'warn' }, ` (catch-up, ${b.lateBy} late)`) : '',
    b.awaitingConfluences.length ? ` (awaiting upgrades of ${b.awaitingConfluences.join(', ')})` : '',
    b.blocked ? ' (blocked)' : '');
}

/** What holds the gov back: its retirement, confluences to upgrade, bumps not yet cut over. */
export function pendingNotes(view) {
  return [
    view.status === 'RETIRED' ? el('p', { class: 'warn' }, `Retired on ${when(view.retiredAt)}: the gov accepts no further changes.`) : '',
    view.staleConfluences.length ? el('p', { class: 'warn' }, 'Stale confluences, to upgrade before they can be published: '
      + view.staleConfluences.join(', ')) : '',
    view.pendingBumps.length === 0 ? el('p', { class: 'muted' }, 'No pending bumps.')
      : el('div', {}, el('h3', {}, 'Pending bumps'), el('ul', {}, view.pendingBumps.map(bumpItem)))];
}

/** What the gov made of a bump's timing, in words: the answer's shortNotice, catchUp and lateBy. */
export function bumpFlags(bump) {
  if (bump.catchUp) {
    return `Catch-up: the cutover was ${bump.lateBy} ago, so it was carried out at once`
      + ' (unless a confluence spanning the citizen still awaits its upgrade: then it is blocked).';
  }
  return bump.shortNotice ? 'Short notice: the cutover is inside the minimum notice; integrators are told urgently.'
    : 'Scheduled with the usual notice.';
}

export function acknowledgement(b) {
  return el('p', { class: b.unacknowledged.length ? 'warn' : 'ok' },
    `Bump of ${b.citizen} at ${when(b.cutoverAt)}: `, b.unacknowledged.length
      ? 'not acknowledged by ' + b.unacknowledged.join(', ') : 'acknowledged by every integrator');
}

function attempts(n) {
  return el('details', {}, el('summary', {}, String(n.attempts)),
    el('ul', {}, n.attemptLog.map((a) => el('li', {}, `#${a.attempt} ${when(a.at)}: ${a.outcome}`
      + (a.httpStatus ? ` HTTP ${a.httpStatus}` : '') + (a.error ? ` (${a.error})` : '')))));
}

/**
 * One notice, flagged while its integrator still owes the acknowledgement of a pending bump (unacknowledged holds
 * citizen/integrator pairs); action is what the last cell offers.
 */
export function noticeRow(n, unacknowledged, action) {
  return el('tr', { class: n.citizen && unacknowledged.has(n.citizen + '/' + n.integrator) && !n.acknowledgedAt ? 'warn' : null },
    el('td', {}, when(n.createdAt)), el('td', {}, n.integrator), el('td', {}, n.kind), el('td', {}, n.citizen ?? '—'),
    el('td', {}, n.status), el('td', {}, attempts(n)),
    el('td', {}, n.acknowledgedAt ? when(n.acknowledgedAt) : 'no'),
    el('td', {}, action));
}

// Config members name themselves by name, role or service depending on their kind.
function nameOf(x) {
  return x?.name ?? x?.role ?? x?.service ?? JSON.stringify(x);
}

/** The lines of a revision diff: every member of the answer that has added/removed/changed lists is one kind. */
export function diffItems(diff) {
  const sections = Object.entries(diff).filter(([, v]) => v && Array.isArray(v.added));
  return sections.flatMap(([kind, changes]) => [
    ...changes.added.map((x) => el('li', { class: 'added' }, `${kind}: added ${nameOf(x)}`)),
    ...changes.removed.map((x) => el('li', { class: 'removed' }, `${kind}: removed ${nameOf(x)}`)),
    ...changes.changed.map((x) => el('li', { class: 'changed' }, `${kind}: changed ${x.name} `,
      fingerprintCell(x.before?.fingerprint), ' → ', fingerprintCell(x.after?.fingerprint)))]);
}

// --- what a destructive command will change, shown before it is sent --------------------------------------------

function memberOf(config, name) {
  const lattice = config?.lattices.find((l) => l.name === name);
  if (lattice) return { kind: 'lattice', fingerprint: lattice.fingerprint };
  const organism = config?.organisms.find((o) => o.role === name);
  if (organism) return { kind: 'organism', fingerprint: organism.fingerprint };
  const confluence = config?.confluences.find((c) => c.name === name);
  return confluence ? { kind: 'confluence', fingerprint: confluence.fingerprint } : null;
}

function spanning(config, citizen) {
  return (config?.confluences ?? []).filter((c) => c.spans.includes(citizen)).map((c) => c.name);
}

const untilPublished = (view) => view.published
  ? `Integrators keep revision ${view.published.revision} until the draft is published.`
  : 'Nothing is published yet, so integrators see no change.';

/** The lists the name pickers offer, from the gov's own draft and pending bumps. */
export function choices(view) {
  const config = view.draft.config;
  const referenced = [...config.lattices.map((l) => l.name), ...config.organisms.map((o) => o.role)];
  const confluences = config.confluences.map((c) => c.name);
  return { citizens: [...referenced, ...confluences], referenced, spannable: referenced, confluences,
    bumps: view.pendingBumps.map((b) => b.citizen) };
}

/**
 * What the command a form stands for will change, in the operator's words, from the state the page shows: the
 * confirmation dialog shows it before anything is sent. request holds the form's path parameters and body.
 */
export function consequences(action, request, view) {
  const { params, body } = request;
  const config = view?.draft.config;
  const line = (...parts) => el('p', {}, ...parts);
  switch (action) {
    case 'publish':
      return [line(`Publishes the draft as revision ${(view?.published?.revision ?? 0) + 1}; every registered `
        + 'integrator is notified.'), view ? publishChanges(view) : ''];
    case 'drop-citizen': {
      const member = memberOf(config, params.citizen);
      const spans = spanning(config, params.citizen);
      return [line(`Drops ${member?.kind ?? 'citizen'} ${params.citizen} `, member ? fingerprintCell(member.fingerprint) : '',
        ' from the draft.'),
      spans.length ? el('p', { class: 'warn' }, 'Confluences spanning it go stale, and publishing waits for their '
        + `upgrade: ${spans.join(', ')}.`) : '',
      line(untilPublished(view))];
    }
    case 'replace-citizen': {
      const member = memberOf(config, params.citizen);
      const next = body.lattice?.name ?? body.organism?.role ?? '?';
      return [line(`Replaces ${member?.kind ?? 'citizen'} ${params.citizen} `, member ? fingerprintCell(member.fingerprint) : '',
        ` with ${body.lattice ? 'lattice' : 'organism'} ${next} `,
        fingerprintCell(body.lattice?.fingerprint ?? body.organism?.fingerprint), ' in the draft.'),
      spanning(config, params.citizen).length ? el('p', { class: 'warn' }, 'Confluences spanning it become stale until '
        + 'upgraded or confirmed: ' + spanning(config, params.citizen).join(', ') + '.') : '',
      line(untilPublished(view))];
    }
    case 'withdraw-service': {
      const shipped = config?.services.find((s) => s.service === params.service);
      return [line(`Withdraws basic service ${params.service} `, shipped ? fingerprintCell(shipped.fingerprint)
        : '(not in the draft)', ' from the draft.'), line(untilPublished(view))];
    }
    case 'cancel-bump': {
      const bump = view?.pendingBumps.find((b) => b.citizen === params.citizen);
      return [line(`Cancels the pending bump of ${params.citizen}`, bump ? [' to ', fingerprintCell(bump.toFingerprint),
        ` at ${when(bump.cutoverAt)}`] : '', '. The citizen keeps the fingerprint the gov has for it.')];
    }
    case 'unregister-integrator':
      return [line(`Unregisters integrator ${params.integrator}: it gets no further notices of this gov.`)];
    case 'remove-operator':
      return [line(`Removes co-operator ${params.operator}: their token can no longer change this gov.`)];
    case 'remove-citizen-operator':
      return [line(`${params.operator} can no longer schedule or cancel ${params.citizen}'s bumps or read its notices.`)];
    case 'retire':
      return [el('p', { class: 'warn' }, `Retires gov ${view?.name ?? ''}: it accepts no further changes, and its name `
        + 'stays taken.'), line(view?.published ? `Revision ${view.published.revision} stays readable for integrators.`
        : 'It was never published.')];
    default:
      return [line('This cannot be undone from here.')];
  }
}

// --- what needs doing, task first ------------------------------------------------------------------------------

/**
 * What the gov's state asks of its operator, most pressing first: each task says why, in words, and names the forms
 * that do it (form id, and the pickers to set). A retired gov asks nothing.
 */
export function tasks(view) {
  if (view.status === 'RETIRED') return [{ text: `Retired on ${when(view.retiredAt)}: nothing more can be done here.`, actions: [] }];
  const list = [];
  for (const bump of view.pendingBumps.filter((b) => b.awaitingConfluences.length)) {
    list.push({ warn: true, text: `The cutover of ${bump.citizen} (${when(bump.cutoverAt)}) waits for `
      + `${bump.awaitingConfluences.join(', ')}: upgrade ${bump.awaitingConfluences.length > 1 ? 'them' : 'it'} `
      + 'to a release that speaks the new fingerprint, or integrators meet a ConnectTimeout at the cutover.',
    actions: bump.awaitingConfluences.map((name) => ({ label: `Upgrade ${name}`, form: 'upgrade-confluence', picks: { name } })) });
  }
  const awaited = new Set(view.pendingBumps.flatMap((b) => b.awaitingConfluences));
  for (const name of view.staleConfluences.filter((c) => !awaited.has(c))) {
    list.push({ warn: true, text: `Confluence ${name} is stale: a citizen it spans changed in the draft. Upgrade it, or `
      + 'confirm it works unchanged, before the draft can be published.',
    actions: [{ label: `Upgrade ${name}`, form: 'upgrade-confluence', picks: { name } },
      { label: `Confirm ${name} unchanged`, form: 'confirm-confluence', picks: { name } }] });
  }
  const empty = citizensOf(view.draft.config).length === 0;
  if (empty) {
    list.push({ text: 'The draft names no citizen yet: reference the lattices and organisms the gov is made of.',
      actions: [{ label: 'Reference a lattice', form: 'reference-lattice' }, { label: 'Reference an organism', form: 'reference-organism' }] });
  } else if (!view.published || view.published.fingerprint !== view.draft.fingerprint) {
    list.push({ text: (view.published ? `The draft differs from revision ${view.published.revision}` : 'Nothing is published yet')
      + (view.staleConfluences.length ? ': publish it once no confluence is stale.' : ': publish it when it is ready.'),
    actions: [{ label: 'Publish the draft', form: 'publish' }] });
  }
  if (list.length === 0) {
    list.push({ text: 'Nothing needs doing: the draft is the published GovConfig, no confluence is stale and no cutover is blocked.',
      actions: [] });
  }
  return list;
}

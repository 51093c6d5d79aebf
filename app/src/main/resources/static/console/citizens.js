// A citizen's operator's page: the citizens it was named for across govs, each one's pending bump with how many
// integrators acknowledged it, and the bump form. What the gov publishes stays the gov's: this page reads the public
// config for the fingerprint each gov carries, and the API answers nothing else of the gov to this token.
import { api, setUpSession } from './api.js';
import { confirmAction } from './confirm.js';
import { $, el, fillRows, fingerprintCell, when } from './dom.js';
import { setUpForms } from './forms.js';
import { bumpFlags } from './gov-views.js';
import { timeLeft } from './timeline.js';

const path = (c) => `/api/govs/${encodeURIComponent(c.gov)}/citizens/${encodeURIComponent(c.citizen)}`;

// The fingerprint the gov's current revision carries for the citizen, from the config integrators compile in.
function publishedFingerprint(config, citizen) {
  if (!config) return null;
  const member = [...config.lattices, ...config.organisms.map((o) => ({ ...o, name: o.role })), ...config.confluences]
    .find((m) => m.name === citizen);
  return member?.fingerprint ?? null;
}

// As the gov counts them: its integrators that acknowledged none of the bump's notices are heading for a
// ConnectTimeout at the cutover, whether or not they were registered when it was announced.
function acknowledgement(bump) {
  if (!bump) return '—';
  if (bump.unacknowledged) {
    return el('span', { class: 'warn' }, `${bump.unacknowledged} not acknowledged yet, ${bump.acknowledged} acknowledged`);
  }
  return bump.acknowledged ? `acknowledged by every integrator (${bump.acknowledged})` : 'the gov has no integrator to tell';
}

async function cancel(c) {
  const reason = await confirmAction('Cancel a pending bump', [el('p', {}, `Cancels the bump of ${c.citizen} in gov `
    + `${c.gov} due ${when(c.pendingBump.cutoverAt)}: its integrators are told it is off, and the gov keeps the `
    + 'fingerprint it has for the citizen.')]);
  if (reason === null) {
    $('#citizens-result').textContent = 'Cancel a pending bump: called off, nothing was sent.';
    return;
  }
  const answer = await api('DELETE', path(c) + '/bumps/current', { reason });
  $('#citizens-result').textContent = answer.ok ? `The bump of ${c.citizen} in ${c.gov} is cancelled.`
    : (answer.json?.detail ?? 'HTTP ' + answer.status);
  lastShown = '';
  load();
}

// The form's citizen picker offers gov and citizen as one choice; the two path parameters follow it.
function offerCitizens(citizens) {
  const select = $('#bump-for');
  const chosen = select.value;
  select.replaceChildren(el('option', { value: '' }, citizens.length ? '— choose —' : '— none yet —'),
    ...citizens.map((c) => el('option', { value: JSON.stringify([c.gov, c.citizen]) }, `${c.citizen} of gov ${c.gov}`)));
  select.value = [...select.options].some((o) => o.value === chosen) ? chosen : '';
  pickCitizen();
}

function pickCitizen() {
  const [gov, citizen] = $('#bump-for').value ? JSON.parse($('#bump-for').value) : ['', ''];
  $('#schedule-bump [name=gov]').value = gov;
  $('#schedule-bump [name=citizen]').value = citizen;
}

// Acknowledgements come in while the page is open: it looks again every few seconds.
let again = null;
let lastShown = '';

async function load() {
  clearTimeout(again);
  again = setTimeout(load, 4000);
  const answer = await api('GET', '/api/me/citizens');
  if (!answer.ok) {
    $('#citizens-result').textContent = answer.json?.detail ?? 'HTTP ' + answer.status;
    return;
  }
  // redrawn only when something changed (or the minute did, for the time left), so a live look again does not take
  // the focus from a button or close an open picker
  const shown = JSON.stringify([answer.json, Math.floor(Date.now() / 60000)]);
  if (shown === lastShown) return;
  lastShown = shown;
  const { citizens } = answer.json;
  const govs = [...new Set(citizens.map((c) => c.gov))];
  const configs = await Promise.all(govs.map((gov) => api('GET', `/api/govs/${encodeURIComponent(gov)}/config`)));
  const configOf = new Map(govs.map((gov, i) => [gov, configs[i].ok ? configs[i].json : null]));
  fillRows($('#my-citizens'), citizens.map((c) => [c.gov, c.citizen,
    fingerprintCell(publishedFingerprint(configOf.get(c.gov), c.citizen)),
    c.pendingBump ? el('span', {}, c.pendingBump.fingerprint ? fingerprintCell(c.pendingBump.fingerprint) : '',
      c.pendingBump.fingerprint ? ' at ' : '', when(c.pendingBump.cutoverAt)) : 'none',
    c.pendingBump ? timeLeft(c.pendingBump.cutoverAt) : '—', acknowledgement(c.pendingBump),
    c.pendingBump ? el('button', { type: 'button', class: 'danger', onclick: () => cancel(c),
      'aria-label': `Cancel the bump of ${c.citizen} in ${c.gov}` }, 'Cancel bump') : '']),
  'No gov has named you the operator of a citizen.');
  offerCitizens(citizens);
}

$('#bump-for').addEventListener('change', pickCitizen);
setUpForms({
  gov: null, version: () => null, refresh: load,
  written: (form, answer) => {
    $('#bump-result').textContent = bumpFlags(answer.json);
    lastShown = '';
    load();
  },
  cancelled: () => {},
  consequences: () => [],
});
setUpSession(load);

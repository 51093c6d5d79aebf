// The govs page: every gov the token may see, their pending cutovers soonest first, and the form to stand one up.
import { api, setUpSession } from './api.js';
import { $, el, fillRows, fingerprintCell, showPager, when } from './dom.js';
import { setUpForms } from './forms.js';

let page = 0;

const govLink = (name) => el('a', { href: '/console/govs/' + encodeURIComponent(name) }, name);

function showGovs(list) {
  fillRows($('#govs'), list.items.map((gov) => [
    govLink(gov.name), gov.archetype.toLowerCase(),
    gov.status, gov.revision ?? '—', fingerprintCell(gov.fingerprint),
    gov.pendingCutovers.length ? when(gov.pendingCutovers[0].cutoverAt) : '—']), 'No govs yet: stand one up below.');
}

// Across the govs of this page, so an operator of many govs sees which integrator deadline comes first.
function showCutovers(list) {
  const cutovers = list.items.flatMap((gov) => gov.pendingCutovers.map((c) => ({ gov: gov.name, ...c })))
    .sort((a, b) => a.cutoverAt.localeCompare(b.cutoverAt));
  fillRows($('#cutovers'), cutovers.map((c) => [when(c.cutoverAt), govLink(c.gov), c.citizen,
    c.blocked ? 'blocked' : 'scheduled']), 'No cutovers pending.');
}

async function load() {
  const answer = await api('GET', '/api/govs?size=50&page=' + page);
  if (!answer.ok) return;
  showGovs(answer.json);
  showCutovers(answer.json);
  showPager('govs', answer.json);
}

$('#govs-previous').addEventListener('click', () => { page--; load(); });
$('#govs-next').addEventListener('click', () => { page++; load(); });
setUpForms({
  gov: null, version: () => null, refresh: load,
  written: (form, answer) => { window.location.href = '/console/govs/' + encodeURIComponent(answer.json.name); },
});
setUpSession(load);

// The reports page: a gov's notice lead times, publications per month and composition over time, each as a chart
// (uPlot, loaded by the page as a classic script before this module runs) and as a table, which is what screen
// readers and a page without the chart library still have.
import { api, setUpSession } from './api.js';
import { $, el, fillRows, when } from './dom.js';

const minimum = Number(document.body.dataset.minimumNoticeHours);
const charts = [];

function chart(target, title, labels, series) {
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
}

// The API says durations in ISO 8601 (PT26H30M); the chart and the table want hours.
function hours(duration) {
  const m = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?$/.exec(duration ?? '');
  return m ? Number(m[1] ?? 0) + Number(m[2] ?? 0) / 60 + Number(m[3] ?? 0) / 3600 : null;
}

function showLeadTimes(bumps) {
  const leads = bumps.map((b) => hours(b.noticeLeadTime));
  chart('#lead-chart', 'Notice lead time (hours)', bumps.map((b) => b.citizen),
    [{ label: 'lead time', color: '#2b6cb0', values: leads }, { label: 'minimum notice', color: '#c53030', values: leads.map(() => minimum) }]);
  fillRows($('#lead-table'), bumps.map((b, i) => [b.citizen, when(b.scheduledAt), when(b.cutoverAt),
    leads[i] === null ? '—' : leads[i].toFixed(1), b.outcome]), 'No bumps yet.');
}

function showPublications(publications) {
  const months = publications.perMonth;
  chart('#months-chart', 'Publications per month', months.map((m) => m.month),
    [{ label: 'publications', color: '#2f855a', values: months.map((m) => m.publications) }]);
  fillRows($('#months-table'), months.map((m) => [m.month, m.publications]), 'No publications yet.');
}

function showComposition(points) {
  chart('#kinds-chart', 'Citizens and services per revision', points.map((p) => 'r' + p.revision), [
    { label: 'lattices', color: '#2b6cb0', values: points.map((p) => p.lattices) },
    { label: 'organisms', color: '#805ad5', values: points.map((p) => p.organisms) },
    { label: 'confluences', color: '#dd6b20', values: points.map((p) => p.confluences) },
    { label: 'services', color: '#2f855a', values: points.map((p) => p.services) }]);
  fillRows($('#kinds-table'), points.map((p) => [p.revision, when(p.publishedAt), p.lattices, p.organisms,
    p.confluences, p.services]), 'No revisions yet.');
}

// The three reports are shown together or not at all, so the page never mixes an old report with a new one.
async function show(gov) {
  const q = '?gov=' + encodeURIComponent(gov);
  const [bumps, publications, composition] = await Promise.all([api('GET', '/api/reports/bumps' + q),
    api('GET', '/api/reports/publications' + q), api('GET', '/api/reports/composition' + q)]);
  const failed = [bumps, publications, composition].find((a) => !a.ok);
  $('#report-error').textContent = failed ? (failed.json?.detail ?? 'HTTP ' + failed.status) : '';
  if (failed) return;
  charts.splice(0).forEach((c) => c.destroy());
  showLeadTimes(bumps.json);
  showPublications(publications.json);
  showComposition(composition.json);
}

// The gov in the address (?gov=) is chosen first, so a link from elsewhere opens its reports.
async function offerGovs() {
  const answer = await api('GET', '/api/govs?size=200');
  if (!answer.ok) return;
  const select = $('#report-gov-name');
  select.replaceChildren(...answer.json.items.map((g) => el('option', { value: g.name }, g.name)));
  const wanted = new URLSearchParams(window.location.search).get('gov');
  if (wanted) select.value = wanted;
  if (select.value) show(select.value);
}

$('#report-gov').addEventListener('submit', (event) => { event.preventDefault(); show($('#report-gov-name').value); });
setUpSession(offerGovs);

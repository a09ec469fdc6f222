// Unit tests of the load bench's pure helpers (no timing asserted), in the `unit` project.
import assert from 'node:assert/strict';
import { test } from 'vitest';
import {
  cpuTable,
  formatStatuses,
  lineChart,
  niceMax,
  ratio,
  replaceSection,
  summarize,
  yAxis,
} from './report.mjs';

const result = {
  duration: 2,
  requests: { total: 300 },
  latency: { p50: 3, p90: 7, p99: 40, max: 90 },
  statusCodeStats: { 201: { count: 250 }, 202: { count: 30 }, 403: { count: 20 } },
  errors: 1,
  timeouts: 2,
  non2xx: 20,
  '5xx': 0,
};

test('summarize keeps requests/s over the measured duration and the answers by status', () => {
  const s = summarize(result);
  assert.equal(s.rps, 150);
  assert.deepEqual(s.statuses, { 201: 250, 202: 30, 403: 20 });
  assert.equal(s.p99Ms, 40);
  assert.equal(s.errors + s.timeouts, 3);
});

test('ratio is ours over bare, and 0 when bare measured nothing', () => {
  assert.equal(ratio({ rps: 75 }, { rps: 100 }), 0.75);
  assert.equal(ratio({ rps: 75 }, { rps: 0 }), 0);
});

test('formatStatuses sorts codes and marks an empty mix', () => {
  assert.equal(formatStatuses({ 403: 1, 201: 2 }), '201: 2, 403: 1');
  assert.equal(formatStatuses({}), '—');
});

test('niceMax rounds up to 1, 2 or 5 times a power of ten', () => {
  assert.equal(niceMax(0), 1);
  assert.equal(niceMax(7), 10);
  assert.equal(niceMax(130), 200);
  assert.equal(niceMax(2000), 2000);
  assert.equal(niceMax(2001), 5000);
});

test('lineChart draws one polyline per series, points inside the plot, and escapes labels', () => {
  const svg = lineChart({
    title: 'a <b> & c',
    xLabel: 'x',
    yLabel: 'y',
    x: [1, 16, 64],
    series: [
      { name: 'ours', color: '#f00', values: [10, 20, 30] },
      { name: 'bare', color: '#00f', dashed: true, values: [5, Number.NaN, 15] },
    ],
  });
  assert.match(svg, /^<svg /);
  assert.match(svg, /<title>a &lt;b&gt; &amp; c<\/title>/);
  const lines = [...svg.matchAll(/<polyline [^>]*points="([^"]*)"/g)].map((m) => m[1].split(' '));
  assert.equal(lines.length, 2);
  assert.equal(lines[0].length, 3);
  assert.equal(lines[1].length, 2, 'a missing value draws no point');
  for (const [x, y] of lines.flat().map((p) => p.split(',').map(Number))) {
    assert.ok(x >= 64 && x <= 480 && y >= 40 && y <= 312, `${x},${y} inside the plot`);
  }
});

test('replaceSection replaces only between the markers, or appends them', () => {
  const doc = 'head\n<!-- s -->\nold\n<!-- e -->\ntail\n';
  assert.equal(
    replaceSection(doc, '<!-- s -->', '<!-- e -->', 'new'),
    'head\n<!-- s -->\nnew\n<!-- e -->\ntail\n',
  );
  assert.equal(
    replaceSection('head\n', '<!-- s -->', '<!-- e -->', 'new'),
    'head\n\n<!-- s -->\nnew\n<!-- e -->\n',
  );
});

test('yAxis: linear from zero, or decades on a log scale with values under 1 at the bottom', () => {
  const linear = yAxis([3, 130], false);
  assert.deepEqual(linear.ticks, [0, 50, 100, 150, 200]);
  assert.equal(linear.at(100), 0.5);
  const log = yAxis([0, 4, 3052], true);
  assert.deepEqual(log.ticks, [1, 10, 100, 1000, 10000]);
  assert.equal(log.at(0), 0);
  assert.equal(log.at(100), 0.5);
});

test('lineChart draws a reference line with its label', () => {
  const svg = lineChart({
    title: 't',
    xLabel: 'x',
    yLabel: 'y',
    x: [1, 2],
    log: true,
    reference: { value: 20, label: 'target p99 20 ms' },
    series: [{ name: 's', color: '#000', values: [2, 200] }],
  });
  assert.match(svg, /target p99 20 ms/);
});

test('cpuTable lists each process per request and the pipeline process over bare', () => {
  const at = (concurrency, app) => ({
    concurrency,
    ours: { cpuMsPerRequest: { app, postgres: 0.2, redis: 0.05, s3: 0.4, loadGenerator: 0.1 } },
    bare: { cpuMsPerRequest: { app: 0.2, loadGenerator: 0.1 } },
  });
  const table = cpuTable([at(1, 1.5), at(64, 0.9)]);
  const lines = table.split('\n');
  assert.equal(lines.length, 4);
  assert.match(
    lines[0],
    /^\| concurrency \| pipeline process \| PostgreSQL \| redis-server \| s3rver \|/,
  );
  assert.doesNotMatch(lines[0], /other/, 'no column for processes that did not run');
  assert.equal(lines[2], '| 1 | 1.500 | 0.200 | 0.050 | 0.400 | 0.100 | 0.200 | 0.100 | 7.5× |');
  assert.match(lines[3], /\| 4\.5× \|$/);
});

test('cpuTable shows an "other" column only when something else ran, and null without figures', () => {
  const point = {
    concurrency: 16,
    ours: { cpuMsPerRequest: { app: 1, other: 0.3, loadGenerator: 0.1 } },
    bare: { cpuMsPerRequest: { app: 0, loadGenerator: 0.1 } },
  };
  const table = cpuTable([point]);
  assert.match(table.split('\n')[0], /\| other \|/);
  assert.equal(
    table.split('\n')[2],
    '| 16 | 1.000 | — | — | — | 0.300 | 0.100 | 0.000 | 0.100 | — |',
  );
  assert.equal(cpuTable([{ ...point, ours: { cpuMsPerRequest: null } }]), null);
});

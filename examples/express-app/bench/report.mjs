// Summary, Markdown and SVG helpers of the end-to-end load bench (no dependency:
// the SVG is written by hand). Pure functions, tested in report.test.mjs.

/**
 * The figures of one autocannon run that the report keeps.
 * @param {import('autocannon').Result} r
 */
export function summarize(r) {
  const statuses = {};
  for (const [code, { count }] of Object.entries(r.statusCodeStats ?? {})) statuses[code] = count;
  const seconds = r.duration > 0 ? r.duration : 1;
  return {
    requests: r.requests.total,
    rps: Math.round((r.requests.total / seconds) * 10) / 10,
    p50Ms: r.latency.p50,
    p90Ms: r.latency.p90,
    p99Ms: r.latency.p99,
    maxMs: r.latency.max,
    statuses,
    errors: r.errors,
    timeouts: r.timeouts,
    non2xx: r.non2xx,
    serverErrors: r['5xx'] ?? 0,
  };
}

/** Ours as a ratio of bare Express (requests/s), two decimals. */
export function ratio(ours, bare) {
  return bare.rps > 0 ? Math.round((ours.rps / bare.rps) * 100) / 100 : 0;
}

/** A CPU figure in milliseconds per request, or a dash where none was measured. */
const ms = (value) => (typeof value === 'number' ? value.toFixed(3) : '—');

/**
 * Markdown table of the CPU per answered request of each process, by concurrency: the
 * pipeline server, its PostgreSQL, redis-server and s3rver, anything else below it, and the
 * load generator, beside the bare server; and how many times bare Express's CPU the
 * pipeline's own process spends. Null where the points carry no CPU figures.
 * @param {Array<{ concurrency: number, ours: { cpuMsPerRequest?: Record<string, number> | null }, bare: { cpuMsPerRequest?: Record<string, number> | null } }>} points
 */
export function cpuTable(points) {
  if (points.some((p) => !p.ours.cpuMsPerRequest || !p.bare.cpuMsPerRequest)) return null;
  const other = points.some((p) => (p.ours.cpuMsPerRequest.other ?? 0) > 0);
  const head = [
    'concurrency',
    'pipeline process',
    'PostgreSQL',
    'redis-server',
    's3rver',
    ...(other ? ['other'] : []),
    'load generator (pipeline run)',
    'bare process',
    'load generator (bare run)',
    'pipeline process ÷ bare',
  ];
  const rows = points.map((p) => {
    const o = p.ours.cpuMsPerRequest;
    const b = p.bare.cpuMsPerRequest;
    const times = b.app > 0 ? `${(o.app / b.app).toFixed(1)}×` : '—';
    return [
      p.concurrency,
      ms(o.app),
      ms(o.postgres),
      ms(o.redis),
      ms(o.s3),
      ...(other ? [ms(o.other)] : []),
      ms(o.loadGenerator),
      ms(b.app),
      ms(b.loadGenerator),
      times,
    ];
  });
  return [
    `| ${head.join(' | ')} |`,
    `|${head.map(() => '---:').join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}

/** `201: 900, 202: 50, 403: 50` — the answer mix by status. */
export function formatStatuses(statuses) {
  const codes = Object.keys(statuses).sort();
  return codes.length === 0 ? '—' : codes.map((c) => `${c}: ${statuses[c]}`).join(', ');
}

/** A round, readable upper bound for an axis: 1, 2 or 5 times a power of ten, at least `max`. */
export function niceMax(max) {
  if (!(max > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 5, 10]) if (step * power >= max) return step * power;
  return 10 * power;
}

const esc = (s) =>
  String(s).replace(
    /[&<>"]/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c],
  );

/**
 * The y axis of a chart: linear from zero, or (with `log`) decades from 1 up,
 * values under 1 drawn at 1 (autocannon's latencies are whole milliseconds).
 */
export function yAxis(values, log) {
  const max = Math.max(0, ...values.filter((v) => Number.isFinite(v)));
  if (!log) {
    const top = niceMax(max);
    return { ticks: [0, 1, 2, 3, 4].map((k) => (top * k) / 4), at: (v) => v / top };
  }
  const decades = Math.max(1, Math.ceil(Math.log10(Math.max(max, 1))));
  const ticks = Array.from({ length: decades + 1 }, (_, k) => 10 ** k);
  return { ticks, at: (v) => Math.log10(Math.max(v, 1)) / decades };
}

/**
 * A line chart over categorical x values (the concurrencies).
 * @param {{ title: string, xLabel: string, yLabel: string, x: Array<string|number>, log?: boolean,
 *   reference?: { value: number, label: string },
 *   series: Array<{ name: string, color: string, dashed?: boolean, values: number[] }> }} chart
 * @returns {string} a standalone SVG document
 */
export function lineChart(chart) {
  const W = 640;
  const H = 360;
  const m = { left: 64, right: 160, top: 40, bottom: 48 };
  const pw = W - m.left - m.right;
  const ph = H - m.top - m.bottom;
  const all = chart.series.flatMap((s) => s.values);
  const axis = yAxis(chart.reference ? [...all, chart.reference.value] : all, chart.log === true);
  const xAt = (i) => m.left + (chart.x.length === 1 ? pw / 2 : (i * pw) / (chart.x.length - 1));
  const yAt = (v) => m.top + ph - axis.at(v) * ph;
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="12" role="img">`,
    `<title>${esc(chart.title)}</title>`,
    `<rect width="${W}" height="${H}" fill="#fff"/>`,
    `<text x="${m.left}" y="22" font-size="15" font-weight="bold">${esc(chart.title)}</text>`,
  ];
  for (const v of axis.ticks) {
    const y = yAt(v).toFixed(1);
    out.push(
      `<line x1="${m.left}" y1="${y}" x2="${m.left + pw}" y2="${y}" stroke="#ddd"/>`,
      `<text x="${m.left - 6}" y="${y}" text-anchor="end" dominant-baseline="middle">${esc(+v.toPrecision(3))}</text>`,
    );
  }
  chart.x.forEach((label, i) => {
    out.push(
      `<text x="${xAt(i).toFixed(1)}" y="${m.top + ph + 18}" text-anchor="middle">${esc(label)}</text>`,
    );
  });
  out.push(
    `<line x1="${m.left}" y1="${m.top + ph}" x2="${m.left + pw}" y2="${m.top + ph}" stroke="#333"/>`,
    `<line x1="${m.left}" y1="${m.top}" x2="${m.left}" y2="${m.top + ph}" stroke="#333"/>`,
    `<text x="${m.left + pw / 2}" y="${H - 8}" text-anchor="middle">${esc(chart.xLabel)}</text>`,
    `<text transform="translate(16 ${m.top + ph / 2}) rotate(-90)" text-anchor="middle">${esc(chart.yLabel)}</text>`,
  );
  if (chart.reference) {
    const y = yAt(chart.reference.value).toFixed(1);
    out.push(
      `<line x1="${m.left}" y1="${y}" x2="${m.left + pw}" y2="${y}" stroke="#27ae60" stroke-dasharray="2 3"/>`,
      `<text x="${m.left + pw - 4}" y="${Number(y) - 5}" text-anchor="end" fill="#27ae60">${esc(chart.reference.label)}</text>`,
    );
  }
  chart.series.forEach((s, n) => {
    const points = s.values
      .map((v, i) => (Number.isFinite(v) ? `${xAt(i).toFixed(1)},${yAt(v).toFixed(1)}` : null))
      .filter(Boolean);
    const dash = s.dashed ? ' stroke-dasharray="6 4"' : '';
    out.push(
      `<polyline fill="none" stroke="${s.color}" stroke-width="2"${dash} points="${points.join(' ')}"/>`,
    );
    for (const p of points) {
      const [cx, cy] = p.split(',');
      out.push(`<circle cx="${cx}" cy="${cy}" r="3" fill="${s.color}"/>`);
    }
    const ly = m.top + 10 + n * 20;
    out.push(
      `<line x1="${m.left + pw + 16}" y1="${ly}" x2="${m.left + pw + 40}" y2="${ly}" stroke="${s.color}" stroke-width="2"${dash}/>`,
      `<text x="${m.left + pw + 46}" y="${ly}" dominant-baseline="middle">${esc(s.name)}</text>`,
    );
  });
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}

/**
 * Replaces the text between `start` and `end` markers (kept), or appends the
 * marked section when the markers are not there yet.
 */
export function replaceSection(doc, start, end, body) {
  const section = `${start}\n${body.trim()}\n${end}`;
  const i = doc.indexOf(start);
  const j = doc.indexOf(end);
  if (i === -1 || j === -1 || j < i) return `${doc.trimEnd()}\n\n${section}\n`;
  return `${doc.slice(0, i)}${section}${doc.slice(j + end.length)}`;
}

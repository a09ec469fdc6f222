import { errorBody } from '@clawexchange/ssg/common';
import { metrics } from '@opentelemetry/api';
import { PrometheusExporter } from '@opentelemetry/exporter-prometheus';
import { defaultResource, resourceFromAttributes } from '@opentelemetry/resources';
import { AggregationType, MeterProvider } from '@opentelemetry/sdk-metrics';
import type { Express } from 'express';
import type { Pipeline } from './compose.js';
import { bearerMatches } from './health/bearer.js';

/** The service name `/metrics` reports when `OTEL_SERVICE_NAME` is not set. */
const DEFAULT_SERVICE_NAME = 'clawexchange-example';

/**
 * The resource every series is reported under. Named explicitly: the SDK's
 * default, `unknown_service:<process.argv0>`, published the absolute path
 * of the Node executable on `/metrics` (found by the security suite's
 * fuzzing when Node ran from a versioned install directory).
 */
export function metricsResource(env: NodeJS.ProcessEnv = process.env) {
  const name = env.OTEL_SERVICE_NAME?.trim() || DEFAULT_SERVICE_NAME;
  return defaultResource().merge(resourceFromAttributes({ 'service.name': name }));
}

/** Bucket bounds (seconds) for the latency histograms: the guide alerts on p95 > 0.5 s. */
const LATENCY_BUCKETS_S = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

/**
 * The process's Prometheus exporter, installed once as the global meter
 * provider (OpenTelemetry allows one per process). The packages take
 * `metrics.getMeter(...)` when their factories run, so this must happen
 * before `composePipeline`. No server of its own: `/metrics` is served by
 * the app.
 */
let exporter: PrometheusExporter | undefined;

/** Installs the SDK and the Prometheus exporter (once per process) and returns the exporter. */
export function installMetrics(): PrometheusExporter {
  if (exporter !== undefined) return exporter;
  const created = new PrometheusExporter({ preventServerStart: true });
  const histogram = (instrumentName: string) => ({
    instrumentName,
    aggregation: {
      type: AggregationType.EXPLICIT_BUCKET_HISTOGRAM as const,
      options: { boundaries: LATENCY_BUCKETS_S },
    },
  });
  const provider = new MeterProvider({
    resource: metricsResource(),
    readers: [created],
    views: [
      histogram('clawexchange.ssg.inspection.duration'),
      histogram('clawexchange.audit.write.duration'),
      histogram('clawexchange.quarantine.store_duration'),
    ],
  });
  metrics.setGlobalMeterProvider(provider);
  exporter = created;
  return created;
}

/** Counts quarantine records still held past their expiry: the cleanup worker's backlog. */
async function cleanupBacklog(pipeline: Pipeline): Promise<number> {
  const [rows] = await pipeline.sequelize.query(
    "SELECT count(*)::int AS n FROM quarantine_records WHERE status IN ('QUARANTINED', 'UNDER_REVIEW') AND expires_at < now()",
  );
  return (rows[0] as { n: number } | undefined)?.n ?? 0;
}

/**
 * The host's own gauges, read at each scrape: quarantine storage held
 * (`storageStats()`) and the expired-cleanup backlog. The packages' own
 * instruments (SSG latency and verdicts, 429s, audit writes, ...) need
 * nothing here: they report through the global provider.
 */
export function registerHostGauges(pipeline: Pipeline): void {
  const meter = metrics.getMeter('@clawexchange/example-express-app');
  const heldBytes = meter.createObservableGauge('clawexchange.quarantine.held_bytes', {
    unit: 'By',
    description: 'plaintext bytes held in quarantine (QUARANTINED + UNDER_REVIEW)',
  });
  const heldRecords = meter.createObservableGauge('clawexchange.quarantine.held_records', {
    unit: '{record}',
    description: 'records held in quarantine',
  });
  const backlog = meter.createObservableGauge('clawexchange.quarantine.cleanup_backlog', {
    unit: '{record}',
    description: 'held records past their expiry that cleanup has not processed yet',
  });
  meter.addBatchObservableCallback(
    async (result) => {
      // A failed read skips this scrape's values (the series goes stale) instead of failing it.
      const [stats, overdue] = await Promise.allSettled([
        pipeline.quarantine.storageStats(),
        cleanupBacklog(pipeline),
      ]);
      if (stats.status === 'fulfilled') {
        result.observe(heldBytes, stats.value.heldBytes);
        result.observe(heldRecords, stats.value.heldCount);
      }
      if (overdue.status === 'fulfilled') result.observe(backlog, overdue.value);
    },
    [heldBytes, heldRecords, backlog],
  );
}

/**
 * Serves `GET /metrics` in the Prometheus text format. With a `token`, a
 * scrape must send `Authorization: Bearer <token>` (compared in constant
 * time; Prometheus's `authorization` scrape setting): anything else is a
 * 401 with the family's JSON error body. Without one it is open, for a
 * `/metrics` that only the monitoring network can reach.
 */
export function mountMetrics(app: Express, prometheus: PrometheusExporter, token?: string): void {
  app.get('/metrics', (req, res) => {
    if (token !== undefined && !bearerMatches(req.headers, token)) {
      res
        .status(401)
        .set('www-authenticate', 'Bearer')
        .set('cache-control', 'no-store')
        .json(errorBody('UNAUTHENTICATED', 'a valid bearer token is required'));
      return;
    }
    prometheus.getMetricsRequestHandler(req, res);
  });
}

import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { isIPv6 } from 'node:net';
import type { RateLimitContext } from '@clawexchange/rate-limiter';
import type { RequestFacts } from '@clawexchange/ssg';
import { errorBody } from '@clawexchange/ssg/common';

/** The authenticated agent of a request. */
export type Agent = { readonly agentId: string; readonly trustLevel: 'NEW' | 'VERIFIED' };

/** A request after `authenticate`: the agent, if any, and the client address Express derived. */
export type AgentRequest = IncomingMessage & { agent?: Agent; ip?: string | undefined };

/** What a route screens: its limiter tier and the gate's content type. */
export type RouteKind = {
  readonly tier: 'POSTS' | 'COMMENTS';
  readonly contentType: 'POST' | 'COMMENT';
};

/**
 * Resolves the agent behind a request, once, for everything after it. A real
 * host takes it from its authentication; the demo trusts an `x-agent-id`
 * header, and treats ids starting with `verified-` as VERIFIED agents
 * (higher rate limits).
 */
export function authenticate(
  req: AgentRequest,
  res: { status(code: number): { json(body: unknown): void } },
  next: () => void,
): void {
  const agentId = req.headers['x-agent-id'];
  if (typeof agentId === 'string' && agentId !== '') {
    if (!AGENT_ID.test(agentId)) {
      // A client error, answered as one (it used to reach the limiter and end as a 500).
      res.status(400).json(
        errorBody('INVALID_AGENT_ID', 'x-agent-id must be 1-256 printable ASCII characters', {
          field: 'x-agent-id',
        }),
      );
      return;
    }
    req.agent = { agentId, trustLevel: agentId.startsWith('verified-') ? 'VERIFIED' : 'NEW' };
  }
  next();
}

/** The demo's agent ids: what the limiter and the gate accept (at most 256 characters). */
const AGENT_ID = /^[\x21-\x7e]{1,256}$/;

function expandIPv6(address: string): string[] {
  const [head = '', tail = ''] = address.split('::');
  const left = head === '' ? [] : head.split(':');
  const right = address.includes('::') ? (tail === '' ? [] : tail.split(':')) : [];
  const zeros = Array.from({ length: 8 - left.length - right.length }, () => '0');
  return [...left, ...(address.includes('::') ? zeros : []), ...right];
}

/**
 * The limiter key of an unauthenticated client: its IPv4 address, or the
 * /64 network of an IPv6 address (one host usually holds a whole /64 and
 * could rotate through it to dodge a per-address limit). The address is
 * `req.ip`, which honours Express's `trust proxy` setting: with it off
 * (the default) a client-sent `X-Forwarded-For` is ignored.
 */
export function clientKey(ip: string | undefined): string {
  if (ip === undefined || ip === '') return 'ip:unknown';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip)?.[1];
  if (mapped !== undefined) return `ip:${mapped}`;
  if (!isIPv6(ip)) return `ip:${ip}`;
  const groups = expandIPv6(ip.split('%')[0] ?? ip)
    .slice(0, 4)
    .map((g) => g.toLowerCase().replace(/^0+(?=.)/, ''));
  return `ip:${groups.join(':')}::/64`;
}

/**
 * The limiter context of a request: the agent when authenticated, otherwise
 * the client address as a NEW agent, so anonymous traffic is limited too.
 */
export function rateLimitContext(kind: RouteKind) {
  return (req: AgentRequest): RateLimitContext => {
    const agent = req.agent;
    if (agent) return { agentId: agent.agentId, tier: kind.tier, trustLevel: agent.trustLevel };
    return { agentId: clientKey(req.ip), tier: kind.tier, trustLevel: 'NEW' };
  };
}

/**
 * What the gate needs about the request. Its `agentId` is also what the
 * gate's `onInspection` hook (the limiter's `verdictFeedback()`, see
 * compose.ts) records WARN/QUARANTINE/BLOCK verdicts against; anonymous
 * requests carry none.
 */
export function requestFacts(kind: RouteKind) {
  return (req: AgentRequest): RequestFacts => ({
    contentType: kind.contentType,
    sourceId: randomUUID(),
    ...(req.agent ? { agentId: req.agent.agentId } : {}),
  });
}

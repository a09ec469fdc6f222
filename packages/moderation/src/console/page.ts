/**
 * The console's HTML: server-rendered, no external assets, one inline
 * style and one inline script, both carrying the response's CSP nonce.
 */
import { CONSOLE_SCRIPT } from './script.js';
import { CONSOLE_STYLE } from './style.js';

/** What the page needs from the request. */
export type ConsolePageOptions = {
  readonly nonce: string;
  /** Where the router is mounted, e.g. `/moderation`. */
  readonly basePath: string;
  readonly csrfToken: string;
  readonly adminId: string;
  /** Content-URL lifetime in seconds, shown in the page. */
  readonly signedUrlExpiry: number;
};

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Escapes text for an HTML text node or a quoted attribute.
 * @param s - any text
 * @returns the escaped text
 */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

const TIERS = ['CLEAR', 'LOW', 'MODERATE', 'HIGH', 'CRITICAL'];
const STATUSES = ['QUARANTINED', 'UNDER_REVIEW', 'RELEASED', 'DELETED', 'EXPIRED'];

function options(values: readonly string[], selected = ''): string {
  return values
    .map((v) => `<option value="${v}"${v === selected ? ' selected' : ''}>${v}</option>`)
    .join('');
}

/**
 * Renders the console page.
 * @param o - nonce, mount path, CSRF token, admin id, URL lifetime
 * @returns the HTML document
 */
export function renderConsole(o: ConsolePageOptions): string {
  const e = escapeHtml;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<link rel="icon" href="data:,">
<title>Moderation console</title>
<style nonce="${e(o.nonce)}">${CONSOLE_STYLE}</style>
</head>
<body data-base="${e(o.basePath)}" data-csrf="${e(o.csrfToken)}" data-expiry="${o.signedUrlExpiry}">
<header><h1>Moderation console</h1><p>Signed in as <strong>${e(o.adminId)}</strong></p></header>
<main>
<section aria-labelledby="queue-title" class="queue">
<h2 id="queue-title">Queue</h2>
<form id="filters" class="filters">
<label for="f-status">Status</label>
<select id="f-status" name="status"><option value="">held (quarantined + under review)</option>${options(STATUSES)}</select>
<label for="f-tier">Tier</label>
<select id="f-tier" name="tier"><option value="">any</option>${options(TIERS)}</select>
<label for="f-source">Source id</label>
<input id="f-source" name="sourceId" type="text" autocomplete="off" maxlength="255">
<button type="submit">Apply filters</button>
</form>
<table id="queue" aria-describedby="queue-title">
<thead><tr><th scope="col">Held at</th><th scope="col">Tier</th><th scope="col">Status</th><th scope="col">Summary</th><th scope="col"><span class="sr-only">Open</span></th></tr></thead>
<tbody></tbody>
</table>
<p id="queue-empty" hidden>Nothing to review.</p>
<button id="more" type="button" hidden>Load more</button>
</section>
<section aria-labelledby="item-title" class="item" id="item" hidden>
<h2 id="item-title">Item</h2>
<dl id="envelope"></dl>
<h3>Redacted matches</h3>
<ul id="matches"></ul>
<h3>Content</h3>
<p class="hint">Viewing is recorded on the audit trail. Each link works once and expires after ${o.signedUrlExpiry} seconds.</p>
<button id="view" type="button">View content</button>
<p id="expiry" aria-live="polite"></p>
<pre id="content" tabindex="0" aria-label="Quarantined content" hidden></pre>
<h3>Decision</h3>
<label for="notes">Notes (required, up to 1000 characters)</label>
<textarea id="notes" rows="3" maxlength="1000" required></textarea>
<div class="actions"><button id="release" type="button">Release</button><button id="delete" type="button" class="danger">Delete</button></div>
<h3>Audit history</h3>
<ol id="history"></ol>
</section>
</main>
<p id="status" role="status" aria-live="polite"></p>
<script nonce="${e(o.nonce)}">${CONSOLE_SCRIPT}</script>
</body>
</html>`;
}

/**
 * The console's script (inline, nonce-bound). It builds the DOM with
 * `textContent` only, never `innerHTML`, so no record field can become
 * markup; every POST carries the CSRF header. CSRF tokens expire: a POST
 * refused for its token fetches a fresh one and is sent once more.
 */
export const CONSOLE_SCRIPT: string = `
(function () {
  'use strict';
  var body = document.body;
  var base = body.dataset.base || '';
  var csrf = body.dataset.csrf || '';
  var current = null;
  function $(id) { return document.getElementById(id); }
  function say(msg) { $('status').textContent = msg; }
  function send(method, path, payload) {
    var init = { method: method, credentials: 'same-origin', headers: { Accept: 'application/json' } };
    if (payload !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.headers['X-CSRF-Token'] = csrf;
      init.body = JSON.stringify(payload);
    }
    return fetch(base + path, init).then(function (r) {
      return r.json().then(function (data) {
        if (!r.ok) { var err = new Error((data.error && data.error.message) || 'request failed'); err.code = data.error && data.error.code; throw err; }
        return data;
      });
    });
  }
  function api(method, path, payload) {
    return send(method, path, payload).catch(function (e) {
      if (payload === undefined || (e.code !== 'MODERATION_CSRF_EXPIRED' && e.code !== 'MODERATION_CSRF_FAILED')) throw e;
      // The token expired (or the session changed): nothing was done, so fetch a fresh one and send once more.
      return send('GET', '/human/csrf-token').then(function (t) {
        csrf = t.csrfToken;
        return send(method, path, payload);
      });
    });
  }
  function cell(tr, text, cls) { var td = document.createElement('td'); td.textContent = text; if (cls) td.className = cls; tr.appendChild(td); return td; }
  function filters() {
    var q = new URLSearchParams();
    var status = $('f-status').value, tier = $('f-tier').value, source = $('f-source').value.trim();
    if (status) q.set('status', status);
    if (tier) q.set('tier', tier);
    if (source) q.set('sourceId', source);
    return q;
  }
  function heldOnly() { return !$('f-status').value; }
  // "held" is two lists (QUARANTINED, UNDER_REVIEW), each with its own cursor: '' = from the
  // start, null = exhausted. A single status is one list.
  var cursors = {};
  function fetchPage(status, from) {
    var q = filters();
    if (status) q.set('status', status);
    if (from) q.set('cursor', from);
    q.set('limit', '50');
    return api('GET', '/human/quarantine?' + q.toString()).then(function (page) {
      cursors[status || 'ANY'] = page.nextCursor;
      return page.items;
    });
  }
  function render(items, append) {
    var tbody = $('queue').querySelector('tbody');
    if (!append) tbody.textContent = '';
    items.forEach(function (item) {
      var tr = document.createElement('tr');
      tr.dataset.id = item.id;
      if (current && current.id === item.id) tr.className = 'selected';
      cell(tr, new Date(item.quarantinedAt).toLocaleString());
      cell(tr, item.tier, 'tier');
      cell(tr, item.status);
      cell(tr, item.summary);
      var td = document.createElement('td');
      var b = document.createElement('button');
      b.type = 'button'; b.textContent = 'Open'; b.setAttribute('aria-label', 'Open ' + item.summary);
      b.addEventListener('click', function () { openItem(item.id); });
      td.appendChild(b); tr.appendChild(td); tbody.appendChild(tr);
    });
    $('queue-empty').hidden = tbody.children.length > 0;
  }
  function loadQueue(append) {
    var statuses = heldOnly() ? ['QUARANTINED', 'UNDER_REVIEW'] : [''];
    if (!append) { cursors = {}; statuses.forEach(function (s) { cursors[s || 'ANY'] = ''; }); }
    var open = statuses.filter(function (s) { return cursors[s || 'ANY'] !== null; });
    return Promise.all(open.map(function (s) { return fetchPage(s, cursors[s || 'ANY']); })).then(function (lists) {
      var items = [].concat.apply([], lists);
      items.sort(function (a, b) { return a.quarantinedAt < b.quarantinedAt ? 1 : a.quarantinedAt > b.quarantinedAt ? -1 : 0; });
      render(items, append);
      $('more').hidden = statuses.every(function (s) { return !cursors[s || 'ANY']; });
    }).catch(function (e) { say('Could not load the queue: ' + e.message); });
  }
  function field(dl, name, value) {
    var dt = document.createElement('dt'); dt.textContent = name;
    var dd = document.createElement('dd'); dd.textContent = value === null || value === undefined ? '—' : String(value);
    dl.appendChild(dt); dl.appendChild(dd);
  }
  function openItem(id) {
    return api('GET', '/human/quarantine/' + encodeURIComponent(id)).then(function (env) {
      current = env;
      $('item').hidden = false;
      var dl = $('envelope'); dl.textContent = '';
      field(dl, 'Id', env.id); field(dl, 'Status', env.status); field(dl, 'Tier', env.tier);
      field(dl, 'Labels', env.labels.join(', ')); field(dl, 'Content type', env.contentType);
      field(dl, 'Source id', env.sourceId); field(dl, 'Size', env.sizeBytes + ' bytes');
      field(dl, 'Held at', new Date(env.quarantinedAt).toLocaleString());
      field(dl, 'Expires at', new Date(env.expiresAt).toLocaleString());
      field(dl, 'Summary', env.summary);
      var ul = $('matches'); ul.textContent = '';
      env.matches.forEach(function (m) { var li = document.createElement('li'); li.textContent = m.label + ': ' + m.redacted; ul.appendChild(li); });
      if (env.matches.length === 0) { var li = document.createElement('li'); li.textContent = 'none stored'; ul.appendChild(li); }
      $('content').hidden = true; $('content').textContent = ''; $('expiry').textContent = '';
      var held = env.status === 'QUARANTINED' || env.status === 'UNDER_REVIEW';
      $('view').disabled = !held; $('release').disabled = !held; $('delete').disabled = !held;
      Array.prototype.forEach.call(document.querySelectorAll('#queue tbody tr'), function (tr) { tr.className = tr.dataset.id === id ? 'selected' : ''; });
      $('item-title').focus && $('item-title').setAttribute('tabindex', '-1');
      $('item-title').focus();
      return loadHistory(id);
    }).catch(function (e) { say('Could not open the item: ' + e.message); });
  }
  function loadHistory(id) {
    return api('GET', '/human/quarantine/' + encodeURIComponent(id) + '/history').then(function (h) {
      var ol = $('history'); ol.textContent = '';
      h.items.forEach(function (row) {
        var li = document.createElement('li');
        var extra = row.metadata && (row.metadata.notes || row.metadata.reason) ? ' — ' + (row.metadata.notes || row.metadata.reason) : '';
        li.textContent = new Date(row.at).toLocaleString() + ' ' + row.eventType + ' by ' + row.actorType + ':' + row.actorId + extra;
        li.dataset.event = row.eventType;
        ol.appendChild(li);
      });
      if (h.items.length === 0) { var li = document.createElement('li'); li.textContent = 'no audit rows yet'; ol.appendChild(li); }
    }).catch(function (e) { say('Could not load the history: ' + e.message); });
  }
  function viewContent() {
    if (!current) return;
    var id = current.id;
    api('POST', '/human/content-access', { quarantineId: id }).then(function (grant) {
      $('expiry').textContent = 'Link expires at ' + new Date(grant.expiresAt).toLocaleTimeString() + ' (in ' + grant.expiresInSeconds + ' s).';
      return fetch(grant.url, { credentials: 'same-origin' }).then(function (r) {
        if (!r.ok) return r.json().then(function (d) { throw new Error(d.error ? d.error.message : 'failed'); });
        return r.text();
      });
    }).then(function (text) {
      var pre = $('content'); pre.textContent = text; pre.hidden = false; pre.focus();
      say('Content shown; the view was recorded.');
      return loadHistory(id);
    }).catch(function (e) { say('Could not show the content: ' + e.message); });
  }
  function decide(action) {
    if (!current) return;
    var notes = $('notes').value.trim();
    if (!notes) { say('Notes are required.'); $('notes').focus(); return; }
    var id = current.id;
    api('POST', '/human/action', { quarantineId: id, action: action, notes: notes, expectedVersion: current.version }).then(function (d) {
      say('Item ' + (action === 'release' ? 'released' : 'deleted') + '.');
      $('notes').value = '';
      return loadQueue(false).then(function () { return openItem(id); });
    }).catch(function (e) { say('Could not ' + action + ': ' + e.message); });
  }
  $('filters').addEventListener('submit', function (ev) { ev.preventDefault(); loadQueue(false); });
  $('more').addEventListener('click', function () { loadQueue(true); });
  $('view').addEventListener('click', viewContent);
  $('release').addEventListener('click', function () { decide('release'); });
  $('delete').addEventListener('click', function () { decide('delete'); });
  loadQueue(false);
})();
`;

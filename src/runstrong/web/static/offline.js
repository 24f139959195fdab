/* runstrong web app: installable and offline (issue 18). Registers the service worker, asks
   it to keep the pages this page points to, and keeps a session saved without a connection
   in IndexedDB with its form's idempotency key (the "token" field), shown as "saved on this
   phone, not yet sent", until it is sent when the connection returns. The server's log flow
   answers a second send with the same key "already logged": never a double log. */
(function () {
  "use strict";

  var DB = "runstrong-offline";
  var STORE = "outbox";
  var DRAFT = "runstrong-draft:";  // log.js keeps the form's draft under this prefix
  var KEEP = "a[href^='/session/'], a[href^='/exercises/'], a[href='/checkin'], a[href='/plan'], a[href='/run']";
  var sending = false;

  function open() {
    return new Promise(function (resolve, reject) {
      var req = indexedDB.open(DB, 1);
      req.onupgradeneeded = function () { req.result.createObjectStore(STORE, { keyPath: "key" }); };
      req.onsuccess = function () { resolve(req.result); };
      req.onerror = function () { reject(req.error); };
    });
  }

  function tx(mode, work) {
    return open().then(function (db) {
      return new Promise(function (resolve, reject) {
        var t = db.transaction(STORE, mode);
        var result = work(t.objectStore(STORE));
        t.oncomplete = function () { db.close(); resolve(result && result.result !== undefined ? result.result : result); };
        t.onerror = function () { db.close(); reject(t.error); };
      });
    });
  }

  function all() { return tx("readonly", function (store) { return store.getAll(); }); }
  function put(entry) { return tx("readwrite", function (store) { store.put(entry); }); }
  function remove(key) { return tx("readwrite", function (store) { store.delete(key); }); }

  function csrf() {
    try { return JSON.parse(document.body.getAttribute("hx-headers") || "{}")["X-CSRF-Token"] || ""; }
    catch (e) { return ""; }
  }

  // ------------------------------------------------------------ what the runner sees

  function banner(text, kind, link) {
    var box = document.getElementById("outbox");
    if (!box) { return; }
    box.hidden = !text;
    box.className = "notice outbox " + (kind || "warn");
    box.textContent = text || "";
    if (link) {
      var a = document.createElement("a");
      a.href = link;
      a.textContent = " Open it";
      box.appendChild(a);
    }
  }

  function show() {
    return all().then(function (entries) {
      var waiting = entries.filter(function (e) { return e.state === "waiting"; });
      var refused = entries.filter(function (e) { return e.state === "refused"; });
      if (refused.length) {
        banner("Not sent: " + refused[0].title + ": " + refused[0].reason, "error", refused[0].page);
      } else if (waiting.length) {
        banner((waiting.length === 1 ? waiting[0].title + " is" : waiting.length + " sessions are") +
          " saved on this phone, not yet sent. It goes when you are back online.", "warn");
      } else {
        banner("", "");
      }
    }).catch(function () { /* no IndexedDB: nothing kept */ });
  }

  // ------------------------------------------------------------ keeping a log offline

  function queue(form) {
    var data = new URLSearchParams(new FormData(form));
    var token = data.get("token");
    if (!token) { return Promise.resolve(); }
    var day = new Date((form.getAttribute("data-draft") || "").split(":")[1] + "T12:00:00");
    var title = document.title.split(" · ")[0] +
      (isNaN(day) ? "" : " of " + day.toLocaleDateString("en-GB", { weekday: "short", day: "numeric", month: "short" }));
    var entry = {
      key: token, action: form.action, body: data.toString(), draft: form.getAttribute("data-draft"),
      page: window.location.pathname + window.location.search, state: "waiting", at: Date.now(),
      title: title,
    };
    return put(entry).then(show);
  }

  function offline() { return navigator.onLine === false; }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.matches || !form.matches("form.log-form") || !offline()) { return; }
    event.preventDefault();
    event.stopImmediatePropagation();  // htmx listens on the form: it must not try the network
    queue(form);
  }, true);

  document.addEventListener("htmx:sendError", function (event) {
    var form = event.detail && event.detail.elt;
    if (form && form.matches && form.matches("form.log-form")) { queue(form); }
  });

  function sendOne(entry) {
    return fetch(entry.action, {
      method: "POST", body: entry.body, credentials: "same-origin",
      headers: { "Content-Type": "application/x-www-form-urlencoded", "X-CSRF-Token": csrf() },
    }).then(function (response) {
      if (response.ok && /[?&](saved|notice)=/.test(response.url)) {
        try { localStorage.removeItem(DRAFT + entry.draft); } catch (e) { /* storage off */ }
        return remove(entry.key).then(function () { return response.url; });
      }
      if (response.status === 409 || response.status === 422 || response.status === 403) {
        entry.state = "refused";
        entry.reason = response.status === 409 ? "the diary changed since; check the session and save it again"
          : response.status === 403 ? "the page is too old; open the session and save it again"
          : "a value needs fixing";
        return put(entry).then(function () { return null; });
      }
      return null;  // the server is not answering well: try again later
    });
  }

  function sync() {
    if (sending || offline()) { return Promise.resolve(); }
    sending = true;
    return all().then(function (entries) {
      var waiting = entries.filter(function (e) { return e.state === "waiting"; });
      return waiting.reduce(function (chain, entry) {
        return chain.then(function () {
          return sendOne(entry).then(function (url) {
            var here = document.querySelector("form[data-draft]");
            if (url && here && here.getAttribute("data-draft") === entry.draft) { window.location.assign(url); }
            else if (url) { banner("✓ Sent: " + entry.title + " is in your diary.", "ok"); }
          });
        });
      }, Promise.resolve());
    }).catch(function () { /* offline again: the entries wait */ }).then(function () {
      sending = false;
      return show();
    });
  }

  // ------------------------------------------------------------ the service worker

  function keepAhead() {
    if (!navigator.serviceWorker || !navigator.serviceWorker.controller) { return; }
    var seen = {};
    var urls = [window.location.pathname + window.location.search];
    document.querySelectorAll(KEEP).forEach(function (a) {
      var href = a.getAttribute("href");
      if (!seen[href]) { seen[href] = true; urls.push(href); }
    });
    navigator.serviceWorker.controller.postMessage({ type: "keep", urls: urls });
  }

  function ready() {
    if ("serviceWorker" in navigator && window.isSecureContext) {
      navigator.serviceWorker.register("/sw.js").then(function () { return navigator.serviceWorker.ready; })
        .then(keepAhead).catch(function () { /* no worker: the app still works online */ });
    }
    if (window.indexedDB) { show().then(sync); }
  }

  window.addEventListener("online", sync);
  if (navigator.serviceWorker) { navigator.serviceWorker.addEventListener("controllerchange", keepAhead); }
  document.addEventListener("DOMContentLoaded", ready);
  document.addEventListener("htmx:afterSettle", function () { keepAhead(); show(); });
})();

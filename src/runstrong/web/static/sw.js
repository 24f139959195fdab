/* runstrong service worker: the app on the phone without a connection (issue 18).
   Static files: from the device first. Pages: from the network first, kept on the device
   as they come, and from the device when the network fails. Pages the app points to
   (today's and the next sessions, their exercises, the check-in) are fetched ahead when
   a page asks ("keep"). Nothing is ever posted from here: offline.js queues logs. */
"use strict";

var VERSION = "__VERSION__";
var SHELL = "runstrong-shell-" + VERSION;
var PAGES = "runstrong-pages-" + VERSION;
var SHELL_FILES = ["/static/app.css", "/static/app.js", "/static/log.js", "/static/offline.js", "/static/screen.js", "/static/htmx.min.js"]
  .map(function (path) { return path + "?v=" + VERSION; })
  .concat(["/static/icon-192.png", "/manifest.webmanifest"]);
var MAX_KEEP = 60;  // pages fetched ahead in one go

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(SHELL).then(function (cache) { return cache.addAll(SHELL_FILES); }));
  self.skipWaiting();
});

self.addEventListener("activate", function (event) {
  event.waitUntil(
    caches.keys().then(function (names) {
      return Promise.all(names.filter(function (name) {
        return name.indexOf("runstrong-") === 0 && name !== SHELL && name !== PAGES;
      }).map(function (name) { return caches.delete(name); }));
    }).then(function () { return self.clients.claim(); })
  );
});

function isPage(url) {
  return url.pathname.indexOf("/static/") !== 0 && url.pathname.indexOf("/api/") !== 0 &&
    url.pathname !== "/sw.js" && url.pathname.indexOf("/calendar/") !== 0;
}

function keepable(request, response) {
  // a whole page (not an htmx fragment such as the exercise search's results), as asked for
  return response && response.ok && !response.redirected && response.type === "basic" &&
    !request.headers.get("HX-Target");
}

function fromNetwork(request, url) {
  return fetch(request).then(function (response) {
    if (keepable(request, response)) {
      var copy = response.clone();
      caches.open(PAGES).then(function (cache) { cache.put(url.href, copy); });
    }
    return response;
  });
}

function offlinePage() {
  var body = "<!doctype html><meta charset=utf-8><meta name=viewport content='width=device-width'>" +
    "<title>Offline · runstrong</title><link rel=stylesheet href='/static/app.css?v=" + VERSION + "'>" +
    "<main><h1>Not on this phone yet</h1><p>You are offline, and this page was not kept on the phone. " +
    "<a href='/'>Today</a> and the sessions you opened are.</p></main>";
  return new Response(body, { status: 503, headers: { "Content-Type": "text/html; charset=utf-8" } });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  var url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) { return; }
  if (url.pathname.indexOf("/static/") === 0 || url.pathname === "/manifest.webmanifest") {
    // any version of a static file will do offline; online, the one asked for is kept as it comes
    event.respondWith(caches.match(request, { ignoreVary: true }).then(function (hit) {
      return hit || fetch(request).then(function (response) {
        if (response.ok) {
          var copy = response.clone();
          caches.open(SHELL).then(function (cache) { cache.put(request, copy); });
        }
        return response;
      }).catch(function () {
        return caches.match(request, { ignoreVary: true, ignoreSearch: true }).then(function (old) {
          return old || Response.error();
        });
      });
    }));
    return;
  }
  if (!isPage(url)) { return; }
  event.respondWith(fromNetwork(request, url).catch(function () {
    return caches.match(url.href, { ignoreVary: true }).then(function (hit) { return hit || offlinePage(); });
  }));
});

self.addEventListener("message", function (event) {
  var data = event.data || {};
  if (data.type !== "keep" || !Array.isArray(data.urls)) { return; }
  var urls = data.urls.slice(0, MAX_KEEP).map(function (u) { return new URL(u, self.location.origin); })
    .filter(function (u) { return u.origin === self.location.origin && isPage(u); });
  event.waitUntil(caches.open(PAGES).then(function (cache) {
    return Promise.all(urls.map(function (u) {
      return cache.match(u.href).then(function (hit) {
        if (hit) { return null; }  // kept already; a visit refreshes it
        return fetch(u.href, { credentials: "same-origin" }).then(function (response) {
          if (response.ok && !response.redirected) { return cache.put(u.href, response); }
          return null;
        }).catch(function () { return null; });
      });
    }));
  }));
});

/*
 * The offline copy, only for people who chose "keep on this device" on the directory home.
 * The build writes this file to the site root as sw.js, with its build id below, so its
 * scope covers every language and the leaflets. It stores what one language's
 * finder/offline.json lists (the directory pages, the finder, the leaflets) in a cache named
 * after the build; a new build changes this file, the browser installs the new worker on
 * the next visit, and the old caches are removed when it takes over. Pages come from the
 * network when there is one, so a copy never hides newer details from someone online.
 */
"use strict";

var BUILD = "__HELPDIR_BUILD__";
var PREFIX = "helpdir-offline-";
var MANIFEST_PATTERN = /^([a-z]{2}\/)?finder\/offline\.json$/;
var requested = new URL(self.location.href).searchParams.get("manifest") || "";
var MANIFEST = MANIFEST_PATTERN.test(requested) ? requested : "finder/offline.json";
var NETWORK_WAIT_MS = 5000;

function cacheName(manifest) {
  return PREFIX + BUILD + ":" + manifest;
}

function store(manifest) {
  var manifestUrl = new URL(manifest, self.location.href);
  return fetch(manifestUrl, { cache: "no-store" })
    .then(function (response) {
      if (!response.ok) throw new Error("no offline list at " + manifestUrl);
      return response.json();
    })
    .then(function (list) {
      return caches.open(cacheName(manifest)).then(function (cache) {
        var required = list.urls.map(function (url) {
          return new Request(new URL(url, manifestUrl).href, { cache: "reload" });
        });
        return cache.addAll(required).then(function () {
          return Promise.all(list.optional.map(function (url) {
            var request = new Request(new URL(url, manifestUrl).href, { cache: "reload" });
            return cache.add(request).catch(function () { return null; });
          }));
        });
      });
    });
}

self.addEventListener("install", function (event) {
  // This language first (it must succeed), then any language kept before, renewed.
  event.waitUntil(
    store(MANIFEST)
      .then(function () { return caches.keys(); })
      .then(function (names) {
        var others = [];
        names.forEach(function (name) {
          if (name.indexOf(PREFIX) !== 0) return;
          var manifest = name.slice(name.indexOf(":") + 1);
          if (manifest !== MANIFEST && MANIFEST_PATTERN.test(manifest) &&
              others.indexOf(manifest) === -1) {
            others.push(manifest);
          }
        });
        return Promise.all(others.map(function (manifest) {
          return store(manifest).catch(function () { return null; });
        }));
      })
      .then(function () { return self.skipWaiting(); })
  );
});

self.addEventListener("activate", function (event) {
  var current = PREFIX + BUILD + ":";
  event.waitUntil(
    caches.keys()
      .then(function (names) {
        return Promise.all(names.filter(function (name) {
          return name.indexOf(PREFIX) === 0 && name.indexOf(current) !== 0;
        }).map(function (name) { return caches.delete(name); }));
      })
      .then(function () { return self.clients.claim(); })
  );
});

function fromCache(request) {
  return caches.match(request).then(function (hit) {
    if (hit || request.mode !== "navigate") return hit;
    var url = new URL(request.url);
    if (!url.pathname.endsWith("/")) {
      url.pathname += "/";
      return caches.match(url.href);
    }
    return undefined;
  });
}

/* Free places today change between builds: each fresh status.json from the network replaces
   the kept one, in the caches that already hold it (nothing new is stored). */
var STATUS_FILE = /\/data\/status\.json$/;

function keepLatestStatus(request, response) {
  if (!response.ok || !STATUS_FILE.test(new URL(request.url).pathname)) return;
  var copy = response.clone();
  caches.keys().then(function (names) {
    names.forEach(function (name) {
      if (name.indexOf(PREFIX + BUILD + ":") !== 0) return;
      caches.open(name).then(function (cache) {
        return cache.match(request.url).then(function (kept) {
          if (kept) return cache.put(request.url, copy.clone());
          return null;
        });
      });
    });
  });
}

/* The network first; the stored copy when the network fails or keeps us waiting. */
function respond(request) {
  return new Promise(function (resolve, reject) {
    var settled = false;
    function settle(response) {
      if (settled) return;
      settled = true;
      if (response) resolve(response);
      else reject(new TypeError("offline and not stored"));
    }
    var timer = setTimeout(function () {
      fromCache(request).then(function (hit) { if (hit) settle(hit); });
    }, NETWORK_WAIT_MS);
    fetch(request).then(function (response) {
      clearTimeout(timer);
      keepLatestStatus(request, response);
      settle(response);
    }, function () {
      clearTimeout(timer);
      fromCache(request).then(settle, function () { settle(null); });
    });
  });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET") return;
  if (new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(respond(request));
});

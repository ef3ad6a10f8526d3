/*
 * The finder, offline copy: "keep on this device" registers the service worker
 * (offline-worker.js, served as /sw.js) only when asked, and "remove" takes the worker and
 * every cache it made away again. Nothing is stored before the visitor chooses it.
 */
(function () {
  "use strict";

  var F = window.HelpdirFinder;
  if (!F) return;
  var section = F.root.querySelector("[data-hd-offline]");
  if (!section) return;
  var ui = F.ui;
  var config = F.config;
  var keep = section.querySelector("[data-offline-keep]");
  var remove = section.querySelector("[data-offline-remove]");
  var status = section.querySelector("[data-offline-status]");
  var PREFIX = "helpdir-offline-";
  var workers = navigator.serviceWorker;

  function kept(yes) {
    keep.hidden = yes;
    remove.hidden = !yes;
  }

  if (!workers || !window.isSecureContext || !window.caches) {
    keep.disabled = true;
    status.textContent = ui.offline_unavailable;
    return;
  }
  workers.getRegistration(config.scope).then(function (registration) {
    kept(Boolean(registration));
  }, function () {});

  function activated(registration) {
    return new Promise(function (resolve, reject) {
      var worker = registration.installing || registration.waiting;
      if (!worker) {
        if (registration.active) resolve();
        else reject(new Error("no worker"));
        return;
      }
      worker.addEventListener("statechange", function () {
        if (worker.state === "activated") resolve();
        if (worker.state === "redundant") reject(new Error("install failed"));
      });
    });
  }

  keep.addEventListener("click", function () {
    keep.disabled = true;
    status.textContent = ui.offline_saving;
    workers.register(config.worker, { scope: config.scope })
      .then(activated)
      .then(function () {
        kept(true);
        status.textContent = ui.offline_kept;
      })
      .catch(function () {
        status.textContent = ui.offline_failed;
        return removeAll();
      })
      .then(function () { keep.disabled = false; });
  });

  function removeAll() {
    return workers.getRegistrations()
      .then(function (registrations) {
        return Promise.all(registrations.map(function (r) { return r.unregister(); }));
      })
      .then(function () { return caches.keys(); })
      .then(function (names) {
        return Promise.all(names.filter(function (name) {
          return name.indexOf(PREFIX) === 0;
        }).map(function (name) { return caches.delete(name); }));
      });
  }

  remove.addEventListener("click", function () {
    removeAll().then(function () {
      kept(false);
      status.textContent = ui.offline_removed;
      keep.focus();
    });
  });
})();

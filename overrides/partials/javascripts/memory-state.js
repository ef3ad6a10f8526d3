/* Material's state helpers (__md_scope, __md_hash, __md_get, __md_set) without browser storage.
 *
 * Material reads and writes small UI state through these four globals and passes
 * localStorage or sessionStorage as an argument. Here the storage argument is ignored: values
 * are kept in a Map that lives only as long as the page, so nothing is left on the device.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  var scope = (script && script.getAttribute("data-scope")) || ".";
  var memory = new Map();

  window.__md_scope = new URL(scope, location);

  /* A small string hash; Material compares banner contents with it. */
  window.__md_hash = function (text) {
    var hash = 0;
    for (var i = 0; i < text.length; i++) {
      hash = ((hash << 5) - hash + text.charCodeAt(i)) | 0;
    }
    return hash;
  };

  function keyOf(name, base) {
    return (base || window.__md_scope).pathname + "." + name;
  }

  window.__md_get = function (name, _storage, base) {
    var key = keyOf(name, base);
    return memory.has(key) ? JSON.parse(memory.get(key)) : null;
  };

  window.__md_set = function (name, value, _storage, base) {
    try {
      memory.set(keyOf(name, base), JSON.stringify(value));
    } catch (_error) {
      /* a value that cannot be serialised is simply not remembered */
    }
  };
})();

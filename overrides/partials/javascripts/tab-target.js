/* Opens the content tab named in the address (#__tabbed_1_2), as a link to it promises. */
(function () {
  "use strict";
  var id = location.hash.slice(1);
  try {
    id = decodeURIComponent(id);
  } catch (_error) {
    /* a malformed escape: look the raw text up */
  }
  var target = id && document.getElementById(id);
  if (target && target.name && target.name.indexOf("__tabbed_") === 0) {
    target.checked = true;
  }
})();

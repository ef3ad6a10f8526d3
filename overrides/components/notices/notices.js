/* Notices (notices.yml) shown only between their start and end, judged on the visitor's
   device: a page built last week neither shows a notice that has ended nor hides one that has
   begun. Each notice carries its times (data-notice-start, data-notice-end, with the Minsk
   offset); this script only shows or hides it. Nothing is stored or sent. */
(function () {
  "use strict";

  function update() {
    var now = Date.now();
    document.querySelectorAll("[data-notice-start]").forEach(function (notice) {
      var start = Date.parse(notice.getAttribute("data-notice-start"));
      var end = Date.parse(notice.getAttribute("data-notice-end"));
      if (isNaN(start) || isNaN(end)) return;
      notice.hidden = !(now >= start && now < end);
    });
  }

  update();
  /* A page left open shows a notice when it begins and drops it when it ends. */
  window.setInterval(update, 30 * 1000);
})();

/* runstrong: the screen's stopwatch for holds (planks, balance). Without this file the
   seconds are typed; with it, each hold gets a button that starts the clock and stops it,
   writing the whole seconds held into the answer (which can still be corrected by hand). */
(function () {
  "use strict";

  function clock(seconds) {
    var s = Math.max(0, Math.floor(seconds));
    return Math.floor(s / 60) + ":" + String(s % 60).padStart(2, "0");
  }

  function wire(box) {
    var input = document.getElementById(box.getAttribute("data-timer-for"));
    var button = box.querySelector(".timer-go");
    var face = box.querySelector(".timer-clock");
    if (!input || !button || !face || box.getAttribute("data-wired")) { return; }
    box.setAttribute("data-wired", "1");
    var started = 0;
    var handle = null;

    function paint() { face.textContent = clock((Date.now() - started) / 1000); }

    function stop() {
      clearInterval(handle);
      handle = null;
      var held = Math.floor((Date.now() - started) / 1000);
      input.value = String(held);
      input.dispatchEvent(new Event("change", { bubbles: true }));
      face.textContent = clock(held);
      box.classList.remove("running");
      button.textContent = "Time it again";
      face.setAttribute("aria-live", "polite");
    }

    button.addEventListener("click", function () {
      if (handle) { stop(); return; }
      started = Date.now();
      face.setAttribute("aria-live", "off");
      handle = setInterval(paint, 250);
      paint();
      box.classList.add("running");
      button.textContent = "Stop";
    });
    box.hidden = false;
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll(".hold-timer[data-timer-for]"), wire);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
  /* htmx swaps a new step into the page: wire its stopwatches too */
  document.addEventListener("htmx:afterSettle", init);
})();

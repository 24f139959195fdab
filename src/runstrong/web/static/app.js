/* runstrong web app: small progressive enhancements. Every page works without this file;
   with it, ticking a set starts the rest timer, editing a set ticks it, one button ticks
   every set, and a form that came back with errors puts the focus on its summary. */
(function () {
  "use strict";

  var timer = { end: 0, handle: null };

  function el(id) { return document.getElementById(id); }

  function say(text) {
    var live = el("rt-say");
    if (live) { live.textContent = text; }
  }

  function clock(seconds) {
    var s = Math.max(0, Math.ceil(seconds));
    return Math.floor(s / 60) + ":" + String(s % 60).padStart(2, "0");
  }

  function paint() {
    var bar = el("rest-timer");
    if (!bar) { return; }
    var left = (timer.end - Date.now()) / 1000;
    if (!timer.end) {
      bar.className = "rest-timer";
      el("rt-time").textContent = "–:––";
      el("rt-hint").textContent = "tick a set to start";
      return;
    }
    if (left > 0) {
      bar.className = "rest-timer running";
      el("rt-time").textContent = clock(left);
      el("rt-hint").textContent = "resting";
    } else {
      bar.className = "rest-timer done";
      el("rt-time").textContent = "0:00";
      el("rt-hint").textContent = "next set";
      stop(false);
      say("Rest over: next set.");
      if (navigator.vibrate) { navigator.vibrate(200); }
    }
  }

  function start(seconds) {
    if (!seconds || seconds <= 0) { return; }
    timer.end = Date.now() + seconds * 1000;
    if (timer.handle) { clearInterval(timer.handle); }
    timer.handle = setInterval(paint, 250);
    say("Rest " + clock(seconds) + " started.");
    paint();
  }

  function stop(reset) {
    if (timer.handle) { clearInterval(timer.handle); }
    timer.handle = null;
    if (reset) { timer.end = 0; paint(); }
  }

  document.addEventListener("change", function (event) {
    var box = event.target;
    if (box.classList && box.classList.contains("set-done") && box.checked) {
      var row = box.closest(".set-row");
      start(parseInt(row && row.getAttribute("data-rest"), 10));
    }
  });

  document.addEventListener("input", function (event) {
    var row = event.target.closest && event.target.closest(".set-row");
    if (!row) { return; }
    var box = row.querySelector(".set-done");
    if (box && !box.checked) { box.checked = true; }
  });

  document.addEventListener("click", function (event) {
    var target = event.target;
    if (target.id === "rt-add") {
      if (timer.end && timer.end > Date.now()) { timer.end += 15000; paint(); } else { start(15); }
    } else if (target.id === "rt-stop") {
      stop(true);
      say("Timer stopped.");
    } else if (target.hasAttribute && target.hasAttribute("data-tick-all")) {
      var form = target.closest("form");
      form.querySelectorAll(".set-done").forEach(function (box) { box.checked = true; });
      say("Every set ticked as planned. Change any that differed, then save.");
    }
  });

  // A part of a form that matters only for some answers: data-show-if="field=value" or
  // "field!=value" names the select it follows. Without script everything stays shown.
  function followAnswers() {
    document.querySelectorAll("[data-show-if]").forEach(function (part) {
      var rule = part.getAttribute("data-show-if");
      var negate = rule.indexOf("!=") >= 0;
      var pair = rule.split(negate ? "!=" : "=");
      var field = el(pair[0]);
      if (!field) { return; }
      var same = field.value === pair[1];
      part.hidden = negate ? same : !same;
    });
  }

  document.addEventListener("change", function (event) {
    if (event.target.id && document.querySelector('[data-show-if^="' + event.target.id + '"]')) { followAnswers(); }
  });

  function ready() {
    followAnswers();
    document.querySelectorAll("[data-tick-all]").forEach(function (b) { b.hidden = false; });
    var summary = el("error-summary");
    if (summary) { summary.focus(); }
    paint();
  }

  document.addEventListener("DOMContentLoaded", ready);
  document.addEventListener("htmx:afterSettle", ready);
})();

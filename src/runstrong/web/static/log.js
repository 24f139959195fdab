/* runstrong web app: fast logging at the gym (issue 18). Every page works without this file;
   with it, "Same as last set" copies the last ticked set into the next one, the +/- buttons
   step the load of the sets not yet ticked, and what is typed in a session form is kept on
   this phone (localStorage) until it is saved, so a reload or a discarded tab loses nothing. */
(function () {
  "use strict";

  var PREFIX = "runstrong-draft:";
  var KEEP_OUT = { csrf_token: true, version: true };  // fresh from the server on every page

  function say(text) {
    var live = document.getElementById("rt-say");
    if (live) { live.textContent = text; }
  }

  function tidy(value) {
    return String(Math.round(value * 100) / 100);
  }

  function fire(el) {
    el.dispatchEvent(new Event("input", { bubbles: true }));
    el.dispatchEvent(new Event("change", { bubbles: true }));
  }

  // ------------------------------------------------------------ same as last set, load steps

  function rowsOf(section) {
    return Array.prototype.slice.call(section.querySelectorAll(".set-row"));
  }

  function sameAsLast(section) {
    var rows = rowsOf(section);
    var last = -1;
    rows.forEach(function (row, i) { if (row.querySelector(".set-done").checked) { last = i; } });
    var next = rows.slice(last + 1).filter(function (row) { return !row.querySelector(".set-done").checked; })[0];
    if (!next) { say("Every set of this exercise is ticked."); return; }
    if (last >= 0) {
      var from = rows[last].querySelectorAll("input[type=text], select");
      var to = next.querySelectorAll("input[type=text], select");
      for (var k = 0; k < from.length && k < to.length; k++) { to[k].value = from[k].value; }
    }
    var box = next.querySelector(".set-done");
    box.checked = true;
    fire(box);
    say("Set ticked, same as the last one.");
  }

  function stepLoad(section, step) {
    var rows = rowsOf(section);
    var open = rows.filter(function (row) { return !row.querySelector(".set-done").checked; });
    var targets = (open.length ? open : rows.slice(-1)).map(function (row) { return row.querySelector("[data-load]"); });
    var shown = "";
    targets.forEach(function (input) {
      if (!input) { return; }
      var now = parseFloat(input.value);
      var value = Math.max(0, (isNaN(now) ? 0 : now) + step);
      input.value = value > 0 ? tidy(value) : "";
      shown = input.value || "bodyweight";
      input.dispatchEvent(new Event("change", { bubbles: true }));
    });
    say("Load " + shown + " for the sets not yet ticked.");
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("button");
    if (!button) { return; }
    var section = button.closest("section.exercise");
    if (button.hasAttribute("data-same-as-last") && section) {
      sameAsLast(section);
    } else if (button.hasAttribute("data-load-step") && section) {
      stepLoad(section, parseFloat(button.getAttribute("data-load-step")));
    } else if (button.hasAttribute("data-draft-clear")) {
      var form = button.closest("form");
      forget(form);
      window.location.reload();
    }
  });

  // ------------------------------------------------------------ the draft

  function keyOf(form) {
    return PREFIX + form.getAttribute("data-draft");
  }

  function forget(form) {
    try { window.localStorage.removeItem(keyOf(form)); } catch (e) { /* storage off: nothing kept */ }
  }

  function fieldsOf(form) {
    var out = {};
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || KEEP_OUT[el.name] || el.type === "button" || el.type === "submit") { return; }
      out[el.name] = el.type === "checkbox" || el.type === "radio" ? (el.checked ? el.value : null) : el.value;
    });
    return out;
  }

  function savedTokens(form) {
    return (form.getAttribute("data-draft-saved") || "").split(" ").filter(Boolean);
  }

  function maxAgeOf(form) {
    var days = parseFloat(form.getAttribute("data-draft-days"));
    return (isNaN(days) ? 2 : days) * 24 * 3600 * 1000;  // a draft older than that is another session
  }

  // A draft holds the form's token (its idempotency key) with what was typed. Whether it was
  // saved is the server's answer, not this phone's memory of the answer: every session page
  // names the tokens saved lately (data-draft-saved), so a draft is dropped exactly when its
  // token was logged, whenever the phone reloaded or left the page (before the answer came,
  // before its script ran), and kept when its save was refused (a value, a diary changed since).
  function keep(form) {
    var draft = { at: Date.now(), fields: fieldsOf(form) };
    try {
      window.localStorage.setItem(keyOf(form), JSON.stringify(draft));
    } catch (e) { /* storage full or off: the form still works */ }
  }

  function restore(form) {
    var draft = null;
    try { draft = JSON.parse(window.localStorage.getItem(keyOf(form)) || "null"); } catch (e) { draft = null; }
    if (!draft || !draft.fields || !(Date.now() - draft.at <= maxAgeOf(form))) { forget(form); return false; }
    if (savedTokens(form).indexOf(draft.fields.token) >= 0) { forget(form); return false; }
    var changed = false;
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || KEEP_OUT[el.name] || !(el.name in draft.fields)) { return; }
      var value = draft.fields[el.name];
      if (el.type === "checkbox" || el.type === "radio") {
        var on = value !== null && value === el.value;
        if (el.checked !== on) { el.checked = on; changed = true; }
      } else if (value !== null && el.value !== value) {
        el.value = value;
        changed = el.name !== "token" || changed;  // the draft's own token, not typing
      }
    });
    return changed;
  }

  function ready() {
    document.querySelectorAll("[data-set-tools]").forEach(function (el) { el.hidden = false; });
    document.querySelectorAll("form[data-draft]").forEach(function (form) {
      if (form.hasAttribute("data-draft-done")) { forget(form); return; }
      if (form.getAttribute("data-draft-ready")) { return; }
      form.setAttribute("data-draft-ready", "1");
      if (form.hasAttribute("data-draft-typed")) {
        keep(form);  // the server sent back what was typed (a refusal): its copy is the draft now
      } else if (restore(form)) {
        var note = form.querySelector("[data-draft-note]");
        if (note) { note.hidden = false; }
      }
      form.addEventListener("input", function () { keep(form); });
      form.addEventListener("change", function () { keep(form); });
      form.addEventListener("submit", function () { keep(form); });  // the token and all that is sent
    });
  }

  document.addEventListener("DOMContentLoaded", ready);
  document.addEventListener("htmx:afterSwap", ready);  // a swapped-in form keeps typing from the start
})();

/* Koppel — the little script of the merchant's screens. Every page works without it; it adds:
   - the CSRF token to every htmx request and to fetch() calls made with koppel.fetch;
   - [data-autosubmit] selects that submit their form when changed (the integration switcher);
   - [data-copy="#id"] buttons that copy the value or text of an element to the clipboard;
   - [data-select-all="name"] checkboxes that tick every checkbox of that name;
   - [data-confirm="question"] buttons and forms that ask before they act. */
(function () {
  "use strict";

  function csrf() {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    return token && header ? { header: header.content, token: token.content } : null;
  }

  document.addEventListener("htmx:configRequest", function (e) {
    var c = csrf();
    if (c) { e.detail.headers[c.header] = c.token; }
  });

  window.koppel = {
    fetch: function (url, options) {
      options = options || {};
      options.headers = options.headers || {};
      var c = csrf();
      if (c) { options.headers[c.header] = c.token; }
      options.credentials = "same-origin";
      return window.fetch(url, options);
    }
  };

  function copy(text, button) {
    function done() {
      var label = button.getAttribute("data-copied") || "Copied";
      var before = button.textContent;
      button.textContent = label;
      setTimeout(function () { button.textContent = before; }, 1500);
    }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, function () { fallback(text); done(); });
    } else {
      fallback(text);
      done();
    }
  }

  function fallback(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "absolute";
    area.style.left = "-9999px";
    document.body.appendChild(area);
    area.select();
    try { document.execCommand("copy"); } catch (ignored) { /* the text stays selectable */ }
    document.body.removeChild(area);
  }

  document.addEventListener("click", function (e) {
    var button = e.target.closest("[data-copy]");
    if (button) {
      e.preventDefault();
      var source = document.querySelector(button.getAttribute("data-copy"));
      if (source) { copy(source.value !== undefined ? source.value : source.textContent.trim(), button); }
      return;
    }
    var ask = e.target.closest("[data-confirm]");
    if (ask && ask.tagName !== "FORM" && !window.confirm(ask.getAttribute("data-confirm"))) {
      e.preventDefault();
      e.stopImmediatePropagation();
    }
  }, true);

  document.addEventListener("submit", function (e) {
    var form = e.target;
    if (form.hasAttribute("data-confirm") && !window.confirm(form.getAttribute("data-confirm"))) {
      e.preventDefault();
    }
  }, true);

  document.addEventListener("change", function (e) {
    var t = e.target;
    if (t.matches("select[data-autosubmit]") && t.form) {
      t.form.requestSubmit ? t.form.requestSubmit() : t.form.submit();
    }
    if (t.matches("[data-select-all]")) {
      var name = t.getAttribute("data-select-all");
      document.querySelectorAll('input[type="checkbox"][name="' + name + '"]').forEach(function (box) {
        box.checked = t.checked;
      });
    }
  });

  /* the switcher's button is only for browsers without script */
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("select[data-autosubmit]").forEach(function (s) {
      var b = s.form && s.form.querySelector("button");
      if (b) { b.classList.add("visually-hidden"); }
    });
  });
})();

/* Bản Tin reader tools: text size (A−/A+) remembered across pages, print, copy link, and the
   "Liên kết website" select. No third-party code; every page reads fine without this file. */
(function () {
  "use strict";

  var KEY = "bantin-text-scale";
  var STEPS = [0.875, 1, 1.125, 1.25, 1.375, 1.5, 1.75];
  var root = document.documentElement;

  function storedScale() {
    try {
      var value = parseFloat(localStorage.getItem(KEY));
      return STEPS.indexOf(value) >= 0 ? value : 1;
    } catch (error) {
      return 1;
    }
  }

  function remember(value) {
    try {
      localStorage.setItem(KEY, String(value));
    } catch (error) {
      /* Private browsing may refuse storage; the size still applies to this page. */
    }
  }

  var scale = storedScale();

  function applyScale(tools) {
    root.style.setProperty("--bt-text-scale", String(scale));
    var index = STEPS.indexOf(scale);
    tools.forEach(function (box) {
      box.querySelector('[data-bt-text="-1"]').disabled = index === 0;
      box.querySelector('[data-bt-text="1"]').disabled = index === STEPS.length - 1;
    });
  }

  var tools = Array.prototype.slice.call(document.querySelectorAll("[data-bt-tools]"));
  tools.forEach(function (box) {
    box.hidden = false;
    box.addEventListener("click", function (event) {
      var button = event.target.closest("button");
      if (!button) return;
      if (button.hasAttribute("data-bt-text")) {
        var index = STEPS.indexOf(scale) + Number(button.getAttribute("data-bt-text"));
        scale = STEPS[Math.max(0, Math.min(STEPS.length - 1, index))];
        remember(scale);
        applyScale(tools);
      } else if (button.hasAttribute("data-bt-print")) {
        window.print();
      }
    });
  });
  applyScale(tools);

  document.querySelectorAll("[data-bt-copy]").forEach(function (button) {
    if (!navigator.clipboard) return;
    var status = button.parentNode.querySelector('[role="status"]');
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(button.getAttribute("data-bt-copy")).then(
        function () { if (status) status.textContent = "Đã sao chép liên kết"; },
        function () { if (status) status.textContent = "Không sao chép được; hãy chép địa chỉ trên thanh trình duyệt"; }
      );
    });
  });

  /* The header's search box: once the reader starts to type, fetch what the search page needs
     before it can answer (its script, Pagefind's and the WebAssembly), so the results follow
     Enter sooner on a slow line. Nothing is fetched for a reader who does not search. */
  document.querySelectorAll("[data-bt-prefetch]").forEach(function (form) {
    form.addEventListener("focusin", function () {
      form.getAttribute("data-bt-prefetch").split(" ").forEach(function (href) {
        if (!href) return;
        var link = document.createElement("link");
        link.rel = "prefetch";
        link.href = href;
        document.head.appendChild(link);
      });
    }, { once: true });
  });

  document.querySelectorAll("[data-bt-links-jump]").forEach(function (form) {
    var select = form.querySelector("select");
    form.hidden = false;
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      if (/^https?:\/\//.test(select.value)) {
        window.open(select.value, "_blank", "noopener,noreferrer");
      }
    });
  });
})();

// HwForge web chat: the only script. It keeps the Send button honest and swaps in the live run view the
// server streams (server-rendered HTML, already escaped) while a run is going. Everything else is plain HTML.
(() => {
  const form = document.querySelector("form.chat");
  if (form) {
    const box = form.querySelector("textarea");
    const send = form.querySelector("button.send");
    const hint = form.querySelector("#request-hint");
    const max = Number(form.dataset.max);
    const initial = hint.textContent;
    const check = () => {
      const length = box.value.trim().length;
      send.disabled = length === 0 || length > max;
      hint.classList.toggle("error", length > max);
      hint.textContent = length > max
        ? `That message is ${length.toLocaleString("en")} characters long; the limit is ${max.toLocaleString("en")}. Describe the design in fewer words.`
        : initial;
    };
    box.addEventListener("input", check);
    box.addEventListener("keydown", e => {
      // Enter sends, as in any chat; Shift+Enter is a new line (and Enter while an input method composes is its own).
      if (e.key !== "Enter" || e.shiftKey || e.isComposing) return;
      e.preventDefault();
      if (!send.disabled) form.requestSubmit(send);
    });
    // The home page's examples: a click asks for that design.
    document.querySelectorAll("button[data-example]").forEach(b => b.addEventListener("click", () => {
      box.value = b.dataset.example;
      check();
      if (!send.disabled) form.requestSubmit(send);
    }));
    if (!hint.classList.contains("error")) check();
  }

  const view = document.getElementById("run-view");
  if (view && view.dataset.live) {
    const source = new EventSource(view.dataset.live);
    // What the reader opened or closed stays so; everything else follows the server (the best design opens).
    const chosen = new Map();
    view.addEventListener("click", e => {
      const summary = e.target.closest("summary");
      if (summary) chosen.set(summary.parentElement.id, !summary.parentElement.open);
    });
    // A notice while the server cannot be reached; EventSource retries by itself, and the next render clears it.
    const notice = document.createElement("p");
    notice.className = "notice offline";
    notice.setAttribute("role", "alert");
    notice.dataset.testid = "connection-lost";
    notice.hidden = true;
    view.before(notice);
    source.onerror = () => {
      notice.textContent = source.readyState === EventSource.CLOSED
        ? "Lost contact with the HwForge server. Reload the page once it is running again; the run's folder keeps what it did."
        : "Lost contact with the HwForge server; trying again… What is shown may be out of date.";
      notice.hidden = false;
    };
    // What had the keyboard focus in the view, said so that it can be found again in the next render.
    const focusKey = () => {
      const el = document.activeElement;
      if (!el || !view.contains(el)) return null;
      if (el.id) return `#${CSS.escape(el.id)}`;
      if (el.tagName === "SUMMARY" && el.parentElement.id) return `#${CSS.escape(el.parentElement.id)} > summary`;
      if (el.tagName === "A" && el.getAttribute("href")) {
        const links = [...view.querySelectorAll(`a[href="${CSS.escape(el.getAttribute("href"))}"]`)];
        return { href: el.getAttribute("href"), index: links.indexOf(el) };
      }
      return null;
    };
    const refocus = key => {
      if (!key) return;
      const el = typeof key === "string" ? view.querySelector(key)
        : view.querySelectorAll(`a[href="${CSS.escape(key.href)}"]`)[key.index];
      el?.focus({ preventScroll: true });
    };
    source.onmessage = e => {
      notice.hidden = true;
      const key = focusKey();
      view.innerHTML = e.data;
      view.querySelectorAll("details").forEach(d => { if (chosen.has(d.id)) d.open = chosen.get(d.id); });
      refocus(key);
    };
    source.addEventListener("end", e => {
      source.close();
      document.querySelectorAll("[data-while-running]").forEach(el => el.remove());
      const phase = view.querySelector(".run")?.dataset.phase;
      const entry = document.querySelector(`nav.history a[href="${location.pathname}"] .phase`);
      if (entry && phase) { entry.textContent = phase.replace("-", " "); entry.className = `phase ${phase}`; }
      if (e.data === "stopped") location.reload(); // offers Resume
    });
  }
})();

// HwForge web chat: the page's own script, beside the framework's blazor.web.js (which keeps the run view live over
// its circuit). It keeps the Send button honest and sends on Enter; everything else is plain HTML.
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

  // Called by the live run view (an interactive island over the Blazor circuit) when the run ends: the page around
  // it is rendered statically, so its Cancel button and the history entry are brought up to date here.
  window.hwforge = {
    runEnded: phase => {
      document.querySelectorAll("[data-while-running]").forEach(el => el.remove());
      const entry = document.querySelector(`nav.history a[href="${CSS.escape(location.pathname)}"] .phase`);
      if (entry && phase) { entry.textContent = phase.replace("-", " "); entry.className = `phase ${phase}`; }
    },
  };
})();

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
      if (e.key === "Enter" && (e.ctrlKey || e.metaKey) && !send.disabled) { e.preventDefault(); form.requestSubmit(send); }
    });
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
    source.onmessage = e => {
      view.innerHTML = e.data;
      view.querySelectorAll("details").forEach(d => { if (chosen.has(d.id)) d.open = chosen.get(d.id); });
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

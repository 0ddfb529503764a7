// Saves the journal draft while the handledare types, so a long note is never lost (a closed tab, an
// expired session). Without JavaScript the form's "Save draft" button does the same.
(function () {
  "use strict";
  var form = document.querySelector("form[data-autosave]");
  if (!form) { return; }
  var status = document.getElementById("journal-autosave-status");
  var entry = form.querySelector("input[name=entryID]");
  var token = form.querySelector("input[name=_csrf]");
  var timer = null;
  var saving = false;

  function save() {
    timer = null;
    if (saving) { timer = window.setTimeout(save, 2000); return; }
    saving = true;
    var data = new URLSearchParams(new FormData(form));
    data.set("action", "draft");
    // (form.action would be the button named "action", not the address.)
    fetch(form.getAttribute("action"), {
      method: "POST", credentials: "same-origin", body: data,
      headers: { "Accept": "application/json", "X-CSRF-Token": token ? token.value : "" }
    }).then(function (response) {
      if (!response.ok) { throw new Error("status " + response.status); }
      return response.json();
    }).then(function (saved) {
      if (entry && saved.entryID) { entry.value = saved.entryID; }
      if (status) { status.textContent = form.getAttribute("data-saved-text") + " " + new Date().toLocaleTimeString(); }
    }).catch(function () { /* the next change tries again; the button still works */ })
      .then(function () { saving = false; });
  }

  form.addEventListener("input", function () {
    if (timer) { window.clearTimeout(timer); }
    timer = window.setTimeout(save, 3000);
  });
})();

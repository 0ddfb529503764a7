// Keeps the BankID sign-in page current: a new QR code every second and the state in words.
// The page works without this script (it reloads itself); this only makes it smoother.
(function () {
  "use strict";
  var root = document.querySelector(".bankid-login[data-status-url]");
  if (!root) { return; }
  var statusURL = root.getAttribute("data-status-url");
  var qr = document.getElementById("bankid-qr");
  var message = document.getElementById("bankid-message");
  var stopped = false;

  function poll() {
    if (stopped) { return; }
    fetch(statusURL, { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (response) {
        if (!response.ok) { throw new Error("status " + response.status); }
        return response.json();
      })
      .then(function (status) {
        if (message && message.textContent !== status.message) { message.textContent = status.message; }
        if (status.state === "complete" && status.redirect) {
          stopped = true;
          window.location.assign(status.redirect);
          return;
        }
        if (status.state === "failed") {
          stopped = true;
          window.location.reload();
          return;
        }
        if (qr && status.qr) { qr.innerHTML = status.qr; }
        window.setTimeout(poll, 1000);
      })
      .catch(function () { window.setTimeout(poll, 3000); });
  }
  window.setTimeout(poll, 1000);
})();

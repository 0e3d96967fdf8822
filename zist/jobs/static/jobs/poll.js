// While a job on the page is unfinished, look again every two seconds (no library).
(function () {
  if (document.querySelector("[data-jobs-pending]")) {
    setTimeout(function () { window.location.reload(); }, 2000);
  }
})();

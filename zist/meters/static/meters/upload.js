// Shows how far a long file has been sent, then that the server is checking it.
// Without this script the form posts normally.
document.addEventListener("submit", (event) => {
  const form = event.target;
  if (!form.matches("form[data-upload-progress]") || !window.XMLHttpRequest) return;
  event.preventDefault();
  const box = form.querySelector("[data-progress]");
  const bar = box.querySelector("progress");
  const text = box.querySelector("[data-progress-text]");
  box.hidden = false;
  text.textContent = text.dataset.sending;
  const request = new XMLHttpRequest();
  request.open("POST", form.action || window.location.href);
  request.upload.addEventListener("progress", (progress) => {
    if (progress.lengthComputable) bar.value = Math.round((100 * progress.loaded) / progress.total);
  });
  request.upload.addEventListener("load", () => {
    bar.removeAttribute("value");
    text.textContent = text.dataset.checking;
  });
  request.addEventListener("load", () => {
    if (request.responseURL && request.responseURL !== window.location.href) {
      window.location.assign(request.responseURL);
      return;
    }
    document.open();
    document.write(request.responseText);
    document.close();
  });
  request.send(new FormData(form));
});

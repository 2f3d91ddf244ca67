// The portal's few behaviours that need a script; pages work without it.
// Upload progress: a form with data-progress="<id of a <progress>>" shows how much of its file has gone.
document.addEventListener('htmx:xhr:progress', function (event) {
  var form = event.target.closest('form[data-progress]');
  if (!form || !event.detail.lengthComputable) {
    return;
  }
  var bar = document.getElementById(form.dataset.progress);
  if (bar) {
    bar.hidden = false;
    bar.max = event.detail.total;
    bar.value = event.detail.loaded;
  }
});
// Copy buttons: <button data-copy="<id of the element whose text to copy>">.
document.addEventListener('click', function (event) {
  var button = event.target.closest('[data-copy]');
  if (!button) {
    return;
  }
  var source = document.getElementById(button.dataset.copy);
  if (source && navigator.clipboard) {
    navigator.clipboard.writeText(source.value !== undefined ? source.value : source.innerText).then(function () {
      button.dataset.copied = 'true';
    });
  }
});
// Slow downloads (a PDF takes a second or more): a link with data-busy="<message>" says it is being
// prepared, in a status line screen readers announce, until the download has had time to start.
document.addEventListener('click', function (event) {
  var link = event.target.closest('a[data-busy]');
  if (!link) {
    return;
  }
  var status = link.parentNode.querySelector('.download-status');
  if (!status) {
    status = document.createElement('span');
    status.className = 'download-status small text-body-secondary';
    status.setAttribute('role', 'status');
    link.parentNode.appendChild(status);
  }
  status.textContent = link.dataset.busy;
  window.setTimeout(function () {
    status.textContent = '';
  }, 6000);
});

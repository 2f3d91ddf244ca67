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

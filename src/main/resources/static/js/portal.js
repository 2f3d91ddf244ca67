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
// Upload answers. A form with data-max-bytes does not send a file over that limit (the server's own) and
// shows its data-too-large message instead; a 422 (a file refused, with every problem listed) is shown
// like any answer; a 413 or an upload that never arrived shows the form's message, and the progress bar
// goes, rather than standing full in silence.
function uploadMessage(form, id) {
  [form.dataset.tooLarge, form.dataset.sendFailed].forEach(function (other) {
    var element = other && document.getElementById(other);
    if (element) {
      element.hidden = other !== id;
    }
  });
  var bar = form.dataset.progress && document.getElementById(form.dataset.progress);
  if (bar) {
    bar.hidden = true;
    bar.value = 0;
  }
  // The answer to an earlier file must not stand under a message about this one (its import button would
  // import the earlier file).
  var result = id && form.getAttribute('hx-target') && document.querySelector(form.getAttribute('hx-target'));
  if (result) {
    result.replaceChildren();
  }
}
document.addEventListener('htmx:beforeRequest', function (event) {
  var form = event.detail.elt;
  if (!form.matches || !form.matches('form[data-max-bytes]')) {
    return;
  }
  var max = Number(form.dataset.maxBytes);
  var tooLarge = Array.prototype.some.call(form.querySelectorAll('input[type=file]'), function (input) {
    return Array.prototype.some.call(input.files, function (file) {
      return file.size > max;
    });
  });
  uploadMessage(form, tooLarge ? form.dataset.tooLarge : null);
  if (tooLarge) {
    event.preventDefault();
  }
});
document.addEventListener('htmx:beforeSwap', function (event) {
  // htmx gives this event the target as its element; the form that sent the request is in requestConfig.
  var form = event.detail.requestConfig ? event.detail.requestConfig.elt : event.detail.elt;
  if (!form || !form.matches || !form.matches('form[data-max-bytes]')) {
    return;
  }
  var status = event.detail.xhr.status;
  if (status === 422) {
    event.detail.shouldSwap = true;
    event.detail.isError = false;
    uploadMessage(form, null);
  }
  else if (status >= 400) {
    event.detail.shouldSwap = false;
    uploadMessage(form, status === 413 ? form.dataset.tooLarge : form.dataset.sendFailed);
  }
});
document.addEventListener('htmx:sendError', function (event) {
  var form = event.detail.elt;
  if (form.matches && form.matches('form[data-max-bytes]')) {
    uploadMessage(form, form.dataset.sendFailed);
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

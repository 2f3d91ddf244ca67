// The extraction page. Its forms work without this script; with it:
// - the text form refuses a text or file over the limit the server states (data-max-bytes) before
//   sending it, and shows the page's message, so that the pasted text stays in its box;
// - the review is sent as one JSON body (data-json-action), not as a form post: a long report has more
//   fields than a form post may carry. Problems come back per row and are shown at their fields; nothing
//   is stored unless every accepted row is right.
(function () {
  'use strict';

  function utf8Length(text) {
    return new Blob([text]).size;
  }

  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (form.id !== 'extraction-text' || !form.dataset.maxBytes) {
      return;
    }
    var max = Number(form.dataset.maxBytes);
    var file = form.querySelector('input[type=file]');
    var text = form.querySelector('textarea');
    var size = file && file.files.length ? file.files[0].size : utf8Length(text ? text.value : '');
    var message = document.getElementById(form.dataset.tooLarge);
    if (size > max) {
      event.preventDefault();
      if (message) {
        message.hidden = false;
        message.scrollIntoView({ block: 'center' });
      }
    } else if (message) {
      message.hidden = true;
    }
  });

  // figures[12].value -> {figures: [.., {value: ..}]}; holds[key] -> {holds: {key: ..}}; plain names as they are.
  function serialise(form) {
    var body = {};
    Array.prototype.forEach.call(form.elements, function (field) {
      var name = field.name;
      if (!name || name.charAt(0) === '_' || field.disabled || field.type === 'submit' || field.type === 'button') {
        return;
      }
      if (field.type === 'radio' && !field.checked) {
        return;
      }
      var value = field.type === 'checkbox' ? field.checked : field.value;
      var row = /^(\w+)\[(\d+)]\.(\w+)$/.exec(name);
      var entry = /^(\w+)\[([^\]]*)]$/.exec(name);
      if (row) {
        var list = body[row[1]] || (body[row[1]] = []);
        var item = list[Number(row[2])] || (list[Number(row[2])] = {});
        item[row[3]] = value;
      } else if (entry) {
        (body[entry[1]] || (body[entry[1]] = {}))[entry[2]] = field.type === 'radio' ? Number(value) : value;
      } else {
        body[name] = value;
      }
    });
    ['figures', 'sections'].forEach(function (key) {
      if (body[key]) {
        body[key] = Array.prototype.map.call(body[key], function (item) { return item || {}; });
      }
    });
    return body;
  }

  function clearErrors(form) {
    form.querySelectorAll('.is-invalid').forEach(function (field) {
      field.classList.remove('is-invalid');
    });
    form.querySelectorAll('.invalid-feedback[data-review]').forEach(function (feedback) {
      feedback.remove();
    });
  }

  function showErrors(form, answer) {
    var summary = document.getElementById('review-errors');
    var first = null;
    (answer.errors || []).forEach(function (error) {
      var field = form.querySelector('[name="figures[' + error.row + '].' + error.field + '"]');
      if (!field) {
        return;
      }
      field.classList.add('is-invalid');
      var feedback = document.createElement('div');
      feedback.className = 'invalid-feedback';
      feedback.dataset.review = 'true';
      feedback.textContent = error.message;
      field.insertAdjacentElement('afterend', feedback);
      first = first || field;
    });
    summary.textContent = '';
    [answer.summary].concat(answer.messages || []).forEach(function (line) {
      if (line) {
        var p = document.createElement('p');
        p.className = 'mb-0';
        p.textContent = line;
        summary.appendChild(p);
      }
    });
    summary.hidden = false;
    (first || summary).scrollIntoView({ block: 'center' });
    if (first) {
      first.focus({ preventScroll: true });
    }
  }

  function failed(form) {
    var summary = document.getElementById('review-errors');
    summary.textContent = form.dataset.failed;
    summary.hidden = false;
    summary.scrollIntoView({ block: 'center' });
  }

  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (form.id !== 'extraction-review' || !form.dataset.jsonAction || !window.fetch) {
      return;
    }
    event.preventDefault();
    var token = form.querySelector('input[name=_csrf]');
    var button = form.querySelector('button[type=submit]');
    var status = document.getElementById('review-status');
    var headers = { 'Content-Type': 'application/json', 'Accept': 'application/json' };
    if (token) {
      headers['X-CSRF-TOKEN'] = token.value;
    }
    clearErrors(form);
    button.disabled = true;
    status.textContent = form.dataset.sending;
    fetch(form.dataset.jsonAction, {
      method: 'POST', headers: headers, body: JSON.stringify(serialise(form)), credentials: 'same-origin'
    }).then(function (response) {
      var json = (response.headers.get('Content-Type') || '').indexOf('json') >= 0;
      return (json ? response.json() : Promise.resolve(null)).then(function (answer) {
        if (response.ok && answer && answer.redirect) {
          window.location.assign(answer.redirect);
          return;
        }
        button.disabled = false;
        status.textContent = '';
        if (answer && (answer.errors || answer.messages)) {
          showErrors(form, answer);
        } else {
          failed(form);
        }
      });
    }).catch(function () {
      button.disabled = false;
      status.textContent = '';
      failed(form);
    });
  });
}());

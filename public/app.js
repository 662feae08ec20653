// Progressive enhancement only: every form works without this file.
(function () {
  'use strict';

  // The few texts this file writes itself, in the page's language (<html lang>; Japanese otherwise).
  var TEXT = {
    ja: {
      cancel: 'キャンセル',
      postalNotFound: '郵便番号に該当する住所が見つかりませんでした。住所を入力してください。',
      postalFound: '住所の一部を入力しました（{address}）。続きを入力してください。',
    },
    en: {
      cancel: 'Cancel',
      postalNotFound: 'No address was found for this postal code. Please enter the address.',
      postalFound: 'Part of the address has been filled in ({address}). Please enter the rest.',
    },
  };
  function text(key) {
    var lang = (document.documentElement.getAttribute('lang') || 'ja').slice(0, 2);
    return (TEXT[lang] || TEXT.ja)[key];
  }

  // Each dialog's question has its own id, so that a page with two dialogs names each by its own.
  var dialogs = 0;

  // 登録します。よろしいですか？ — an accessible modal <dialog> before a form with data-confirm is sent.
  function confirmBeforeSubmit(form) {
    var message = form.getAttribute('data-confirm');
    var opener = null;
    var id = 'confirm-message-' + ++dialogs;
    var dialog = document.createElement('dialog');
    dialog.className = 'confirm';
    dialog.setAttribute('aria-labelledby', id);
    var p = document.createElement('p');
    p.id = id;
    p.textContent = message;
    var actions = document.createElement('div');
    actions.className = 'actions';
    var ok = document.createElement('button');
    ok.type = 'button';
    // A destructive action (its submit button is button--danger) keeps its colour in the dialog.
    ok.className = form.querySelector('button[type="submit"].button--danger')
      ? 'button button--danger'
      : 'button';
    ok.textContent = form.getAttribute('data-confirm-ok') || 'OK';
    var cancel = document.createElement('button');
    cancel.type = 'button';
    cancel.className = 'button button--secondary';
    cancel.textContent = form.getAttribute('data-confirm-cancel') || text('cancel');
    actions.appendChild(ok);
    actions.appendChild(cancel);
    dialog.appendChild(p);
    dialog.appendChild(actions);
    document.body.appendChild(dialog);
    var confirmed = false;
    form.addEventListener('submit', function (event) {
      if (confirmed) return;
      event.preventDefault();
      opener = document.activeElement;
      dialog.showModal();
      ok.focus();
    });
    ok.addEventListener('click', function () {
      confirmed = true;
      dialog.close();
      var buttons = form.querySelectorAll('button[type="submit"]');
      for (var i = 0; i < buttons.length; i++) buttons[i].disabled = true;
      form.submit();
    });
    cancel.addEventListener('click', function () {
      dialog.close();
    });
    // Esc closes a modal <dialog> natively; focus goes back to the button that opened it.
    dialog.addEventListener('close', function () {
      if (!confirmed && opener && opener.focus) opener.focus();
    });
  }

  // Avoid a second submit of the same form while the first is on its way.
  function guardDoubleSubmit(form) {
    form.addEventListener('submit', function (event) {
      if (event.defaultPrevented) return;
      if (form.getAttribute('data-sent') === '1') {
        event.preventDefault();
        return;
      }
      form.setAttribute('data-sent', '1');
    });
  }

  function showPasswordToggle(box) {
    var ids = (box.getAttribute('data-show-password') || '').split(' ');
    var checkbox = box.querySelector('input[type="checkbox"]');
    box.hidden = false;
    checkbox.addEventListener('change', function () {
      ids.forEach(function (id) {
        var input = document.getElementById(id);
        if (input) input.type = checkbox.checked ? 'text' : 'password';
      });
    });
  }

  var ERAS = [
    { name: '令和', start: 2019 },
    { name: '平成', start: 1989 },
    { name: '昭和', start: 1926 },
    { name: '大正', start: 1912 },
    { name: '明治', start: 1868 },
  ];
  function wareki(year) {
    for (var i = 0; i < ERAS.length; i++) {
      if (year >= ERAS[i].start) {
        var n = year - ERAS[i].start + 1;
        return ERAS[i].name + (n === 1 ? '元' : n) + '年';
      }
    }
    return '';
  }
  function warekiHint(input) {
    var out = document.getElementById(input.getAttribute('data-wareki'));
    function update() {
      var v = input.value.replace(/[０-９]/g, function (d) {
        return String.fromCharCode(d.charCodeAt(0) - 0xfee0);
      });
      out.textContent = /^\d{4}$/.test(v) && Number(v) >= 1868 ? '（' + wareki(Number(v)) + '）' : '';
    }
    input.addEventListener('input', update);
    update();
  }

  // 郵便番号 → 都道府県 and 市区町村 from the server's copy of Japan Post's data; typing by hand still works.
  // `prefix`: '' for the profile's form, '<fieldId>-' for a procedure's 住所 (data-postal-prefix).
  function postalLookup(input, prefix) {
    var prefecture = document.getElementById(prefix + 'prefecture');
    var city = document.getElementById(prefix + 'cityAddress');
    if (!prefecture || !city) return;
    var status = document.createElement('p');
    status.className = 'field__hint';
    status.setAttribute('aria-live', 'polite');
    status.id = prefix + 'postalCode-status';
    input.parentNode.appendChild(status);
    var last = '';
    input.addEventListener('input', function () {
      var digits = input.value
        .replace(/[０-９]/g, function (d) {
          return String.fromCharCode(d.charCodeAt(0) - 0xfee0);
        })
        .replace(/[^0-9]/g, '');
      if (digits.length !== 7 || digits === last) return;
      last = digits;
      fetch('/api/postal-codes/' + digits, { headers: { accept: 'application/json' } })
        .then(function (r) {
          return r.ok ? r.json() : { addresses: [] };
        })
        .then(function (data) {
          var a = data.addresses && data.addresses[0];
          if (!a) {
            status.textContent = text('postalNotFound');
            return;
          }
          prefecture.value = a.prefecture;
          if (!city.value) city.value = a.city + (data.addresses.length === 1 ? a.town : '');
          status.textContent = text('postalFound').replace('{address}', a.prefecture + a.city);
        })
        .catch(function () {
          status.textContent = '';
        });
    });
  }

  // The error summary takes the focus (GOV.UK pattern); its links put the focus in the field.
  function errorSummary(summary) {
    summary.focus();
    summary.addEventListener('click', function (event) {
      var link = event.target.closest('a[href^="#"]');
      if (!link) return;
      var input = document.getElementById(link.getAttribute('href').slice(1));
      if (!input) return;
      event.preventDefault();
      var holder = input.closest('.field') || input;
      holder.scrollIntoView();
      input.focus({ preventScroll: true });
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    var summary = document.querySelector('.error-summary');
    if (summary) errorSummary(summary);
    var postal = document.getElementById('postalCode');
    if (postal && typeof fetch === 'function') postalLookup(postal, '');
    var addresses = document.querySelectorAll('[data-postal-prefix]');
    for (var a = 0; a < addresses.length; a++) {
      var prefix = addresses[a].getAttribute('data-postal-prefix');
      var code = document.getElementById(prefix + 'postalCode');
      if (code && typeof fetch === 'function') postalLookup(code, prefix);
    }
    // 控えを印刷する: the button prints; without script the link's page says how to print.
    var print = document.querySelector('[data-print]');
    if (print && typeof window.print === 'function') {
      print.hidden = false;
      var fallback = document.querySelector('[data-print-fallback]');
      if (fallback) fallback.hidden = true;
      print.addEventListener('click', function () {
        window.print();
      });
    }
    var forms = document.querySelectorAll('form[method="post"]');
    for (var i = 0; i < forms.length; i++) {
      if (forms[i].hasAttribute('data-confirm') && typeof HTMLDialogElement === 'function')
        confirmBeforeSubmit(forms[i]);
      guardDoubleSubmit(forms[i]);
    }
    var toggles = document.querySelectorAll('[data-show-password]');
    for (var j = 0; j < toggles.length; j++) showPasswordToggle(toggles[j]);
    var years = document.querySelectorAll('[data-wareki]');
    for (var k = 0; k < years.length; k++) warekiHint(years[k]);
  });
})();

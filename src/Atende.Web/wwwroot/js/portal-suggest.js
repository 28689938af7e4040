// Knowledge-base suggestions on the portal's request form (progressive enhancement: without this script the
// form works as before). While the customer types the subject or description, up to 5 published articles that
// may answer it are listed; "this solved my problem" records a deflection instead of opening a request.
(() => {
  'use strict';

  const MIN_CHARS = 4;
  const DELAY_MS = 350;

  function start() {
    const form = document.getElementById('new-request');
    if (!form || form.dataset.suggestReady) {
      return;
    }
    form.dataset.suggestReady = '1';
    const subject = form.querySelector('#subject');
    const description = form.querySelector('#description');
    const box = form.querySelector('#kb-suggestions');
    const list = box && box.querySelector('ul');
    if (!subject || !description || !box || !list) {
      return;
    }
    let timer = 0;
    let lastQuery = '';
    let controller = null;

    const schedule = () => {
      clearTimeout(timer);
      timer = setTimeout(load, DELAY_MS);
    };

    async function load() {
      const s = subject.value.trim();
      const d = description.value.trim();
      const query = s + '\n' + d;
      if (query === lastQuery) {
        return;
      }
      lastQuery = query;
      if ((s + d).length < MIN_CHARS) {
        show([]);
        return;
      }
      if (controller) {
        controller.abort();
      }
      controller = new AbortController();
      const url = form.dataset.suggestUrl + '?subject=' + encodeURIComponent(s.slice(0, 250)) +
        '&description=' + encodeURIComponent(d.slice(0, 2000));
      try {
        const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' }, signal: controller.signal });
        if (!response.ok) {
          return;
        }
        const body = await response.json();
        show(Array.isArray(body.items) ? body.items.slice(0, 5) : []);
      } catch (e) {
        if (e.name !== 'AbortError') {
          show([]);
        }
      }
    }

    function show(items) {
      list.replaceChildren(...items.map(item));
      box.hidden = items.length === 0;
    }

    function item(article) {
      const li = document.createElement('li');
      li.className = 'suggestion';
      li.dataset.testid = 'suggestion';
      const link = document.createElement('a');
      link.href = article.url;
      link.target = '_blank';
      link.rel = 'noopener';
      link.textContent = article.title;
      link.className = 'suggestion-title';
      li.append(link);
      if (article.snippet) {
        const snippet = document.createElement('p');
        snippet.className = 'suggestion-snippet';
        appendSnippet(snippet, String(article.snippet));
        li.append(snippet);
      }
      const solved = document.createElement('button');
      solved.type = 'button';
      solved.className = 'secondary';
      solved.dataset.testid = 'deflect';
      solved.textContent = form.dataset.solvedText;
      solved.setAttribute('aria-label', form.dataset.solvedLabel.replace('{0}', article.title));
      solved.addEventListener('click', () => deflect(article, solved));
      li.append(solved);
      return li;
    }

    // The search marks matches with <mark>; everything else in a snippet is text, never markup.
    function appendSnippet(target, snippet) {
      const parts = snippet.split(/(<mark>|<\/mark>)/);
      let marked = false;
      for (const part of parts) {
        if (part === '<mark>') { marked = true; continue; }
        if (part === '</mark>') { marked = false; continue; }
        if (!part) { continue; }
        if (marked) {
          const mark = document.createElement('mark');
          mark.textContent = part;
          target.append(mark);
        } else {
          target.append(document.createTextNode(part));
        }
      }
    }

    async function deflect(article, button) {
      button.disabled = true;
      try {
        const response = await fetch(form.dataset.deflectUrl, {
          method: 'POST',
          credentials: 'same-origin',
          headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
          body: JSON.stringify({ articleId: article.id, subject: subject.value.trim() }),
        });
        if (!response.ok) {
          throw new Error(String(response.status));
        }
        form.hidden = true;
        const done = document.getElementById('deflected');
        if (done) {
          done.hidden = false;
          done.focus();
        }
      } catch {
        button.disabled = false;
        const failed = document.createElement('p');
        failed.className = 'field-error';
        failed.setAttribute('role', 'alert');
        failed.textContent = form.dataset.failedText;
        button.after(failed);
      }
    }

    subject.addEventListener('input', schedule);
    description.addEventListener('input', schedule);
    if (subject.value || description.value) {
      schedule();
    }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
  // Arriving by enhanced navigation patches the page in without running its scripts a second time.
  if (window.Blazor && typeof window.Blazor.addEventListener === 'function') {
    window.Blazor.addEventListener('enhancedload', start);
  }
})();

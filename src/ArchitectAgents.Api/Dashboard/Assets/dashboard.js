// ArchitectAgents dashboard: plain JS over the public REST API (/v1) and its Server-Sent Events.
// Untrusted text (briefs, agent output) only ever reaches the page through textContent, DOMPurify or Mermaid's strict mode.
'use strict';

(() => {
  const KEY = 'architect.apiKey';
  const TERMINAL = new Set(['completed', 'completed_with_issues', 'failed', 'cancelled']);
  const app = document.getElementById('app');
  let view = null; // { dispose() } of the current page

  if (window.mermaid) {
    window.mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: 'neutral', flowchart: { htmlLabels: false } });
  }

  // ---------- helpers ----------

  /** Creates an element; strings and numbers become text nodes, never HTML. */
  function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (name.startsWith('on')) el.addEventListener(name.slice(2), value);
      else if (name === 'class') el.className = value;
      else el.setAttribute(name, value === true ? '' : String(value));
    }
    for (const child of children.flat(Infinity)) {
      if (child === null || child === undefined || child === false) continue;
      el.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return el;
  }

  /** Replaces an element's children, skipping the null/false placeholders of optional parts. */
  function fill(element, ...children) {
    element.replaceChildren(...children.flat(Infinity).filter((c) => c !== null && c !== undefined && c !== false));
  }

  const fmtTime = (iso) => (iso ? new Date(iso).toLocaleString() : '');
  const fmtMs = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`);
  const fmtNum = (n) => Number(n || 0).toLocaleString();
  const badge = (text) => h('span', { class: `badge ${String(text || '').toLowerCase()}`, 'data-status': text }, String(text || '').replaceAll('_', ' '));
  const nodeId = (id) => 'n_' + id.replace(/[^\p{L}\p{N}]/gu, '_');

  // ---------- credentials and fetch ----------

  function credentialHeaders() {
    const key = sessionStorage.getItem(KEY);
    if (!key) return {};
    // A JWT has three dot-separated parts; anything else is an API key.
    const token = key.replace(/^Bearer\s+/i, '');
    return /^[\w-]+\.[\w-]+\.[\w-]*$/.test(token) ? { Authorization: `Bearer ${token}` } : { 'X-Api-Key': key };
  }

  class AuthError extends Error {}

  async function api(path, options = {}) {
    const response = await fetch(path, { ...options, headers: { ...credentialHeaders(), ...(options.headers || {}) } });
    if (response.status === 401) {
      sessionStorage.removeItem(KEY);
      askForKey('That key was refused; paste another one.');
      throw new AuthError('unauthorized');
    }
    if (!response.ok) {
      let detail = `${response.status} ${response.statusText}`;
      try {
        const problem = await response.json();
        detail = [problem.title, problem.detail, problem.errors && JSON.stringify(problem.errors)].filter(Boolean).join(': ');
      } catch { /* not a problem document */ }
      throw new Error(detail);
    }
    return response;
  }

  const getJson = async (path) => (await api(path)).json();
  const getText = async (path) => (await api(path)).text();

  function askForKey(message) {
    const dialog = document.getElementById('key-dialog');
    const error = document.getElementById('key-error');
    error.hidden = !message;
    error.textContent = message || '';
    if (!dialog.open) dialog.showModal();
    document.getElementById('key-input').focus();
  }

  document.getElementById('key-form').addEventListener('submit', () => {
    const input = document.getElementById('key-input');
    sessionStorage.setItem(KEY, input.value.trim());
    input.value = '';
    document.getElementById('forget-key').hidden = false;
    route();
  });
  document.getElementById('forget-key').addEventListener('click', () => {
    sessionStorage.removeItem(KEY);
    document.getElementById('forget-key').hidden = true;
    route();
  });

  /**
   * Server-Sent Events over fetch, because EventSource cannot send the API key header. Reconnects with
   * Last-Event-ID, so nothing is missed or repeated; resolves when the server sends 'end'.
   */
  async function streamEvents(runId, onEvent, signal) {
    let lastId = null;
    while (!signal.aborted) {
      try {
        const response = await api(`/v1/runs/${encodeURIComponent(runId)}/events`, {
          headers: lastId ? { 'Last-Event-ID': lastId } : {},
          signal,
        });
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value.replaceAll('\r\n', '\n');
          let split;
          while ((split = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, split);
            buffer = buffer.slice(split + 2);
            const event = { id: null, type: 'message', data: '' };
            for (const line of block.split('\n')) {
              if (line.startsWith('id: ')) event.id = line.slice(4);
              else if (line.startsWith('event: ')) event.type = line.slice(7);
              else if (line.startsWith('data: ')) event.data += line.slice(6);
            }
            if (event.type === 'end') return;
            if (!event.data) continue;
            if (event.id) lastId = event.id;
            onEvent(event.type, JSON.parse(event.data));
          }
        }
      } catch (error) {
        if (signal.aborted || error instanceof AuthError) return;
      }
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }
  }

  let diagramCounter = 0;
  /** Draws Mermaid text into the element; shows the source when Mermaid is missing or the text does not parse. */
  async function drawMermaid(element, text) {
    if (!window.mermaid) {
      fill(element, h('p', { class: 'muted' }, 'Mermaid is not installed on the server (npm ci --prefix tools/validators); the source:'), h('pre', {}, text));
      return;
    }
    try {
      const { svg } = await window.mermaid.render(`mmd-${++diagramCounter}`, text);
      element.innerHTML = svg;
    } catch (error) {
      fill(element, h('p', { class: 'error' }, `The diagram does not render: ${error.message || error}`), h('pre', {}, text));
    }
  }

  // ---------- router ----------

  function route() {
    if (view) view.dispose();
    view = null;
    fill(app);
    if (!sessionStorage.getItem(KEY)) {
      app.append(h('div', { class: 'card' }, h('p', {}, 'Sign in with an API key to see your runs.'), h('button', { onclick: () => askForKey() }, 'Sign in')));
      askForKey();
      return;
    }
    document.getElementById('forget-key').hidden = false;
    const match = location.hash.match(/^#\/runs\/([\w-]+)$/);
    view = match ? runPage(match[1]) : listPage();
  }

  window.addEventListener('hashchange', route);

  // ---------- run list ----------

  function listPage() {
    let timer = null;
    let disposed = false;
    const tbody = h('tbody');
    const message = h('p', { class: 'error', hidden: true });
    const brief = h('textarea', { id: 'brief', placeholder: '# My service\nWho uses it, how many, what it must do, the team, constraints...', required: true });
    const workflow = h('select', { id: 'workflow' });
    const interactive = h('input', { type: 'checkbox', id: 'interactive' });
    const start = h('button', { type: 'submit', id: 'start-run' }, 'Start run');

    const form = h('form', {
      class: 'card',
      onsubmit: async (e) => {
        e.preventDefault();
        start.disabled = true;
        message.hidden = true;
        try {
          const response = await api('/v1/runs', {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ brief: brief.value, workflow: workflow.value || undefined, options: { interactive: interactive.checked } }),
          });
          const run = await response.json();
          location.hash = `#/runs/${run.id}`;
        } catch (error) {
          if (!(error instanceof AuthError)) {
            message.textContent = error.message;
            message.hidden = false;
          }
        } finally {
          start.disabled = false;
        }
      },
    },
    h('h2', {}, 'New run'),
    h('label', { for: 'brief', class: 'muted' }, 'Brief (Markdown)'),
    brief,
    h('div', { class: 'row' },
      h('label', { for: 'workflow' }, 'Workflow '), workflow,
      h('label', {}, interactive, ' ask me clarifying questions'),
      h('span', { class: 'spacer' }), start),
    message);

    app.append(form, h('section', { class: 'card' },
      h('h2', {}, 'Runs'),
      h('table', { id: 'runs' },
        h('thead', {}, h('tr', {}, ['Run', 'Status', 'Workflow', 'Created', 'Verdict', 'Score'].map((t) => h('th', { class: t === 'Score' ? 'num' : null }, t)))),
        tbody)));

    getJson('/v1/workflows').then((workflows) => {
      fill(workflow, ...workflows.map((w) => h('option', { value: w.id }, w.name ? `${w.name} (${w.id})` : w.id)));
    }).catch(() => {});

    async function refresh() {
      try {
        const page = await getJson('/v1/runs?limit=50');
        fill(tbody, ...page.items.map((run) => h('tr', { 'data-run': run.id },
          h('td', {}, h('a', { href: `#/runs/${run.id}`, class: 'mono' }, run.id)),
          h('td', {}, badge(run.status)),
          h('td', {}, run.workflow),
          h('td', {}, fmtTime(run.createdAt)),
          h('td', {}, run.verdict ? badge(run.verdict) : ''),
          h('td', { class: 'num' }, run.score ?? ''))));
        if (page.items.length === 0) tbody.append(h('tr', {}, h('td', { colspan: 6, class: 'muted' }, 'No runs yet.')));
        // Live status: poll while something is still moving, slowly otherwise.
        const moving = page.items.some((r) => !TERMINAL.has(r.status));
        if (!disposed) timer = setTimeout(refresh, moving ? 2000 : 10000);
      } catch (error) {
        if (!(error instanceof AuthError) && !disposed) timer = setTimeout(refresh, 5000);
      }
    }

    refresh();
    return { dispose() { disposed = true; clearTimeout(timer); } };
  }

  // ---------- run page ----------

  function runPage(runId) {
    const abort = new AbortController();
    const state = { run: null, graph: null, nodes: new Map(), spans: [], start: null, document: null, pendingQuestions: null };
    const base = `/v1/runs/${encodeURIComponent(runId)}`;

    const header = h('section', { class: 'card', id: 'run-header' });
    const graph = h('div', { class: 'graph', id: 'graph' }, h('p', { class: 'muted' }, 'Loading the workflow graph...'));
    const timeline = h('div', { class: 'timeline', id: 'timeline' }, h('p', { class: 'muted' }, 'No agent has started yet.'));
    const usage = h('div', { id: 'usage' }, h('p', { class: 'muted' }, 'Usage appears when the run finishes.'));
    const questions = h('div', { id: 'questions' }, h('p', { class: 'muted' }, 'No questions so far.'));
    const gate = h('div', { id: 'gate' }, h('p', { class: 'muted' }, 'The checklist gate has not run yet.'));
    const deliverables = h('div', { id: 'deliverables' }, h('p', { class: 'muted' }, 'Deliverables appear when the run completes.'));

    app.append(
      h('p', {}, h('a', { href: '#/' }, '← all runs')),
      header,
      h('div', { class: 'grid' },
        h('section', { class: 'card' }, h('h2', {}, 'Workflow'), graph),
        h('section', { class: 'card' }, h('h2', {}, 'Timeline'), timeline)),
      h('div', { class: 'grid', style: 'margin-top:1rem' },
        h('section', { class: 'card' }, h('h2', {}, 'Tokens and cost per agent'), usage),
        h('section', { class: 'card' }, h('h2', {}, 'Questions and answers'), questions)),
      h('section', { class: 'card', style: 'margin-top:1rem' }, h('h2', {}, 'Checklist gate'), gate),
      h('section', { class: 'card' }, h('h2', {}, 'Deliverables'), deliverables));

    function renderHeader() {
      const run = state.run;
      if (!run) return;
      const cancel = !TERMINAL.has(run.status)
        ? h('button', { class: 'secondary', onclick: async () => { await api(`${base}/cancel`, { method: 'POST' }); await loadRun(); } }, 'Cancel run')
        : null;
      fill(header,
        h('div', { class: 'row' }, h('h2', { style: 'margin:0' }, 'Run ', h('span', { class: 'mono' }, run.id)), h('span', { id: 'run-status' }, badge(run.status)), h('span', { class: 'spacer' }), cancel),
        h('dl', { class: 'facts' },
          fact('Workflow', run.workflow),
          fact('Source', run.source),
          fact('Created', fmtTime(run.createdAt)),
          fact('Completed', fmtTime(run.completedAt) || '—'),
          fact('Verdict', run.verdict ? badge(run.verdict) : '—'),
          fact('Score', run.score ?? '—'),
          fact('Attempts', run.attempts),
          fact('Trace id', run.traceId ? h('span', { class: 'mono', id: 'trace-id', title: 'Search this trace id in your OTLP backend' }, run.traceId) : '—')),
        run.error ? h('p', { class: 'error' }, run.error) : null);
    }

    function fact(label, value) {
      return h('div', {}, h('dt', {}, label), h('dd', {}, value));
    }

    // The graph: Mermaid from the API, with one class per node state appended.
    let graphQueued = false;
    function renderGraph() {
      if (!state.graph || graphQueued) return;
      graphQueued = true;
      requestAnimationFrame(async () => {
        graphQueued = false;
        const lines = [state.graph.trimEnd(),
          '  classDef running fill:#dbe7ff,stroke:#2f6fde,stroke-width:2px',
          '  classDef done fill:#e3f5ea,stroke:#1f8a4c',
          '  classDef failed fill:#fde8e8,stroke:#c53030,stroke-width:2px',
          '  classDef waiting fill:#f0e9fc,stroke:#805ad5,stroke-width:2px'];
        for (const [node, status] of state.nodes) lines.push(`  class ${nodeId(node)} ${status}`);
        await drawMermaid(graph, lines.join('\n'));
        graph.dataset.nodes = JSON.stringify(Object.fromEntries(state.nodes));
      });
    }

    function renderTimeline() {
      if (state.spans.length === 0) return;
      const now = Date.now();
      const start = state.start ?? Math.min(...state.spans.map((s) => s.start));
      const end = Math.max(...state.spans.map((s) => s.end ?? now));
      const total = Math.max(end - start, 1);
      fill(timeline,
        ...state.spans.map((s) => {
          const from = ((s.start - start) / total) * 100;
          const width = (((s.end ?? now) - s.start) / total) * 100;
          const label = `${s.node}${s.round > 1 ? ` #${s.round}` : ''}`;
          const title = `${label}${s.agent ? ` (${s.agent})` : ''}: ${s.end ? fmtMs(s.end - s.start) : 'running'}${s.outcome ? `, ${s.outcome}` : ''}`;
          return h('div', { class: 'lane', 'data-node': s.node },
            h('span', { class: 'label', title }, label),
            h('div', { class: 'track' }, h('div', { class: `bar ${s.status}`, style: `left:${from}%;width:${width}%`, title })));
        }),
        h('div', { class: 'axis' }, h('span', {}, '0'), h('span', {}, fmtMs(total))));
    }

    function renderUsage() {
      const u = state.document?.usage;
      if (!u) return;
      fill(usage, h('table', {},
        h('thead', {}, h('tr', {}, ['Agent', 'Model', 'Calls', 'Input', 'Output', 'Cost (USD)', 'Time'].map((t, i) => h('th', { class: i >= 2 ? 'num' : null }, t)))),
        h('tbody', {},
          u.entries.map((e) => h('tr', {},
            h('td', {}, e.agent), h('td', {}, e.model), h('td', { class: 'num' }, e.calls),
            h('td', { class: 'num' }, fmtNum(e.inputTokens)), h('td', { class: 'num' }, fmtNum(e.outputTokens)),
            h('td', { class: 'num' }, Number(e.costUsd || 0).toFixed(4)), h('td', { class: 'num' }, fmtMs(e.durationMs)))),
          h('tr', {}, h('th', { colspan: 3 }, 'Total'), h('th', { class: 'num' }, fmtNum(u.inputTokens)), h('th', { class: 'num' }, fmtNum(u.outputTokens)),
            h('th', { class: 'num' }, Number(u.costUsd || 0).toFixed(4)), h('th', {})))));
    }

    function renderQuestions() {
      if (state.pendingQuestions?.length && state.run?.status === 'awaiting_input') {
        // The form is rebuilt only for a new set of questions: every document or run refresh re-renders this panel,
        // and rebuilding it would drop what the person is typing (their answer would then be sent empty).
        const asking = state.pendingQuestions.map((q) => q.id).join('\n');
        if (questions.dataset.asking === asking && questions.querySelector('form')) return;
        questions.dataset.asking = asking;
        const inputs = state.pendingQuestions.map((q) => h('input', { type: 'text', name: q.id, id: `answer-${q.id}`, placeholder: 'Leave empty to let the designer assume' }));
        fill(questions, h('form', {
          onsubmit: async (e) => {
            e.preventDefault();
            const answers = Object.fromEntries(inputs.filter((i) => i.value.trim()).map((i) => [i.name, i.value.trim()]));
            await api(`${base}/answers`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ answers }) });
            state.pendingQuestions = null;
            await loadRun();
          },
        },
        state.pendingQuestions.map((q, i) => h('div', { class: 'question' }, h('label', { for: inputs[i].id }, q.text), h('p', { class: 'muted' }, q.why), inputs[i])),
        h('button', { type: 'submit' }, 'Send answers')));
        return;
      }
      delete questions.dataset.asking;
      const context = state.document?.context;
      if (!context) return;
      const asked = context.questions || [];
      const assumptions = context.assumptions || [];
      fill(questions,
        asked.length
          ? h('dl', {}, asked.map((q) => [h('dt', {}, h('strong', {}, q.text)), h('dd', {}, q.answer ? q.answer : h('span', { class: 'muted' }, 'not answered: an assumption was made'))]))
          : h('p', { class: 'muted' }, 'No clarifying questions were asked.'),
        assumptions.length ? h('h3', {}, 'Assumptions') : null,
        assumptions.length ? h('ul', {}, assumptions.map((a) => h('li', {}, h('strong', {}, `${a.topic}: `), a.statement, h('span', { class: 'muted' }, ` (${a.reason})`)))) : null);
    }

    function renderGate() {
      const g = state.document?.gate;
      if (!g) return;
      fill(gate,
        h('div', { class: 'row' }, badge(g.verdict), h('span', {}, `score ${g.score}`), h('span', { class: 'muted' }, `round ${g.iteration}`)),
        g.summary ? h('p', {}, g.summary) : null,
        h('table', { id: 'gate-items' },
          h('thead', {}, h('tr', {}, ['Status', 'Kind', 'Item', 'Evidence'].map((t) => h('th', {}, t)))),
          h('tbody', {}, g.items.map((item) => h('tr', {}, h('td', {}, badge(item.status)), h('td', {}, item.kind), h('td', {}, item.title), h('td', { class: 'muted' }, item.evidence))))),
        renderTrace(g.traceability || []));
    }

    // The traceability matrix: each requirement of the brief and what in the design serves it, unserved rows first.
    function renderTrace(rows) {
      if (!rows.length) return h('p', { class: 'muted', id: 'gate-trace-empty' }, 'No requirements were read from the brief, so there is nothing to trace.');
      const order = ['use-case', 'figure', 'quality-target', 'constraint', 'compliance', 'decision'];
      const sorted = [...rows].sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind) || (a.status === 'unserved' ? -1 : 0) - (b.status === 'unserved' ? -1 : 0));
      const unserved = rows.filter((r) => r.status === 'unserved').length;
      return h('div', {},
        h('h3', {}, 'Traceability'),
        h('p', { class: 'muted' }, `${rows.length - unserved} of ${rows.length} requirements served, departed from with a reason, or flagged as a risk.`),
        h('table', { id: 'gate-trace' },
          h('thead', {}, h('tr', {}, ['Status', 'Kind', 'Requirement', 'Served by', 'Brief\'s words'].map((t) => h('th', {}, t)))),
          h('tbody', {}, sorted.map((r) => h('tr', { 'data-status': r.status },
            h('td', {}, badge(r.status)), h('td', {}, r.kind), h('td', {}, `${r.requirementId}: ${r.requirement}`),
            h('td', {}, (r.servedBy || []).length ? r.servedBy.join('; ') : h('span', { class: 'muted' }, r.note)),
            h('td', { class: 'muted' }, r.words))))));
    }

    async function renderDeliverables() {
      const files = await getJson(`${base}/deliverables`);
      const names = files.map((f) => (typeof f === 'string' ? f : f.name));
      const panel = h('div', { id: 'deliverable-panel' });
      const tabs = [
        ['architecture.md', 'Report', showReport],
        ['architecture.mmd', 'Diagram', showDiagram],
        ['openapi.yaml', 'OpenAPI', showOpenApi],
        ['schema.sql', 'Schema', showText],
        ['review.md', 'Review', showReport],
      ].filter(([name]) => names.includes(name));
      const buttons = tabs.map(([name, label, show]) => h('button', {
        type: 'button', role: 'tab', 'data-file': name,
        onclick: async () => {
          buttons.forEach((b) => b.setAttribute('aria-selected', String(b.dataset.file === name)));
          fill(panel, h('p', { class: 'muted' }, 'Loading...'));
          const text = await getText(`${base}/deliverables/${encodeURIComponent(name)}`);
          await show(panel, text);
        },
      }, label));
      const zip = h('button', {
        type: 'button', class: 'secondary',
        onclick: async () => {
          const blob = await (await api(`${base}/deliverables.zip`)).blob();
          const link = h('a', { href: URL.createObjectURL(blob), download: `${runId}.zip` });
          link.click();
          setTimeout(() => URL.revokeObjectURL(link.href), 10000);
        },
      }, 'Download zip');
      fill(deliverables, h('div', { class: 'tabs', role: 'tablist' }, buttons, h('span', { class: 'spacer' }), zip), panel);
      // The diagram first: it is what people look for.
      (buttons.find((b) => b.dataset.file === 'architecture.mmd') ?? buttons[0])?.click();
    }

    async function showReport(panel, markdown) {
      const html = window.marked && window.DOMPurify
        ? window.DOMPurify.sanitize(window.marked.parse(markdown))
        : null;
      const body = h('div', { class: 'report' });
      if (html === null) body.append(h('pre', {}, markdown));
      else body.innerHTML = html;
      fill(panel, body);
      for (const code of body.querySelectorAll('pre > code.language-mermaid')) {
        const holder = h('div', { class: 'diagram' });
        code.parentElement.replaceWith(holder);
        await drawMermaid(holder, code.textContent);
      }
    }

    async function showDiagram(panel, text) {
      const holder = h('div', { class: 'diagram', id: 'diagram' });
      fill(panel, holder, h('details', {}, h('summary', {}, 'Mermaid source'), h('pre', {}, text)));
      await drawMermaid(holder, text);
    }

    function showText(panel, text) {
      fill(panel, h('pre', {}, text));
    }

    /** The contract as a table of operations, from the block-style YAML the designer writes; the full text below. */
    function showOpenApi(panel, yaml) {
      const lines = yaml.split('\n');
      const info = {};
      const operations = [];
      let section = null;
      let path = null;
      let op = null;
      for (const line of lines) {
        const indent = line.length - line.trimStart().length;
        const text = line.trim();
        if (!text || text.startsWith('#')) continue;
        if (indent === 0) { section = text.replace(/:.*$/, ''); path = null; op = null; continue; }
        const unquote = (v) => v.trim().replace(/^['"]|['"]$/g, '');
        if (section === 'info' && indent === 2) {
          const [k, ...v] = text.split(':');
          if (['title', 'version', 'description'].includes(k)) info[k] = unquote(v.join(':'));
        } else if (section === 'paths') {
          if (indent === 2 && text.endsWith(':')) { path = unquote(text.slice(0, -1)); op = null; }
          else if (indent === 4 && path && /^(get|put|post|delete|patch|head|options):$/.test(text)) {
            op = { method: text.slice(0, -1), path, summary: '', security: 'api' };
            operations.push(op);
          } else if (indent === 6 && op) {
            const [k, ...v] = text.split(':');
            if (k === 'summary' || (k === 'operationId' && !op.summary)) op.summary = unquote(v.join(':'));
            if (k === 'security' && v.join(':').trim() === '[]') op.security = 'public';
          }
        }
      }
      fill(panel,
        h('p', {}, h('strong', {}, info.title || 'API'), info.version ? ` — version ${info.version}` : ''),
        info.description ? h('p', { class: 'muted' }, info.description) : null,
        h('table', { id: 'openapi-operations' },
          h('thead', {}, h('tr', {}, ['Method', 'Path', 'Summary', 'Auth'].map((t) => h('th', {}, t)))),
          h('tbody', {}, operations.map((o) => h('tr', {},
            h('td', {}, h('span', { class: `method ${o.method}` }, o.method.toUpperCase())),
            h('td', { class: 'mono' }, o.path), h('td', {}, o.summary), h('td', {}, o.security === 'public' ? 'public' : 'required'))))),
        h('details', {}, h('summary', {}, 'openapi.yaml'), h('pre', {}, yaml)));
    }

    let documentTimer = null;
    function refreshDocumentSoon() {
      clearTimeout(documentTimer);
      documentTimer = setTimeout(loadDocument, 300);
    }

    async function loadDocument() {
      try {
        state.document = await getJson(`${base}/document`);
        renderUsage();
        renderQuestions();
        renderGate();
        return true;
      } catch { /* not written yet, or a transient error: the next event or the final load tries again */ }
      return false;
    }

    async function loadRun() {
      state.run = await getJson(base);
      // Questions are pending only while the run waits for them; once it moves on, the document shows the answers.
      state.pendingQuestions = state.run.status === 'awaiting_input' ? (state.run.questions || state.pendingQuestions) : null;
      renderHeader();
      renderQuestions();
      return state.run;
    }

    function onEvent(type, data) {
      const at = data.at ? Date.parse(data.at) : Date.now();
      switch (type) {
        case 'run_started':
          state.start ??= at;
          break;
        case 'node_started': {
          state.start ??= at;
          state.nodes.set(data.node, 'running');
          state.spans.push({ node: data.node, agent: data.agent, round: data.round, start: at, end: null, status: 'running' });
          renderTimeline();
          renderGraph();
          break;
        }
        case 'node_completed': {
          state.nodes.set(data.node, 'done');
          const span = [...state.spans].reverse().find((s) => s.node === data.node && s.end === null);
          if (span) Object.assign(span, { end: at, status: 'done', outcome: data.outcome });
          else state.spans.push({ node: data.node, start: at - (data.durationMs || 0), end: at, status: 'done', outcome: data.outcome, round: 1 });
          renderTimeline();
          renderGraph();
          break;
        }
        case 'section_written':
          // The document exists from the first section on; usage, questions and the gate follow its writes.
          refreshDocumentSoon();
          break;
        case 'agent_output_rejected':
          state.nodes.set(data.node, 'failed');
          renderGraph();
          break;
        case 'questions_asked':
          state.pendingQuestions = data.questions;
          for (const [node, status] of state.nodes) if (status === 'running') state.nodes.set(node, 'done');
          loadRun().then(renderQuestions);
          break;
        case 'run_finished':
          for (const s of state.spans) if (s.end === null) Object.assign(s, { end: at, status: data.status === 'failed' ? 'failed' : 'done' });
          for (const [node, status] of state.nodes) if (status === 'running') state.nodes.set(node, data.status === 'failed' ? 'failed' : 'done');
          renderTimeline();
          renderGraph();
          break;
        default:
          break;
      }
    }

    (async () => {
      try {
        const run = await loadRun();
        state.graph = await getText(`/v1/workflows/${encodeURIComponent(run.workflow)}/graph`);
        renderGraph();
        await streamEvents(runId, onEvent, abort.signal);
        if (abort.signal.aborted) return;
        const final = await loadRun();
        for (let attempt = 0; attempt < 10 && !(await loadDocument()); attempt++) {
          await new Promise((resolve) => setTimeout(resolve, 500));
        }
        renderTimeline();
        if (final.status === 'completed' || final.status === 'completed_with_issues') await renderDeliverables();
        else fill(deliverables, h('p', { class: 'muted' }, `No deliverables: the run is ${final.status.replaceAll('_', ' ')}.`));
      } catch (error) {
        if (!(error instanceof AuthError) && !abort.signal.aborted) header.append(h('p', { class: 'error' }, error.message));
      }
    })();

    return { dispose() { abort.abort(); clearTimeout(documentTimer); } };
  }

  route();
})();

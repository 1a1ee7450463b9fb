// The graph explorer: search an actor, draw their network with Cytoscape.js (as references), read a node or edge with its evidence on click,
// and highlight the shortest path between two picked nodes. Every request goes to this service's own API.
(() => {
  'use strict';

  const $ = (id) => document.getElementById(id);
  const colours = { actor: '#3a6fd8', event: '#d8823a', place: '#4d9a5b', sanction: '#b3261e', statement: '#7a4fbf', figure: '#8a7a2a', program: '#2a8a8a', source: '#777' };
  const state = { centre: null, from: null, to: null, opened: null, actions: null };

  const cy = cytoscape({
    container: $('graph'),
    wheelSensitivity: 0.3,
    style: [
      { selector: 'node', style: { 'background-color': (n) => colours[n.data('label')] || '#777', label: 'data(name)', 'font-size': 10, 'text-wrap': 'ellipsis', 'text-max-width': 140, 'text-valign': 'bottom', 'text-margin-y': 3, width: 22, height: 22 } },
      { selector: 'node.centre', style: { width: 32, height: 32, 'border-width': 3, 'border-color': '#1d2330' } },
      { selector: 'edge', style: { width: 2, 'line-color': '#aab2c3', 'target-arrow-color': '#aab2c3', 'target-arrow-shape': 'triangle', 'curve-style': 'bezier', label: 'data(type)', 'font-size': 8, 'min-zoomed-font-size': 10, color: '#5b6475', 'text-rotation': 'autorotate' } },
      { selector: ':selected', style: { 'overlay-color': '#3a6fd8', 'overlay-opacity': 0.25, 'overlay-padding': 4 } },
      { selector: 'node.on-path', style: { 'border-width': 4, 'border-color': '#e0a000', 'z-index': 10 } },
      { selector: 'edge.on-path', style: { 'line-color': '#e0a000', 'target-arrow-color': '#e0a000', width: 5, 'z-index': 10 } },
    ],
  });

  // What the browser test (and a curious developer) can reach from the console.
  window.explorer = { cy, state };

  async function getJson(url) {
    const response = await fetch(url, { headers: { Accept: 'application/json' } });
    const body = await response.json().catch(() => null);
    if (!response.ok) {
      const problem = body && (body.detail || body.title);
      throw new Error(problem ? `${response.status}: ${problem}` : `${response.status} from ${url}`);
    }
    return body;
  }

  function setStatus(text, isError = false) {
    $('status').textContent = text;
    $('status').className = isError ? 'error' : '';
  }

  function element(tag, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (className) node.className = className;
    return node;
  }

  function evidenceList(evidence) {
    const box = document.createDocumentFragment();
    for (const item of evidence || []) {
      const quote = element('blockquote', item.text, 'evidence');
      const cite = element('cite', 'Source: ');
      const link = element('a', item.sourceId);
      link.href = `api/sources/${encodeURIComponent(item.sourceId)}`;
      cite.appendChild(link);
      quote.appendChild(cite);
      box.appendChild(quote);
    }
    if (!evidence || evidence.length === 0) box.appendChild(element('p', 'No evidence recorded.', 'hint'));
    return box;
  }

  function fieldList(data, skip) {
    const list = element('dl');
    for (const [key, value] of Object.entries(data)) {
      if (skip.includes(key) || value === null || value === undefined || value === '') continue;
      list.appendChild(element('dt', key));
      list.appendChild(element('dd', Array.isArray(value) ? value.join(', ') : typeof value === 'object' ? JSON.stringify(value) : value));
    }
    return list;
  }

  // Networks are drawn from references (nodes=summary: id, label, name, kind, date; edges without evidence), so a
  // node or edge is read in full, with its evidence, when it is opened. Places have no read of their own.
  const readPaths = { actor: 'actors', event: 'events', sanction: 'sanctions', statement: 'statements', program: 'programs', figure: 'figures' };

  // Fields of a read answer worth listing beside the reference: values and lists of values, not nested records.
  function plainFields(answer) {
    const plain = {};
    for (const [key, value] of Object.entries(answer || {})) {
      if (key === 'evidence' || key === 'claims') continue;
      if (Array.isArray(value) ? value.every((v) => typeof v !== 'object') : typeof value !== 'object') plain[key] = value;
    }
    return plain;
  }

  // Reads the opened element's full answer and fills the panel, unless another element was opened meanwhile. The
  // element's actions (state.actions) sit under its title, above what the read fills in, so they do not move when it does.
  async function fillDetails(key, url, header, data, skip) {
    state.opened = key;
    const details = $('details');
    const top = state.actions ? [...header, state.actions] : header;
    const evidence = element('div', 'Loading the evidence…', 'hint');
    details.replaceChildren(...top, fieldList(data, skip), element('h2', 'Evidence'), evidence);
    if (!url) {
      evidence.replaceWith(evidenceList(data.evidence));
      return;
    }
    try {
      const answer = await getJson(url);
      if (state.opened !== key) return;
      details.replaceChildren(...top, fieldList({ ...data, ...plainFields(answer) }, skip), element('h2', 'Evidence'), evidenceList(answer.evidence));
    } catch (error) {
      if (state.opened === key) evidence.replaceWith(element('p', error.message, 'error'));
    }
  }

  function showNode(node) {
    const data = node.data();
    const path = readPaths[data.label];
    const actions = element('div', null, 'actions');
    const from = element('button', 'Path from here');
    from.id = 'path-from-here';
    from.addEventListener('click', () => pick('from', data));
    const to = element('button', 'Path to here');
    to.id = 'path-to-here';
    to.addEventListener('click', () => pick('to', data));
    actions.append(from, to);
    if (data.label === 'actor' && data.id !== state.centre) {
      const centre = element('button', 'Show their network');
      centre.addEventListener('click', () => openNetwork(data.id));
      actions.appendChild(centre);
    }
    state.actions = actions;
    fillDetails(`node:${data.id}`, path ? `api/${path}/${encodeURIComponent(data.id)}` : null, [element('h2', data.name)], data, ['name', 'evidence', 'id', 'label']);
  }

  function showEdge(edge) {
    const data = edge.data();
    const ends = (id) => cy.getElementById(id).data('name') || id;
    const url = `api/relationships/${encodeURIComponent(data.source)}/${encodeURIComponent(data.type)}/${encodeURIComponent(data.target)}`;
    state.actions = null;
    fillDetails(`edge:${data.id}`, url, [element('h2', `${ends(data.source)} → ${data.type} → ${ends(data.target)}`)], data, ['evidence', 'source', 'target', 'type', 'id']);
  }

  async function search(query) {
    const results = $('results');
    results.replaceChildren();
    setStatus(`Searching “${query}”…`);
    try {
      const page = await getJson(`api/actors?q=${encodeURIComponent(query)}&pageSize=20`);
      for (const actor of page.items) {
        const item = element('li');
        const button = element('button', `${actor.name} (${actor.kind})`, 'actor-result');
        button.dataset.id = actor.id;
        button.addEventListener('click', () => openNetwork(actor.id));
        item.appendChild(button);
        results.appendChild(item);
      }
      setStatus(page.items.length === 0 ? `No actor matches “${query}”.` : `${page.total} actor(s) match “${query}”; pick one to see their network.`);
    } catch (error) {
      setStatus(error.message, true);
    }
  }

  async function openNetwork(actorId) {
    const depth = Number($('depth').value);
    setStatus(`Loading the network of ${actorId}…`);
    try {
      const graph = await getJson(`api/graph?actor=${encodeURIComponent(actorId)}&depth=${depth}&nodes=summary`);
      state.centre = actorId;
      cy.elements().remove();
      cy.add(graph.elements.nodes.map((n) => ({ group: 'nodes', data: n.data })));
      cy.add(graph.elements.edges.map((e) => ({ group: 'edges', data: e.data })));
      cy.getElementById(actorId).addClass('centre');
      await runLayout();
      const name = cy.getElementById(actorId).data('name') || actorId;
      setStatus(`Network of ${name}: ${cy.nodes().length} nodes, ${cy.edges().length} edges (depth ${depth})${graph.truncated ? ', truncated' : ''}.`);
      $('details').replaceChildren(element('p', 'Click a node or an edge for its details and evidence.', 'hint'));
      document.body.dataset.network = actorId;
    } catch (error) {
      setStatus(error.message, true);
    }
  }

  // Breadth-first rings around the centre: the same picture every time for the same graph.
  function runLayout() {
    const layout = cy.layout({ name: 'breadthfirst', roots: cy.nodes('.centre'), circle: true, spacingFactor: 1.1, animate: false, padding: 30 });
    const done = new Promise((resolve) => layout.one('layoutstop', resolve));
    layout.run();
    return done;
  }

  async function pick(end, data) {
    state[end] = data.id;
    $(end === 'from' ? 'path-from' : 'path-to').textContent = data.name;
    if (!state.from || !state.to) return;
    const steps = $('path-steps');
    steps.replaceChildren();
    cy.elements().removeClass('on-path');
    if (state.from === state.to) {
      steps.appendChild(element('li', 'Pick two different nodes.', 'hint'));
      return;
    }
    try {
      const path = await getJson(`api/paths/shortest?from=${encodeURIComponent(state.from)}&to=${encodeURIComponent(state.to)}&maxDepth=6`);
      if (!path.found) {
        steps.appendChild(element('li', `No connection within ${path.maxDepth} hops.`, 'hint'));
        return;
      }
      const added = cy.add([
        ...path.nodes.filter((n) => cy.getElementById(n.id).empty()).map((n) => ({ group: 'nodes', data: { ...n.properties, id: n.id, label: n.label, name: n.name, kind: n.kind, evidence: n.evidence } })),
        ...path.edges.filter((e) => cy.getElementById(e.id).empty()).map((e) => ({ group: 'edges', data: { ...e.properties, id: e.id, source: e.from, target: e.to, type: e.type, evidence: e.evidence } })),
      ]);
      if (added.length > 0) await runLayout();
      for (const n of path.nodes) cy.getElementById(n.id).addClass('on-path');
      for (const e of path.edges) cy.getElementById(e.id).addClass('on-path');
      path.edges.forEach((e) => {
        const step = element('li', `${cy.getElementById(e.from).data('name')} → ${e.type} → ${cy.getElementById(e.to).data('name')}`);
        step.appendChild(evidenceList(e.evidence));
        steps.appendChild(step);
      });
      setStatus(`Shortest path: ${path.length} hop(s), highlighted.`);
    } catch (error) {
      steps.appendChild(element('li', error.message, 'error'));
    }
  }

  cy.on('tap', 'node', (event) => showNode(event.target));
  cy.on('tap', 'edge', (event) => showEdge(event.target));
  $('search-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const query = $('search').value.trim();
    if (query) search(query);
  });
})();

// The map page: filters, search, neighbour highlighting and the side panel.
// Data comes from the JSON element #wj-data; every string from a report is put into the page
// with textContent (never innerHTML), so a name that looks like markup stays text.
(function () {
  "use strict";
  var DATA = JSON.parse(document.getElementById("wj-data").textContent);
  var PARK_CLUSTER = DATA.kind === "park_cluster";
  var container = document.getElementById("map");
  var panel = document.getElementById("panel-body");
  var status = document.getElementById("search-status");

  var byId = {};
  DATA.nodes.forEach(function (n) { byId[n.id] = n; });
  var edgeById = {};
  DATA.edges.forEach(function (e) { edgeById[e.id] = e; });

  var hiddenClasses = new Set();
  var hiddenRelations = new Set();

  function activeMembers(list) {
    return (list || []).filter(function (m) { return !hiddenClasses.has(DATA.members[m.id].cls); });
  }

  function edgeVisible(e) {
    if (hiddenClasses.has(byId[e.from].cls) || hiddenClasses.has(byId[e.to].cls)) return false;
    var kinds = e.kinds || [e.prop];
    return kinds.some(function (k) {
      if (hiddenRelations.has(k)) return false;
      if (k === "members") return activeMembers(DATA.edgeInfo[e.id].members).length > 0;
      return true;
    });
  }

  var nodes = new vis.DataSet(DATA.nodes);
  var edges = new vis.DataSet(DATA.edges);
  var nodeView = new vis.DataView(nodes, { filter: function (n) { return !hiddenClasses.has(n.cls); } });
  var edgeView = new vis.DataView(edges, { filter: edgeVisible });
  var network = new vis.Network(container, { nodes: nodeView, edges: edgeView }, DATA.options);

  var api = {
    network: network, nodes: nodes, edges: edges, nodeView: nodeView, edgeView: edgeView,
    ready: false, readyAt: null, selected: null,
  };
  window.wjMap = api;

  network.once("afterDrawing", function () {
    api.ready = true;
    api.readyAt = performance.now();
    document.body.setAttribute("data-ready", "1");
  });

  // ---------------------------------------------------------------- small DOM helpers
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function clsName(cls) { return DATA.classNames[cls] || cls; }
  function relName(prop) { return DATA.relationNames[prop] || prop; }
  function classTag(cls) {
    var t = el("span", "tag", clsName(cls));
    t.style.background = DATA.classColors[cls] || "#888888";
    return t;
  }
  function nodeButton(id) {
    var b = el("button", "link", DATA.info[id] ? DATA.info[id].label : id);
    b.type = "button";
    b.addEventListener("click", function () { selectNode(id, true); });
    return b;
  }
  function sentenceList(ids, title) {
    var frag = document.createDocumentFragment();
    if (!ids || !ids.length) return frag;
    if (title) frag.appendChild(el("h3", null, title + "（" + ids.length + "）"));
    ids.forEach(function (sid) {
      var s = DATA.sentences[sid];
      if (!s) return;
      var q = el("blockquote");
      q.appendChild(el("span", "ref", s.ref));
      q.appendChild(document.createTextNode(s.text));
      frag.appendChild(q);
    });
    return frag;
  }
  function showPanel(children) {
    panel.replaceChildren.apply(panel, children.filter(Boolean));
    panel.parentNode.scrollTop = 0;
  }
  function header(label, cls, info) {
    var out = [el("h2", null, label), el("p", "meta")];
    out[1].appendChild(classTag(cls));
    out[1].appendChild(document.createTextNode(cls));
    if (info && info.aliases && info.aliases.length) out.push(el("p", "meta", "别名：" + info.aliases.join("、")));
    if (info && info.pinyin) out.push(el("p", "meta", "拼音：" + info.pinyin));
    return out;
  }
  function memberList(list, withEvidence) {
    var ul = el("ul");
    list.forEach(function (m) {
      var d = DATA.members[m.id];
      var li = el("li");
      li.appendChild(classTag(d.cls));
      li.appendChild(document.createTextNode(d.label));
      if (withEvidence && m.evidence && m.evidence.length) {
        var det = el("details");
        det.appendChild(el("summary", null, "依据（" + m.evidence.length + " 句）"));
        det.appendChild(sentenceList(m.evidence));
        li.appendChild(det);
      }
      ul.appendChild(li);
    });
    return ul;
  }

  // ---------------------------------------------------------------- panels
  function incident(id) {
    return DATA.edges.filter(function (e) { return e.from === id || e.to === id; });
  }

  function showNode(id) {
    var info = DATA.info[id];
    var out = header(info.label, info.cls, info);
    var links = incident(id);
    if (links.length) {
      out.push(el("h3", null, "关系（" + links.length + "）"));
      var ul = el("ul");
      links.forEach(function (e) {
        var li = el("li");
        var other = e.from === id ? e.to : e.from;
        var text;
        var prop = e.prop === "parkInPark" ? "locatedIn" : e.prop;
        if (PARK_CLUSTER && e.prop !== "parkInPark") {
          var n = activeMembers(DATA.edgeInfo[e.id].members).length;
          text = n ? "共有成员 " + n + "：" : "报告直接表述：";
        } else if (e.from === id) {
          text = relName(prop) + " → ";
        } else {
          text = "← " + relName(prop) + "：";
        }
        li.appendChild(document.createTextNode(text));
        li.appendChild(nodeButton(other));
        if (!edgeVisible(e)) li.appendChild(el("span", "hint", "（已筛选隐藏）"));
        ul.appendChild(li);
      });
      out.push(ul);
    }
    if (PARK_CLUSTER) {
      var members = activeMembers(info.members);
      out.push(el("h3", null, (info.cls === "Park" ? "位于该园区的成员" : "属于该产业集群的成员") + "（" + members.length + "）"));
      out.push(memberList(members, true));
    }
    out.push(sentenceList(info.sentences, "来源句子"));
    showPanel(out);
  }

  function showEdge(id) {
    var e = edgeById[id];
    var info = DATA.edgeInfo[id];
    var out = [el("h2", null, DATA.info[e.from].label + (PARK_CLUSTER && e.prop !== "parkInPark" ? " — " : " → ") + DATA.info[e.to].label)];
    var p = el("p", "meta");
    p.appendChild(nodeButton(e.from));
    p.appendChild(document.createTextNode(" · "));
    p.appendChild(nodeButton(e.to));
    out.push(p);
    if (PARK_CLUSTER && e.prop !== "parkInPark") {
      var members = activeMembers(info.members);
      out.push(el("h3", null, "共有成员（" + members.length + "）"));
      if (members.length) out.push(el("p", "hint", "位于该园区、且属于该产业集群的企业、平台和机构："));
      out.push(memberList(members, true));
      out.push(sentenceList(info.evidence, "报告直接表述"));
    } else {
      out.push(el("p", "meta", "关系：" + relName(info.prop) + "（" + info.prop + "）"));
      out.push(sentenceList(info.evidence, "依据句子"));
    }
    showPanel(out);
  }

  function showMember(id) {
    var d = DATA.members[id];
    var out = header(d.label, d.cls, d);
    [["位于园区", d.parks], ["所属产业集群", d.clusters]].forEach(function (pair) {
      if (!pair[1].length) return;
      out.push(el("h3", null, pair[0]));
      var ul = el("ul");
      pair[1].forEach(function (n) { var li = el("li"); li.appendChild(nodeButton(n)); ul.appendChild(li); });
      out.push(ul);
    });
    out.push(sentenceList(d.sentences, "来源句子"));
    showPanel(out);
  }

  // ---------------------------------------------------------------- highlighting
  function highlight(keepNodes, keepEdges) {
    var nu = DATA.nodes.map(function (n) {
      var dim = keepNodes && !keepNodes.has(n.id);
      var font = Object.assign({}, n.font || {}, { color: dim ? "rgba(34,34,34,0.25)" : "#222222" });
      return { id: n.id, opacity: dim ? 0.15 : 1, font: font };
    });
    var eu = DATA.edges.map(function (e) {
      var dim = keepEdges && !keepEdges.has(e.id);
      return { id: e.id, color: Object.assign({}, e.color, { opacity: dim ? 0.1 : e.color.opacity }) };
    });
    nodes.update(nu);
    edges.update(eu);
  }

  function selectNode(id, zoom) {
    if (!byId[id]) return;
    if (hiddenClasses.has(byId[id].cls)) {
      status.textContent = "“" + DATA.info[id].label + "”已被筛选隐藏";
      return;
    }
    var keepN = new Set([id]);
    var keepE = new Set();
    edgeView.get().forEach(function (e) {
      if (e.from === id || e.to === id) { keepE.add(e.id); keepN.add(e.from); keepN.add(e.to); }
    });
    highlight(keepN, keepE);
    network.selectNodes([id]);
    api.selected = id;
    showNode(id);
    if (zoom) network.focus(id, { scale: Math.max(network.getScale(), 1.1), animation: { duration: 400 } });
  }

  function selectEdge(id) {
    var e = edgeById[id];
    highlight(new Set([e.from, e.to]), new Set([id]));
    network.selectEdges([id]);
    api.selected = id;
    showEdge(id);
  }

  function selectMember(id) {
    var d = DATA.members[id];
    var keepN = new Set(d.parks.concat(d.clusters));
    var keepE = new Set();
    DATA.edges.forEach(function (e) {
      var info = DATA.edgeInfo[e.id];
      if ((info.members || []).some(function (m) { return m.id === id; })) keepE.add(e.id);
    });
    highlight(keepN, keepE);
    network.selectNodes(Array.from(keepN).filter(function (n) { return !hiddenClasses.has(byId[n].cls); }));
    api.selected = id;
    showMember(id);
  }

  function overview() {
    var out = [el("p", "hint", "点击节点或连线，查看类别、别名、关系和来源句子。")];
    if (PARK_CLUSTER) {
      var links = edgeView.get().filter(function (e) { return e.prop !== "parkInPark"; }).map(function (e) {
        return { e: e, n: activeMembers(DATA.edgeInfo[e.id].members).length };
      });
      links.sort(function (a, b) { return b.n - a.n || (a.e.id < b.e.id ? -1 : 1); });
      out.push(el("h3", null, "园区—产业集群连线（" + links.length + "）"));
      var ul = el("ul");
      links.forEach(function (l) {
        var li = el("li");
        var b = el("button", "link", DATA.info[l.e.from].label + " — " + DATA.info[l.e.to].label);
        b.type = "button";
        b.addEventListener("click", function () { selectEdge(l.e.id); });
        li.appendChild(b);
        li.appendChild(document.createTextNode(l.n ? "：共有成员 " + l.n : "：报告直接表述"));
        ul.appendChild(li);
      });
      out.push(ul);
    } else {
      out.push(el("p", "meta", "显示实体 " + nodeView.length + " 个，关系 " + edgeView.length + " 条。"));
    }
    showPanel(out);
  }

  function clearSelection() {
    highlight(null, null);
    network.unselectAll();
    api.selected = null;
    overview();
  }

  network.on("click", function (params) {
    if (params.nodes.length) selectNode(params.nodes[0], false);
    else if (params.edges.length) selectEdge(params.edges[0]);
    else clearSelection();
  });

  // ---------------------------------------------------------------- search
  function norm(s) {
    return String(s).normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[\s·・'’\-_()（）]/g, "");
  }
  var entries = DATA.search.map(function (e) {
    return { id: e[0], kind: e[1], weight: e[2], label: norm(e[3]), aliases: e[4].map(norm), keys: e[5] };
  });
  entries.sort(function (a, b) {
    return (a.kind === b.kind ? 0 : a.kind === "node" ? -1 : 1) || b.weight - a.weight || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  });
  function names(e) { return [e.label].concat(e.aliases, e.keys); }
  var tests = [
    function (e, q) { return e.label === q; },
    function (e, q) { return e.aliases.indexOf(q) >= 0; },
    function (e, q) { return e.keys.indexOf(q) >= 0; },
    function (e, q) { return names(e).some(function (k) { return k.indexOf(q) === 0; }); },
    function (e, q) { return names(e).some(function (k) { return k.indexOf(q) >= 0; }); },
  ];
  function find(query) {
    var q = norm(query);
    if (!q) return null;
    for (var i = 0; i < tests.length; i++) {
      for (var j = 0; j < entries.length; j++) if (tests[i](entries[j], q)) return entries[j];
    }
    return null;
  }
  function runSearch(query) {
    var hit = find(query);
    if (!hit) {
      status.textContent = "未找到“" + query + "”";
      return null;
    }
    if (hit.kind === "member") {
      selectMember(hit.id);
      status.textContent = "成员：" + DATA.members[hit.id].label;
    } else {
      status.textContent = "";
      selectNode(hit.id, true);
      if (!status.textContent) status.textContent = "已找到：" + DATA.info[hit.id].label;
    }
    return hit.id;
  }
  api.search = runSearch;
  api.selectNode = selectNode;
  api.selectEdge = selectEdge;
  document.getElementById("search-form").addEventListener("submit", function (ev) {
    ev.preventDefault();
    runSearch(document.getElementById("search").value);
  });
  document.getElementById("search").addEventListener("input", function (ev) {
    // picking a suggestion from the list searches at once; typing waits for Enter
    if (ev.inputType === "insertReplacementText") runSearch(ev.target.value);
  });
  document.getElementById("reset").addEventListener("click", function () {
    clearSelection();
    network.fit({ animation: { duration: 300 } });
  });
  document.addEventListener("keydown", function (ev) { if (ev.key === "Escape") clearSelection(); });

  // ---------------------------------------------------------------- filters
  function baseLabel(id) { return DATA.info[id].label; }
  function refreshWeights() {
    // park-cluster map: a hidden member class no longer counts towards links and node totals
    var eu = [];
    DATA.edges.forEach(function (e) {
      if (e.prop === "parkInPark") return;
      var n = activeMembers(DATA.edgeInfo[e.id].members).length;
      eu.push({ id: e.id, label: n ? String(n) : "", width: n ? 1.5 + 2.5 * Math.sqrt(n) : 1.5, dashes: !n });
    });
    edges.update(eu);
    nodes.update(DATA.nodes.map(function (n) {
      var count = activeMembers(DATA.info[n.id].members).length;
      return { id: n.id, label: baseLabel(n.id) + (count ? "\n成员 " + count : "") };
    }));
  }
  function applyFilters() {
    if (PARK_CLUSTER) refreshWeights();
    nodeView.refresh();
    edgeView.refresh();
    var sel = api.selected;
    if (!sel) overview();
    if (sel && byId[sel]) {
      if (hiddenClasses.has(byId[sel].cls)) clearSelection();
      else selectNode(sel, false);
    } else if (sel && edgeById[sel]) {
      if (!edgeVisible(edgeById[sel])) clearSelection();
      else selectEdge(sel);
    }
  }
  function setFilter(set, value, on) {
    if (on) set.delete(value); else set.add(value);
    applyFilters();
  }
  document.querySelectorAll("input.cls-filter").forEach(function (cb) {
    cb.addEventListener("change", function () { setFilter(hiddenClasses, cb.value, cb.checked); });
  });
  document.querySelectorAll("input.rel-filter").forEach(function (cb) {
    cb.addEventListener("change", function () { setFilter(hiddenRelations, cb.value, cb.checked); });
  });
  api.drawn = function () {
    return { nodes: network.body.nodeIndices.length, edges: network.body.edgeIndices.length };
  };

  network.fit({ animation: false });
  if (DATA.focus) selectNode(DATA.focus, false);
  else overview();
})();

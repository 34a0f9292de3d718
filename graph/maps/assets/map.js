// The map page: filters, a year slider, search, neighbour highlighting and the side panel.
// Data comes from the JSON element #wj-data; every string from a report is put into the page
// with textContent (never innerHTML), so a name that looks like markup stays text.
(function () {
  "use strict";
  var DATA = JSON.parse(document.getElementById("wj-data").textContent);
  var PARK_CLUSTER = DATA.kind === "park_cluster";
  var container = document.getElementById("map");
  var panel = document.getElementById("panel-body");
  var status = document.getElementById("search-status");
  var STAGE_ORDER = ["Planned", "Started", "UnderConstruction", "ToppedOut", "Completed", "InUse"];

  var byId = {};
  DATA.nodes.forEach(function (n) { byId[n.id] = n; });
  var edgeById = {};
  DATA.edges.forEach(function (e) { edgeById[e.id] = e; });
  var baseLabels = {};
  DATA.nodes.forEach(function (n) { baseLabels[n.id] = DATA.info[n.id].label; });

  var hiddenClasses = new Set();
  var hiddenRelations = new Set();
  // the whole-graph map opens on the linked entities; the ones linked to nothing are one click away
  var showIsolated = DATA.kind !== "network" || !DATA.isolated;
  var years = DATA.years || [];
  var year = null; // null: every report; else the reports up to this year

  // ---------------------------------------------------------------- years
  function sentenceYear(sid) { var s = DATA.sentences[sid]; return s && s.year ? s.year : null; }
  // a fact is known at year y when one of its sentences comes from a report of y or earlier
  // (a sentence of a report without a year counts always, as does a fact without sentences)
  function knownAt(evidence, y) {
    if (y === null || !evidence || !evidence.length) return true;
    return evidence.some(function (sid) { var sy = sentenceYear(sid); return sy === null || sy <= y; });
  }
  function known(evidence) { return knownAt(evidence, year); }
  function previousYear() {
    if (year === null) return null;
    var i = years.indexOf(year);
    return i > 0 ? years[i - 1] : undefined; // undefined: the first year, nothing before it
  }
  function memberKnownAt(m, y) { return m.located ? knownAt(m.located, y) && knownAt(m.inCluster, y) : knownAt(m.evidence, y); }
  function isNew(m) {
    var prev = previousYear();
    return year !== null && prev !== undefined && memberKnownAt(m, year) && !memberKnownAt(m, prev);
  }

  // ---------------------------------------------------------------- what is shown
  function memberShown(m) { return !hiddenClasses.has(DATA.members[m.id].cls) && memberKnownAt(m, year); }
  function activeMembers(list) { return (list || []).filter(memberShown); }
  function nodeShown(n) {
    if (hiddenClasses.has(n.cls)) return false;
    if (n.isolated && !showIsolated) return false;
    return known(DATA.info[n.id].sentences);
  }
  function kindShown(e, k) {
    if (hiddenRelations.has(k)) return false;
    if (k === "members") return activeMembers(DATA.edgeInfo[e.id].members).length > 0;
    return known(DATA.edgeInfo[e.id].evidence);
  }
  function edgeVisible(e) {
    if (!nodeShown(byId[e.from]) || !nodeShown(byId[e.to])) return false;
    return (e.kinds || [e.prop]).some(function (k) { return kindShown(e, k); });
  }

  var nodes = new vis.DataSet(DATA.nodes);
  var edges = new vis.DataSet(DATA.edges);
  var nodeView = new vis.DataView(nodes, { filter: nodeShown });
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
  function topOf(cls) {
    var tops = { ListedCompany: "Enterprise", Incubator: "Platform", Laboratory: "Platform", Alliance: "Platform", MetroLine: "Project" };
    return tops[cls] || cls;
  }
  // 企业 3 · 平台 1 · 项目 2: how many of each kind, in the order of DATA.shortNames
  function countsLine(ids) {
    var counts = {};
    ids.forEach(function (id) { var t = topOf(DATA.members[id].cls); counts[t] = (counts[t] || 0) + 1; });
    return Object.keys(DATA.shortNames).filter(function (t) { return counts[t]; }).map(function (t) {
      return DATA.shortNames[t] + " " + counts[t];
    }).concat(Object.keys(counts).filter(function (t) { return !DATA.shortNames[t]; }).sort().map(function (t) {
      return t + " " + counts[t];
    })).join(" · ");
  }
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
  function memberButton(id) {
    var b = el("button", "link", DATA.members[id].label);
    b.type = "button";
    b.addEventListener("click", function () { selectMember(id); });
    return b;
  }
  function sentenceList(ids, title) {
    var frag = document.createDocumentFragment();
    ids = (ids || []).filter(function (sid) { return DATA.sentences[sid] && knownAt([sid], year); });
    if (!ids.length) return frag;
    if (title) frag.appendChild(el("h3", null, title + "（" + ids.length + "）"));
    ids.forEach(function (sid) {
      var s = DATA.sentences[sid];
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

  // ---------------------------------------------------------------- milestones
  function shownMilestones(info) {
    return (info.milestones || []).filter(function (m) { return known(m.evidence); });
  }
  // the stage a project has reached: the furthest stage it reached (not planned); else the furthest planned
  function currentStage(info) {
    var ms = shownMilestones(info);
    if (!ms.length) return null;
    var done = ms.filter(function (m) { return !m.planned; });
    var pool = done.length ? done : ms;
    pool = pool.slice().sort(function (a, b) {
      return (a.period < b.period ? -1 : a.period > b.period ? 1 : 0) || STAGE_ORDER.indexOf(a.stage) - STAGE_ORDER.indexOf(b.stage);
    });
    var last = pool[pool.length - 1];
    return { name: last.stageName, planned: last.planned, period: last.period };
  }
  function stageBadge(info) {
    var st = currentStage(info);
    if (!st) return null;
    return el("span", "stage" + (st.planned ? " planned" : ""), st.period + " " + st.name + (st.planned ? "（计划）" : ""));
  }
  function milestoneSection(info) {
    var ms = shownMilestones(info);
    if (!ms.length) return [];
    var out = [el("h3", null, "项目阶段与节点（" + ms.length + "）")];
    var st = currentStage(info);
    if (st) out.push(el("p", "meta", "目前阶段：" + st.name + (st.planned ? "（计划）" : "") + "，" + st.period));
    var ul = el("ul", "milestones");
    ms.forEach(function (m) {
      var li = el("li");
      li.appendChild(el("span", "stage" + (m.planned ? " planned" : ""), m.period));
      li.appendChild(document.createTextNode(" " + m.stageName + (m.planned ? "（计划）" : "")));
      if (m.evidence.length) {
        var det = el("details");
        det.appendChild(el("summary", null, "依据（" + m.evidence.length + " 句）"));
        det.appendChild(sentenceList(m.evidence));
        li.appendChild(det);
      }
      ul.appendChild(li);
    });
    out.push(ul);
    return out;
  }

  // ---------------------------------------------------------------- member lists
  function memberItem(m, withEvidence) {
    var d = DATA.members[m.id];
    var li = el("li");
    li.appendChild(classTag(d.cls));
    li.appendChild(memberButton(m.id));
    var badge = stageBadge(d);
    if (badge) { li.appendChild(document.createTextNode(" ")); li.appendChild(badge); }
    if (isNew(m)) li.appendChild(el("span", "new", year + "年新增"));
    if (withEvidence && m.evidence && m.evidence.length) {
      var det = el("details");
      det.appendChild(el("summary", null, "依据（" + m.evidence.length + " 句）"));
      det.appendChild(sentenceList(m.evidence));
      li.appendChild(det);
    }
    return li;
  }
  function memberList(list, withEvidence) {
    var ul = el("ul");
    list.forEach(function (m) { ul.appendChild(memberItem(m, withEvidence)); });
    return ul;
  }
  // a park's members by industry cluster (a cluster's by park), with counts; the rest at the end
  function groupedMembers(id, members) {
    var isPark = DATA.info[id].cls === "Park";
    var groups = {}, order = [], rest = [];
    members.forEach(function (m) {
      var d = DATA.members[m.id];
      var keys = (isPark ? d.clusters : d.parks).filter(function (k) { return byId[k] && nodeShown(byId[k]); });
      if (!keys.length) rest.push(m);
      keys.forEach(function (k) {
        if (!groups[k]) { groups[k] = []; order.push(k); }
        groups[k].push(m);
      });
    });
    order.sort(function (a, b) { return groups[b].length - groups[a].length || (DATA.info[a].label < DATA.info[b].label ? -1 : 1); });
    var out = [];
    order.forEach(function (k) {
      var h = el("h4");
      h.appendChild(nodeButton(k));
      h.appendChild(document.createTextNode("（" + groups[k].length + "）  " + countsLine(groups[k].map(function (m) { return m.id; }))));
      out.push(h, memberList(groups[k], true));
    });
    if (rest.length) {
      out.push(el("h4", null, (isPark ? "未标明产业" : "未标明园区") + "（" + rest.length + "）  " +
                  countsLine(rest.map(function (m) { return m.id; }))));
      out.push(memberList(rest, true));
    }
    return out;
  }

  // ---------------------------------------------------------------- panels
  function incident(id) {
    return DATA.edges.filter(function (e) { return e.from === id || e.to === id; });
  }

  function showNode(id) {
    var info = DATA.info[id];
    var out = header(info.label, info.cls, info);
    if (PARK_CLUSTER) {
      var members = activeMembers(info.members);
      var ids = members.map(function (m) { return m.id; });
      out.push(el("h3", null, (info.cls === "Park" ? "位于该园区的成员" : "属于该产业集群的成员") + "（" + members.length + "）"));
      if (members.length) out.push(el("p", "counts", countsLine(ids)));
      out = out.concat(groupedMembers(id, members));
    }
    out = out.concat(milestoneSection(info));
    var links = incident(id);
    if (links.length) {
      out.push(el("h3", null, (PARK_CLUSTER ? "连线" : "关系") + "（" + links.length + "）"));
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
      if (members.length) {
        out.push(el("p", "counts", countsLine(members.map(function (m) { return m.id; }))));
        out.push(el("p", "hint", "位于该园区、且属于该产业集群的企业、平台、机构和项目："));
      }
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
    out = out.concat(milestoneSection(d));
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
    if (!nodeShown(byId[id])) {
      if (byId[id].isolated && !showIsolated && !hiddenClasses.has(byId[id].cls)) {
        setIsolated(true);
      } else {
        status.textContent = "“" + DATA.info[id].label + "”已被筛选隐藏";
        return;
      }
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
    network.selectNodes(Array.from(keepN).filter(function (n) { return nodeShown(byId[n]); }));
    api.selected = id;
    showMember(id);
  }
  api.selectMember = selectMember;

  // ---------------------------------------------------------------- the overview panel
  function linkRows() {
    return edgeView.get().filter(function (e) { return e.prop !== "parkInPark"; }).map(function (e) {
      var members = activeMembers(DATA.edgeInfo[e.id].members);
      return { e: e, members: members, n: members.length, added: members.filter(isNew).length };
    });
  }
  function overview() {
    var out = [el("p", "hint", "点击节点或连线，查看类别、别名、关系和来源句子。")];
    if (PARK_CLUSTER) {
      var links = linkRows();
      links.sort(function (a, b) { return b.n - a.n || (a.e.id < b.e.id ? -1 : 1); });
      var linking = new Set();
      links.forEach(function (l) { l.members.forEach(function (m) { linking.add(m.id); }); });
      var scope = year === null ? "" : "截至 " + year + " 年：";
      out.push(el("p", "meta", scope + "园区—产业集群连线 " + links.length + " 条，计入连线的成员 " + linking.size + " 个" +
                  (linking.size ? "（" + countsLine(Array.from(linking)) + "）" : "") + "。"));
      var prev = previousYear();
      if (year !== null && prev !== undefined) {
        var added = links.filter(function (l) { return l.added; });
        out.push(el("h3", null, year + " 年新增（与 " + prev + " 年相比）"));
        if (!added.length) out.push(el("p", "hint", "没有新增的园区—产业集群成员。"));
        var ula = el("ul");
        added.forEach(function (l) {
          var li = el("li");
          li.appendChild(linkButton(l.e));
          li.appendChild(document.createTextNode("：新增成员 " + l.added));
          ula.appendChild(li);
        });
        out.push(ula);
      }
      out.push(el("h3", null, "园区—产业集群连线（" + links.length + "）"));
      var ul = el("ul");
      links.forEach(function (l) {
        var li = el("li");
        li.appendChild(linkButton(l.e));
        li.appendChild(document.createTextNode(l.n ? "：共有成员 " + l.n + "（" + countsLine(l.members.map(function (m) { return m.id; })) + "）" : "：报告直接表述"));
        ul.appendChild(li);
      });
      out.push(ul);
    } else {
      out.push(el("p", "meta", "显示实体 " + nodeView.length + " 个，关系 " + edgeView.length + " 条。"));
      if (DATA.kind === "network" && DATA.isolated && !showIsolated) {
        out.push(el("p", "hint", "另有 " + DATA.isolated + " 个实体没有关系，勾选左侧“显示无关系的实体”即可看到。"));
      }
    }
    showPanel(out);
  }
  function linkButton(e) {
    var b = el("button", "link", DATA.info[e.from].label + " — " + DATA.info[e.to].label);
    b.type = "button";
    b.addEventListener("click", function () { selectEdge(e.id); });
    return b;
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
  function refreshWeights() {
    // park-cluster map: hidden member classes and later years no longer count towards links and nodes;
    // every number on the page (link label and tooltip, node label and tooltip, legend) is recomputed
    var eu = [];
    DATA.edges.forEach(function (e) {
      if (e.prop === "parkInPark") return;
      var members = activeMembers(DATA.edgeInfo[e.id].members);
      var n = members.length, added = members.filter(isNew).length;
      var stated = (e.kinds || []).indexOf("stated") >= 0 && kindShown(e, "stated");
      var title = DATA.info[e.from].label + " — " + DATA.info[e.to].label + "：" +
        (n ? "共有成员 " + n + "（" + countsLine(members.map(function (m) { return m.id; })) + "）" : "报告直接表述") +
        (n && stated ? "；报告也直接表述" : "") + (added ? "；" + year + " 年新增 " + added : "");
      // vis-network keeps the old text when a label is set to "": a blank label must be a space
      var colour = DATA.relationColors[n ? "members" : "stated"];
      eu.push({ id: e.id, label: n ? String(n) + (added ? " (+" + added + ")" : "") : " ", title: title,
                width: n ? 1.5 + 2.5 * Math.sqrt(n) : 1.5, dashes: !n,
                color: Object.assign({}, e.color, { color: colour, highlight: colour, hover: colour }) });
      e.color = Object.assign({}, e.color, { color: colour, highlight: colour, hover: colour });
    });
    edges.update(eu);
    nodes.update(DATA.nodes.map(function (n) {
      var ids = activeMembers(DATA.info[n.id].members).map(function (m) { return m.id; });
      var line = countsLine(ids);
      return { id: n.id, label: baseLabels[n.id] + (line ? "\n" + line : ""),
               title: baseLabels[n.id] + "\n" + clsName(n.cls) + (line ? "：" + line : "") };
    }));
    // the legend counts the members that make a link, whichever member classes are ticked
    var perClass = {};
    DATA.edges.forEach(function (e) {
      if (e.prop === "parkInPark" || !nodeShown(byId[e.from]) || !nodeShown(byId[e.to])) return;
      DATA.edgeInfo[e.id].members.forEach(function (m) {
        if (!memberKnownAt(m, year)) return;
        var cls = DATA.members[m.id].cls;
        (perClass[cls] = perClass[cls] || new Set()).add(m.id);
      });
    });
    document.querySelectorAll("input.cls-filter.member").forEach(function (cb) {
      var count = cb.parentNode.querySelector(".count");
      if (count) count.textContent = String(perClass[cb.value] ? perClass[cb.value].size : 0);
    });
    // and the parks and clusters the reports up to the year name
    document.querySelectorAll("input.cls-filter:not(.member)").forEach(function (cb) {
      var count = cb.parentNode.querySelector(".count");
      if (count) count.textContent = String(DATA.nodes.filter(function (n) {
        return n.cls === cb.value && known(DATA.info[n.id].sentences);
      }).length);
    });
  }
  function applyFilters() {
    if (PARK_CLUSTER) refreshWeights();
    nodeView.refresh();
    edgeView.refresh();
    var sel = api.selected;
    if (!sel) overview();
    if (sel && byId[sel]) {
      if (!nodeShown(byId[sel])) clearSelection();
      else selectNode(sel, false);
    } else if (sel && edgeById[sel]) {
      if (!edgeVisible(edgeById[sel])) clearSelection();
      else selectEdge(sel);
    } else if (sel && DATA.members[sel]) {
      selectMember(sel);
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
  var isolatedBox = document.getElementById("show-isolated");
  function setIsolated(on) {
    showIsolated = on;
    if (isolatedBox) isolatedBox.checked = on;
    applyFilters();
  }
  if (isolatedBox) {
    isolatedBox.checked = showIsolated;
    isolatedBox.addEventListener("change", function () {
      setIsolated(isolatedBox.checked);
      network.fit({ animation: { duration: 300 } });
    });
  }
  api.setIsolated = setIsolated;

  // ---------------------------------------------------------------- the year slider
  var slider = document.getElementById("year");
  var yearLabel = document.getElementById("year-label");
  function setYear(index) {
    year = years[index];
    if (slider) slider.value = String(index);
    if (yearLabel) yearLabel.textContent = "截至 " + year + " 年的报告" + (index === years.length - 1 ? "（全部）" : "");
    applyFilters();
  }
  if (slider && years.length > 1) {
    document.getElementById("year-filter").hidden = false;
    slider.min = "0";
    slider.max = String(years.length - 1);
    slider.addEventListener("input", function () { setYear(parseInt(slider.value, 10)); });
    setYear(years.length - 1);
  }
  api.setYear = function (y) {
    var i = years.indexOf(String(y));
    if (i < 0) throw new Error("no report of " + y);
    setYear(i);
  };
  api.year = function () { return year; };

  api.drawn = function () {
    return { nodes: network.body.nodeIndices.length, edges: network.body.edgeIndices.length };
  };

  // ---------------------------------------------------------------- where the page opens
  // the page opens on what is linked: on the whole-graph map the largest group of linked entities
  // (DATA.start), on the park-cluster map the parks and clusters that have a link.  It fits them; if
  // their labels would then be smaller than DATA.readablePx pixels, it zooms in to that size on their
  // centre instead.  The rest is one click away ("全图").  A focus map opens on its focus.
  function openView() {
    network.fit({ animation: false });
    var shown = nodeView.get();
    if (!shown.length || DATA.focus) return;
    var start;
    if (PARK_CLUSTER) {
      var linked = new Set();
      edgeView.get().forEach(function (e) { linked.add(e.from); linked.add(e.to); });
      start = Array.from(linked);
    } else {
      start = (DATA.start || []).filter(function (id) { return byId[id] && nodeShown(byId[id]); });
    }
    if (!start.length) start = shown.map(function (n) { return n.id; });
    if (start.length < shown.length) network.fit({ nodes: start, animation: false });
    var smallest = Math.min.apply(null, start.map(function (id) { return (byId[id].font && byId[id].font.size) || 14; }));
    var readable = (DATA.readablePx || 12) / smallest;
    if (network.getScale() >= readable) return;
    var xs = start.map(function (id) { return byId[id].x; }), ys = start.map(function (id) { return byId[id].y; });
    var centre = { x: (Math.min.apply(null, xs) + Math.max.apply(null, xs)) / 2,
                   y: (Math.min.apply(null, ys) + Math.max.apply(null, ys)) / 2 };
    network.moveTo({ position: centre, scale: readable, animation: false });
    status.textContent = "已放大到标签清晰的比例；点“全图”看全部";
  }
  api.openView = openView;
  if (PARK_CLUSTER && !(slider && years.length > 1)) refreshWeights();
  openView();
  if (DATA.focus) selectNode(DATA.focus, false);
  else overview();
})();

// The page: the saved queries, a SPARQL box, result tables whose IRIs and
// names link to node pages, and node pages with the picture of the graph
// around the node. Everything comes from this server's own resources:
// /queries, /prefixes, /sparql, /node and /resolve. The address says what
// is shown, so every view can be linked to and reloaded:
//   /?query=NAME   a saved query's results
//   /?sparql=TEXT  a query's results
//   /?node=IRI     a node's page
"use strict";

(function () {
  var state = { prefixes: [], queries: [], labels: {} };
  var RESULTS = "application/sparql-results+json";

  function $(id) {
    return document.getElementById(id);
  }

  function make(name, attributes, text) {
    var node = document.createElement(name);
    Object.keys(attributes || {}).forEach(function (key) {
      node.setAttribute(key, attributes[key]);
    });
    if (text !== undefined && text !== null) {
      node.textContent = text;
    }
    return node;
  }

  function clear(node) {
    while (node.firstChild) {
      node.removeChild(node.firstChild);
    }
  }

  function setStatus(text, kind) {
    var status = $("status");
    status.textContent = text;
    status.className = kind || "";
  }

  function done(status) {
    document.body.setAttribute("data-status", status);
  }

  // Fetches JSON; a failed answer becomes an Error with the server's line.
  function fetchJson(url, options) {
    return fetch(url, options).then(function (response) {
      if (!response.ok) {
        return response.text().then(function (text) {
          throw new Error(response.status + " " + text.trim());
        });
      }
      return response.json();
    });
  }

  // An IRI shortened with a known prefix, or the data IRI's path.
  function shortIri(iri) {
    for (var i = 0; i < state.prefixes.length; i++) {
      var p = state.prefixes[i];
      if (iri.indexOf(p.iri) === 0 && /^[A-Za-z0-9_-]*$/.test(iri.slice(p.iri.length))) {
        return p.prefix + ":" + iri.slice(p.iri.length);
      }
    }
    var data = "https://w3id.org/delegraph/id/";
    return iri.indexOf(data) === 0 ? iri.slice(data.length) : iri;
  }

  function label(iri) {
    return state.labels[iri] || shortIri(iri);
  }

  function nodeHref(iri) {
    return "/?node=" + encodeURIComponent(iri);
  }

  function nodeLink(iri, text) {
    var a = make("a", { href: nodeHref(iri), title: iri, "class": "node-link" }, text || label(iri));
    return a;
  }

  // Links within the page change the view without reloading.
  document.addEventListener("click", function (event) {
    var a = event.target.closest ? event.target.closest("a") : null;
    if (!a || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) {
      return;
    }
    var url = new URL(a.href, location.href);
    if (url.origin !== location.origin || url.pathname !== "/") {
      return;
    }
    event.preventDefault();
    history.pushState(null, "", url.pathname + url.search);
    route();
  });
  window.addEventListener("popstate", route);

  // A table cell for an RDF term: IRIs link to their node, as do names
  // that are the label of exactly one node.
  function termCell(term, nodes) {
    var td = make("td");
    if (!term) {
      return td;
    }
    if (term.type === "uri") {
      td.appendChild(nodeLink(term.value));
    } else if ((term.type === "literal" || term.type === "typed-literal") && nodes[term.value]) {
      td.appendChild(nodeLink(nodes[term.value], term.value));
    } else if (term.type === "bnode") {
      td.textContent = "_:" + term.value;
    } else {
      td.textContent = term.value;
    }
    return td;
  }

  function table(columns, rows, cell, caption) {
    var t = make("table", { "class": "results" });
    if (caption) {
      t.appendChild(make("caption", {}, caption));
    }
    var head = make("tr");
    columns.forEach(function (c) {
      head.appendChild(make("th", { scope: "col" }, c));
    });
    t.appendChild(make("thead")).appendChild(head);
    var body = t.appendChild(make("tbody"));
    rows.forEach(function (row) {
      var tr = make("tr");
      columns.forEach(function (c, i) {
        tr.appendChild(cell(row, c, i));
      });
      body.appendChild(tr);
    });
    return t;
  }

  // Labels for the IRIs and nodes for the names of a result table.
  function resolve(terms) {
    var iris = {};
    var names = {};
    terms.forEach(function (term) {
      if (term && term.type === "uri" && !(term.value in state.labels)) {
        iris[term.value] = true;
      } else if (term && (term.type === "literal" || term.type === "typed-literal") &&
                 term.value.length < 200 && !term.datatype) {
        names[term.value] = true;
      }
    });
    var lookup = { iris: Object.keys(iris).slice(0, 2500), labels: Object.keys(names).slice(0, 2500) };
    if (lookup.iris.length === 0 && lookup.labels.length === 0) {
      return Promise.resolve({});
    }
    return fetchJson("/resolve", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(lookup)
    }).then(function (answer) {
      Object.keys(answer.labels || {}).forEach(function (iri) {
        state.labels[iri] = answer.labels[iri];
      });
      return answer.nodes || {};
    }).catch(function () {
      return {};
    });
  }

  function showResults(response, started) {
    var result = $("result");
    var type = response.headers.get("Content-Type") || "";
    if (type.indexOf("application/sparql-results+json") !== 0) {
      return response.text().then(function (text) {
        clear(result);
        result.appendChild(make("pre", { "class": "rdf" }, text));
        setStatus("graph result (" + type.split(";")[0] + ")");
        done("done");
      });
    }
    return response.json().then(function (json) {
      if (typeof json.boolean === "boolean") {
        clear(result);
        result.appendChild(make("p", { "class": "boolean" }, String(json.boolean)));
        setStatus("ASK result");
        done("done");
        return;
      }
      var columns = json.head.vars;
      var rows = json.results.bindings;
      var terms = [];
      rows.forEach(function (row) {
        columns.forEach(function (c) {
          terms.push(row[c]);
        });
      });
      return resolve(terms).then(function (nodes) {
        clear(result);
        result.appendChild(table(columns, rows, function (row, c) {
          return termCell(row[c], nodes);
        }));
        var ms = Math.round(performance.now() - started);
        setStatus(rows.length + (rows.length === 1 ? " row" : " rows") + " in " + ms + " ms");
        done("done");
      });
    });
  }

  function failed(error) {
    clear($("result"));
    setStatus(error.message || String(error), "error");
    done("error");
  }

  // Runs a request whose answer is SPARQL results (or RDF).
  function run(url, options) {
    var started = performance.now();
    setStatus("running…");
    done("loading");
    options = options || {};
    options.headers = Object.assign({ Accept: RESULTS + ", text/turtle;q=0.9" }, options.headers || {});
    return fetch(url, options).then(function (response) {
      if (!response.ok) {
        return response.text().then(function (text) {
          throw new Error(response.status + " " + response.statusText + ": " + text.trim());
        });
      }
      return showResults(response, started);
    }).catch(failed);
  }

  function runSaved(name) {
    var saved = state.queries.filter(function (q) { return q.name === name; })[0];
    if (!saved) {
      failed(new Error("no saved query named " + name));
      return;
    }
    $("sparql").value = saved.sparql;
    markCurrent(name);
    document.title = saved.title + " · delegraph";
    run("/queries/" + encodeURIComponent(name));
  }

  function runText(text) {
    $("sparql").value = text;
    markCurrent(null);
    document.title = "SPARQL · delegraph";
    run("/sparql", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ query: text }).toString()
    });
  }

  function markCurrent(name) {
    var items = $("queries").querySelectorAll("li");
    for (var i = 0; i < items.length; i++) {
      items[i].className = items[i].getAttribute("data-name") === name ? "current" : "";
    }
  }

  function defaultQuery() {
    var lines = prefixLines();
    lines.push("");
    lines.push("SELECT ?meeting ?date ?label WHERE {");
    lines.push("  ?meeting a dg:Meeting ; skos:prefLabel ?label .");
    lines.push("  OPTIONAL { ?meeting dg:date ?date }");
    lines.push("}");
    lines.push("ORDER BY ?date ?label");
    return lines.join("\n");
  }

  function prefixLines() {
    return state.prefixes.map(function (p) {
      return "PREFIX " + p.prefix + ": <" + p.iri + ">";
    });
  }

  // A node's page: label, types, the picture and its tables; the SPARQL
  // box holds a query of what the node says.
  function showNode(iri) {
    var result = $("result");
    $("sparql").value = prefixLines().concat([
      "",
      "SELECT ?property ?value WHERE {",
      "  <" + iri + "> ?property ?value .",
      "}",
      "ORDER BY ?property ?value"
    ]).join("\n");
    setStatus("loading " + iri + "…");
    done("loading");
    markCurrent(null);
    fetchJson("/node?iri=" + encodeURIComponent(iri)).then(function (view) {
      Object.keys(view.labels || {}).forEach(function (key) {
        state.labels[key] = view.labels[key];
      });
      clear(result);
      var title = view.label || shortIri(view.iri);
      document.title = title + " · delegraph";
      var header = make("div", { "class": "node-header" });
      header.appendChild(make("h2", {}, title));
      header.appendChild(make("code", { "class": "iri" }, view.iri));
      var types = make("p", { "class": "types" });
      (view.types || []).forEach(function (type) {
        types.appendChild(nodeLink(type));
        types.appendChild(document.createTextNode(" "));
      });
      header.appendChild(types);
      result.appendChild(header);
      var figure = make("figure", { "class": "picture" });
      DelegraphGraph.draw(figure, view, label, nodeHref);
      figure.appendChild(make("figcaption", {}, "The graph around " + title + ": click a node to go to it."));
      result.appendChild(figure);
      (view.sections || []).forEach(function (section) {
        var box = make("section", { "class": "node-section", "data-section": section.name });
        box.appendChild(make("h3", {}, section.title));
        box.appendChild(make("p", { "class": "muted" }, section.description));
        box.appendChild(table(section.columns, section.rows, function (row, c, i) {
          return termCell(row[i], {});
        }));
        result.appendChild(box);
      });
      var links = view.links || [];
      if (links.length) {
        var details = make("details", { "class": "node-section" });
        details.appendChild(make("summary", {}, "Links (" + links.length + ")"));
        details.appendChild(table(["direction", "predicate", "other"], links, function (row, c) {
          return termCell(row[c], {});
        }));
        result.appendChild(details);
      }
      setStatus("");
      done("done");
    }).catch(failed);
  }

  function route() {
    var params = new URLSearchParams(location.search);
    if (params.has("node")) {
      showNode(params.get("node"));
    } else if (params.has("query")) {
      runSaved(params.get("query"));
    } else if (params.has("sparql")) {
      runText(params.get("sparql"));
    } else {
      $("sparql").value = defaultQuery();
      markCurrent(null);
      clear($("result"));
      setStatus("Pick a saved query, or write one and run it.");
      document.title = "delegraph";
      done("done");
    }
  }

  function listQueries() {
    var list = $("queries");
    clear(list);
    state.queries.forEach(function (q) {
      var li = make("li", { "data-name": q.name });
      li.appendChild(make("a", { href: "/?query=" + encodeURIComponent(q.name) }, q.title));
      li.appendChild(make("p", { "class": "muted" }, q.description));
      list.appendChild(li);
    });
  }

  $("sparql-form").addEventListener("submit", function (event) {
    event.preventDefault();
    var text = $("sparql").value;
    history.pushState(null, "", "/?sparql=" + encodeURIComponent(text));
    route();
  });

  Promise.all([fetchJson("/prefixes"), fetchJson("/queries")]).then(function (answers) {
    state.prefixes = answers[0];
    state.queries = answers[1];
    listQueries();
    route();
  }).catch(failed);
})();

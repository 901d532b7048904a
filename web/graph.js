// The picture of the graph around one node: the node in the middle, the
// nodes linked to it on rings around it, one arrow per link (pointing the
// way the triple goes) with the predicate's name. Drawn as SVG by hand;
// every neighbour links to its own page.
"use strict";

var DelegraphGraph = (function () {
  var SVG = "http://www.w3.org/2000/svg";
  var DATA = "https://w3id.org/delegraph/id/";

  // The kind of node an IRI names, from its path: person, meeting, ...
  function kind(iri) {
    if (iri.indexOf(DATA) === 0) {
      return iri.slice(DATA.length).split("/")[0];
    }
    return iri.indexOf("https://w3id.org/delegraph/ontology") === 0 ? "ontology" : "other";
  }

  function element(name, attributes, parent) {
    var node = document.createElementNS(SVG, name);
    Object.keys(attributes).forEach(function (key) {
      node.setAttribute(key, attributes[key]);
    });
    if (parent) {
      parent.appendChild(node);
    }
    return node;
  }

  function shorten(text, length) {
    return text.length > length ? text.slice(0, length - 1) + "…" : text;
  }

  // One neighbour per linked node; its links' predicates and directions
  // gathered.
  function neighbours(links) {
    var byIri = {};
    var list = [];
    links.forEach(function (link) {
      if (!link.other || link.other.type !== "uri") {
        return;
      }
      var iri = link.other.value;
      if (!byIri[iri]) {
        byIri[iri] = { iri: iri, links: [] };
        list.push(byIri[iri]);
      }
      byIri[iri].links.push({
        direction: link.direction && link.direction.value,
        predicate: link.predicate && link.predicate.value
      });
    });
    return list;
  }

  // Draws into `container` the node `view` (as /node returns it);
  // `label(iri)` names a node, `href(iri)` is its page.
  function draw(container, view, label, href) {
    var nodes = neighbours(view.links || []);
    var width = 880;
    var rings = nodes.length > 14 ? 2 : 1;
    var height = rings === 2 ? 640 : 460;
    var cx = width / 2;
    var cy = height / 2;
    var svg = element("svg", {
      "class": "graph",
      viewBox: "0 0 " + width + " " + height,
      role: "img",
      "aria-label": "The graph around " + label(view.iri)
    });
    var defs = element("defs", {}, svg);
    var marker = element("marker", {
      id: "arrow", viewBox: "0 0 10 10", refX: "10", refY: "5",
      markerWidth: "7", markerHeight: "7", orient: "auto-start-reverse"
    }, defs);
    element("path", { d: "M 0 0 L 10 5 L 0 10 z", "class": "arrowhead" }, marker);

    var edges = element("g", { "class": "edges" }, svg);
    var circles = element("g", { "class": "nodes" }, svg);
    var radius = 22;
    nodes.forEach(function (node, i) {
      var ring = rings === 2 ? i % 2 : 0;
      var r = rings === 2 ? (ring === 0 ? 190 : 290) : 175;
      var angle = (2 * Math.PI * i) / nodes.length - Math.PI / 2;
      var x = cx + r * Math.cos(angle) * 1.25;
      var y = cy + r * Math.sin(angle);
      var dx = x - cx;
      var dy = y - cy;
      var length = Math.sqrt(dx * dx + dy * dy) || 1;
      var ux = dx / length;
      var uy = dy / length;
      var outward = node.links.some(function (l) { return l.direction === "out"; });
      var inward = node.links.some(function (l) { return l.direction === "in"; });
      var line = element("line", {
        x1: cx + ux * (radius + 2), y1: cy + uy * (radius + 2),
        x2: x - ux * (radius - 6), y2: y - uy * (radius - 6),
        "class": "edge"
      }, edges);
      if (outward) {
        line.setAttribute("marker-end", "url(#arrow)");
      }
      if (inward) {
        line.setAttribute("marker-start", "url(#arrow)");
      }
      var names = node.links.map(function (l) { return label(l.predicate); });
      var edgeText = element("text", {
        x: (cx + x) / 2, y: (cy + y) / 2 - 4, "class": "edge-label", "text-anchor": "middle"
      }, edges);
      edgeText.textContent = shorten(names.filter(function (n, j) {
        return names.indexOf(n) === j;
      }).join(", "), 30);

      var link = element("a", { href: href(node.iri) }, circles);
      element("circle", { cx: x, cy: y, r: radius - 8, "class": "node " + kind(node.iri) }, link);
      var text = element("text", {
        x: x, y: y + radius + 6, "class": "node-label", "text-anchor": "middle"
      }, link);
      text.textContent = shorten(label(node.iri), 32);
      var title = element("title", {}, link);
      title.textContent = label(node.iri) + "\n" + node.iri;
    });
    element("circle", { cx: cx, cy: cy, r: radius, "class": "node centre " + kind(view.iri) }, circles);
    var centre = element("text", {
      x: cx, y: cy + radius + 16, "class": "node-label centre", "text-anchor": "middle"
    }, circles);
    centre.textContent = shorten(label(view.iri), 48);
    if (nodes.length === 0) {
      var none = element("text", { x: cx, y: 40, "class": "muted", "text-anchor": "middle" }, svg);
      none.textContent = "no links to other nodes";
    }
    container.appendChild(svg);
    return svg;
  }

  return { draw: draw, kind: kind };
})();

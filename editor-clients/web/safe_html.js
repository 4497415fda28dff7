// Turns the HTML md4c rendered for an answer into DOM nodes built one by one from an
// allowlist. md4c already escapes every raw HTML tag written in a note (MD_FLAG_NOHTML), and
// the CSP forbids scripts and remote loads; this is the third wall: only the elements Markdown
// itself produces get through, with no event handler, no style, and nothing that loads.
// DOMParser gives an inert document: nothing in it runs or loads while it is read.
"use strict";

const BLOCKS = new Set(["P", "UL", "OL", "LI", "BLOCKQUOTE", "PRE", "H1", "H2", "H3", "H4", "H5", "H6",
  "HR", "TABLE", "THEAD", "TBODY", "TR", "TH", "TD"]);
const INLINE = new Set(["EM", "STRONG", "CODE", "DEL", "BR", "A", "SPAN", "U"]);

function safeHref(href) {
  // Links stay links (a click leaves the page on purpose); nothing is fetched by the page.
  return /^(https?:|mailto:|#)/i.test(href) ? href : null;
}

function copy(node, doc) {
  if (node.nodeType === Node.TEXT_NODE) return doc.createTextNode(node.nodeValue);
  if (node.nodeType !== Node.ELEMENT_NODE) return null;
  const tag = node.tagName;
  if (tag === "IMG") {
    // An image would be a request; its description is shown instead.
    const alt = node.getAttribute("alt") || "";
    const span = doc.createElement("span");
    span.className = "image-alt";
    span.textContent = alt ? `[image: ${alt}]` : "[image]";
    return span;
  }
  if (tag === "INPUT") {
    if ((node.getAttribute("type") || "").toLowerCase() !== "checkbox") return null;
    const box = doc.createElement("input");
    box.type = "checkbox";
    box.disabled = true;
    box.checked = node.hasAttribute("checked");
    box.setAttribute("aria-label", box.checked ? "done" : "not done");
    return box;
  }
  let out;
  if (BLOCKS.has(tag) || INLINE.has(tag)) {
    out = doc.createElement(tag.toLowerCase());
    if (tag === "A") {
      const href = safeHref(node.getAttribute("href") || "");
      if (href) {
        out.setAttribute("href", href);
        out.setAttribute("rel", "noopener noreferrer");
      }
    }
    if (tag === "OL" && /^\d+$/.test(node.getAttribute("start") || "")) out.setAttribute("start", node.getAttribute("start"));
  } else {
    out = doc.createDocumentFragment(); // an unknown element keeps only its content
  }
  for (const child of node.childNodes) {
    const c = copy(child, doc);
    if (c) out.append(c);
  }
  return out;
}

export function safeFragment(html) {
  const parsed = new DOMParser().parseFromString(`<!doctype html><body>${html}`, "text/html");
  const frag = document.createDocumentFragment();
  for (const child of parsed.body.childNodes) {
    const c = copy(child, document);
    if (c) frag.append(c);
  }
  return frag;
}

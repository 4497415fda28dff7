// Small DOM helpers shared by the page's parts. Note text always goes in as text, never HTML.
"use strict";

export const $ = (id) => document.getElementById(id);

export function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

const SVG = "http://www.w3.org/2000/svg";
export function svg(tag, attrs = {}, text) {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

// "{Their} reasons" -> "Their reasons": the pack's wording without its variables.
export const plain = (text) => String(text || "").replace(/\{([^}]*)\}/g, "$1");

// The address of a place in a note, as the page routes it: #note=PATH&line=N. A name that is
// not UTF-8 also carries its exact bytes (`path_bytes` of the reports): &bytes=caf%E9.md.
export function noteHref(path, line, bytes) {
  const p = new URLSearchParams({ note: path });
  if (bytes) p.set("bytes", bytes);
  if (line) p.set("line", String(line));
  return "#" + p.toString();
}

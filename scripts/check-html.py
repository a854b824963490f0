#!/usr/bin/env python3
"""Reads an HTML report with Python's html.parser and prints, as JSON, what a test checks:
the elements that could run or load something (script, iframe, object, embed, link, on*
attributes, src/href/xlink:href values, CSS url() and @import), every inline SVG with its
role, accessible name and text alternative, the figure tables, the visible text, and tags
that were closed out of order.

usage: scripts/check-html.py FILE.html
"""
import json
import re
import sys
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# SVG elements written self-closing (<rect/>): html.parser reports them through
# handle_startendtag, so they never enter the stack.


class ReportParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []
        self.misnested = []
        self.scripts = 0
        self.active = []          # iframe, object, embed, link, base, meta refresh
        self.handlers = []        # on* attributes
        self.urls = []            # every src / href / xlink:href / action
        self.style_text = []
        self.svgs = []
        self.figures = []
        self.text = []
        self._svg = None
        self._capture = None      # ("title"|"desc"|"text", buffer)
        self._figure = None
        self._in_style = False
        self._in_table_cell = None

    def _attrs(self, tag, attrs):
        for name, value in attrs:
            lower = name.lower()
            if lower.startswith("on"):
                self.handlers.append({"tag": tag, "attribute": name})
            if lower in ("src", "href", "xlink:href", "action", "formaction", "srcset", "poster", "data"):
                self.urls.append({"tag": tag, "attribute": lower, "value": value or ""})
            if lower == "style" and value:
                self.style_text.append(value)

    def handle_starttag(self, tag, attrs):
        self._open(tag, attrs, closes=False)

    def handle_startendtag(self, tag, attrs):
        self._open(tag, attrs, closes=True)

    def _open(self, tag, attrs, closes):
        self._attrs(tag, attrs)
        a = dict(attrs)
        if tag == "script":
            self.scripts += 1
        if tag in ("iframe", "object", "embed", "link", "base", "frame", "applet") or (
                tag == "meta" and (a.get("http-equiv") or "").lower() == "refresh"):
            self.active.append(tag)
        if tag == "style":
            self._in_style = True
        if tag == "figure":
            self._figure = {"caption": "", "svg": None, "details": False, "rows": []}
            self.figures.append(self._figure)
        if tag == "details" and self._figure is not None:
            self._figure["details"] = True
        if tag == "tr" and self._figure is not None:
            self._figure["rows"].append([])
        if tag in ("td", "th") and self._figure is not None and self._figure["rows"]:
            self._in_table_cell = ""
        if tag == "figcaption" and self._figure is not None:
            self._capture = ("caption", "")
        if tag == "svg":
            self._svg = {"id": a.get("id"), "role": a.get("role"), "aria-labelledby": a.get("aria-labelledby"),
                         "aria-label": a.get("aria-label"), "title": None, "title_id": None, "desc": None,
                         "desc_id": None, "texts": [], "tooltips": []}
            self.svgs.append(self._svg)
            if self._figure is not None:
                self._figure["svg"] = a.get("id")
        elif self._svg is not None and tag in ("title", "desc", "text") and not closes:
            self._capture = (tag, "")
            if tag in ("title", "desc") and not self._svg.get(tag + "_id") and self.stack and self.stack[-1] == "svg":
                self._svg[tag + "_id"] = a.get("id")
        if not closes and tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if self._capture is not None and (tag == self._capture[0] or (tag == "figcaption" and self._capture[0] == "caption")):
            kind, buffer = self._capture
            self._capture = None
            if kind == "caption":
                self._figure["caption"] = buffer
            elif self._svg is not None:
                if kind == "text":
                    self._svg["texts"].append(buffer)
                elif self.stack[-2:-1] == ["svg"] and self._svg[kind] is None:
                    self._svg[kind] = buffer
                else:
                    self._svg["tooltips"].append(buffer)
        if tag in ("td", "th") and self._in_table_cell is not None and self._figure is not None:
            self._figure["rows"][-1].append(self._in_table_cell)
            self._in_table_cell = None
        if tag == "svg":
            self._svg = None
        if tag == "figure":
            self._figure = None
        if tag == "style":
            self._in_style = False
        if self.stack and self.stack[-1] == tag:
            self.stack.pop()
        else:
            self.misnested.append({"closed": tag, "open": self.stack[-3:]})
            if tag in self.stack:
                while self.stack and self.stack.pop() != tag:
                    pass

    def handle_data(self, data):
        if self._in_style:
            self.style_text.append(data)
            return
        if self._capture is not None:
            self._capture = (self._capture[0], self._capture[1] + data)
        if self._in_table_cell is not None:
            self._in_table_cell += data
        self.text.append(data)


def main():
    with open(sys.argv[1], encoding="utf-8") as handle:
        page = handle.read()
    parser = ReportParser()
    parser.feed(page)
    parser.close()
    css = "\n".join(parser.style_text)
    print(json.dumps({
        "doctype": page.startswith("<!DOCTYPE html>"),
        "scripts": parser.scripts,
        "active_elements": parser.active,
        "event_handlers": parser.handlers,
        "urls": parser.urls,
        "css_urls": re.findall(r"url\s*\(|@import", css, flags=re.IGNORECASE),
        "has_dark_scheme": "prefers-color-scheme: dark" in css,
        "has_print": "@media print" in css,
        "svgs": parser.svgs,
        "figures": parser.figures,
        "unclosed": parser.stack,
        "misnested": parser.misnested,
        "text": "".join(parser.text),
    }))


if __name__ == "__main__":
    main()

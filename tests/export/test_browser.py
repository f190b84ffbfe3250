"""Text fits its boxes as a real browser draws the SVG (headless Chromium), for both renderers.

The test adds a script to a copy of the SVG that compares, for every node,
the bounding box of each line of text (as the browser lays it out, with
its own fonts) with the box Graphviz drew, and reports every line that
sticks out.  Skipped when Chromium is not installed.
"""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from argmap.export import render_map

from .conftest import HOSTILE, build_project, find_chromium, needs_chromium

_SCRIPT = """<script type="text/javascript"><![CDATA[
window.addEventListener("load", function () {
  var bad = [], checked = 0;
  document.querySelectorAll("g.node[data-ref]").forEach(function (g) {
    var shape = g.querySelector("polygon, path, ellipse");
    if (!shape) return;
    var box = shape.getBBox();
    g.querySelectorAll("text").forEach(function (t) {
      var b = t.getBBox(); checked++;
      if (b.x < box.x - 0.5 || b.x + b.width > box.x + box.width + 0.5 ||
          b.y < box.y - 0.5 || b.y + b.height > box.y + box.height + 0.5)
        bad.push(g.getAttribute("data-ref") + ": " + Math.round(b.width) + " > " + Math.round(box.width));
    });
  });
  var out = document.createElementNS("http://www.w3.org/2000/svg", "desc");
  out.setAttribute("id", "fit-result");
  out.textContent = "CHECKED " + checked + " BAD " + bad.length + " " + bad.join("; ");
  document.documentElement.appendChild(out);
});
]]></script>"""


def overflowing(svg: bytes | list[bytes], tmp_path, font: str | None = None) -> tuple[int, str]:
    """Lines that stick out of their boxes: one SVG file, or several SVGs inline in one HTML page."""
    svgs = svg if isinstance(svg, list) else [svg]
    if font is not None:  # as a browser without Helvetica-compatible fonts would draw it
        svgs = [re.sub(rb"font-family: Helvetica[^;]*;", f'font-family: "{font}";'.encode(), one) for one in svgs]
    if isinstance(svg, list):
        page = tmp_path / "fit.html"
        body = b"".join(re.sub(rb"^<\?xml[^>]*>", b"", one.strip()) for one in svgs)
        script = _SCRIPT.replace("<![CDATA[", "").replace("]]>", "").replace('type="text/javascript"', "")
        script = script.replace("document.documentElement.appendChild(out)", "document.body.appendChild(out)")
        script = script.replace('createElementNS("http://www.w3.org/2000/svg", "desc")', 'createElement("pre")')
        page.write_bytes(b"<!DOCTYPE html><html><body>" + body + script.encode() + b"</body></html>")
    else:
        page = tmp_path / "fit.svg"
        page.write_bytes(svgs[0].replace(b"</svg>", _SCRIPT.encode() + b"</svg>"))
    done = subprocess.run(
        [find_chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--dump-dom", page.as_uri()],
        capture_output=True, text=True, timeout=120)
    match = re.search(r'<(?:desc|pre) id="fit-result">CHECKED (\d+) BAD (\d+) ?(.*?)</(?:desc|pre)>', done.stdout, re.S)
    assert match, done.stdout[-400:] + done.stderr[-400:]
    checked, bad, detail = int(match.group(1)), int(match.group(2)), match.group(3)
    assert checked > 0
    return bad, detail


RENDERERS = ["embedded", pytest.param("dot", marks=pytest.mark.skipif(shutil.which("dot") is None,
                                                                     reason="system dot not installed"))]


@needs_chromium
@pytest.mark.parametrize("font", [None, "DejaVu Sans", "serif"])
@pytest.mark.parametrize("renderer", RENDERERS)
def test_real_maps_text_fits(real_project, renderer, font, tmp_path):
    svgs = [render_map(real_project, map_id, "svg", renderer=renderer) for map_id in real_project.maps]
    bad, detail = overflowing(svgs, tmp_path, font)  # every map inline in one page
    assert bad == 0, detail


@needs_chromium
@pytest.mark.parametrize("renderer", RENDERERS)
def test_hostile_text_fits(renderer, tmp_path):
    texts = [*HOSTILE, "W" * 60 + " MMMMMMMMMM mmmmmmmmmmmmmmmmm", "\U0001F600" * 30,
             "\u0647\u064a\u0626\u0629 \u0627\u0644\u062e\u062f\u0645\u0627\u062a \u0627\u0644\u0635\u062d\u064a\u0629 " * 4]
    nodes = {f"h{i}": {"kind": ["claim", "premise", "rebuttal", "concession"][i % 4], "text": text,
                       "supports": [f"h{i - 1}"] if i else []} for i, text in enumerate(texts)}
    project = build_project(nodes, speakers={"s": "Ann O'Hara <ann@example.org> & co"})
    bad, detail = overflowing(render_map(project, "m", "svg", renderer=renderer), tmp_path)
    assert bad == 0, detail


@needs_chromium
def test_the_check_sees_overflowing_text(real_project, tmp_path):
    """The detector itself: text drawn twice as big as Graphviz measured it must be caught."""
    svg = render_map(real_project, "may-2018", "svg", renderer="embedded")
    svg = re.sub(rb' textLength="[\d.]+" lengthAdjust="spacingAndGlyphs"', b"", svg)
    svg = svg.replace(b'font-size="11.00"', b'font-size="22.00"')
    assert overflowing(svg, tmp_path)[0] > 0
    assert overflowing([svg, svg.replace(b"may-2018--", b"copy--")], tmp_path)[0] > 0


@needs_chromium
@pytest.mark.parametrize("renderer", RENDERERS)
def test_new_options_text_fits(real_project, renderer, tmp_path):
    """Filters, --split claim and --page pages (with their headings) fit as the browser draws them."""
    from argmap.export.filters import NodeFilter
    from argmap.export.pages import render_pages

    svgs = [render_map(real_project, "csw-hancock-2021", "svg", renderer=renderer,
                       only=NodeFilter.of(kinds=["claim", "premise"])),
            render_map(real_project, "bbc-reader-heath-2021", "svg", renderer=renderer,
                       only=NodeFilter.of(speakers=["Allister Heath"]))]
    svgs += [data for _key, data in render_pages(real_project, "may-2018", "svg", split="claim", renderer=renderer)]
    svgs += [data for _key, data in render_pages(real_project, "ft-hewitt-2023", "svg", page="a4", renderer=renderer)]
    bad, detail = overflowing(svgs, tmp_path)
    assert bad == 0, detail


@needs_chromium
@pytest.mark.parametrize("renderer", RENDERERS)
def test_forces_states_edge_labels_and_stubs_fit(renderer, tmp_path, make_maps):
    """Issue 12's header lines (force, state with --labels) and issue 14's stubs fit their boxes too."""
    from argmap.export.pages import render_pages
    from argmap.project import load

    from .test_constructs import MAP, SEED

    cross = ("      cross:\n        kind: premise\n        by: crit\n        text: A reason for one claim that "
             "attacks another.\n        quote: Tendering is bureaucratic\n        supports: undeserving\n"
             "        attacks: cut\n")
    project = load([make_maps({"m.yaml": MAP + cross}, seeds={"s.txt": SEED})]).project
    svgs = [render_map(project, "m", "svg", renderer=renderer, labels=labels) for labels in (None, "grounded")]
    svgs += [data for _key, data in render_pages(project, "m", "svg", split="claim", renderer=renderer,
                                                 labels="grounded")]
    assert any(re.search(rb'class="node stub"', svg) for svg in svgs)
    bad, detail = overflowing(svgs, tmp_path)
    assert bad == 0, detail

"""The graph component's toolbar in the reader's language.

st-graph-workbench writes its tooltips ("Zoom In", "Fit to Screen", ...) in English into its own HTML and
has no option for their language. Its toolbar is in the app's page (a components-v2 element, no iframe),
so this small component of our own sets each control's ``title`` and ``aria-label`` (and a menu's visible
label) from ``ui/strings.yaml`` (``tool.<element id>``), again whenever the graph is redrawn. Only
attributes and ``textContent`` are written, never HTML. It also makes the toolbar's fullscreen button
refit the drawing to the screen (and to the page again on the way back), which the component does not.
"""

from __future__ import annotations

import streamlit as st

from pmkg.ui.i18n import has, t

# The controls the app's graph shows (search, viewport, layout, selection, export, toolbar chrome), by
# the element id the component gives them. Editing tools are never switched on (ui.widgets.show_graph).
TOOL_IDS: tuple[str, ...] = (
    "graphSearchMode",
    "graphSearchInput",
    "graphSearchApply",
    "graphSearchClear",
    "canvasModePan",
    "canvasModeBox",
    "graphStatsButton",
    "graphStatsClose",
    "selectionControls",
    "selectionSelectAll",
    "selectionClear",
    "selectionFocus",
    "selectionHideUnselected",
    "selectionRestore",
    "viewbarPlus",
    "viewbarMinus",
    "viewbarFit",
    "viewbarCenter",
    "toolbarRefresh",
    "toolbarFullscreen",
    "toolbar",
    "toolbarExport",
    "toolbarExportFull",
    "toolbarExportSelected",
    "toolbarExportPng",
    "toolbarExportJpg",
    "toolbarExportPositions",
    "expansionBadgeToggle",
    "toolbarSearchToggle",
    "toolbarCollapse",
    "infopanelClear",
)

_JS = """
export default function ({ data }) {
  window.__pmkgToolWords = data.words;
  const apply = () => {
    const words = window.__pmkgToolWords || {};
    for (const root of document.querySelectorAll(".st-graph-workbench")) {
      for (const [id, text] of Object.entries(words)) {
        const el = root.querySelector(`[id="${id}"]`);
        if (!el) continue;
        // a menu (<details>) carries its tooltip and visible label on its <summary>
        const target = el.tagName === "DETAILS" ? el.querySelector("summary") : el;
        if (!target) continue;
        if (target.getAttribute("title") !== text) target.setAttribute("title", text);
        if (target.getAttribute("aria-label") !== text) target.setAttribute("aria-label", text);
        if (target.getAttribute("placeholder") !== null && target.getAttribute("placeholder") !== text)
          target.setAttribute("placeholder", text);
        const label = target.querySelector(".toolbox__menu-label");
        if (label && label.textContent !== text) label.textContent = text;
      }
    }
  };
  apply();
  if (!window.__pmkgFullscreenFit) {
    // The component resizes its canvas when it goes fullscreen (and back) but keeps the zoom and pan, so
    // the drawing stayed in a corner: fit it to the new size once the canvas has taken it.
    window.__pmkgFullscreenFit = true;
    let last = null;
    document.addEventListener("fullscreenchange", () => {
      const root = document.fullscreenElement || last;
      last = document.fullscreenElement;
      if (!root) return;
      const fit = () => {
        for (const el of root.querySelectorAll("div")) {
          const cy = el._cyreg && el._cyreg.cy;
          if (cy && !cy.destroyed()) { cy.resize(); cy.fit(undefined, 30); }
        }
      };
      requestAnimationFrame(() => requestAnimationFrame(fit));
      setTimeout(fit, 300);  // after the component's own resize, which is throttled
    });
  }
  if (!window.__pmkgToolObserver) {
    let pending = false;
    window.__pmkgToolObserver = new MutationObserver(() => {
      if (pending) return;
      pending = true;
      requestAnimationFrame(() => { pending = false; apply(); });
    });
    window.__pmkgToolObserver.observe(document.body, {
      subtree: true, childList: true, attributes: true, attributeFilter: ["title"],
    });
  }
}
"""

_localiser = st.components.v2.component("pmkg.graph_toolbar_words", js=_JS)


def tool_words() -> dict[str, str]:
    """Each control's tooltip in the reader's language (controls without a string keep the component's)."""
    return {tool: t(f"tool.{tool}") for tool in TOOL_IDS if has(f"tool.{tool}")}


def localise_toolbar(key: str) -> None:
    """Put the tooltips of the graph drawn under ``key`` (and any other on the page) in the reader's words."""
    _localiser(data={"words": tool_words()}, key=f"{key}-toolbar-words")

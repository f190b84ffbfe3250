"""The explorer's footer: the keys that apply where the focus is, Help and Quit first.

Textual's footer lists the focused widget's keys, then the screen's, then
the app's, and cuts what does not fit: at 60 columns that was Help and
Quit, the two keys a newcomer needs most.  This one puts them first, and leaves
out whole the keys that do not fit rather than cutting the last one.
"""

from __future__ import annotations

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Footer
from textual.widgets._footer import FooterKey  # Textual is pinned exactly (snapshots)

__all__ = ["KeysFooter", "FIRST_ACTIONS"]

FIRST_ACTIONS = ("help", "quit")  # the app's actions shown before all others


class KeysFooter(Footer):
    """A footer that changes with the focus and always begins with ? Help and q Quit."""

    def __init__(self) -> None:
        super().__init__(compact=True, show_command_palette=False)

    def compose(self) -> ComposeResult:
        if not self._bindings_ready:
            return
        # One key per action, the first bound (the focused widget's); ranked:
        # Help and Quit, then what the focused pane does, then the app's keys
        # (search, go to, topics), then the screen's.
        app, screen = self.app, self.screen
        # The screen's keys in the order its class lists them (Screen's own
        # Tab binding would otherwise come first): that order is their rank.
        listed = [b.action for b in getattr(type(screen), "BINDINGS", ()) if isinstance(b, Binding)]
        shown: dict[str, tuple] = {}
        for node, binding, enabled, tooltip in screen.active_bindings.values():
            if binding.show and binding.action not in shown:
                first = binding.action.removeprefix("app.") in FIRST_ACTIONS and node is app
                rank = 0 if first else 3 if node is screen else 2 if node is app else 1
                seen = listed.index(binding.action) if rank == 3 and binding.action in listed else len(shown)
                shown[binding.action] = (rank, seen, binding, enabled, tooltip)
        order = sorted(shown.values(), key=lambda item: item[:2])
        # Only keys that fit whole: a key cut at the edge ("v" with no "Read")
        # says nothing.  Width of a compact key: key, space, description; one
        # cell between keys.  The rest are in the help (?) and the palette.
        room, fitting = self.app.size.width, []
        for item in order:
            binding = item[2]
            need = cell_len(app.get_key_display(binding)) + 1 + cell_len(binding.description)
            if need > room:
                break
            room -= need + 1
            fitting.append(item)
        self.styles.grid_size_columns = len(fitting)
        for _rank, _seen, binding, enabled, tooltip in fitting:
            yield FooterKey(binding.key, app.get_key_display(binding), binding.description,
                            binding.action, disabled=not enabled,
                            tooltip=tooltip).data_bind(compact=Footer.compact)

    def on_resize(self) -> None:
        # Which keys fit depends on the width.
        if self._bindings_ready:
            self.refresh(recompose=True)

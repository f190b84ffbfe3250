"""The explorer's remembered settings (theme, split): read at start, written when they change.

A mixin of :class:`~argmap.tui.app.ArgmapApp`, kept apart so the app stays
one job per module.  The settings file (argmap/config.py) is read and
written in threads: a settings folder on a slow or hung network mount must
not freeze the interface.  A bad value is reported in a notification and
ignored, never fatal.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from textual import work
from textual.theme import Theme
from textual.timer import Timer

from ..config import Settings
from ..diagnostics import Diagnostic
from .browser import BrowserScreen

if TYPE_CHECKING:
    from textual.app import App

    _Base = App
else:
    _Base = object

__all__ = ["RememberedSettings"]


class RememberedSettings(_Base):
    """Reads the theme and the split on mount, and remembers them when the user changes them.

    The app sets ``use_settings``; tests wait on ``settings_read`` and ``remembered``.
    """

    use_settings: bool
    browser: BrowserScreen
    settings_read = False
    _split_timer: Timer | None = None

    def init_settings(self, use: bool) -> None:
        self.use_settings = use  # read the theme and split from the settings file, and remember them
        self.settings_read = False
        self.remembered: dict[str, object] = {}
        self._settings_lock = threading.Lock()  # one read-modify-write at a time: the theme and the split may race

    def start_settings(self) -> None:
        if self.use_settings:
            self._read_settings()
        else:
            self.settings_read = True

    @work(thread=True, group="settings-read", description="read settings")
    def _read_settings(self) -> None:
        from ..config import load_settings

        settings, problems = load_settings()
        self.call_from_thread(self._apply_settings, settings, problems)

    def _apply_settings(self, settings: Settings, problems: list[Diagnostic]) -> None:
        for problem in problems:
            self.notify(problem.format(), title="Settings", severity="warning", timeout=10, markup=False)
        if settings.theme is not None:
            if settings.theme in self.available_themes:
                self._settings_theme = settings.theme
                self.theme = settings.theme
            else:
                self.notify(f"unknown theme {settings.theme!r} in the settings file; themes are "
                            f"{', '.join(sorted(self.available_themes))}", title="Settings",
                            severity="warning", timeout=10, markup=False)
        if settings.split is not None:
            self.browser.set_split(settings.split)
        self.theme_changed_signal.subscribe(self, self._theme_changed)
        self.settings_read = True

    def _theme_changed(self, theme: Theme) -> None:
        if theme.name != getattr(self, "_settings_theme", None):
            self._settings_theme = theme.name
            self._remember("theme", theme.name)

    def on_browser_screen_split_changed(self, event: BrowserScreen.SplitChanged) -> None:
        # A held key changes the split many times: write once it rests.
        if self._split_timer is not None:
            self._split_timer.stop()
        self._split_timer = self.set_timer(0.4, lambda: self._remember("split", event.percent))

    _split_timer: Timer | None = None

    def _remember(self, key: str, value: object) -> None:
        if self.use_settings:
            self._write_setting(key, value)

    @work(thread=True, group="settings-write", description="remember a setting")
    def _write_setting(self, key: str, value: object) -> None:
        from ..config import remember
        from ..errors import ArgmapError

        try:
            with self._settings_lock:  # one read-modify-write at a time: the theme and the split may race
                remember(key, value)
        except (ArgmapError, OSError) as exc:
            self.call_from_thread(self.notify, f"cannot remember the {key}: {exc}", title="Settings",
                                  severity="warning", timeout=8, markup=False)
            return
        self.call_from_thread(self._remembered, key, value)

    def _remembered(self, key: str, value: object) -> None:
        self.remembered[key] = value  # tests wait on it


"""argmap's language server: the checker, completion and navigation in any LSP editor.

``argmap lsp`` runs :func:`argmap.lsp.server.serve` over stdio.  The modules:

* :mod:`.state` – the project as the editor sees it (unsaved buffers included),
  re-checked off the event loop, and the snapshot every feature reads;
* :mod:`.convert` – argmap positions and problems as LSP ranges and diagnostics;
* :mod:`.context` – what the cursor stands in (which key, which value);
* :mod:`.completion`, :mod:`.navigate`, :mod:`.symbols` – the features;
* :mod:`.server` – the pygls wiring.

Nothing here imports Textual, and nothing writes a file.
"""

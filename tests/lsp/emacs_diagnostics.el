;;; emacs_diagnostics.el --- Emacs's eglot against `argmap lsp': an unsaved edit, the diagnostics read back.
;; Run by tests/lsp/test_emacs.py: emacs --batch -Q -l emacs_diagnostics.el, in a project folder.
;; ARGMAP_PYTHON runs the server, ARGMAP_MAP is the map to edit, ARGMAP_OUT receives the diagnostics as JSON.
;; Debian 12 packages eglot 1.9 for Emacs 28 (elpa-eglot): its folders are put on the load path here.
(dolist (dir (file-expand-wildcards "/usr/share/emacs/site-lisp/elpa/*"))
  (add-to-list 'load-path dir))
(require 'eglot)
(require 'flymake)
(require 'json)

;; As docs/editors.md sets it up, for a mode of our own (Emacs 28 has no YAML mode built in).
(define-derived-mode argmap-yaml-mode text-mode "argmap-yaml")
(add-to-list 'eglot-server-programs `(argmap-yaml-mode . (,(getenv "ARGMAP_PYTHON") "-m" "argmap" "lsp")))
(setq eglot-sync-connect 60)

(let ((buf (find-file-noselect (getenv "ARGMAP_MAP")))
      (found nil))
  (with-current-buffer buf
    (argmap-yaml-mode)
    (goto-char (point-min))
    (search-forward "by: may\n")
    (replace-match "by: mayy\n")            ; unsaved: only the editor has it
    (apply #'eglot (eglot--guess-contact))  ; what M-x eglot does, without its prompts
    (let ((deadline (+ (float-time) 90)))
      (while (and (not found) (< (float-time) deadline))
        (accept-process-output nil 0.2)
        ;; flymake waits for a window before its first check; batch Emacs has none.
        (when (bound-and-true-p flymake-mode) (flymake-start nil t))
        (setq found (flymake-diagnostics))))
    (with-temp-file (getenv "ARGMAP_OUT")
      (insert (json-encode
               (mapcar (lambda (d)
                         (let ((beg (flymake-diagnostic-beg d)) (end (flymake-diagnostic-end d)))
                           `((line . ,(with-current-buffer buf (1- (line-number-at-pos beg))))
                             (col . ,(with-current-buffer buf (save-excursion (goto-char beg) (current-column))))
                             (end_col . ,(with-current-buffer buf (save-excursion (goto-char end) (current-column))))
                             (type . ,(symbol-name (flymake-diagnostic-type d)))
                             (text . ,(flymake-diagnostic-text d)))))
                       found))))
    (set-buffer-modified-p nil)
    (ignore-errors (eglot-shutdown (eglot-current-server)))))

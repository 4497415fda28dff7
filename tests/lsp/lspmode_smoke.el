;;; lspmode_smoke.el --- mend in a real Emacs with lsp-mode 8.0 and its default capabilities.
;; Usage: emacs --batch -q -l lspmode_smoke.el MEND NOTE
;;
;; lsp-mode 8.0 (Debian's elpa-lsp-mode) announces no snippet support without yasnippet,
;; re-indents every completion whose item has no insertTextMode, and sends `exit' with
;; "params": null. Exits 0 when: a mend hint names an unanswered question; completing "/why"
;; through lsp-mode's own exit function inserts the step as plain text (`_your answer_', no
;; `${1:'), with its block quotes unindented, in well under a second; and shutdown followed by
;; lsp-mode's own exit notification ends mend with status 0. Exits 1 otherwise, saying why.
(require 'package)
(package-initialize)
(require 'lsp-mode)
(require 'lsp-completion)
(require 'markdown-mode)

(defun mend-fail (fmt &rest args)
  (princ (concat "lsp-mode smoke: " (apply #'format fmt args) "\n") #'external-debugging-output)
  (kill-emacs 1))

(defun mend-say (fmt &rest args)
  (princ (concat "lsp-mode smoke: " (apply #'format fmt args) "\n")))

(defun mend-wait (seconds predicate)
  "Run the event loop until PREDICATE is non-nil or SECONDS pass; return PREDICATE's value."
  (let ((deadline (+ (float-time) seconds)) value)
    (while (and (not (setq value (funcall predicate))) (< (float-time) deadline))
      (accept-process-output nil 0.1))
    value))

(let* ((mend (nth 0 command-line-args-left))
       (note (nth 1 command-line-args-left))
       (root (file-name-directory note)))
  (setq command-line-args-left nil)
  ;; Only what a batch run needs: no session file in $HOME, no questions asked.
  (setq lsp-session-file (expand-file-name "lsp-session" (file-name-directory (directory-file-name root)))
        lsp-restart 'ignore
        lsp-keep-workspace-alive nil)
  (lsp-register-client
   (make-lsp-client :new-connection (lsp-stdio-connection (list mend "lsp"))
                    :activation-fn (lsp-activate-on "markdown")
                    :priority 10
                    :server-id 'mend))
  (lsp-workspace-folders-add root)
  (find-file note)
  (markdown-mode)
  (lsp)
  (unless (mend-wait 15 (lambda () (and (lsp-workspaces)
                                         (eq (lsp--workspace-status (car (lsp-workspaces))) 'initialized))))
    (mend-fail "no initialized lsp-mode workspace after 15 s"))
  (let* ((workspace (car (lsp-workspaces)))
         (proc (lsp--workspace-cmd-proc workspace)))
    ;; Hints: lsp-mode's diagnostics table for the note.
    (let ((found (mend-wait 15 (lambda ()
                                 (seq-find (lambda (d) (string-match-p "Unanswered" (lsp:diagnostic-message d)))
                                           (gethash (lsp--fix-path-casing (buffer-file-name))
                                                    (lsp-diagnostics t)))))))
      (unless found (mend-fail "no 'Unanswered' diagnostic from mend"))
      (mend-say "diagnostic: %s" (lsp:diagnostic-message found)))
    ;; Completion: "/why" on a new last line, chosen the way a completion UI does it (the
    ;; candidate inserted, then lsp-mode's exit function, which applies the textEdit and runs
    ;; its indenter unless the item says insertTextMode asIs).
    (goto-char (point-max))
    (unless (bolp) (insert "\n"))
    (insert "\n/why")
    (let* ((capf (lsp-completion-at-point))
           (start (nth 0 capf)) (end (nth 1 capf)) (table (nth 2 capf))
           (exit-fn (plist-get (nthcdr 3 capf) :exit-function))
           (candidates (mend-wait 10 (lambda () (all-completions (buffer-substring start end) table))))
           (why (seq-find (lambda (c) (equal (substring-no-properties c) "/why")) candidates))
           (started (float-time)))
      (unless why (mend-fail "no /why among the completions %S" candidates))
      (delete-region start end)
      (goto-char start)
      (insert why)
      (funcall exit-fn why 'finished)
      (let ((seconds (- (float-time) started))
            (text (buffer-string)))
        (when (string-match-p (regexp-quote "${1:") text) (mend-fail "the note got snippet syntax: ${1:"))
        (unless (string-match-p (regexp-quote "_your answer_") text)
          (mend-fail "no `_your answer_' placeholder was inserted"))
        (unless (string-match-p "^> " text) (mend-fail "the step's block quotes were re-indented"))
        (when (> seconds 2) (mend-fail "inserting the step took %.1f s" seconds))
        (mend-say "completed /why in %.3f s: %d chars" seconds (length text))))
    ;; Shutdown, then lsp-mode's own exit notification ("params": null): mend must exit by itself.
    (with-lsp-workspace workspace
      (let ((lsp-response-timeout 5))
        (lsp-request "shutdown" lsp--empty-ht))
      (lsp-notify "exit" nil))
    (unless (mend-wait 5 (lambda () (not (process-live-p proc))))
      (mend-fail "mend is still running 5 s after exit"))
    (unless (eq (process-exit-status proc) 0)
      (mend-fail "mend exited with status %s" (process-exit-status proc)))
    (mend-say "shutdown and exit (params null): mend exited with 0"))
  (kill-emacs 0))

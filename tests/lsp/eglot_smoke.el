;;; eglot_smoke.el --- mend in a real Emacs: eglot shows mend's hints and applies a code action.
;; Usage: emacs --batch -Q -l eglot_smoke.el MEND NOTE
;; Exits 0 when a flymake diagnostic from mend names an unanswered question, an insert code
;; action ("Insert next step", else "Insert step: …") changes the buffer, completing "/why"
;; through eglot's own exit function inserts plain text (eglot 1.9 without yasnippet announces no
;; snippet support), and eglot's shutdown ("params": null) then exit end mend with status 0;
;; 1 otherwise, with the reason on stderr.
(require 'package)
(package-initialize)
(require 'eglot)
(require 'flymake)
(require 'markdown-mode nil t)

(defun mend-fail (fmt &rest args)
  (princ (concat "eglot smoke: " (apply #'format fmt args) "\n") #'external-debugging-output)
  (kill-emacs 1))

(let* ((mend (nth 0 command-line-args-left))
       (note (nth 1 command-line-args-left))
       (eglot-server-programs `(((markdown-mode text-mode fundamental-mode) . (,mend "lsp"))))
       (eglot-sync-connect 10)
       (deadline (+ (float-time) 30)))
  (setq command-line-args-left nil)
  (find-file note)
  (if (fboundp 'markdown-mode) (markdown-mode) (text-mode))
  ;; The notes folder is the project (no version control needed).
  (add-hook 'project-find-functions (lambda (_dir) (cons 'transient (file-name-directory note))))
  (let ((default-directory (file-name-directory note)))
    (apply #'eglot (eglot--guess-contact))
    (while (and (not (eglot-current-server)) (< (float-time) deadline))
      (accept-process-output nil 0.1)))
  (unless (eglot-current-server) (mend-fail "no eglot server started"))
  ;; Wait for mend's diagnostics to reach flymake.
  (let (found)
    (while (and (not found) (< (float-time) deadline))
      (accept-process-output nil 0.2)
      (flymake-start)
      (setq found (seq-find (lambda (d) (string-match-p "Unanswered" (flymake-diagnostic-text d)))
                            (flymake-diagnostics))))
    (unless found (mend-fail "no 'Unanswered' diagnostic from mend (got %S)"
                             (mapcar #'flymake-diagnostic-text (flymake-diagnostics))))
    (princ (format "eglot smoke: diagnostic: %s\n" (flymake-diagnostic-text found))))
  ;; Ask for code actions at the start of the note and apply "Insert next step".
  (let* ((size (buffer-size))
         (server (eglot-current-server))
         (actions (jsonrpc-request server :textDocument/codeAction
                                   (list :textDocument (eglot--TextDocumentIdentifier)
                                         :range (list :start (list :line 0 :character 0)
                                                      :end (list :line 0 :character 0))
                                         :context (list :diagnostics []))))
         (next (or (seq-find (lambda (a) (string-prefix-p "Insert next step" (plist-get a :title))) actions)
                   (seq-find (lambda (a) (string-prefix-p "Insert step: " (plist-get a :title))) actions))))
    (unless next (mend-fail "no insert action among %S" (mapcar (lambda (a) (plist-get a :title)) actions)))
    (eglot--apply-workspace-edit (plist-get next :edit))
    (unless (> (buffer-size) size) (mend-fail "the code action did not change the buffer"))
    (princ (format "eglot smoke: applied %S, buffer %d -> %d chars\n" (plist-get next :title) size (buffer-size))))
  ;; Completion: "/why" on a new last line, chosen the way a completion UI does it (the
  ;; candidate inserted, then eglot's exit function, which applies the item's textEdit).
  (goto-char (point-max))
  (unless (bolp) (insert "\n"))
  (insert "\n/why")
  (eglot--signal-textDocument/didChange)
  (let* ((capf (eglot-completion-at-point))
         (start (nth 0 capf)) (end (nth 1 capf)) (table (nth 2 capf))
         (exit-fn (plist-get (nthcdr 3 capf) :exit-function))
         (why (seq-find (lambda (c) (equal (substring-no-properties c) "/why"))
                        (all-completions (buffer-substring start end) table))))
    (unless why (mend-fail "no /why among the completions"))
    (delete-region start end)
    (goto-char start)
    (insert why)
    (funcall exit-fn why 'finished)
    (let ((text (buffer-string)))
      (when (string-match-p (regexp-quote "${1:") text) (mend-fail "the note got snippet syntax: ${1:"))
      (unless (string-match-p (regexp-quote "_your answer_") text)
        (mend-fail "completing /why inserted no `_your answer_' placeholder")))
    (princ "eglot smoke: completed /why as plain text\n"))
  ;; eglot-shutdown's own messages: shutdown with "params": null must be answered, and exit must
  ;; end mend by itself (eglot-shutdown would kill it right after, hiding either failure).
  (let* ((server (eglot-current-server))
         (proc (jsonrpc--process server)))
    (condition-case err
        (jsonrpc-request server :shutdown nil :timeout 5)
      (error (mend-fail "shutdown with params null failed: %S" err)))
    (jsonrpc-notify server :exit nil)
    (let ((deadline (+ (float-time) 5)))
      (while (and (process-live-p proc) (< (float-time) deadline))
        (accept-process-output nil 0.1)))
    (when (process-live-p proc) (mend-fail "mend is still running 5 s after exit"))
    (unless (eq (process-exit-status proc) 0)
      (mend-fail "mend exited with status %s" (process-exit-status proc)))
    (princ "eglot smoke: shutdown and exit (params null): mend exited with 0\n"))
  (kill-emacs 0))

" mend in Debian 12's Vim 9.0 with ALE 3.3 (vim-ale), headless: sourced by run_vim_test.sh.
"
" Drives ALE's own functions against a real `mend lsp`: the hints ALE stores for the note,
" ALEHover's preview window, ALE's code action list applied through ALE, and ALE's omni
" completion after `/` (with editor-clients/vim/autoload/mend.vim's fix-up, which is why a
" step whose template holds a `(` is inserted too). Every step polls with a generous deadline;
" nothing depends on timing. Each check prints `ok:` or `FAIL:` to $MEND_LOG; the script quits
" 0 when all passed, else 1.

let s:failures = 0

function! s:Say(line) abort
    call writefile(split(a:line, "\n", 1), $MEND_LOG, 'a')
endfunction

function! s:Check(ok, what) abort
    call s:Say((a:ok ? 'ok: ' : 'FAIL: ') . a:what)
    let s:failures += a:ok ? 0 : 1
    return a:ok
endfunction

" Runs Vim's event loop (channels, timers) until {expr} is true or {seconds} pass.
function! s:Wait(seconds, expr) abort
    let l:deadline = reltimefloat(reltime()) + a:seconds

    while !eval(a:expr) && reltimefloat(reltime()) < l:deadline
        sleep 20m
    endwhile

    return eval(a:expr)
endfunction

function! s:Finish() abort
    call s:Say(s:failures ? s:failures . ' check(s) failed' : 'all checks passed')
    execute s:failures ? 'cquit 1' : 'qall!'
endfunction

try
    execute 'edit ' . fnameescape($MEND_NOTE)
    let s:buffer = bufnr('')
    call s:Check(&filetype is# 'markdown', 'the note is a markdown buffer')
    call s:Check(!empty(ale#linter#Get('markdown')), 'ALE knows the mend linter')
    " The project root: the deepest notes folder holding the note, else (no git here) its folder.
    let s:dir = expand('%:p:h')
    let b:ale_markdown_mend_notes = ['/nowhere', fnamemodify(s:dir, ':h'), s:dir . '/']
    call s:Check(ale_linters#markdown#mend#GetProjectRoot(s:buffer) is# s:dir, 'the root is the deepest notes folder')
    let b:ale_markdown_mend_notes = [fnamemodify(s:dir, ':h')]
    call s:Check(ale_linters#markdown#mend#GetProjectRoot(s:buffer) is# fnamemodify(s:dir, ':h'),
    \   'a notes folder above the note is its root')
    unlet b:ale_markdown_mend_notes
    call s:Check(ale_linters#markdown#mend#GetProjectRoot(s:buffer) is# s:dir, 'without notes folders, the note''s folder')

    " 1. Hints: ALE lints on opening the note and keeps mend's diagnostics in its loclist.
    call s:Wait(20, 'len(filter(copy(ale#engine#GetLoclist(s:buffer)), ''v:val.code is# "unanswered"'')) > 0')
    let s:hints = filter(copy(ale#engine#GetLoclist(s:buffer)), 'v:val.code is# "unanswered"')
    if s:Check(!empty(s:hints), 'ALE holds an "unanswered" hint from mend')
        let s:hint = s:hints[0]
        call s:Say('   line ' . s:hint.lnum . ': ' . s:hint.text)
        call s:Check(s:hint.linter_name is# 'mend' && s:hint.lnum == 3
        \   && s:hint.text =~# '^Unanswered: ', 'the hint is on the unanswered question (line 3)')
        " ALE 3.3 shows LSP hints (severity 4) as warnings; it has no hint type yet.
        call s:Check(s:hint.type is# 'W', 'ALE shows it as a warning (its type for LSP hints)')
    endif

    " 2. Hover (:ALEHover) on that question: mend's plain-text answer in ALE's preview window.
    call cursor(3, 8)
    ALEHover
    call s:Wait(10, '!empty(filter(getwininfo(), ''getwinvar(v:val.winid, "&previewwindow")''))')
    let s:preview = filter(getwininfo(), 'getwinvar(v:val.winid, "&previewwindow")')
    if s:Check(!empty(s:preview), 'ALEHover opened its preview window')
        let s:hover = getbufline(s:preview[0].bufnr, 1, '$')
        call s:Say('   ' . s:hover[0])
        call s:Check(join(s:hover, "\n") =~# 'not answered yet', 'the hover says the question is not answered yet')
        " ALE announces hover.contentFormat ['plaintext']: no Markdown markup.
        call s:Check(join(s:hover, "\n") !~# '\*\*\|`', 'the hover is plain text (no ** or backticks)')
        pclose
    endif

    " 3. A code action, the way ALE's right-click "Refactor..." menu gets and applies one:
    " ale#codefix#Execute (what :ALECodeAction runs) with a menu callback instead of the
    " numbered input() prompt, then ALE's ale#codefix#ApplyLSPCodeAction on the chosen item.
    let s:actions = v:null
    function! s:GotActions(data, items) abort
        let s:action_data = a:data
        let s:actions = a:items
    endfunction
    call cursor(3, 8)
    call ale#codefix#Execute(0, function('s:GotActions'))
    call s:Wait(10, 's:actions isnot v:null')
    let s:titles = map(copy(s:actions is v:null ? [] : s:actions), 'v:val[1].title')
    call s:Say('   actions: ' . join(s:titles, ' | '))
    let s:wanted = filter(copy(s:actions is v:null ? [] : s:actions),
    \   'v:val[1].title =~# ''^Insert step: Understand your real motives''')
    if s:Check(!empty(s:wanted), 'mend offers "Insert step: Understand your real motives"')
        " ALE announces codeActionLiteralSupport: the action carries its edit, no command.
        call s:Check(has_key(s:wanted[0][1], 'edit'), 'the action is a CodeAction with its edit')
        " ALE announces no workspace.workspaceEdit.documentChanges: a `changes` map.
        call s:Check(has_key(get(s:wanted[0][1], 'edit', {}), 'changes'), 'its edit is a changes map')
        let s:lines_before = line('$')
        call ale#codefix#ApplyLSPCodeAction(s:action_data, s:wanted[0][1])
        call s:Wait(5, 'search(''<!-- mend:step motives -->'', ''nw'') > 0')
        call s:Check(search('^## Understand your real motives$', 'nw') > 0
        \   && search('<!-- mend:step motives -->', 'nw') > 0
        \   && line('$') > s:lines_before + 10, 'ALE applied the edit: the motives step is in the note')
        call s:Check(search('${1:', 'nw') == 0, 'no snippet syntax in the note')
    endif

    " 4. Completion after `/`: ALE's omni completion (<C-x><C-o> with ALE's omnifunc) on a new
    " last line, its first item (the next step) accepted by leaving Insert mode, as a user
    " would. ALE alone would leave `/` and the template's lines joined by NUL bytes on one line;
    " editor-clients/vim/autoload/mend.vim puts mend's text in place (see there why).
    let s:before = getline(1, '$')
    call s:Check(&l:omnifunc is# 'ale#completion#OmniFunc', 'mend.vim set the omnifunc to ALE''s')
    call feedkeys("Go/\<C-x>\<C-o>", 'xt')
    let s:result = ale#completion#GetCompletionResult()
    let s:menus = map(copy(s:result is v:null ? [] : s:result), 'v:val.menu')
    call s:Say('   completions: ' . join(s:menus, ' | '))
    call s:Check(len(s:menus) == 8 && s:menus[0] =~# '^Understand your real motives',
    \   'ALE lists the eight steps after "/", the next step first')
    call s:Check(map(copy(s:result is v:null ? [] : s:result), 'get(v:val, "abbr", "")')[:1] == ['/motives', '/why'],
    \   'the menu names them /motives, /why, …')
    let s:inserted = getline(len(s:before) + 1, '$')
    call s:Say('   inserted ' . len(s:inserted) . ' line(s), starting: ' . get(s:inserted, 0, ''))
    call s:Check(get(s:inserted, 0, '') is# '## Understand your real motives',
    \   'the `/` became the step heading')
    call s:Check(len(s:inserted) > 10 && index(s:inserted, '<!-- mend:step motives -->') == 1
    \   && match(s:inserted, "\n") < 0, 'one buffer line per line of the template (no NUL bytes)')
    call s:Check(count(s:inserted, '_your answer_') > 0 && match(s:inserted, '\${1:\|\$0') < 0,
    \   'as plain text: "_your answer_" where a snippet has tab stops')
    call s:Check(match(s:inserted, '^> ') >= 0, 'its block quotes are not re-indented')
    call s:Check(getline('.') is# '_your answer_', 'the cursor is on the first answer')

    " 5. A step whose template holds a `(`, before which ALE cuts its word (today "/new-start"),
    " chosen from the same complete-items ALE built (Vim's complete() with ALE's list, as its
    " menu shows them), then inserted whole: up to its last `_your answer_`.
    let s:cut = filter(copy(s:result is v:null ? [] : s:result), 'v:val.word !~# "\n$"')
    if s:Check(!empty(s:cut), 'ALE cut a template before its first `(`')
        let s:title = substitute(s:cut[0].menu, ' (\d\+/\d\+ answered)$', '', '')
        function! MendTestOffer() abort
            call complete(col('.'), s:cut[:0])
            return ''
        endfunction
        let s:before = getline(1, '$')
        call feedkeys("Go/\<C-r>=MendTestOffer()\<CR>\<C-y>", 'xt')
        let s:inserted = getline(len(s:before) + 1, '$')
        call s:Say('   inserted ' . len(s:inserted) . ' line(s), starting: ' . get(s:inserted, 0, ''))
        let s:last = get(filter(copy(s:inserted), '!empty(v:val)'), -1, '')
        call s:Check(get(s:inserted, 0, '') is# '## ' . s:title && match(s:inserted, '(') >= 0
        \   && s:last =~# '_your answer_$' && match(s:inserted, "\n") < 0,
        \   'the whole step "' . s:title . '" is inserted, past its `(`')
    endif
catch
    call s:Check(0, 'error: ' . v:exception . ' at ' . v:throwpoint)
endtry

call s:Finish()

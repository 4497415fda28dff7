" Makes ALE's completion of a mend step insert what mend sent, as lines.
"
" Why: ALE 3.3 turns an LSP completion item into a Vim complete-item whose word is the item's
" textEdit.newText cut before its first `(` (a function-call heuristic), ignores the edit's
" range, and Vim inserts a word's line breaks as NUL bytes inside one line. A step template is
" many lines (and may hold a `(`), and its range replaces the `/` typed before it, so ALE alone
" leaves `/## Step…^@<!-- mend:step …-->^@…` on one line, written to disk with NUL bytes.
" This file keeps the last completion items mend sent on ALE's connection and, when ALE says a
" completion was inserted (User ALECompletePost), puts the matching item's newText in place
" of what ALE inserted, over the item's range, one buffer line per line.

let s:items = []
let s:watching = 0

" Records mend's completion items as ALE receives them (an ALE callback sees every response on
" its connection), and names ALE's menu entries after the items' labels (`/why`) rather than
" their whole text. ALE 3.3 calls a connection's callbacks in name order, so this one runs
" after ale#completion#HandleLSPResponse has built b:ale_completion_result; if it ever ran
" first, the menu would only show ALE's own words.
function! mend#OnResponse(conn_id, response) abort
    let l:result = get(a:response, 'result', v:null)

    if type(l:result) is v:t_dict && type(get(l:result, 'items')) is v:t_list
        let s:items = l:result.items
    elseif type(l:result) is v:t_list && !empty(l:result)
    \   && type(l:result[0]) is v:t_dict && has_key(l:result[0], 'label')
        let s:items = l:result
    else
        return
    endif

    if type(get(b:, 'ale_completion_result')) is v:t_list
        for l:entry in b:ale_completion_result
            let l:item = s:Find(get(l:entry, 'word', ''))

            if !empty(l:item)
                let l:entry.abbr = l:item.label
            endif
        endfor
    endif
endfunction

function! s:OnReady(linter, lsp_details) abort
    call ale#lsp#RegisterCallback(a:lsp_details.connection_id, function('mend#OnResponse'))
endfunction

" <C-x><C-o> asks ALE, hence mend, unless the user chose another omnifunc than the Markdown
" default (HTML tags) or said g:mend_omnifunc = 0.
function! s:SetOmnifunc(buffer) abort
    let l:current = getbufvar(a:buffer, '&omnifunc')

    if get(g:, 'mend_omnifunc', 1) && (empty(l:current) || l:current is# 'htmlcomplete#CompleteTags')
        call setbufvar(a:buffer, '&omnifunc', 'ale#completion#OmniFunc')
    endif
endfunction

" Called when ALE has started a language server for {buffer}: listens on mend's connection.
" StartLSP on a running server calls back at once, and fires ALELSPStarted again: hence the
" guard.
function! mend#Watch(buffer) abort
    if s:watching
        return
    endif

    let s:watching = 1

    try
        for l:linter in ale#linter#Get(getbufvar(a:buffer, '&filetype'))
            if l:linter.name is# 'mend' && !empty(l:linter.lsp)
                call ale#lsp_linter#StartLSP(a:buffer, l:linter, function('s:OnReady'))
                call s:SetOmnifunc(a:buffer)
            endif
        endfor
    finally
        let s:watching = 0
    endtry
endfunction

" The text ALE inserts for {item}: the same rule as ale#completion#ParseLSPCompletions.
function! s:AleWord(item) abort
    if get(a:item, 'insertTextFormat', 1) == 1 && type(get(a:item, 'textEdit')) is v:t_dict
        let l:text = a:item.textEdit.newText
    elseif type(get(a:item, 'insertText')) is v:t_string
        let l:text = a:item.insertText
    else
        let l:text = a:item.label
    endif

    return matchstr(l:text, '\v^[^(]+')
endfunction

" The item mend sent that ALE turned into the completion word {word}, or {}.
function! s:Find(word) abort
    for l:item in empty(a:word) ? [] : s:items
        if type(l:item) is v:t_dict && s:AleWord(l:item) is# a:word
            return l:item
        endif
    endfor

    return {}
endfunction

" Replaces what ALE inserted (on the cursor line) by the mend item it came from.
function! mend#AfterComplete() abort
    if empty(filter(ale#linter#Get(&filetype), 'v:val.name is# "mend"'))
        return
    endif

    let l:word = get(v:completed_item, 'word', '')
    let l:item = s:Find(l:word)

    if type(get(l:item, 'textEdit')) isnot v:t_dict || get(l:item, 'insertTextFormat', 1) != 1
        return
    endif

    let l:edit = l:item.textEdit
    let l:range = get(l:edit, 'range', get(l:edit, 'insert', {}))
    " getline() gives the NUL bytes Vim inserted for line breaks back as "\n".
    let l:line = getline('.')
    let l:at = strridx(l:line, l:word)

    if l:at < 0 || empty(l:range) || l:range.start.line != l:range.end.line
        return
    endif

    " The range starts where the typed `/` does, on the cursor's line (ALE inserts there, and
    " mend's range is that line as it was when completion was asked for).
    let l:start = min([byteidx(l:line, l:range.start.character), l:at])
    let l:start = l:start < 0 ? l:at : l:start
    let l:lines = split(strpart(l:line, 0, l:start) . l:edit.newText
    \   . strpart(l:line, l:at + len(l:word)), "\n", 1)

    call setline('.', l:lines[0])
    call append('.', l:lines[1:])
    " The cursor goes to the first `_your answer_`, where a snippet's first tab stop would be.
    let l:answer = search('\V_your answer_', 'nW', line('.') + len(l:lines))
    call cursor(l:answer > 0 ? l:answer : line('.') + len(l:lines) - 1, 1)
endfunction

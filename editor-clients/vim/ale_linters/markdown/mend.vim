" mend as an ALE language server for Markdown notes: hints on unanswered questions, steps
" completed after `/`, code actions and hover, all from `mend lsp` over stdio.
"
" ALE loads every ale_linters/markdown/*.vim on 'runtimepath', so adding editor-clients/vim to
" it is the whole installation. Settings (global, or per buffer with b: instead of g:):
"   g:ale_markdown_mend_executable  the mend binary (default 'mend', looked up on $PATH)
"   g:ale_markdown_mend_options     initializationOptions, e.g. {'ex': {'name': 'Alex'}}
"   g:ale_markdown_mend_notes       notes folders; a note inside one is rooted there
" A note outside those folders is rooted at its git root, or else at its own directory.

call ale#Set('markdown_mend_executable', 'mend')
call ale#Set('markdown_mend_options', {})
call ale#Set('markdown_mend_notes', [])

" The deepest configured notes folder holding the buffer's file, else its git root, else its
" directory: the folder mend indexes and reports progress over.
function! ale_linters#markdown#mend#GetProjectRoot(buffer) abort
    let l:file = fnamemodify(bufname(a:buffer), ':p')
    let l:best = ''

    for l:folder in ale#Var(a:buffer, 'markdown_mend_notes')
        let l:root = substitute(fnamemodify(expand(l:folder), ':p'), '/\+$', '', '')

        if stridx(l:file, l:root . '/') == 0 && len(l:root) > len(l:best)
            let l:best = l:root
        endif
    endfor

    if !empty(l:best)
        return l:best
    endif

    let l:git = ale#path#FindNearestDirectory(a:buffer, '.git')

    if !empty(l:git)
        return fnamemodify(l:git, ':h:h')
    endif

    return fnamemodify(l:file, ':h')
endfunction

call ale#linter#Define('markdown', {
\   'name': 'mend',
\   'lsp': 'stdio',
\   'executable': {b -> ale#Var(b, 'markdown_mend_executable')},
\   'command': '%e lsp',
\   'project_root': function('ale_linters#markdown#mend#GetProjectRoot'),
\   'initialization_options': {b -> ale#Var(b, 'markdown_mend_options')},
\})

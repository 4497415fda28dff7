" mend for Vim with ALE: only the load guard and the autocommands; the linter itself is
" ale_linters/markdown/mend.vim, the completion fix-up autoload/mend.vim.
if exists('g:loaded_mend') || &compatible
    finish
endif
let g:loaded_mend = 1

augroup mend
    autocmd!
    " ALE fires these for its own buffers and completions only.
    autocmd User ALELSPStarted call mend#Watch(bufnr(''))
    autocmd User ALECompletePost call mend#AfterComplete()
augroup END

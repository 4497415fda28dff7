-- The smallest config that loads mend from this repository: editor-clients/neovim on the
-- runtimepath and setup() with the binary and notes folder that run_nvim_test.sh passes in.

local client_dir = assert(os.getenv('MEND_CLIENT'), 'MEND_CLIENT: path of editor-clients/neovim')
local bin = assert(os.getenv('MEND_BIN'), 'MEND_BIN: path of the mend binary')
local notes = assert(os.getenv('MEND_NOTES'), 'MEND_NOTES: the notes folder')

vim.opt.runtimepath:prepend(client_dir)
vim.opt.swapfile = false
vim.opt.shadafile = 'NONE'

require('mend').setup({
  cmd = { bin, 'lsp' },
  notes = { notes },
  ex = { name = 'Alex', pronouns = 'he' },
  today = '2026-11-26',
})

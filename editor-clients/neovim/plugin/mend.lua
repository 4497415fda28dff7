-- mend's user commands. Loaded at startup, so it only defines them: each one requires the
-- plugin when first used. Nothing starts until require('mend').setup{} is called.

if vim.g.loaded_mend then
  return
end
vim.g.loaded_mend = true

if vim.fn.has('nvim-0.7') == 0 then
  vim.notify('mend: Neovim 0.7 or later is required', vim.log.levels.WARN)
  return
end

local command = vim.api.nvim_create_user_command

command('MendInsert', function(opts)
  require('mend').insert(opts.args)
end, {
  nargs = 1,
  complete = function(arglead)
    return require('mend').complete_templates(arglead)
  end,
  desc = 'mend: insert a reflection step (or question) template at the cursor',
})

command('MendProgress', function()
  require('mend').progress()
end, { nargs = 0, desc = "mend: show the note's and the folder's progress" })

command('MendUnanswered', function(opts)
  require('mend').unanswered(opts.bang)
end, { nargs = 0, bang = true, desc = 'mend: unanswered questions to the quickfix list (! for the folder)' })

command('MendNext', function()
  require('mend').jump(1)
end, { nargs = 0, desc = 'mend: go to the next unanswered question' })

command('MendPrev', function()
  require('mend').jump(-1)
end, { nargs = 0, desc = 'mend: go to the previous unanswered question' })

command('MendExplain', function()
  require('mend').explain()
end, { nargs = 0, desc = "mend: how the cursor's line was read, and how to correct it" })

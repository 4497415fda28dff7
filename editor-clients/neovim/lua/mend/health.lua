-- :checkhealth mend — the binary, setup(), the clients of the current note, the options.
--
-- Errors are kept for what stops mend from working (no binary, a cmd that fails, options of the
-- wrong type); what may be intended or is recoverable (a notes folder not created yet, unknown
-- pronouns the server replaces with its default) is a warning.

local config = require('mend.config')

local M = {}

local api = vim.api

-- vim.health.start/ok/... (0.10+), vim.health.report_* (0.8–0.9), health#report_* (0.7).
local function reporter(new, old)
  local health = vim.health or {}
  local fn = health[new] or health['report_' .. new]
  if fn then
    return fn
  end
  return function(msg, advice)
    if advice ~= nil then
      vim.fn['health#report_' .. new](msg, advice)
    else
      vim.fn['health#report_' .. new](msg)
    end
  end
end

local start = reporter('start')
local ok = reporter('ok')
local info = reporter('info')
local warn = reporter('warn')
local report_error = reporter('error')

-- The buffer :checkhealth was called from: it runs in a tab (or float) of its own.
local function user_buffer()
  local function usable(buf)
    return buf
      and buf > 0
      and api.nvim_buf_is_valid(buf)
      and vim.bo[buf].buftype == ''
      and vim.bo[buf].filetype ~= 'checkhealth'
  end
  local current = api.nvim_get_current_buf()
  if usable(current) then
    return current
  end
  local prev_tab = vim.fn.tabpagenr('#')
  if prev_tab > 0 then
    local tab = api.nvim_list_tabpages()[prev_tab]
    local buf = tab and api.nvim_win_get_buf(api.nvim_tabpage_get_win(tab))
    if usable(buf) then
      return buf
    end
  end
  local prev_win = vim.fn.win_getid(vim.fn.winnr('#'))
  if prev_win > 0 and usable(api.nvim_win_get_buf(prev_win)) then
    return api.nvim_win_get_buf(prev_win)
  end
  local alt = vim.fn.bufnr('#')
  if usable(alt) then
    return alt
  end
  return nil
end

local function check_binary(cmd)
  start('mend: binary')
  if type(cmd) ~= 'table' or type(cmd[1]) ~= 'string' or cmd[1] == '' then
    report_error('`cmd` must be a list such as { "mend", "lsp" }, got ' .. vim.inspect(cmd))
    return
  end
  local exe = vim.fn.exepath(cmd[1])
  if exe == '' then
    report_error(string.format('`%s` was not found or is not executable', cmd[1]), {
      'Build mend (cmake --build build --target mend) and put it on your PATH,',
      "or give its full path: require('mend').setup{ cmd = { '/path/to/mend', 'lsp' } }",
    })
    return
  end
  ok(string.format('found %s (cmd: %s)', exe, table.concat(cmd, ' ')))
  local output = vim.fn.system({ exe, '--version' })
  local first = vim.split(vim.trim(output or ''), '\n')[1] or ''
  if vim.v.shell_error ~= 0 then
    report_error(string.format('`%s --version` failed (exit %d): %s', exe, vim.v.shell_error, first))
  else
    ok('version: ' .. first)
  end
end

local function check_setup()
  start('mend: setup')
  local mend = require('mend')
  if not mend.options then
    warn('setup() has not been called: mend attaches to no buffer', {
      "Call require('mend').setup{ notes = { '~/notes' } } in your init.lua",
    })
    return false
  end
  ok('setup() was called')
  ok('Neovim ' .. tostring(vim.version().major) .. '.' .. vim.version().minor .. '.' .. vim.version().patch)
  return true
end

local function check_options(opts)
  start('mend: configuration')
  local problems = 0
  for key in pairs(opts) do
    if config.defaults[key] == nil and config.types[key] == nil then
      warn(string.format('unknown option `%s` (ignored)', key))
      problems = problems + 1
    end
  end
  for key, expected in pairs(config.types) do
    if opts[key] ~= nil and type(opts[key]) ~= expected then
      report_error(string.format('option `%s` should be a %s, got %s', key, expected, type(opts[key])))
      problems = problems + 1
    end
  end
  if type(opts.notes) == 'table' then
    if #opts.notes == 0 then
      info('no notes folders: a Markdown buffer attaches to its git root, or else its directory')
    end
    for _, folder in ipairs(opts.notes) do
      local path = require('mend').resolve(folder)
      if vim.fn.isdirectory(path) == 1 then
        ok('notes folder ' .. path)
      else
        warn('notes folder does not exist: ' .. folder, { 'Create it, or fix `notes` in setup()' })
        problems = problems + 1
      end
    end
  end
  local ex = type(opts.ex) == 'table' and opts.ex or {}
  if ex.pronouns ~= nil then
    -- The sets of the chosen language, or of any built-in one when the server detects it.
    local known = {}
    for language, sets in pairs(config.pronouns) do
      if opts.language == nil or opts.language == language then
        vim.list_extend(known, sets)
      end
    end
    if #known > 0 and not vim.tbl_contains(known, ex.pronouns) then
      warn(
        string.format('unknown pronouns %s: templates use the language pack default instead', vim.inspect(ex.pronouns)),
        { 'Use one of: ' .. table.concat(known, ', ') }
      )
      problems = problems + 1
    end
  end
  if ex.name ~= nil and type(ex.name) ~= 'string' then
    warn('`ex.name` should be a string, got ' .. type(ex.name))
    problems = problems + 1
  end
  if type(opts.today) == 'string' and not opts.today:match('^%d%d%d%d%-%d%d%-%d%d$') then
    warn(string.format('`today` should be YYYY-MM-DD, got %q', opts.today))
    problems = problems + 1
  end
  if problems == 0 then
    ok('no configuration problems')
  end
end

local function check_clients()
  start('mend: language server')
  local mend = require('mend')
  local buf = user_buffer()
  if buf then
    local name = api.nvim_buf_get_name(buf)
    local label = name ~= '' and vim.fn.fnamemodify(name, ':~:.') or ('buffer ' .. buf)
    local attached = mend.clients(buf)
    if #attached > 0 then
      for _, client in ipairs(attached) do
        ok(string.format('%s: attached to client %d (root %s)', label, client.id, tostring(client.config.root_dir)))
      end
    else
      local root = vim.tbl_contains(config.server.filetypes, vim.bo[buf].filetype) and mend.root_for(buf)
      if root then
        warn(string.format('%s: a note of %s, but no mend client is attached', label, root), {
          "The server's reason is in the LSP log: :lua vim.cmd('edit ' .. vim.lsp.get_log_path())",
        })
      else
        info(string.format('%s: not a note in a notes folder (no client expected)', label))
      end
    end
  end
  local all = mend.clients()
  if #all == 0 then
    info('no mend client is running')
  end
  for _, client in ipairs(all) do
    local count = 0
    for _ in pairs(client.attached_buffers or {}) do
      count = count + 1
    end
    info(string.format('client %d: root %s, %d buffer(s)', client.id, tostring(client.config.root_dir), count))
  end
end

function M.check()
  local called = check_setup()
  local mend = require('mend')
  local opts = mend.options or config.defaults
  check_binary(opts.cmd)
  if called then
    check_options(opts)
    check_clients()
  end
end

return M

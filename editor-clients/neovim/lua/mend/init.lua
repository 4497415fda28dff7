-- mend for Neovim: starts `mend lsp` on Markdown notes and forwards commands to it.
--
-- The client holds no language logic: templates, answers and suggestions all come from the
-- server. What lives here is the glue: which folder a note belongs to (one client per notes
-- folder), the settings sent as initializationOptions and on workspace/configuration, and the
-- user commands, each a request to the server. It runs on Neovim 0.7 (vim.lsp.start_client +
-- buf_attach_client) as well as on current releases (vim.lsp.start).

local config = require('mend.config')

local M = {}

local api = vim.api
local uv = vim.uv or vim.loop

-- The options setup() was called with, merged over config.defaults; nil until then.
M.options = nil

-- root_dir → client id, for Neovim 0.7 where vim.lsp.start does not reuse clients for us.
local clients_by_root = {}
-- client id → template ids from the server's mend/templates answer.
local templates_by_client = {}
-- bufnr → { tick = changedtick, note = the `note` of the latest mend/progress answer }.
local progress_by_buf = {}
-- Roots whose client failed to start: reported once, not on every buffer.
local failed_roots = {}

local has_011 = vim.fn.has('nvim-0.11') == 1
local has_08 = vim.fn.has('nvim-0.8') == 1

local function notify(msg, level)
  vim.notify('mend: ' .. msg, level or vim.log.levels.INFO)
end

-- Paths ---------------------------------------------------------------------------------------

local function strip_slash(path)
  if #path > 1 then
    path = path:gsub('/+$', '')
  end
  return path
end

-- An absolute path with `~` expanded and symlinks resolved; a path that does not exist yet
-- (a new note) keeps its own name under its resolved folder.
function M.resolve(path)
  if path:sub(1, 1) == '~' then
    path = (os.getenv('HOME') or '~') .. path:sub(2)
  end
  path = vim.fn.fnamemodify(path, ':p')
  local real = uv.fs_realpath(path)
  if real then
    return strip_slash(real)
  end
  local dir, tail = vim.fn.fnamemodify(strip_slash(path), ':h'), vim.fn.fnamemodify(strip_slash(path), ':t')
  local real_dir = uv.fs_realpath(dir)
  return strip_slash(real_dir and (strip_slash(real_dir) .. '/' .. tail) or strip_slash(path))
end

local function is_inside(path, folder)
  if folder == '/' then
    return true
  end
  return path == folder or path:sub(1, #folder + 1) == folder .. '/'
end

local function git_root(dir)
  while dir and dir ~= '' do
    if uv.fs_stat(dir .. '/.git') then
      return dir
    end
    local parent = vim.fn.fnamemodify(dir, ':h')
    if parent == dir then
      return nil
    end
    dir = parent
  end
  return nil
end

-- The notes folder a buffer belongs to: the innermost configured folder containing it; with no
-- folders configured, its git root or else its directory. nil when mend should not attach.
function M.root_for(bufnr)
  local name = api.nvim_buf_get_name(bufnr)
  if name == '' or vim.bo[bufnr].buftype ~= '' or name:match('^%a[%w+.-]*://') then
    return nil
  end
  local path = M.resolve(name)
  local notes = (M.options or config.defaults).notes or {}
  if #notes == 0 then
    local dir = vim.fn.fnamemodify(path, ':h')
    return git_root(dir) or dir
  end
  local best
  for _, folder in ipairs(notes) do
    local root = M.resolve(folder)
    if is_inside(path, root) and (not best or #root > #best) then
      best = root
    end
  end
  return best
end

-- Settings ------------------------------------------------------------------------------------

-- What the server gets as initializationOptions and as the `mend` configuration section.
function M.server_settings()
  local opts = M.options or config.defaults
  local ex = vim.empty_dict()
  if opts.ex then
    ex.name = opts.ex.name
    ex.pronouns = opts.ex.pronouns
  end
  return { ex = ex, language = opts.language, markers = opts.markers, today = opts.today }
end

-- workspace/configuration: `mend` (or no section) is the whole settings table, `mend.x.y` a
-- part of it. Neovim 0.7's own handler skips items without a section, so answer them here.
local function on_configuration(_, result, _)
  local settings = M.server_settings()
  local prefix = config.server.settings_section
  local response = {}
  for _, item in ipairs(result and result.items or {}) do
    local section = item.section
    local value
    if section == nil or section == '' or section == prefix then
      value = settings
    elseif section:sub(1, #prefix + 1) == prefix .. '.' then
      value = settings
      for key in section:sub(#prefix + 2):gmatch('[^.]+') do
        value = type(value) == 'table' and value[key] or nil
      end
    end
    if value == nil then
      value = vim.NIL
    end
    table.insert(response, value)
  end
  return response
end

-- Clients -------------------------------------------------------------------------------------

-- Client methods became `client:method()` in 0.11; 0.7–0.10 take no self.
local function call(client, method, ...)
  if has_011 then
    return client[method](client, ...)
  end
  return client[method](...)
end

function M.request(client, method, params, handler, bufnr)
  return call(client, 'request', method, params, handler, bufnr)
end

function M.request_sync(client, method, params, timeout_ms, bufnr)
  return call(client, 'request_sync', method, params, timeout_ms, bufnr)
end

-- Every running mend client, or those attached to bufnr.
function M.clients(bufnr)
  local result = {}
  if bufnr and bufnr == 0 then
    bufnr = api.nvim_get_current_buf()
  end
  if has_08 then
    local get = vim.lsp.get_clients or vim.lsp.get_active_clients
    return get({ name = config.server.name, bufnr = bufnr })
  end
  local all = bufnr and vim.lsp.buf_get_clients(bufnr) or vim.lsp.get_active_clients()
  for _, client in pairs(all) do
    if client.name == config.server.name then
      table.insert(result, client)
    end
  end
  return result
end

function M.client_for(bufnr)
  return M.clients(bufnr or api.nvim_get_current_buf())[1]
end

local function supports(client, capability)
  local caps = client.server_capabilities or client.resolved_capabilities or {}
  return caps[capability] ~= nil and caps[capability] ~= false
end

local function refresh_codelens(client, bufnr)
  if not api.nvim_buf_is_loaded(bufnr) then
    return
  end
  -- 0.7–0.9 refresh the current buffer only; 0.10+ take { bufnr }.
  if vim.fn.has('nvim-0.10') == 1 then
    pcall(vim.lsp.codelens.refresh, { bufnr = bufnr })
  elseif api.nvim_get_current_buf() == bufnr then
    pcall(vim.lsp.codelens.refresh)
  end
end

-- Template ids for completion from the server's mend/templates answer: each step's id, then
-- its questions' ids (a single question can be inserted too).
local function parse_templates(result)
  local steps, questions = {}, {}
  if type(result) ~= 'table' then
    return steps
  end
  for _, item in ipairs(result.templates or result) do
    if type(item) == 'string' then
      table.insert(steps, item)
    elseif type(item) == 'table' and type(item.id) == 'string' then
      table.insert(steps, item.id)
      for _, q in ipairs(type(item.questions) == 'table' and item.questions or {}) do
        if type(q) == 'table' and type(q.id) == 'string' then
          table.insert(questions, q.id)
        end
      end
    end
  end
  return vim.list_extend(steps, questions)
end

local function fetch_templates(client, bufnr)
  if templates_by_client[client.id] then
    return
  end
  templates_by_client[client.id] = {}
  M.request(client, config.methods.templates, vim.empty_dict(), function(err, result)
    if not err then
      templates_by_client[client.id] = parse_templates(result)
    end
  end, bufnr)
end

-- Attaching (recreated by setup()) and code lens refreshes (per buffer, kept across setup()).
local augroup
local lens_group = api.nvim_create_augroup('mend.codelens', { clear = true })

local function on_attach(client, bufnr)
  fetch_templates(client, bufnr)
  if not supports(client, 'codeLensProvider') then
    return
  end
  -- 0.12+ keeps lenses fresh itself once enabled.
  if vim.lsp.codelens.enable then
    vim.lsp.codelens.enable(true, { bufnr = bufnr })
    return
  end
  api.nvim_clear_autocmds({ group = lens_group, buffer = bufnr })
  api.nvim_create_autocmd({ 'BufEnter', 'InsertLeave', 'BufWritePost' }, {
    group = lens_group,
    buffer = bufnr,
    desc = 'mend: refresh code lenses',
    callback = function(args)
      local c = vim.lsp.get_client_by_id(client.id)
      if c then
        refresh_codelens(c, args.buf)
      end
    end,
  })
  refresh_codelens(client, bufnr)
end

local function client_config(root)
  local opts = M.options
  local settings = M.server_settings()
  return {
    name = config.server.name,
    cmd = opts.cmd,
    root_dir = root,
    workspace_folders = { { uri = vim.uri_from_fname(root), name = root } },
    init_options = settings,
    settings = { [config.server.settings_section] = settings },
    handlers = { ['workspace/configuration'] = on_configuration },
    on_attach = on_attach,
    on_exit = function(_, _, client_id)
      if clients_by_root[root] == client_id then
        clients_by_root[root] = nil
      end
      templates_by_client[client_id] = nil
    end,
  }
end

-- Neovim has already said why (it could not spawn the command); say once which folder it was.
local function start_failed(root, err)
  if not failed_roots[root] then
    failed_roots[root] = true
    local why = err and (': ' .. tostring(err)) or ''
    notify(
      string.format(
        'could not start `%s` for %s%s (see :checkhealth mend)',
        table.concat(M.options.cmd, ' '),
        root,
        why
      ),
      vim.log.levels.WARN
    )
  end
end

-- Starts (or reuses) the client for bufnr's notes folder and attaches it. Returns the client id.
function M.attach(bufnr)
  bufnr = (bufnr == nil or bufnr == 0) and api.nvim_get_current_buf() or bufnr
  if not M.options or not api.nvim_buf_is_valid(bufnr) then
    return nil
  end
  local root = M.root_for(bufnr)
  if not root then
    return nil
  end
  local cfg = client_config(root)
  if vim.lsp.start then
    -- 0.8 starts on the current buffer only: run it from bufnr.
    local ok, id = pcall(api.nvim_buf_call, bufnr, function()
      return vim.lsp.start(cfg, { bufnr = bufnr })
    end)
    if not ok or not id then
      start_failed(root, not ok and id or nil)
      return nil
    end
    return id
  end
  local id = clients_by_root[root]
  local client = id and vim.lsp.get_client_by_id(id)
  if not client or client.is_stopped() then
    local ok, new_id = pcall(vim.lsp.start_client, cfg)
    if not ok or not new_id then
      start_failed(root, not ok and new_id or nil)
      return nil
    end
    id = new_id
    clients_by_root[root] = id
  end
  vim.lsp.buf_attach_client(bufnr, id)
  return id
end

-- Setup ---------------------------------------------------------------------------------------

function M.setup(opts)
  -- Each given key replaces the default whole: a list is not merged index by index.
  local given = opts or {}
  opts = vim.deepcopy(config.defaults)
  for key, value in pairs(given) do
    opts[key] = vim.deepcopy(value)
  end
  if type(opts.notes) == 'string' then
    opts.notes = { opts.notes }
  end
  if type(opts.cmd) == 'string' then
    opts.cmd = { opts.cmd, 'lsp' }
  end
  if type(opts.cmd) == 'table' and type(opts.cmd[1]) == 'string' and opts.cmd[1]:sub(1, 1) == '~' then
    opts.cmd[1] = M.resolve(opts.cmd[1])
  end
  for key, expected in pairs(config.types) do
    local value = opts[key]
    if value ~= nil and type(value) ~= expected then
      error(string.format('mend.setup: `%s` should be a %s, got %s', key, expected, type(value)), 2)
    end
  end
  local again = M.options ~= nil
  M.options = opts
  failed_roots = {}

  augroup = api.nvim_create_augroup('mend', { clear = true })
  api.nvim_create_autocmd('FileType', {
    group = augroup,
    pattern = config.server.filetypes,
    desc = 'mend: attach the language server to notes',
    callback = function(args)
      M.attach(args.buf)
    end,
  })

  if again then
    -- New settings for the clients already running.
    local settings = { [config.server.settings_section] = M.server_settings() }
    for _, client in ipairs(M.clients()) do
      call(client, 'notify', 'workspace/didChangeConfiguration', { settings = settings })
    end
  end
  -- Notes opened before setup() (e.g. from the command line).
  for _, bufnr in ipairs(api.nvim_list_bufs()) do
    if api.nvim_buf_is_loaded(bufnr) and vim.tbl_contains(config.server.filetypes, vim.bo[bufnr].filetype) then
      M.attach(bufnr)
    end
  end
end

-- Commands ------------------------------------------------------------------------------------

local function attached_client(bufnr)
  local client = M.client_for(bufnr)
  if not client then
    notify('no mend language server is attached to this buffer (see :checkhealth mend)', vim.log.levels.WARN)
  end
  return client
end

local function report_error(what, err)
  notify(string.format('%s failed: %s', what, err.message or vim.inspect(err)), vim.log.levels.ERROR)
end

-- Ids for :MendInsert completion: the catalogue's steps, then what the server adds.
function M.complete_templates(arglead)
  local ids, seen = {}, {}
  local function add(id)
    if not seen[id] and id:sub(1, #(arglead or '')) == (arglead or '') then
      seen[id] = true
      table.insert(ids, id)
    end
  end
  for _, id in ipairs(config.steps) do
    add(id)
  end
  for _, id in ipairs(config.extra_templates) do
    add(id)
  end
  local client = M.client_for(api.nvim_get_current_buf())
  if client then
    for _, id in ipairs(templates_by_client[client.id] or {}) do
      add(id)
    end
  end
  return ids
end

-- :MendInsert {step}: the server inserts the template at the cursor line (workspace/applyEdit).
function M.insert(template, bufnr)
  bufnr = (bufnr == nil or bufnr == 0) and api.nvim_get_current_buf() or bufnr
  if not template or template == '' then
    notify('usage: :MendInsert {step}', vim.log.levels.WARN)
    return
  end
  local client = attached_client(bufnr)
  if not client then
    return
  end
  local line0 = api.nvim_win_get_cursor(0)[1] - 1
  local params = {
    command = config.commands.insert_template,
    arguments = {
      { uri = vim.uri_from_bufnr(bufnr), template = template, position = { line = line0, character = 0 } },
    },
  }
  M.request(client, 'workspace/executeCommand', params, function(err, result)
    if err then
      report_error('inserting ' .. template, err)
    elseif type(result) == 'table' and result.applied == false then
      notify('nothing inserted: ' .. tostring(result.failureReason or 'the edit was not applied'), vim.log.levels.WARN)
    elseif not vim.lsp.codelens.enable and supports(client, 'codeLensProvider') then
      -- The edit fired none of the refresh events: the new step heading gets its lens now.
      refresh_codelens(client, bufnr)
    end
  end, bufnr)
end

-- mend/progress for bufnr (or, with folder = true, the whole notes folder); callback(result, client).
function M.fetch_progress(bufnr, folder, callback)
  local client = attached_client(bufnr)
  if not client then
    return
  end
  local params = folder and vim.empty_dict() or { uri = vim.uri_from_bufnr(bufnr) }
  local tick = api.nvim_buf_get_changedtick(bufnr)
  M.request(client, config.methods.progress, params, function(err, result)
    if err then
      report_error(config.methods.progress, err)
      return
    end
    if not folder and type(result) == 'table' and result.note then
      progress_by_buf[bufnr] = { tick = tick, note = result.note }
    end
    callback(result or {}, client)
  end, bufnr)
end

-- :MendProgress
function M.progress(bufnr)
  bufnr = (bufnr == nil or bufnr == 0) and api.nvim_get_current_buf() or bufnr
  M.fetch_progress(bufnr, false, function(result)
    require('mend.progress').open(result)
  end)
end

-- :MendUnanswered[!]
function M.unanswered(folder, bufnr)
  bufnr = (bufnr == nil or bufnr == 0) and api.nvim_get_current_buf() or bufnr
  M.fetch_progress(bufnr, folder, function(result, client)
    local view = require('mend.progress')
    local items
    if folder then
      local root = type(result.root) == 'string' and result.root or client.config.root_dir
      items = view.folder_items(result, root)
    else
      items = view.note_items(result, bufnr)
    end
    vim.fn.setqflist({}, ' ', { title = folder and 'mend: unanswered (folder)' or 'mend: unanswered', items = items })
    if #items == 0 then
      notify('no unanswered questions')
      return
    end
    local win = api.nvim_get_current_win()
    vim.cmd('botright copen')
    if api.nvim_win_is_valid(win) then
      api.nvim_set_current_win(win)
    end
  end)
end

-- The 1-based lines of bufnr's unanswered questions, sorted: from the latest mend/progress if
-- the buffer has not changed since, else from the server's `unanswered` hints, else asked now.
function M.unanswered_lines(bufnr)
  local lines, seen = {}, {}
  local function add(line)
    if type(line) == 'number' and not seen[line] then
      seen[line] = true
      table.insert(lines, line)
    end
  end
  local cached = progress_by_buf[bufnr]
  if cached and cached.tick == api.nvim_buf_get_changedtick(bufnr) then
    for _, q in ipairs(cached.note.questions or {}) do
      if q.answered == false then
        add(q.line)
      end
    end
  else
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do
      if d.source == config.diagnostic_source and tostring(d.code) == config.unanswered_code then
        add(d.lnum + 1)
      end
    end
    local client = #lines == 0 and M.client_for(bufnr)
    if client then
      local response = M.request_sync(client, config.methods.progress, { uri = vim.uri_from_bufnr(bufnr) }, 2000, bufnr)
      local note = response and response.result and response.result.note
      if note then
        progress_by_buf[bufnr] = { tick = api.nvim_buf_get_changedtick(bufnr), note = note }
        for _, q in ipairs(note.questions or {}) do
          if q.answered == false then
            add(q.line)
          end
        end
      end
    end
  end
  table.sort(lines)
  return lines
end

-- :MendExplain: how mend read the cursor's line (mend/explain), in a floating window; the
-- corrections themselves are code actions (vim.lsp.buf.code_action). callback(result), if
-- given, gets the server's answer too.
function M.explain(bufnr, callback)
  bufnr = (bufnr == nil or bufnr == 0) and api.nvim_get_current_buf() or bufnr
  local client = attached_client(bufnr)
  if not client then
    return
  end
  local line0 = api.nvim_win_get_cursor(0)[1] - 1
  local params = { textDocument = { uri = vim.uri_from_bufnr(bufnr) }, position = { line = line0, character = 0 } }
  M.request(client, config.methods.explain, params, function(err, result)
    if err then
      report_error(config.methods.explain, err)
      return
    end
    local lines = type(result) == 'table' and result.explanation or {}
    if #lines == 0 then
      notify('nothing to explain on this line')
    else
      -- focus = false: asking again replaces the window instead of jumping into it.
      vim.lsp.util.open_floating_preview(lines, 'plaintext', { border = 'single', focus_id = 'mend-explain', focus = false })
    end
    if callback then
      callback(result)
    end
  end, bufnr)
end

-- :MendNext / :MendPrev (direction 1 or -1), wrapping around the note like ]d.
function M.jump(direction)
  local bufnr = api.nvim_get_current_buf()
  local lines = M.unanswered_lines(bufnr)
  if #lines == 0 then
    if attached_client(bufnr) then
      notify('no unanswered questions in this note')
    end
    return
  end
  local current = api.nvim_win_get_cursor(0)[1]
  local target
  if direction > 0 then
    for _, line in ipairs(lines) do
      if line > current then
        target = line
        break
      end
    end
    target = target or lines[1]
  else
    for i = #lines, 1, -1 do
      if lines[i] < current then
        target = lines[i]
        break
      end
    end
    target = target or lines[#lines]
  end
  target = math.min(target, api.nvim_buf_line_count(bufnr))
  vim.cmd("normal! m'")
  api.nvim_win_set_cursor(0, { target, 0 })
end

return M

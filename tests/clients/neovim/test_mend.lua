-- The Neovim client against the real `mend lsp`: hints, :MendUnanswered, :MendNext/:MendPrev,
-- :MendInsert, :MendProgress and :checkhealth mend, on a copy of fixture/. Run by
-- run_nvim_test.sh inside `nvim --headless -u minimal_init.lua`; exits 0 or 1 with a message.

local api = vim.api
local uv = vim.uv or vim.loop
local note = assert(os.getenv('MEND_NOTE'), 'MEND_NOTE: the note to open')
local started = uv.hrtime()
local passed, failed = 0, 0

local function log(msg)
  io.stdout:write(msg .. '\n')
  io.stdout:flush()
end

local function fail(msg)
  error({ mend_test = msg }, 0)
end

local function check(name, fn)
  local ok, err = xpcall(fn, function(e)
    if type(e) == 'table' and e.mend_test then
      return e.mend_test
    end
    return debug.traceback(tostring(e), 2)
  end)
  if ok then
    passed = passed + 1
    log('ok   - ' .. name)
  else
    failed = failed + 1
    log('FAIL - ' .. name .. ': ' .. tostring(err))
  end
  return ok
end

local function wait(ms, cond)
  return vim.wait(ms, cond, 50)
end

local function buffer_text(buf)
  return table.concat(api.nvim_buf_get_lines(buf, 0, -1, false), '\n')
end

local function find_line(buf, pattern)
  for i, line in ipairs(api.nvim_buf_get_lines(buf, 0, -1, false)) do
    if line:find(pattern) then
      return i
    end
  end
  return nil
end

-- The section of a heading: its line to the line before the next heading (1-based, inclusive).
local function section_of(buf, heading_line)
  local lines = api.nvim_buf_get_lines(buf, 0, -1, false)
  local last = #lines
  for i = heading_line + 1, #lines do
    if lines[i]:match('^#') then
      last = i - 1
      break
    end
  end
  return heading_line, last
end

local function mend_hints(buf)
  local result = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    if d.source == 'mend' then
      table.insert(result, d)
    end
  end
  return result
end

local mend = require('mend')
vim.cmd('edit ' .. vim.fn.fnameescape(note))
local buf = api.nvim_get_current_buf()
local official = assert(find_line(buf, 'official reasons'), 'fixture: the note has no "official reasons" heading')

local attached = check('the client attaches to the note (FileType markdown)', function()
  if vim.bo[buf].filetype ~= 'markdown' then
    fail('filetype is ' .. vim.bo[buf].filetype .. ', not markdown')
  end
  if
    not wait(10000, function()
      local client = mend.client_for(buf)
      return client ~= nil and client.initialized ~= false
    end)
  then
    fail('no mend client attached after 10 s (see the LSP log below)')
  end
  local client = mend.client_for(buf)
  local root = uv.fs_realpath(os.getenv('MEND_NOTES'))
  if client.config.root_dir ~= root then
    fail(string.format('root_dir is %s, expected the notes folder %s', tostring(client.config.root_dir), root))
  end
end)

if attached then
  check('hints on the unanswered question (source mend, code unanswered)', function()
    local first, last = section_of(buf, official)
    local function on_official()
      for _, d in ipairs(mend_hints(buf)) do
        if d.lnum + 1 >= first and d.lnum + 1 <= last and tostring(d.code) == 'unanswered' then
          return d
        end
      end
    end
    if not wait(10000, function()
      return on_official() ~= nil
    end) then
      fail(
        string.format(
          'no `unanswered` mend diagnostic on lines %d-%d after 10 s; mend diagnostics: %s',
          first,
          last,
          vim.inspect(mend_hints(buf))
        )
      )
    end
    local d = on_official()
    if d.severity ~= vim.diagnostic.severity.HINT then
      fail('the unanswered diagnostic has severity ' .. tostring(d.severity) .. ', expected HINT (4)')
    end
  end)

  check(':MendUnanswered fills the quickfix list', function()
    vim.fn.setqflist({}, 'r')
    vim.cmd('MendUnanswered')
    if not wait(10000, function()
      return #vim.fn.getqflist() > 0
    end) then
      fail('the quickfix list is still empty after 10 s')
    end
    local first, last = section_of(buf, official)
    local found = false
    for _, item in ipairs(vim.fn.getqflist()) do
      if item.bufnr == buf and item.lnum >= first and item.lnum <= last and item.text:find('why.official', 1, true) then
        found = true
      end
    end
    if not found then
      fail(
        'no quickfix item for why.official on lines ' .. first .. '-' .. last .. ': ' .. vim.inspect(vim.fn.getqflist())
      )
    end
    if api.nvim_get_current_buf() ~= buf then
      fail(':MendUnanswered left the cursor outside the note')
    end
  end)

  check(':MendUnanswered! lists the whole folder', function()
    vim.fn.setqflist({}, 'r')
    vim.cmd('MendUnanswered!')
    if not wait(10000, function()
      return #vim.fn.getqflist() > 0
    end) then
      fail('the quickfix list is still empty after 10 s')
    end
    local item = vim.fn.getqflist()[1]
    local name = api.nvim_buf_get_name(item.bufnr)
    if uv.fs_realpath(name) ~= uv.fs_realpath(note) then
      fail('the first item is in ' .. name .. ', expected the note ' .. note)
    end
  end)

  check(':MendNext and :MendPrev move to unanswered question lines', function()
    api.nvim_win_set_cursor(0, { 1, 0 })
    vim.cmd('MendNext')
    local line = api.nvim_win_get_cursor(0)[1]
    local first, last = section_of(buf, official)
    if line < first or line > last then
      fail(
        string.format(':MendNext went to line %d, expected the official-reasons question (%d-%d)', line, first, last)
      )
    end
    api.nvim_win_set_cursor(0, { api.nvim_buf_line_count(buf), 0 })
    vim.cmd('MendPrev')
    line = api.nvim_win_get_cursor(0)[1]
    if line < first or line > last then
      fail(string.format(':MendPrev went to line %d, expected %d-%d', line, first, last))
    end
  end)

  check(':MendInsert completes step ids', function()
    local ids = mend.complete_templates('w')
    if not vim.tbl_contains(ids, 'why') or not vim.tbl_contains(ids, 'wrongs') then
      fail('completion of "w" gave ' .. vim.inspect(ids))
    end
    local all = vim.fn.getcompletion('MendInsert ', 'cmdline')
    if not vim.tbl_contains(all, 'reach-out') then
      fail('the command line completion gave ' .. vim.inspect(all))
    end
  end)

  check(':MendInsert why inserts the step', function()
    local before = buffer_text(buf)
    api.nvim_win_set_cursor(0, { api.nvim_buf_line_count(buf), 0 })
    vim.cmd('MendInsert why')
    local function inserted()
      local text = buffer_text(buf)
      return text ~= before and (text:find('mend:q why.official', 1, true) or text:find('mend:step why', 1, true))
    end
    if not wait(10000, inserted) then
      fail('the buffer did not gain "mend:q why.official" within 10 s; it is now:\n' .. buffer_text(buf))
    end
    -- The ex's name and pronouns reach the server as initializationOptions.
    local added = buffer_text(buf):sub(#before - 10)
    if not added:find('Alex', 1, true) or not added:find('his', 1, true) then
      fail('the inserted template does not use ex = { name = "Alex", pronouns = "he" }:\n' .. added)
    end
  end)

  check('a code lens (mend.insertMissing) on the inserted step heading', function()
    local function lenses()
      local result = {}
      if vim.lsp.codelens.enable then
        for _, item in ipairs(vim.lsp.codelens.get({ bufnr = buf })) do
          table.insert(result, item.lens)
        end
      else
        result = vim.lsp.codelens.get(buf)
      end
      return result
    end
    local function insert_missing()
      for _, lens in ipairs(lenses()) do
        if lens.command and lens.command.command == 'mend.insertMissing' then
          return lens
        end
      end
    end
    if not wait(10000, function()
      return insert_missing() ~= nil
    end) then
      fail('no mend.insertMissing code lens after 10 s; lenses: ' .. vim.inspect(lenses()))
    end
    local line =
      api.nvim_buf_get_lines(buf, insert_missing().range.start.line, insert_missing().range.start.line + 1, false)[1]
    if not line:match('^#') then
      fail('the code lens is not on a heading: ' .. line)
    end
  end)

  check(':MendNext after the insert lands on an unanswered question', function()
    api.nvim_win_set_cursor(0, { 1, 0 })
    local ok = wait(10000, function()
      vim.cmd('MendNext')
      local lines = mend.unanswered_lines(buf)
      return vim.tbl_contains(lines, api.nvim_win_get_cursor(0)[1])
    end)
    if not ok then
      fail(
        'cursor on line '
          .. api.nvim_win_get_cursor(0)[1]
          .. ', unanswered: '
          .. vim.inspect(mend.unanswered_lines(buf))
      )
    end
  end)

  check(':MendProgress opens a float with the steps', function()
    local win = api.nvim_get_current_win()
    vim.cmd('MendProgress')
    local float
    if
      not wait(10000, function()
        for _, w in ipairs(api.nvim_list_wins()) do
          if api.nvim_win_get_config(w).relative ~= '' then
            float = w
            return true
          end
        end
      end)
    then
      fail('no floating window after 10 s')
    end
    local text = buffer_text(api.nvim_win_get_buf(float))
    if not text:find('why', 1, true) then
      fail('the float does not mention the why step:\n' .. text)
    end
    vim.cmd('normal q')
    if api.nvim_win_is_valid(float) then
      fail('q did not close the float')
    end
    if api.nvim_get_current_win() ~= win then
      api.nvim_set_current_win(win)
    end
  end)

  -- Neovim's own default capabilities, whatever its version (0.7.2 on Debian 12 announces no
  -- snippet support): "/" completes to the step in the form this client can insert.
  check('completion after "/" fits the client\'s snippet support and is inserted as is', function()
    local client = mend.client_for(buf)
    local caps = client.config.capabilities or vim.lsp.protocol.make_client_capabilities()
    local item_caps = ((caps.textDocument or {}).completion or {}).completionItem or {}
    local snippets = item_caps.snippetSupport == true
    local before = api.nvim_buf_get_lines(buf, 0, -1, false)
    local last = #before
    api.nvim_buf_set_lines(buf, last, last, false, { '/' })
    local params = {
      textDocument = vim.lsp.util.make_text_document_params(buf),
      position = { line = last, character = 1 },
    }
    local responses = vim.lsp.buf_request_sync(buf, 'textDocument/completion', params, 10000) or {}
    local why
    for _, response in pairs(responses) do
      local result = response.result or {}
      for _, item in ipairs(result.items or result) do
        if item.label == '/why' then
          why = item
        end
      end
    end
    if not why then
      api.nvim_buf_set_lines(buf, 0, -1, false, before)
      fail('no /why completion item: ' .. vim.inspect(responses))
    end
    local text = why.textEdit.newText
    if why.insertTextMode ~= 1 then
      fail('insertTextMode is ' .. tostring(why.insertTextMode) .. ', expected 1 (asIs)')
    end
    if snippets and (why.insertTextFormat ~= 2 or not text:find('${1:', 1, true)) then
      fail('snippetSupport is on, yet /why is not a snippet: ' .. vim.inspect(why))
    end
    if not snippets and (why.insertTextFormat ~= 1 or text:find('${', 1, true)) then
      fail('snippetSupport is off, yet /why is not plain text: ' .. vim.inspect(why))
    end
    vim.lsp.util.apply_text_edits({ why.textEdit }, buf, client.offset_encoding or 'utf-16')
    local inserted = buffer_text(buf)
    api.nvim_buf_set_lines(buf, 0, -1, false, before)
    if not snippets and not inserted:find('_your answer_', 1, true) then
      fail('the inserted step has no `_your answer_` placeholder:\n' .. inserted)
    end
    local v = vim.version()
    log(string.format('     (Neovim %d.%d, snippetSupport %s)', v.major, v.minor, tostring(snippets)))
  end)
end

-- Issue 12: explain a line, then correct it through the standard code-action UI, on a note of
-- its own (the checks above changed the fixture's note).
if attached then
  local why_path = os.getenv('MEND_NOTES') .. '/explain.md'
  vim.fn.writefile({
    '# After Alex left',
    '',
    '## Why he left',
    '',
    '- Official reasons: he said he needed space',
    '- Blue bicycle season? his silence',
    "- What wasn't working? We never talked.",
  }, why_path)
  vim.cmd('edit ' .. vim.fn.fnameescape(why_path))
  local why_buf = api.nvim_get_current_buf()
  local blue = 6

  local function close_floats()
    for _, win in ipairs(api.nvim_list_wins()) do
      if api.nvim_win_get_config(win).relative ~= '' then
        api.nvim_win_close(win, true)
      end
    end
  end

  -- The server's answer to mend/explain on `line` (1-based), after the client is attached.
  local function explain_at(line)
    api.nvim_set_current_buf(why_buf)
    api.nvim_win_set_cursor(0, { line, 0 })
    local answer
    mend.explain(why_buf, function(result)
      answer = result
    end)
    if not wait(5000, function()
      return answer ~= nil
    end) then
      fail('no mend/explain answer after 5 s')
    end
    close_floats()
    return answer
  end

  -- Picks the code action whose title starts with `title` and ends with `tail` (if given) in
  -- vim.ui.select, as a person would.
  local function run_code_action(title, tail)
    local select = vim.ui.select
    local offered = {}
    local picked = false
    vim.ui.select = function(items, opts, on_choice)
      for i, item in ipairs(items) do
        local action = item.action or item[2] -- 0.10+: { action, ctx }; 0.7–0.9: { client_id, action }
        table.insert(offered, action.title)
        if action.title:sub(1, #title) == title and (not tail or action.title:sub(-#tail) == tail) then
          picked = true
          return on_choice(item, i)
        end
      end
      on_choice(nil)
    end
    local ok, err = pcall(vim.lsp.buf.code_action)
    wait(5000, function()
      return #offered > 0
    end)
    vim.ui.select = select
    if not ok then
      fail('vim.lsp.buf.code_action failed: ' .. tostring(err))
    end
    if not picked then
      fail('no code action "' .. title .. '"; offered: ' .. vim.inspect(offered))
    end
  end

  local explain_ok = check(':MendExplain says how a line was read', function()
    if not wait(10000, function()
      return mend.client_for(why_buf) ~= nil
    end) then
      fail('no mend client on explain.md')
    end
    local answer = explain_at(blue)
    if type(answer.question) ~= 'table' or answer.question.id ~= 'why.unofficial' then
      fail('expected why.unofficial on line 6: ' .. vim.inspect(answer))
    end
    local text = table.concat(answer.explanation, '\n')
    if not text:find('its place', 1, true) or not text:find('a list item', 1, true) then
      fail('the explanation does not say how:\n' .. text)
    end
    -- The command shows the same words in a floating window.
    api.nvim_win_set_cursor(0, { blue, 0 })
    vim.cmd('MendExplain')
    local shown = wait(5000, function()
      for _, win in ipairs(api.nvim_list_wins()) do
        if api.nvim_win_get_config(win).relative ~= '' then
          local lines = api.nvim_buf_get_lines(api.nvim_win_get_buf(win), 0, -1, false)
          if table.concat(lines, '\n'):find('Read as:', 1, true) then
            return true
          end
        end
      end
    end)
    close_floats()
    if not shown then
      fail(':MendExplain opened no floating window with the explanation')
    end
  end)

  if explain_ok then
    check('code action "mend: not a reflection question" writes <!-- mend:ignore -->', function()
      api.nvim_set_current_buf(why_buf)
      api.nvim_win_set_cursor(0, { blue, 0 })
      run_code_action('mend: not a reflection question')
      if not wait(5000, function()
        return api.nvim_buf_get_lines(why_buf, blue, blue + 1, false)[1] == '  <!-- mend:ignore -->'
      end) then
        fail('line 7 is not the ignore marker:\n' .. buffer_text(why_buf))
      end
      local answer
      wait(5000, function()
        answer = explain_at(blue)
        return answer.question == vim.NIL or answer.question == nil
      end)
      if answer.question ~= vim.NIL and answer.question ~= nil then
        fail('line 6 is still read as a question: ' .. vim.inspect(answer))
      end
    end)

    check('code action "mend: this is the question … (why.disliked)" replaces the marker', function()
      api.nvim_set_current_buf(why_buf)
      api.nvim_win_set_cursor(0, { blue, 0 })
      run_code_action('mend: this is the question "', '(why.disliked)')
      if not wait(5000, function()
        return api.nvim_buf_get_lines(why_buf, blue, blue + 1, false)[1] == '  <!-- mend:q why.disliked -->'
      end) then
        fail('line 7 is not the why.disliked marker:\n' .. buffer_text(why_buf))
      end
      local answer
      wait(5000, function()
        answer = explain_at(blue)
        return type(answer.question) == 'table' and answer.question.id == 'why.disliked'
      end)
      if type(answer.question) ~= 'table' or answer.question.matched_by ~= 'marker' then
        fail('line 6 is not why.disliked by its marker: ' .. vim.inspect(answer))
      end
    end)
  end
  api.nvim_set_current_buf(buf) -- the checks below look at the fixture's note
end

check(':help mend documents every command', function()
  local doc = vim.fn.tempname()
  vim.fn.mkdir(doc, 'p')
  vim.fn.writefile(vim.fn.readfile(os.getenv('MEND_CLIENT') .. '/doc/mend.txt'), doc .. '/mend.txt')
  vim.cmd('helptags ' .. vim.fn.fnameescape(doc))
  local tags = {}
  for _, line in ipairs(vim.fn.readfile(doc .. '/tags')) do
    tags[vim.split(line, '\t')[1]] = true
  end
  local missing = {}
  for name in pairs(api.nvim_get_commands({})) do
    if name:match('^Mend') and not tags[':' .. name] then
      table.insert(missing, name)
    end
  end
  for _, tag in ipairs({ 'mend', 'mend-setup', 'mend-health', 'mend-installation' }) do
    if not tags[tag] then
      table.insert(missing, tag)
    end
  end
  if #missing > 0 then
    fail('doc/mend.txt has no tag for ' .. table.concat(missing, ', '))
  end
end)

check(':checkhealth mend reports no ERROR', function()
  vim.cmd('checkhealth mend')
  local text = buffer_text(api.nvim_get_current_buf())
  vim.cmd('tabclose')
  if text:find('ERROR') then
    fail('the report has an ERROR:\n' .. text)
  end
  if not text:find('mend: binary', 1, true) or not text:find('attached to client', 1, true) then
    fail('the report misses the binary or the attached client:\n' .. text)
  end
end)

log(string.format('neovim client test: %.1f s', (uv.hrtime() - started) / 1e9))
log(string.format('%d passed, %d failed', passed, failed))
if failed > 0 then
  vim.cmd('cquit 1')
else
  vim.cmd('qall!')
end

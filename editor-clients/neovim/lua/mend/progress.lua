-- Shows `mend/progress` answers: the floating window of :MendProgress and the quickfix items of
-- :MendUnanswered. Pure formatting over the server's result, plus one window.

local M = {}

local api = vim.api

local BAR_WIDTH = 10

-- "███░░░░░░░" for answered/total.
function M.bar(answered, total)
  answered, total = tonumber(answered) or 0, tonumber(total) or 0
  local filled = total > 0 and math.floor(answered / total * BAR_WIDTH + 0.5) or 0
  filled = math.max(0, math.min(BAR_WIDTH, filled))
  return string.rep('█', filled) .. string.rep('░', BAR_WIDTH - filled)
end

local function pad(text, width)
  return text .. string.rep(' ', math.max(0, width - vim.fn.strdisplaywidth(text)))
end

local function step_lines(steps, with_state)
  local lines = {}
  local width = 0
  for _, step in ipairs(steps or {}) do
    width = math.max(width, vim.fn.strdisplaywidth(tostring(step.id)))
  end
  for _, step in ipairs(steps or {}) do
    local line = string.format(
      '  %s  %s  %d/%d',
      pad(tostring(step.id), width),
      M.bar(step.answered, step.total),
      tonumber(step.answered) or 0,
      tonumber(step.total) or 0
    )
    if with_state then
      if step.done then
        line = line .. '  done'
      elseif step.started then
        line = line .. '  started'
      end
    end
    table.insert(lines, line)
  end
  return lines
end

local function suggestion_line(s, with_path)
  local where = {}
  if s.question and s.question ~= vim.NIL then
    table.insert(where, s.question)
  elseif s.step and s.step ~= vim.NIL then
    table.insert(where, s.step)
  end
  if with_path and s.path and s.path ~= vim.NIL then
    table.insert(where, s.path .. (s.line and s.line ~= vim.NIL and (':' .. s.line) or ''))
  elseif s.line and s.line ~= vim.NIL then
    table.insert(where, 'line ' .. s.line)
  end
  return string.format('  • [%s] %s: %s', tostring(s.kind), table.concat(where, ', '), tostring(s.message or ''))
end

-- The float's text (a list of lines) and the lines to highlight as headings.
function M.render(result)
  local lines, headings = {}, {}
  local function heading(text)
    table.insert(lines, text)
    table.insert(headings, #lines)
  end
  local note = type(result.note) == 'table' and result.note or nil
  local summary = type(result.summary) == 'table' and result.summary or nil

  if note then
    heading('This note' .. (note.path and note.path ~= vim.NIL and (' (' .. note.path .. ')') or ''))
    vim.list_extend(lines, step_lines(note.steps, false))
    if #(note.steps or {}) == 0 then
      table.insert(lines, '  no reflection step in this note yet (:MendInsert {step})')
    end
  end
  if summary then
    table.insert(lines, '')
    heading(
      string.format(
        'Notes folder: %d note(s), %d/%d questions answered',
        tonumber(summary.notes) or 0,
        tonumber(summary.answered) or 0,
        tonumber(summary.questions) or 0
      )
    )
    vim.list_extend(lines, step_lines(summary.steps, true))
    if summary.next_step and summary.next_step ~= vim.NIL then
      table.insert(lines, '  next step: ' .. tostring(summary.next_step))
    end
  end
  local suggestions = note and note.suggestions or {}
  -- The folder's suggestions less this note's, shown above.
  local folder_suggestions = {}
  for _, s in ipairs(summary and summary.suggestions or {}) do
    if not (note and #suggestions > 0 and s.path == note.path) then
      table.insert(folder_suggestions, s)
    end
  end
  if #suggestions > 0 then
    table.insert(lines, '')
    heading('Suggestions for this note')
    for _, s in ipairs(suggestions) do
      table.insert(lines, suggestion_line(s, false))
    end
  end
  if #folder_suggestions > 0 then
    table.insert(lines, '')
    heading('Suggestions for the folder')
    for _, s in ipairs(folder_suggestions) do
      table.insert(lines, suggestion_line(s, true))
    end
  end
  if #lines == 0 then
    table.insert(lines, 'mend: no progress to show')
  end
  return lines, headings
end

-- Opens the float for a mend/progress result; q or <Esc> closes it. Returns buffer and window.
function M.open(result)
  local lines, headings = M.render(result)
  local buf = api.nvim_create_buf(false, true)
  api.nvim_buf_set_lines(buf, 0, -1, false, lines)
  local ns = api.nvim_create_namespace('mend.progress')
  for _, lnum in ipairs(headings) do
    api.nvim_buf_set_extmark(buf, ns, lnum - 1, 0, { end_col = #lines[lnum], hl_group = 'Title' })
  end
  vim.bo[buf].modifiable = false
  vim.bo[buf].bufhidden = 'wipe'
  vim.bo[buf].filetype = 'mendprogress'

  local width = 20
  for _, line in ipairs(lines) do
    width = math.max(width, vim.fn.strdisplaywidth(line))
  end
  width = math.min(width + 2, math.max(20, vim.o.columns - 4))
  -- Long suggestions wrap: count the screen lines they take.
  local rows = 0
  for _, line in ipairs(lines) do
    rows = rows + math.max(1, math.ceil(vim.fn.strdisplaywidth(line) / width))
  end
  local height = math.min(rows, math.max(1, vim.o.lines - 6))
  local win = api.nvim_open_win(buf, true, {
    relative = 'editor',
    width = width,
    height = height,
    row = math.max(0, math.floor((vim.o.lines - height) / 2) - 1),
    col = math.max(0, math.floor((vim.o.columns - width) / 2)),
    style = 'minimal',
    border = 'rounded',
  })
  vim.wo[win].wrap = true
  vim.wo[win].linebreak = true
  local function close()
    if api.nvim_win_is_valid(win) then
      api.nvim_win_close(win, true)
    end
  end
  for _, key in ipairs({ 'q', '<Esc>' }) do
    vim.keymap.set('n', key, close, { buffer = buf, nowait = true, desc = 'mend: close progress' })
  end
  api.nvim_create_autocmd('BufLeave', { buffer = buf, once = true, callback = close })
  return buf, win
end

-- Quickfix ------------------------------------------------------------------------------------

local function message_for(suggestions, question, path)
  for _, s in ipairs(suggestions or {}) do
    if s.question == question and (path == nil or s.path == path) then
      return s.message
    end
  end
  return nil
end

local function item(filename_or_buf, q, message)
  local text = tostring(q.id)
  if message and message ~= vim.NIL then
    text = text .. ': ' .. tostring(message)
  else
    text = text .. ': unanswered'
  end
  local entry = { lnum = tonumber(q.line) or 1, col = 1, text = text, type = 'I' }
  if type(filename_or_buf) == 'number' then
    entry.bufnr = filename_or_buf
  else
    entry.filename = filename_or_buf
  end
  return entry
end

-- The unanswered questions of one note's mend/progress answer, for setqflist().
function M.note_items(result, bufnr)
  local items = {}
  local note = result.note or {}
  for _, q in ipairs(note.questions or {}) do
    if q.answered == false then
      table.insert(items, item(bufnr, q, message_for(note.suggestions, q.id)))
    end
  end
  return items
end

-- The unanswered questions of the whole folder; note paths are relative to root.
function M.folder_items(result, root)
  local items = {}
  local suggestions = result.summary and result.summary.suggestions or {}
  for _, note in ipairs(result.notes or {}) do
    local path = tostring(note.path)
    local filename = path:sub(1, 1) == '/' and path or (root .. '/' .. path)
    for _, q in ipairs(note.questions or {}) do
      if q.answered == false then
        table.insert(items, item(filename, q, message_for(suggestions, q.id, note.path)))
      end
    end
  end
  return items
end

return M

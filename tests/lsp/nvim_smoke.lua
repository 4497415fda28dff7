-- Headless Neovim (0.7+) smoke test: the built-in client starts `mend lsp` on a fixture note,
-- waits for mend's diagnostics, asks for code actions and applies one.
-- Run by nvim_smoke.py: MEND=<binary> NOTE=<note> nvim --headless -u NONE -l? (0.7 has no -l) -c "luafile ...".
local mend, note = os.getenv("MEND"), os.getenv("NOTE")
local function fail(msg)
  io.stderr:write("FAIL: " .. msg .. "\n")
  vim.cmd("cquit 1")
end

vim.cmd("edit " .. vim.fn.fnameescape(note))
local bufnr = vim.api.nvim_get_current_buf()
local client_id = vim.lsp.start_client({
  name = "mend",
  cmd = { mend, "lsp" },
  root_dir = vim.fn.fnamemodify(note, ":h"),
  init_options = { today = "2026-11-26", ex = { name = "Sam", pronouns = "he" } },
})
if not client_id then fail("start_client") end
vim.lsp.buf_attach_client(bufnr, client_id)

local ok = vim.wait(10000, function()
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    if d.source == "mend" then return true end
  end
  return false
end, 50)
if not ok then fail("no diagnostics from mend") end

local client = vim.lsp.get_client_by_id(client_id)
local before = vim.api.nvim_buf_line_count(bufnr)
local params = {
  textDocument = { uri = vim.uri_from_bufnr(bufnr) },
  range = { start = { line = 6, character = 0 }, ["end"] = { line = 6, character = 0 } },
  context = { diagnostics = {} },
}
local result = client.request_sync("textDocument/codeAction", params, 5000, bufnr)
if not result or result.err or not result.result then fail("codeAction: " .. vim.inspect(result)) end
local action
for _, a in ipairs(result.result) do
  if a.title:match("^Insert next step") then action = a end
end
if not action or not action.edit then fail("no 'Insert next step' action: " .. vim.inspect(result.result)) end
vim.lsp.util.apply_workspace_edit(action.edit, "utf-16")
local after = vim.api.nvim_buf_line_count(bufnr)
if after <= before then fail("buffer did not change") end
local text = table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), "\n")
if not text:find("mend:q motives.fear", 1, true) then fail("inserted text missing") end
client.stop()
io.stdout:write("nvim smoke: ok (" .. before .. " -> " .. after .. " lines)\n")
vim.cmd("qall!")

-- mend's client configuration as data: the defaults setup() merges over, and the server config.
--
-- Nothing here runs anything: init.lua builds the LSP client from these tables and health.lua
-- checks a user's options against them. The step ids are the catalogue's (shared with the server
-- and the other editor clients); the server's `mend/templates` answer may add more.

local M = {}

-- What `require('mend').setup{}` starts from; every key may be overridden.
M.defaults = {
  -- The server command: the `mend` binary and its `lsp` subcommand.
  cmd = { 'mend', 'lsp' },
  -- Notes folders: a Markdown buffer inside one of them attaches to one client per folder.
  -- Empty: the buffer's git root, or else its directory.
  notes = {},
  -- The ex, for the templates' placeholders ({name}, {they}, {their}, ...).
  ex = { name = nil, pronouns = nil },
  -- The template language ("en", ...); nil lets the server detect it per note.
  language = nil,
  -- Insert `<!-- mend:q id -->` markers after questions so answers match whatever the heading.
  markers = true,
  -- An ISO date (YYYY-MM-DD) the server takes as today; nil = the real date (tests set it).
  today = nil,
}

-- The type each option must have (nil is allowed for all but cmd, notes, ex and markers,
-- which the defaults fill in).
M.types = {
  cmd = 'table',
  notes = 'table',
  ex = 'table',
  language = 'string',
  markers = 'boolean',
  today = 'string',
}

-- The catalogue's steps, in the article's order.
M.steps = { 'motives', 'why', 'wrongs', 'evaluate', 'patterns', 'reach-out', 'new-start', 'if-no' }

-- Templates that are not steps: today's dated entry of the action log.
M.extra_templates = { 'log' }

-- The pronoun sets of the built-in language packs (`ex.pronouns` names one of them).
M.pronouns = {
  en = { 'he', 'she', 'they' },
  fr = { 'il', 'elle', 'iel' },
}

-- The language server, as data (nvim-lspconfig style).
M.server = {
  name = 'mend',
  filetypes = { 'markdown' },
  -- The section the server asks for on workspace/configuration.
  settings_section = 'mend',
}

-- The server's commands (workspace/executeCommand) and extension methods.
M.commands = {
  insert_template = 'mend.insertTemplate',
  insert_missing = 'mend.insertMissing',
  insert_log_entry = 'mend.insertLogEntry',
}
M.methods = {
  explain = 'mend/explain',
  progress = 'mend/progress',
  templates = 'mend/templates',
}

-- Diagnostics: the server publishes them with this source and the suggestion kind as code.
M.diagnostic_source = 'mend'
M.unanswered_code = 'unanswered'

return M
